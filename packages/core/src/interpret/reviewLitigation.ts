import { LITIGATION_GROUP_HEADERS, REVIEW_FIELD_LABELS, REVIEW_FIELDS, REVIEW_GROUPS } from '../ids.js';
import type { ReviewLitigation } from '../model.js';
import { REVIEW_ROW } from '../glued/tables.js';
import { countMismatch, keepUnrecognisedRow, splitGluedRow, storeFigure, unplaceable, type Context } from './context.js';
import type { Token } from './stream.js';
import { printedColumnOrder } from './columnOrder.js';

/**
 * Table 四 has no row labels: its 15 figures follow the header in a fixed order (复议 ×5, 直接起诉 ×5,
 * 复议后起诉 ×5), whether printed as one table or, as OCR output does, three small ones.
 */
export function readReviewLitigation(ctx: Context, stream: Token[]): boolean {
  const firstNumber = stream.findIndex((t) => t.figure?.kind === 'number');
  const unplaced = stream.find((t) => t.unplaced);
  // Its header, and not one figure under it: a table of blank boxes, whose empty row a PDF prints without any text to mark it.
  const headerOnly = !stream.some((t) => t.figure) && !unplaced;
  if (headerOnly && !stream.some((t) => /行政复议|行政诉讼/.test(t.folded))) return false;
  // Figures start after the header: after the last label before the first number.
  let start = 0;
  for (let i = 0; i < (firstNumber === -1 ? stream.length : firstNumber); i++) if (!stream[i]!.figure) start = i + 1;
  const figures = splitGluedRow(ctx, 'reviewLitigation', 'review', '行政复议', stream.slice(start).filter((t) => t.figure), REVIEW_ROW);
  const width = REVIEW_GROUPS.length * REVIEW_FIELDS.length;
  if (figures.length !== width && !headerOnly) countMismatch(ctx, 'reviewLitigation', 'review', '行政复议', unplaced ?? stream[start] ?? stream[0]!, figures, width);
  const placed = unplaceable(figures, width) ? [] : figures;
  const header = stream.slice(0, start);
  // 行政诉讼's two groups, and the fields repeated under each group, in the order the header prints them.
  const groups = ['review', ...printedColumnOrder(ctx, 'reviewLitigation', header, Object.entries(LITIGATION_GROUP_HEADERS) as [keyof typeof LITIGATION_GROUP_HEADERS, string][])] as const;
  const fields = printedColumnOrder(ctx, 'reviewLitigation', header, REVIEW_FIELDS.map((f) => [f, REVIEW_FIELD_LABELS[f]] as const));
  const out: ReviewLitigation = {};
  for (const group of REVIEW_GROUPS) {
    const at = groups.indexOf(group) * REVIEW_FIELDS.length;
    out[group] = Object.fromEntries(REVIEW_FIELDS.map((field) => [field, storeFigure(ctx, `reviewLitigation.${group}.${field}`, placed[at + fields.indexOf(field)])])) as NonNullable<ReviewLitigation['review']>;
  }
  ctx.report.reviewLitigation = out;
  if (figures.length > width) keepUnrecognisedRow(ctx, 'reviewLitigation', stream[start - 1] ?? figures[width]!, null, figures.slice(width), { en: 'follows the 15 figures of table 四', zh: '位于表四15个数字之后' });
  return true;
}
