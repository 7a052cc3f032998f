/** A line of text already placed: its left edge and its top, in pdfkit's coordinates (origin top left). */
export interface PlacedLine {
  text: string;
  x: number;
  y: number;
  /** Room added after each character, as doc.text's characterSpacing (a justified line's spread); none if absent. */
  characterSpacing?: number;
}

/** The parts of pdfkit's embedded font that `doc.text` uses to draw; pdfkit declares no types for them. */
interface PdfkitFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], unknown[]];
  ref(): unknown;
}
interface PdfkitDocument {
  _font: PdfkitFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
}

/** As pdfkit writes numbers into content streams: at most six decimals. */
export const number = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * Draws many short lines in the current font and size as one PDF text object: what `doc.text` would
 * draw for each (the same glyphs, through the same font encoding, so the subset, widths and ToUnicode
 * map are pdfkit's), without its graphics-state save, transform and text object around every line,
 * and without measuring each line twice more. A table's cells are a few hundred such lines per report,
 * and `doc.text` was half of a PDF's drawing time; a page of narrative is some thirty more. Kerning and other shaping offsets are not drawn:
 * our drawing font lays out glyph by glyph (see drawingFont).
 */
export function drawLines(doc: PDFKit.PDFDocument, lines: readonly PlacedLine[]): void {
  if (!lines.length) return;
  const pdf = doc as unknown as Partial<PdfkitDocument>;
  const font = pdf._font;
  const size = pdf._fontSize;
  // Should a pdfkit release rename these, each line is drawn as before: every member read below, the font's
  // id (its resource name) and ascender (the baseline) too, or the stream would get `/undefined` or `NaN`.
  if (typeof font?.encode !== 'function' || typeof font.ref !== 'function' || typeof font.id !== 'string' || typeof font.ascender !== 'number' || typeof size !== 'number' || !pdf.page?.fonts) {
    for (const { text, x, y, characterSpacing } of lines) doc.text(text, x, y, { lineBreak: false, characterSpacing });
    return;
  }
  pdf.page.fonts[font.id] ??= font.ref();
  // pdfkit's pages are flipped (y down); text is drawn in PDF's own orientation, its top at y.
  const baseline = (font.ascender / 1000) * size;
  const height = pdf.page.height;
  const content = [`q\n1 0 0 -1 0 ${number(height)} cm\nBT\n/${font.id} ${number(size)} Tf`];
  // Character spacing is text state: set only when it changes, and the closing Q restores it.
  let spacing = 0;
  for (const { text, x, y, characterSpacing = 0 } of lines) {
    if (!text) continue;
    const [glyphs] = font.encode(text);
    if (characterSpacing !== spacing) content.push(`${number((spacing = characterSpacing))} Tc`);
    content.push(`1 0 0 1 ${number(x)} ${number(height - y - baseline)} Tm\n<${glyphs.join('')}> Tj`);
  }
  content.push('ET\nQ');
  doc.addContent(content.join('\n'));
}
