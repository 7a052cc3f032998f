import { LITIGATION_GROUP_HEADERS, REVIEW_FIELD_LABELS, REVIEW_FIELDS, REVIEW_GROUPS, TABLE_LABELS } from '../ids.js';
import type { GridCell, TableGrid } from './grid.js';

const fieldLabels = (rowSpan?: number): GridCell[] =>
  REVIEW_FIELDS.map((f) => ({ kind: 'label', text: REVIEW_FIELD_LABELS[f], align: 'center', ...(rowSpan ? { rowSpan } : {}) }));

/** Table 四: 15 columns, a 3-row header, one row of figures. The same in 2019 and 2021. */
export function reviewLitigationGrid(): TableGrid {
  return {
    table: 'reviewLitigation',
    title: TABLE_LABELS.reviewLitigation,
    columnWidths: new Array<number>(15).fill(1),
    headerRows: 3,
    rows: [
      [
        { kind: 'label', text: '行政复议', colSpan: 5, align: 'center' },
        { kind: 'label', text: '行政诉讼', colSpan: 10, align: 'center' },
      ],
      [
        ...fieldLabels(2),
        ...Object.values(LITIGATION_GROUP_HEADERS).map((text): GridCell => ({ kind: 'label', text, colSpan: 5, align: 'center' })),
      ],
      [...fieldLabels(), ...fieldLabels()],
      REVIEW_GROUPS.flatMap((g) => REVIEW_FIELDS.map((f): GridCell => ({ kind: 'value', path: `reviewLitigation.${g}.${f}` }))),
    ],
  };
}
