import { fileURLToPath } from 'node:url';

/**
 * Noto Serif SC Regular, vendored with its OFL licence: one weight, about 14 MB, instead of a package of nine.
 * Also exported alone, as `@report-convert/to-pdf/fonts`, for callers that need the path without loading pdfkit.
 */
export const DEFAULT_FONT = fileURLToPath(new URL('../fonts/NotoSerifSC-Regular.ttf', import.meta.url));

/**
 * A font given by file path or bytes (TTF or OTF); TTF subsets fastest and smallest. One face of a
 * collection is named after a `#`: `/usr/share/fonts/…/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`.
 */
export type FontSource = string | Uint8Array;

export interface PdfFonts {
  body?: FontSource;
  title?: FontSource;
  heading?: FontSource;
}
