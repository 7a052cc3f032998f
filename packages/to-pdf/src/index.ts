import { assertOptions, type Report } from '@report-convert/core';
import { PdfOptions, renderPdf } from './render.js';

export { renderPdf, type PdfOptions, type PdfResult } from './render.js';
export { DEFAULT_FONT, type FontSource, type PdfFonts } from './fonts.js';
export { wrapLines } from './linebreak.js';
export { FontError, fontProblem, type FontProblem } from './fontProblem.js';

/**
 * The report as a print-ready, searchable PDF; rejects with a FontError when a font cannot draw these
 * reports at all. Characters a usable font lacks print as boxes here: `renderPdf` returns them as findings.
 */
export async function toPdf(report: Report, options: PdfOptions = {}): Promise<Uint8Array> {
  assertOptions(PdfOptions, options, 'toPdf'); // as renderPdf does, to say toPdf was called wrong
  return (await renderPdf(report, options)).bytes;
}
