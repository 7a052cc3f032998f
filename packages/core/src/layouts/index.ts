import { ACTIVE_ITEM_SPECS, type ActiveItem, type LayoutId } from '../ids.js';
import type { Report } from '../model.js';
import { activeDisclosureGrid } from './activeDisclosure.js';
import { applicationsGrid } from './applications.js';
import { legacyGrid } from './legacy.js';
import { reviewLitigationGrid } from './reviewLitigation.js';
import type { GridCell, TableGrid } from './grid.js';

export * from './grid.js';
export * from './binding.js';
export * from './document.js';
export * from './figureSize.js';
export * from './pageNumber.js';
export * from './signature.js';
export { activeDisclosureGrid, applicationsGrid, legacyGrid, reviewLitigationGrid };

/**
 * The official tables of a report, in print order, each in the layout the source used. A legacy
 * report gets its statistics sheet; any other gets tables 二, 三 and 四 (2021 where the source
 * did not say), so a report with a missing table still renders the official form.
 */
export function reportTables(report: Report): TableGrid[] {
  if (report.layouts.legacy) return [legacyGrid(report)];
  const detected = report.layouts.activeDisclosure;
  const items: Partial<Record<ActiveItem, LayoutId>> = Object.keys(detected).length
    ? detected
    : Object.fromEntries(ACTIVE_ITEM_SPECS.filter((s) => s.columns['2021'].length).map((s) => [s.id, '2021' as const]));
  const tables = [activeDisclosureGrid(items), applicationsGrid(report.layouts.applications ?? '2021'), reviewLitigationGrid()];
  const extras = extraRowsGrid(report);
  return extras ? [...tables, extras] : tables;
}

export const EXTRA_ROWS_TITLE = '未识别的行';

/** The most figures a printed row of unrecognised rows holds: a longer row goes on over the lines below it. */
export const EXTRA_ROW_FIGURES = 10;

/**
 * Rows of tables 二–四 that the reader kept without recognising, so that no printed figure is lost.
 * Every row is as wide as the widest, up to EXTRA_ROW_FIGURES: a row of 585 figures (several reports
 * pasted into one file) padded every other row to 585 cells, 700,000 in all, and took minutes and GBs.
 */
export function extraRowsGrid(report: Report): TableGrid | undefined {
  const extras = report.extraRows.map((row, i) => ({ row, i })).filter(({ row }) => row.table !== 'legacy');
  if (!extras.length) return undefined;
  // Not Math.max(...): a long input's hundred thousand unrecognised rows would overflow the call's arguments.
  const width = Math.min(EXTRA_ROW_FIGURES, extras.reduce((widest, { row }) => Math.max(widest, row.values.length), 1));
  const rows: GridCell[][] = [[{ kind: 'label', text: '未识别的行（按原文保留）', colSpan: width + 2, align: 'center' }]];
  for (const { row, i } of extras) {
    const lines = Math.max(1, Math.ceil(row.values.length / width));
    const figures = (line: number) => Array.from({ length: width }, (_, j): GridCell => ({ kind: 'value', path: `extraRows.${i}.values.${line * width + j}` }));
    const span = lines > 1 ? { rowSpan: lines } : {};
    rows.push([{ kind: 'label', text: row.label, ...span }, { kind: 'label', text: row.unit ?? '', align: 'center', ...span }, ...figures(0)]);
    for (let line = 1; line < lines; line++) rows.push(figures(line));
  }
  return { table: extras[0]!.row.table, title: EXTRA_ROWS_TITLE, columnWidths: [40, 10, ...new Array<number>(width).fill(15)], headerRows: 1, rows };
}
