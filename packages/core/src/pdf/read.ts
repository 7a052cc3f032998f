import type { Block, SourceCell, TableBlock } from '../ast.js';
import type { Finding } from '../finding.js';
import type { Position } from '../model.js';
import { sectionHeading } from '../interpret/sections.js';
import { readFigure } from '../normalize/figure.js';
import { ruledTables, type GridCell, type RuledTable } from './grid.js';
import { pageFurniture, textLines, type TextLine } from './lines.js';
import type { PdfPage, PdfText } from './page.js';
import { joinBrokenRow, repeatedHeaderRows, rowBreak, sameColumns, type PlacedCell, type TablePart } from './rowBreak.js';

type Placed = { top: number; line: TextLine } | { top: number; table: RuledTable; texts: Map<GridCell, PdfText[]> } | { top: number; unruledTable: true };

/**
 * A text PDF (Word, WPS or LibreOffice "export as PDF", our own writer) as paragraphs and tables.
 * Tables are read from their borders: each text run goes to the cell whose box holds it, so labels
 * that wrap over several lines stay one cell and merged cells keep their spans. The rest is read
 * line by line, top to bottom, page headers and footers left out; a line continues the paragraph
 * above when that one runs to the right margin and this one is not indented.
 * Positions: line = the n-th line of text in reading order (a table row counts as one),
 * column = 1 in text, the grid column in a table.
 */
export function readPdfBlocks(pages: PdfPage[]): { blocks: Block[]; findings: Finding[] } {
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
  const findings: Finding[] = [];
  // Each table's rows as printed, made into its block's rows once the next page has shown whether its last row goes on there.
  const parts = new Map<TableBlock, TablePart>();
  let lineNumber = 0;
  let previous: { line: TextLine; block: Extract<Block, { kind: 'paragraph' }>; pageEnd: boolean } | undefined;
  let footTable: TablePart | undefined; // a table that ended the page before
  laidOut.forEach(({ tables, texts, lines }, pageIndex) => {
    const sorted: Placed[] = [...lines.filter((l) => !furniture.has(l)).map((line) => ({ top: line.y + line.size, line })), ...tables.map((table) => ({ top: table.ys[0]!, table, texts: texts.get(table)! }))];
    sorted.sort((a, b) => b.top - a.top);
    // Not splice(0, n, ...items): a line of a hundred thousand figures set apart is as many items, too many for a call's arguments.
    const placed = withUnruledTables(sorted);
    const above = footTable;
    footTable = undefined;
    placed.forEach((item, i) => {
      if ('table' in item) {
        previous = undefined;
        const part: TablePart = { rows: printedRows(item.table, item.texts, lineNumber), left: item.table.xs[0]!, right: item.table.xs.at(-1)!, page: pageIndex + 1 };
        lineNumber += part.rows.length;
        if (i === 0 && above && sameColumns(above, part)) goOnFrom(above, part, findings);
        if (i === placed.length - 1) footTable = part;
        const block: TableBlock = { kind: 'table', rows: [], blanksAreCells: true, position: { line: lineNumber, column: 1 } };
        parts.set(block, part);
        blocks.push(block);
        return;
      }
      if ('unruledTable' in item) {
        findings.push(unruledTableFinding(pageIndex + 1, { line: lineNumber + 1, column: 1 }));
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
  });
  for (const [block, part] of parts) {
    block.rows = sourceRows(part.rows);
    if (block.rows.length) block.position = block.rows[0]![0]!.position;
  }
  return { blocks: blocks.filter((b) => b.kind === 'paragraph' || b.rows.length), findings };
}

/** Lines with a figure in a column of their own, at least: fewer are a date or a 填报单位 line set apart, not a table. */
const MIN_UNRULED_ROWS = 3;

/**
 * A page's lines and ruled tables, with a mark before each table printed without ruled lines
 * (三线表, a web page's table without borders): a run of lines whose text stands in columns, with
 * lines of one column between them (a block title, the rest of a wrapped label) but not a section
 * heading. Its lines stay whole, as text: its columns cannot be told from the gaps in its lines (a
 * blank cell prints nothing, figures centred beside a wrapped label stand between its lines, a label
 * runs into its first figure), and a figure in a wrong cell is worse than none. Other lines in columns
 * (a two-column sheet of text) are read column by column.
 */
function withUnruledTables(placed: Placed[]): Placed[] {
  const out: Placed[] = [];
  const isLine = (item: Placed): item is { top: number; line: TextLine } => 'line' in item;
  const inColumns = (item: Placed) => isLine(item) && item.line.cells.length > 1;
  for (let i = 0; i < placed.length; i++) {
    const item = placed[i]!;
    if (!inColumns(item)) {
      out.push(item);
      continue;
    }
    let end = i + 1; // one past the region's last line in columns
    for (let j = i + 1; j < placed.length; j++) {
      const next = placed[j]!;
      if (inColumns(next)) end = j + 1;
      else if (!isLine(next) || sectionHeading(next.line.text)) break;
    }
    const region = placed.slice(i, end).filter(isLine);
    // Pushed one by one, not push(...region): a line of a hundred thousand figures set apart is as many cells.
    if (region.filter(({ line }) => line.cells.some((c) => readFigure(c.text))).length >= MIN_UNRULED_ROWS) {
      out.push({ top: item.top, unruledTable: true });
      for (const line of region) out.push(line);
    } else for (const { line, top } of region) for (const cell of line.cells.length ? line.cells : [line]) out.push({ top, line: cell });
    i = end - 1;
  }
  return out;
}

function unruledTableFinding(page: number, position: Position): Finding {
  return {
    severity: 'warning',
    rule: 'reader.unruledTable',
    position,
    message: `The table on page ${page} has no ruled lines, so its cells are read from the gaps between them: a blank cell prints nothing there, and a row short of figures is left blank. To read every cell, export the PDF with all table borders (in Word or WPS: Borders › All Borders), or read the Word or Excel file itself.`,
    messageZh: `第 ${page} 页的表格没有框线，只能按文字间距读取单元格：空白单元格不显示任何内容，缺少数字的行留空。如需读取每个单元格，请给表格加上全部框线（Word/WPS：边框 › 所有框线）后重新导出 PDF，或直接读取 Word/Excel 原文件。`,
    details: { page },
  };
}

/**
 * A table's part at the head of a page that goes on from the part at the foot of the page before:
 * after the header rows it repeats, its first row is either a row of its own or the rest of the row
 * broken by the page, whose text then joins that row's cells; one that fits neither is a finding.
 */
function goOnFrom(above: TablePart, below: TablePart, findings: Finding[]): void {
  // Repeated header rows stay: the interpreter knows a table's part by its header (the legacy sheet's 统计指标).
  const first = repeatedHeaderRows(above, below);
  const row = below.rows[first];
  if (!row) return;
  const verdict = rowBreak(above.rows, row, below.page);
  if (verdict.kind === 'newRow') return;
  if (verdict.kind === 'continued') joinBrokenRow(above.rows, row);
  else findings.push(verdict.finding);
  below.rows.splice(first, 1);
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

/** A ruled table's rows as printed: every box, blank or not, with its borders; rows with no text left out. */
function printedRows(table: RuledTable, texts: Map<GridCell, PdfText[]>, firstLine: number): PlacedCell[][] {
  const rows: PlacedCell[][] = [];
  const byRow = new Map<number, GridCell[]>();
  for (const c of table.cells) byRow.get(c.row)?.push(c) ?? byRow.set(c.row, [c]);
  for (let r = 0; r < table.ys.length - 1; r++) {
    const row = (byRow.get(r) ?? []).map((c) => ({
      cell: { text: textLines(texts.get(c) ?? []).map((l) => l.text).join(''), colSpan: c.colSpan, rowSpan: c.rowSpan, position: { line: firstLine + rows.length + 1, column: c.col + 1 } },
      left: c.left,
      right: c.right,
    }));
    if (row.some((c) => c.cell.text)) rows.push(row);
  }
  return rows;
}

/**
 * The rows of a table block. Blank boxes before a row's label on a page after a break are the rest
 * of label cells spanning rows on the page before (三、本年度办理结果, （四）无法提供), not blank figures.
 */
function sourceRows(rows: PlacedCell[][]): SourceCell[][] {
  return rows.flatMap((placed) => {
    const row = placed.map((c) => c.cell);
    const label = row.findIndex((c) => c.text);
    return label < 0 ? [] : [readFigure(row[label]!.text) ? row : row.slice(label)];
  });
}

