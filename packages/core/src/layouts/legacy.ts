import { LEGACY_CUMULATIVE_LABEL, LEGACY_HEADER, LEGACY_SHEET, TABLE_LABELS } from '../ids.js';
import type { Report } from '../model.js';
import type { GridCell, TableGrid } from './grid.js';

/**
 * The legacy statistics sheet: 统计指标 ｜ 单位 ｜ 统计数, with a 历年累计 column when the source
 * had one, then any rows the reader kept without recognising them.
 */
export function legacyGrid(report: Pick<Report, 'legacyCumulative' | 'extraRows'>): TableGrid {
  const cumulative = report.legacyCumulative !== undefined && Object.keys(report.legacyCumulative).length > 0;
  const width = cumulative ? 4 : 3;
  const header: GridCell[] = [...LEGACY_HEADER, ...(cumulative ? [LEGACY_CUMULATIVE_LABEL] : [])].map((text) => ({ kind: 'label', text, align: 'center' }));
  const rows: GridCell[][] = [header];
  for (const entry of LEGACY_SHEET) {
    if ('heading' in entry) rows.push([{ kind: 'label', text: entry.heading, colSpan: width }]);
    else
      rows.push([
        { kind: 'label', text: entry.label },
        { kind: 'label', text: entry.unit, align: 'center' },
        { kind: 'value', path: `legacy.${entry.id}` },
        ...(cumulative ? [{ kind: 'value', path: `legacyCumulative.${entry.id}` } as GridCell] : []),
      ]);
  }
  report.extraRows.forEach((extra, i) => {
    if (extra.table !== 'legacy') return;
    rows.push([
      { kind: 'label', text: extra.label },
      { kind: 'label', text: extra.unit ?? '', align: 'center' },
      ...Array.from({ length: width - 2 }, (_, j): GridCell => ({ kind: 'value', path: `extraRows.${i}.values.${j}` })),
    ]);
  });
  return {
    table: 'legacy',
    title: TABLE_LABELS.legacy,
    columnWidths: cumulative ? [60, 10, 15, 15] : [70, 12, 18],
    headerRows: 1,
    rows,
  };
}
