/**
 * An official table as data: rows of cells with spans, each a printed label or a binding to a
 * model path. Rows list only the cells that start in them (as HTML does): a cell with rowSpan 3
 * is absent from the next two rows. Writers turn this into their own primitives.
 */
import type { TableId } from '../ids.js';

export type GridCell =
  | { kind: 'label'; text: string; colSpan?: number; rowSpan?: number; align?: 'left' | 'center' }
  | { kind: 'value'; path: string; colSpan?: number; rowSpan?: number };

export interface TableGrid {
  table: TableId;
  /** The heading printed above the table, such as 二、主动公开政府信息情况. */
  title: string;
  /** Relative widths of the physical columns; their count is the grid's width. */
  columnWidths: number[];
  /** How many leading rows are the header (repeated when a table crosses a page). */
  headerRows: number;
  rows: GridCell[][];
  /**
   * Runs of body rows, first to last (0-based, inclusive), that read as one and stay on one page where a page holds
   * them: each block of table 二 (its title, column headings and items). Rows under a label spanning them are such a
   * run without being listed (keepWithNextRows).
   */
  blocks?: { first: number; last: number }[];
}

export interface PlacedCell {
  cell: GridCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Absolute positions of every cell (0-based). Throws when the grid's spans do not tile the
 * rectangle exactly: that is a bug in the layout data, never a problem with the input.
 */
export function placeCells(grid: TableGrid): PlacedCell[] {
  const width = grid.columnWidths.length;
  const taken: boolean[][] = grid.rows.map(() => new Array<boolean>(width).fill(false));
  const placed: PlacedCell[] = [];
  grid.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (c < width && taken[r]![c]) c++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      if (c + colSpan > width || r + rowSpan > grid.rows.length) throw new Error(`layout ${grid.table}: cell at row ${r} overflows the grid`);
      for (let dr = 0; dr < rowSpan; dr++)
        for (let dc = 0; dc < colSpan; dc++) {
          if (taken[r + dr]![c + dc]) throw new Error(`layout ${grid.table}: cells overlap at row ${r + dr}, column ${c + dc}`);
          taken[r + dr]![c + dc] = true;
        }
      placed.push({ cell, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  });
  taken.forEach((row, r) => {
    if (row.some((t) => !t)) throw new Error(`layout ${grid.table}: row ${r} is not fully covered`);
  });
  return placed;
}

/**
 * Body rows that must share a page with the row below, so that a page neither ends with a heading nor splits
 * rows that read as one: a row holding no figure (a block's title and column headings in table 二, a group
 * heading of the legacy sheet); every row of a block (`blocks`) but its last; every row under a label spanning
 * rows but its last, where that label spans no other (（三）不予公开's eight rows, kept beside their label). A
 * label over other such labels (三、本年度办理结果, most of table 三) is too tall to keep: its rows break between
 * the groups it holds, and a writer that places its own page breaks labels the rest again (see CONTINUED).
 */
export function keepWithNextRows(grid: TableGrid): boolean[] {
  const placed = placeCells(grid);
  const holdsFigure = grid.rows.map(() => false);
  for (const p of placed) if (p.cell.kind === 'value') for (let r = p.row; r < p.row + p.rowSpan; r++) holdsFigure[r] = true;
  const keep = grid.rows.map((_, r) => r >= grid.headerRows && r < grid.rows.length - 1 && !holdsFigure[r]);
  const spanning = placed.filter((p) => p.cell.kind === 'label' && p.rowSpan > 1 && p.row >= grid.headerRows);
  const within = (inner: PlacedCell, outer: PlacedCell) => inner.rowSpan < outer.rowSpan && inner.row >= outer.row && inner.row + inner.rowSpan <= outer.row + outer.rowSpan;
  const groups = [...(grid.blocks ?? []), ...spanning.filter((p) => !spanning.some((q) => within(q, p))).map((p) => ({ first: p.row, last: p.row + p.rowSpan - 1 }))];
  for (const { first, last } of groups) for (let r = first; r < last; r++) keep[r] = true;
  return keep;
}

/** What a label spanning rows reads on a page its rows continue to (三、本年度办理结果（续）): the rows below are still its. */
export const CONTINUED = '（续）';

/** A bracketed numbering such as （三）, which reads whole on a line of its own (a bare 3. does not). */
const LABEL_NUMBERING = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
const HAN = /^\p{Script=Han}$/u;
const OPENING = /[（(「『“‘《〈【〔[{]$/;

/**
 * The lines of a table label too long for one, for the writer to wrap further: broken after its bracketed
 * numbering when the words after it then fit a line (（三）/不予公开, not （三）不予公/开); otherwise before its
 * last two characters when, filled by `fits`, its last line would hold two or fewer (禁止/公开, not 禁止公/开):
 * a writer whose line breaks differ from `fits` by less than a character then leaves none alone either.
 */
export function labelLines(text: string, fits: (line: string) => boolean): string[] {
  if (fits(text)) return [text];
  const numbering = LABEL_NUMBERING.exec(text)?.[0];
  const rest = numbering ? text.slice(numbering.length) : '';
  if (rest && fits(rest)) return [numbering!, rest];
  // The last two lines, filled a character at a time.
  let above = '';
  let line = '';
  for (const ch of text) {
    if (line && !fits(line + ch)) [above, line] = [line, ''];
    line += ch;
  }
  const chars = [...text];
  const head = chars.slice(0, -2).join('');
  const tail = chars.slice(-2);
  // 自然/人 stays: 自/然人 is no better.
  const orphaned = [...above].length >= 3 && [...line].length <= 2 && tail.every((ch) => HAN.test(ch)) && !OPENING.test(head);
  return orphaned ? [head, tail.join('')] : [text];
}
