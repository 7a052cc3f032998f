import { parsePdfPages } from '../pdf/index.js';
import type { PdfPage, PdfRule, PdfText } from '../pdf/page.js';

/** An A4 page of these runs and rules, in points from the bottom left, as pdf.js gives a page. */
export const a4Page = (texts: PdfText[], rules: PdfRule[] = []): PdfPage => ({ width: 595, height: 842, texts, rules });

/** The report and findings read from these pages; a test expecting them fails with the reader's error. */
export function readPages(pages: PdfPage[]) {
  const result = parsePdfPages(pages);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

/** Chinese characters are a font size wide, Latin letters and digits half that. */
export const widthOf = (text: string, size: number) => [...text].reduce((w, ch) => w + (ch < '\x7f' ? size / 2 : size), 0);
export const run = (text: string, x: number, y: number, size = 16): PdfText => ({ text, x, y, width: widthOf(text, size), size });

/** A table ruled on every cell border: xs left to right, ys top to bottom. */
export function grid(xs: number[], ys: number[]): PdfRule[] {
  return [...xs.map((x) => ({ x1: x, y1: ys.at(-1)!, x2: x, y2: ys[0]! })), ...ys.map((y) => ({ x1: xs[0]!, y1: y, x2: xs.at(-1)!, y2: y }))];
}

/** A cell as printed: its lines of text, top-aligned, and how many columns it spans. */
export interface PrintedCell {
  lines: string[];
  span?: number;
}

const LINE = 14;

/**
 * Rows of a table ruled as Word rules it, from `top` down: each row as tall as its longest cell,
 * each cell's lines from its top, a border between every two cells of a row.
 */
export function ruledRows(xs: number[], top: number, rows: PrintedCell[][]): { texts: PdfText[]; rules: PdfRule[]; bottom: number } {
  const texts: PdfText[] = [];
  const rules: PdfRule[] = [{ x1: xs[0]!, y1: top, x2: xs.at(-1)!, y2: top }];
  let y = top;
  for (const row of rows) {
    const height = Math.max(...row.map((c) => c.lines.length)) * LINE + 6;
    let col = 0;
    for (const cell of row) {
      cell.lines.forEach((line, i) => line && texts.push(run(line, xs[col]! + 4, y - 13 - i * LINE, 10.5)));
      col += cell.span ?? 1;
      rules.push({ x1: xs[col]!, y1: y - height, x2: xs[col]!, y2: y });
    }
    rules.push({ x1: xs[0]!, y1: y - height, x2: xs[0]!, y2: y }, { x1: xs[0]!, y1: y - height, x2: xs.at(-1)!, y2: y - height });
    y -= height;
  }
  return { texts, rules, bottom: y };
}
