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
 * Body rows that introduce the row below them and so must not end a page: rows holding no figure,
 * such as a block's title and column headings in table 二 or a group heading of the legacy sheet.
 */
export function keepWithNextRows(grid: TableGrid): boolean[] {
  const holdsFigure = grid.rows.map(() => false);
  for (const p of placeCells(grid)) if (p.cell.kind === 'value') for (let r = p.row; r < p.row + p.rowSpan; r++) holdsFigure[r] = true;
  return grid.rows.map((_, r) => r >= grid.headerRows && r < grid.rows.length - 1 && !holdsFigure[r]);
}
