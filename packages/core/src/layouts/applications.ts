import {
  APPLICANT_COLUMN_LABELS,
  APPLICANT_COLUMNS,
  APPLICATION_LEAD_ROWS,
  APPLICATION_RESULT_ROWS,
  APPLICATION_RESULTS_LABEL,
  APPLICATION_TAIL_ROWS,
  TABLE3_NOTE,
  TABLE_LABELS,
  type LayoutId,
} from '../ids.js';
import type { GridCell, TableGrid } from './grid.js';

const values = (rowId: string): GridCell[] => APPLICANT_COLUMNS.map((c) => ({ kind: 'value', path: `applications.${rowId}.${c}` }));
const label = (text: string, extra: Partial<GridCell> = {}): GridCell => ({ kind: 'label', text, ...extra }) as GridCell;

/** Table 三: 10 physical columns, a 3-row header, 三、本年度办理结果 spanning 20 (2019) or 22 (2021) rows. */
export function applicationsGrid(layout: LayoutId): TableGrid {
  const c = APPLICANT_COLUMN_LABELS;
  const rows: GridCell[][] = [
    [label(TABLE3_NOTE, { colSpan: 3, rowSpan: 3, align: 'center' }), label('申请人情况', { colSpan: 7, align: 'center' })],
    [label(c.naturalPerson, { rowSpan: 2, align: 'center' }), label('法人或其他组织', { colSpan: 5, align: 'center' }), label(c.total, { rowSpan: 2, align: 'center' })],
    [c.commercial, c.research, c.publicInterest, c.legalService, c.other].map((t) => label(t, { align: 'center' })),
  ];
  for (const row of APPLICATION_LEAD_ROWS) rows.push([label(row.label, { colSpan: 3 }), ...values(row.id)]);
  const results = APPLICATION_RESULT_ROWS[layout];
  const groupSize = (group: string) => results.filter((r) => r.group === group).length;
  results.forEach((row, i) => {
    const cells: GridCell[] = [];
    if (i === 0) cells.push(label(APPLICATION_RESULTS_LABEL, { rowSpan: results.length, align: 'center' }));
    if (!row.group) cells.push(label(row.label, { colSpan: 2 }));
    else {
      if (results[i - 1]?.group !== row.group) cells.push(label(row.group, { rowSpan: groupSize(row.group), align: 'center' }));
      cells.push(label(row.label));
    }
    rows.push([...cells, ...values(row.id)]);
  });
  for (const row of APPLICATION_TAIL_ROWS) rows.push([label(row.label, { colSpan: 3 }), ...values(row.id)]);
  return {
    table: 'applications',
    title: TABLE_LABELS.applications,
    // A group's name of four characters holds a line (（三）/不予公开), and 三、本年度办理结果 three. The figures keep
    // three characters: narrower, pdftotext reads the header of copied text as one line across its columns.
    columnWidths: [12, 17, 41, 10, 10, 10, 10, 10, 10, 10],
    headerRows: 3,
    rows,
  };
}
