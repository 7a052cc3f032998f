import { figurePath, MODEL_SHEET, placeCells, reportTables, type Report, type TableGrid } from '@report-convert/core';
import { sheetName } from './sheetName.js';

/** The hidden sheet that carries what cells cannot show (layouts, sources, narrative), for `fromXlsx`; core refuses a workbook with it. */
export { MODEL_SHEET };
/** The first sheet: the report's title, agency, year, narrative and 落款. */
export const INFO_SHEET = '报告信息';
/** Where each grid's first row lands: row 1 holds the table's heading. */
export const GRID_TOP = 2;

/** Each official table of the report with its sheet's name, as toXlsx names them and fromXlsx finds them. */
export function tableSheets(report: Report): { grid: TableGrid; sheet: string }[] {
  const taken = new Set([MODEL_SHEET, INFO_SHEET]);
  return reportTables(report).map((grid) => ({ grid, sheet: sheetName(grid.title, taken) }));
}

/** A figure's cell in a workbook toXlsx wrote: its sheet, row and column (from 1), and its address (E19). */
export interface FigureCell {
  sheet: string;
  row: number;
  col: number;
  address: string;
}

/**
 * Where toXlsx puts each figure of a report, by model path: what fromXlsx reads back, and the cell a
 * finding about that figure names. Rows of 未识别的行 are not figures of the model. `tables`: the
 * report's tableSheets, when the caller has them already.
 */
export function figureCells(report: Report, tables = tableSheets(report)): Map<string, FigureCell> {
  const cells = new Map<string, FigureCell>();
  for (const { grid, sheet } of tables)
    for (const placed of placeCells(grid)) {
      if (placed.cell.kind !== 'value' || placed.cell.path.startsWith('extraRows.')) continue;
      const [row, col] = [GRID_TOP + placed.row, placed.col + 1];
      cells.set(placed.cell.path, { sheet, row, col, address: `${columnLetters(col)}${row}` });
    }
  return cells;
}

/** The cell of the figure a finding is about (its table, row and column), if it has one. */
export function findingCell(cells: ReadonlyMap<string, FigureCell>, finding: Parameters<typeof figurePath>[0]): FigureCell | undefined {
  const path = figurePath(finding);
  return path === undefined ? undefined : cells.get(path);
}

/** Excel's column letters, 1 → A, 27 → AA: exceljs has them only internally. */
function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
