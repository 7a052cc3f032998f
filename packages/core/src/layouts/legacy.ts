import { LEGACY_CUMULATIVE_LABEL, LEGACY_HEADER, LEGACY_SHEET, TABLE_LABELS } from '../ids.js';
import type { Report } from '../model.js';
import type { GridCell, TableGrid } from './grid.js';

/**
 * The legacy statistics sheet: 统计指标 ｜ 单位 ｜ 统计数, with a 历年累计 column when the source
 * had one. A row the reader kept without recognising it stands where the source printed it: before
 * the first sheet row printed after it (and that row's headings), or last when the source gave no place.
 */
export function legacyGrid(report: Pick<Report, 'legacyCumulative' | 'extraRows' | 'sources'>): TableGrid {
  const cumulative = report.legacyCumulative !== undefined && Object.keys(report.legacyCumulative).length > 0;
  const width = cumulative ? 4 : 3;
  const header: GridCell[] = [...LEGACY_HEADER, ...(cumulative ? [LEGACY_CUMULATIVE_LABEL] : [])].map((text) => ({ kind: 'label', text, align: 'center' }));
  const sheet: { cells: GridCell[]; line?: number | undefined }[] = LEGACY_SHEET.map((entry) =>
    'heading' in entry
      ? { cells: [{ kind: 'label', text: entry.heading, colSpan: width }] }
      : {
          cells: [
            { kind: 'label', text: entry.label },
            { kind: 'label', text: entry.unit, align: 'center' },
            { kind: 'value', path: `legacy.${entry.id}` },
            ...(cumulative ? [{ kind: 'value', path: `legacyCumulative.${entry.id}` } as GridCell] : []),
          ],
          line: report.sources[`legacy.${entry.id}`]?.line ?? report.sources[`legacyCumulative.${entry.id}`]?.line,
        },
  );
  report.extraRows.forEach((extra, i) => {
    if (extra.table !== 'legacy') return;
    const cells: GridCell[] = [
      { kind: 'label', text: extra.label },
      { kind: 'label', text: extra.unit ?? '', align: 'center' },
      ...Array.from({ length: width - 2 }, (_, j): GridCell => ({ kind: 'value', path: `extraRows.${i}.values.${j}` })),
    ];
    let at = sheet.findIndex((row) => row.line !== undefined && row.line > extra.position.line);
    if (at < 0) at = sheet.length;
    else while (at > 0 && sheet[at - 1]!.cells.length === 1 && sheet[at - 1]!.line === undefined) at--; // before that row's headings
    sheet.splice(at, 0, { cells, line: extra.position.line });
  });
  return {
    table: 'legacy',
    title: TABLE_LABELS.legacy,
    columnWidths: cumulative ? [60, 10, 15, 15] : [70, 12, 18],
    headerRows: 1,
    rows: [header, ...sheet.map((row) => row.cells)],
  };
}
