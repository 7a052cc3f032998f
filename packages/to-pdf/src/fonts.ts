import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Noto Serif SC Regular, vendored with its OFL licence: one weight, about 14 MB, instead of a package of nine.
 * Also exported alone, as `@report-convert/to-pdf/fonts`, for callers that need the path without loading pdfkit.
 */
export const DEFAULT_FONT = fileURLToPath(new URL('../fonts/NotoSerifSC-Regular.ttf', import.meta.url));

/**
 * A font given by file path or bytes (TTF or OTF); TTF subsets fastest and smallest. One face of a
 * collection is named after a `#`: `/usr/share/fonts/…/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`.
 * Bytes of any buffer: `typeof Uint8Array`'s instances would be those of an ArrayBuffer alone.
 */
export const FontSource = z.union([z.string(), z.instanceof(Uint8Array as new () => Uint8Array)]);
export type FontSource = z.infer<typeof FontSource>;

/** Your own fonts by role; a role not given draws in the body's, and the body in DEFAULT_FONT. */
export const PdfFonts = z.strictObject({ body: FontSource.optional(), title: FontSource.optional(), heading: FontSource.optional() });
export type PdfFonts = z.infer<typeof PdfFonts>;
