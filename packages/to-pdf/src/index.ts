import type { Report } from '@report-convert/core';
import { renderPdf, type PdfOptions } from './render.js';

export { renderPdf, type PdfOptions, type PdfResult } from './render.js';
export { DEFAULT_FONT, type FontSource, type PdfFonts } from './fonts.js';
export { wrapLines } from './linebreak.js';
export { fontProblem, type FontProblem } from './drawingFont.js';

/** The report as a print-ready, searchable PDF. `renderPdf` also returns the missing-glyph findings. */
export async function toPdf(report: Report, options: PdfOptions = {}): Promise<Uint8Array> {
  return (await renderPdf(report, options)).bytes;
}
