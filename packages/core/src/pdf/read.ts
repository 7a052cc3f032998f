import type { Block, SourceCell } from '../ast.js';
import { sectionHeading } from '../interpret/sections.js';
import { readFigure } from '../normalize/figure.js';
import { ruledTables, type GridCell, type RuledTable } from './grid.js';
import { pageFurniture, textLines, type TextLine } from './lines.js';
import type { PdfPage, PdfText } from './page.js';

type Placed = { top: number; line: TextLine } | { top: number; table: RuledTable; texts: Map<GridCell, PdfText[]> };

/**
 * A text PDF (Word, WPS or LibreOffice "export as PDF", our own writer) as paragraphs and tables.
 * Tables are read from their borders: each text run goes to the cell whose box holds it, so labels
 * that wrap over several lines stay one cell and merged cells keep their spans. The rest is read
 * line by line, top to bottom, page headers and footers left out; a line continues the paragraph
 * above when that one runs to the right margin and this one is not indented.
 * Positions: line = the n-th line of text in reading order (a table row counts as one),
 * column = 1 in text, the grid column in a table.
 */
export function readPdfBlocks(pages: PdfPage[]): Block[] {
  const laidOut = pages.map((page) => {
    const tables = ruledTables(page.rules);
    const free: PdfText[] = [];
    const texts = new Map<RuledTable, Map<GridCell, PdfText[]>>(tables.map((t) => [t, new Map()]));
    const lookups = new Map(tables.map((t) => [t, cellLookup(t)]));
    for (const text of page.texts) {
      const x = text.x + text.width / 2;
      const y = text.y + text.size * 0.3;
      const table = tables.find((t) => x > t.xs[0]! && x < t.xs.at(-1)! && y < t.ys[0]! && y > t.ys.at(-1)!);
      const cell = table && lookups.get(table)!(x, y);
      if (!table || !cell) free.push(text);
      else texts.get(table)!.get(cell)?.push(text) ?? texts.get(table)!.set(cell, [text]);
    }
    return { page, tables, texts, lines: textLines(free) };
  });
  const furniture = pageFurniture(laidOut);
  const body = laidOut.flatMap((p) => p.lines).filter((l) => !furniture.has(l));
  const bodySize = mostCommon(body.map((l) => l.size), Math.round, body.map((l) => l.text.length));
  // Body text starts at the left margin and most of its lines end at the right one; a line may stick out there (hung punctuation).
  const bodyLines = body.filter((l) => Math.round(l.size) === bodySize);
  const isBody = new Set(bodyLines);
  // The usual distance from one line of body text to the next: a wider one is space between paragraphs.
  const pitches = laidOut.flatMap((p) => p.lines.filter((l) => isBody.has(l)).flatMap((l, i, all) => (i ? [all[i - 1]!.y - l.y] : [])));
  const pitch = mostCommon(pitches.filter((d) => d < bodySize * 4), Math.round) || bodySize * 1.5;
  const margins = { left: bodyLines.reduce((min, l) => Math.min(min, l.left), Infinity), right: mostCommon(bodyLines.map((l) => l.right), Math.round), bodySize, pitch };

  const blocks: Block[] = [];
  let lineNumber = 0;
  let previous: { line: TextLine; block: Extract<Block, { kind: 'paragraph' }>; pageEnd: boolean } | undefined;
  for (const { tables, texts, lines } of laidOut) {
    const placed: Placed[] = [...lines.filter((l) => !furniture.has(l)).map((line) => ({ top: line.y + line.size, line })), ...tables.map((table) => ({ top: table.ys[0]!, table, texts: texts.get(table)! }))];
    placed.sort((a, b) => b.top - a.top);
    placed.forEach((item, i) => {
      if ('table' in item) {
        previous = undefined;
        const rows = tableRows(item.table, item.texts, lineNumber);
        lineNumber += rows.length;
        if (rows.length) blocks.push({ kind: 'table', rows, blanksAreCells: true, position: rows[0]![0]!.position });
        return;
      }
      const { line } = item;
      lineNumber++;
      if (previous && continues(previous.line, line, margins, previous.pageEnd)) {
        previous.block.text += line.text; // Chinese wraps anywhere, a web address too, with nothing to drop
        previous.line = line;
      } else {
        const block = { kind: 'paragraph' as const, text: line.text, position: { line: lineNumber, column: 1 } };
        blocks.push(block);
        previous = { line, block, pageEnd: false };
      }
      previous.pageEnd = i === placed.length - 1;
    });
  }
  return blocks;
}

type Margins = { left: number; right: number; bodySize: number; pitch: number };

/** Whether `next` goes on with the paragraph whose last line is `last`. */
function continues(last: TextLine, next: TextLine, margins: Margins, acrossPages: boolean): boolean {
  const size = last.size;
  if (Math.abs(next.size - size) > 0.5) return false;
  // A title larger than the body, centred over two or three lines (agency, then year and 年度报告).
  const centred = (l: TextLine) => Math.abs(l.left - margins.left - (margins.right - l.right)) < size;
  if (size > margins.bodySize + 1 && centred(last) && centred(next) && last.y - next.y < size * 2) return true;
  if (last.right < margins.right - size * 4) return false; // the paragraph ended short of the margin (a line ends up to a few characters short where a word or a bracket would not fit)
  if (next.left > margins.left + size * 0.5) return false; // an indented first line, or a centred or right-aligned one
  if (!acrossPages && last.y - next.y > margins.pitch * 1.3) return false; // space between paragraphs
  return !sectionHeading(next.text);
}

/** The value that most of `values` have once rounded (weighted by `weights`), the larger of equals. */
function mostCommon(values: number[], round: (v: number) => number, weights?: number[]): number {
  const counts = new Map<number, number>();
  values.forEach((v, i) => counts.set(round(v), (counts.get(round(v)) ?? 0) + (weights?.[i] ?? 1)));
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/**
 * The cell whose box holds a point (strictly inside), found by the grid column and row the point
 * falls in rather than by trying every cell: a page ruled into a million boxes has a million cells.
 */
function cellLookup(table: RuledTable): (x: number, y: number) => GridCell | undefined {
  const cols = table.xs.length - 1;
  const owner = new Map<number, GridCell>();
  for (const c of table.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) owner.set(r * cols + k, c);
  // The last index whose border is at or before the point: xs ascend, ys descend.
  const slot = (borders: number[], before: (border: number) => boolean) => {
    let lo = 0;
    let hi = borders.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (before(borders[mid]!)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return (x, y) => {
    const cell = owner.get(slot(table.ys, (b) => b >= y) * cols + slot(table.xs, (b) => b <= x));
    return cell && x > cell.left && x < cell.right && y < cell.top && y > cell.bottom ? cell : undefined;
  };
}

function tableRows(table: RuledTable, texts: Map<GridCell, PdfText[]>, firstLine: number): SourceCell[][] {
  const rows: SourceCell[][] = [];
  const byRow = new Map<number, GridCell[]>();
  for (const c of table.cells) byRow.get(c.row)?.push(c) ?? byRow.set(c.row, [c]);
  for (let r = 0; r < table.ys.length - 1; r++) {
    const cells = byRow.get(r) ?? [];
    const row = cells.map((c) => ({
      text: textLines(texts.get(c) ?? []).map((l) => l.text).join(''),
      colSpan: c.colSpan,
      rowSpan: c.rowSpan,
      position: { line: firstLine + rows.length + 1, column: c.col + 1 },
    }));
    // Blank boxes before a row's label on a page after a break are the rest of label cells spanning
    // rows on the page before (三、本年度办理结果, （四）无法提供), not blank figures.
    const label = row.findIndex((c) => c.text);
    if (label >= 0) rows.push(readFigure(row[label]!.text) ? row : row.slice(label));
  }
  return rows;
}

