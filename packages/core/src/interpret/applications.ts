import { APPLICANT_COLUMN_LABELS, APPLICANT_COLUMNS, applicationRowLabel, applicationRows, TABLE_LABELS, type ApplicantColumn, type ApplicationRowId } from '../ids.js';
import { emptyApplicantRow, type ApplicantRow } from '../model.js';
import { printedColumnOrder } from './columnOrder.js';
import { APPLICANT_ROW } from '../glued/tables.js';
import { countMismatch, keepUnrecognisedRow, splitGluedRow, storeFigure, unplaceable, type Context } from './context.js';
import { hasNumber, runs, type Token } from './stream.js';

/**
 * Table-三 row labels by the words that identify them, tolerant of the drift in FORMATS.md §5
 * (half-width brackets, `1、`, missing numbering, `(六) 其他`). Tested on folded text, in order.
 */
const ROW_KEYS: [ApplicationRowId, RegExp][] = [
  ['newReceived', /本年新收/],
  ['carriedOver', /上年结转/],
  ['partiallyGranted', /部分公开/],
  ['granted', /予以公开/],
  ['denied.stateSecret', /国家秘密/],
  ['denied.prohibitedByLaw', /禁止公开/],
  ['denied.threeSecurities', /三安全一稳定/],
  ['denied.thirdPartyRights', /第三方合法权益/],
  ['denied.internalAffairs', /内部事务/],
  ['denied.processInformation', /过程性信息/],
  ['denied.enforcementFiles', /执法案卷/],
  ['denied.administrativeQuery', /行政查询/],
  ['unavailable.notHeld', /不掌握/],
  ['unavailable.needsCreation', /另行制作/],
  ['unavailable.stillUnclear', /仍不明确/],
  ['notProcessed.petition', /信访|举报投诉/],
  ['notProcessed.duplicate', /重复申请/],
  ['notProcessed.publication', /公开出版物/],
  ['notProcessed.excessive', /大量反复/],
  ['notProcessed.confirmation', /确认或重新出具/],
  ['otherDisposal.noCorrection', /逾期不补正/],
  ['otherDisposal.unpaidFee', /缴纳费用/],
  ['otherDisposal.other', /^(\(六\)其他处理)?3\.?其他$/],
  ['otherDisposal', /^(\(六\)其他(处理)?|其他处理)$/],
  ['totalProcessed', /^(\(七\))?总计$/],
  ['carriedForward', /结转下年度/],
];

export function matchApplicationRow(label: Token): ApplicationRowId | undefined {
  return ROW_KEYS.find(([, key]) => key.test(label.folded))?.[0];
}

const SUB_ROWS_2021 = new Set<ApplicationRowId>(['otherDisposal.noCorrection', 'otherDisposal.unpaidFee', 'otherDisposal.other']);

/** Reads table 三 from its cell stream. Returns whether the table was found. */
export function readApplications(ctx: Context, stream: Token[]): boolean {
  const width = APPLICANT_COLUMNS.length;
  let found = false;
  // Row labels tell the layout even where a row's cells are all blank and print nothing.
  const labelled = new Set<ApplicationRowId>();
  const columns = applicantColumns(ctx, stream);
  for (const run of runs(stream, matchApplicationRow)) {
    if (run.match) labelled.add(run.match);
    if (!run.values.length && !run.label.unplaced) continue; // a header or group label such as （三）不予公开
    const rowId = run.match;
    if (!rowId) {
      if (hasNumber(run.values)) keepUnrecognisedRow(ctx, 'applications', run.label, null, run.values, { en: 'matches no row of table 三', zh: '与表三的任何一行都不对应' });
      continue;
    }
    const existing = ctx.report.applications[rowId];
    if (existing && Object.values(existing).some((v) => v !== null)) {
      keepUnrecognisedRow(ctx, 'applications', run.label, null, run.values, { en: `repeats row ${rowId}, which already has figures`, zh: `与已有数字的${applicationRowLabel(rowId)}重复` });
      continue;
    }
    found = true;
    const values = splitGluedRow(ctx, 'applications', rowId, run.label.text, run.values, APPLICANT_ROW);
    if (values.length !== width) countMismatch(ctx, 'applications', rowId, applicationRowLabel(rowId), run.label, values, width);
    const row: ApplicantRow = emptyApplicantRow();
    const placed = unplaceable(values, width) ? [] : values;
    columns.forEach((col, i) => {
      row[col] = storeFigure(ctx, `applications.${rowId}.${col}`, placed[i]);
    });
    ctx.report.applications[rowId] = row;
    if (values.length > width) keepUnrecognisedRow(ctx, 'applications', run.label, null, values.slice(width), { en: `has figures beyond the ${width} columns of row ${rowId}`, zh: `超出该行${width}列的数字` });
  }
  if ([...labelled].some((r) => SUB_ROWS_2021.has(r))) ctx.report.layouts.applications = '2021';
  else if (labelled.has('otherDisposal')) ctx.report.layouts.applications = '2019';
  else if (found) ctx.report.layouts.applications = '2021';
  if (found) missingRows(ctx, labelled);
  return found;
}

/** The columns in the order the header prints them: those under 法人或其他组织 are the ones a report may print in another order. */
function applicantColumns(ctx: Context, stream: Token[]): ApplicantColumn[] {
  const firstFigure = stream.findIndex((t) => t.figure);
  const [naturalPerson, ...legalPersons] = APPLICANT_COLUMNS.slice(0, -1);
  const printed = printedColumnOrder(ctx, 'applications', firstFigure === -1 ? stream : stream.slice(0, firstFigure), legalPersons.map((c) => [c, APPLICANT_COLUMN_LABELS[c]] as const));
  return [naturalPerson!, ...printed, 'total'];
}

/**
 * A row of the official table the report does not print at all is blank in every output, as its
 * layout requires; a clerk is told, since a blank row looks like a row of blanks the report printed.
 */
function missingRows(ctx: Context, labelled: ReadonlySet<string>): void {
  for (const { id } of applicationRows(ctx.report.layouts.applications ?? '2021')) {
    if (labelled.has(id)) continue;
    const rowLabel = applicationRowLabel(id);
    ctx.findings.push({
      severity: 'warning',
      rule: 'reader.missingRow',
      table: 'applications',
      tableLabel: TABLE_LABELS.applications,
      row: id,
      rowLabel,
      message: `Row "${rowLabel}" of the official table is not in the report: it is left blank.`,
      messageZh: `报告中没有官方表格的“${rowLabel}”行：该行留空。`,
    });
  }
}
