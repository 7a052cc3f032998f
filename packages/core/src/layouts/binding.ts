import type { Finding } from '../finding.js';
import { ACTIVE_COLUMN_LABELS, ACTIVE_ITEM_SPECS, APPLICANT_COLUMN_LABELS, applicationRowLabel, legacyRowSpec, REVIEW_FIELD_LABELS, REVIEW_GROUP_LABELS, TABLE_LABELS } from '../ids.js';
import type { Report, SourceRef } from '../model.js';

export interface BoundValue {
  /** The figure, or null for a blank. */
  value: number | null;
  /** What a person should see: the number with every digit, or the printed text where the source printed more than a plain number (`251000元`, `/`). */
  display: string;
  source?: SourceRef;
}

/** Resolves a grid binding (a model path such as `applications.granted.total`) against a report. */
export function resolveBinding(report: Report, path: string): BoundValue {
  const source = report.sources[path];
  let node: unknown = report;
  for (const key of bindingKeys(path)) node = node === null || node === undefined ? undefined : (node as Record<string, unknown>)[key];
  if (typeof node === 'string') return { value: null, display: node, ...(source ? { source } : {}) };
  const value = typeof node === 'number' ? node : null;
  // A mark, or a figure printed with its unit (251000元), is shown as printed.
  const asPrinted = source && (source.notApplicable || (source.unit !== undefined && source.text.includes(source.unit)));
  const display = asPrinted ? source.text : value === null ? '' : printedFigure(value, source);
  return { value, display, ...(source ? { source } : {}) };
}

/**
 * What the print said beyond the number, kept wherever the figure is shown: its unit (`251000元`, or
 * 元 in the legacy sheet's unit column where the sheet has 万元) and an explicit plus sign (`+1036`, a change).
 */
export function printedForm(source: SourceRef | undefined): { plus: boolean; unit: string } {
  return { plus: source !== undefined && /^\s*[+＋]/.test(source.text), unit: source?.unit ?? '' };
}

/** The figure with every digit and what the print said beyond it (printedForm). */
function printedFigure(value: number, source: SourceRef | undefined): string {
  const { plus, unit } = printedForm(source);
  return `${plus ? '+' : ''}${formatFigure(value)}${unit}`;
}

/** Every digit, no exponent, no grouping: 12.39205 stays 12.39205, 1e21 is written out. */
export function formatFigure(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) return s;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

const keysOfPath = new Map<string, readonly string[]>();
/**
 * The record keys of a path. Row ids contain dots (`denied.stateSecret`, `requests.received`).
 * Remembered: the paths are the layouts' few hundred, and every writer resolves each of them per report.
 */
export function bindingKeys(path: string): readonly string[] {
  let keys = keysOfPath.get(path);
  if (!keys) keysOfPath.set(path, (keys = splitPath(path)));
  return keys;
}

/** A figure's path as a finding names it: table, row and column (a legacy sheet's rows have none; its cumulative figures are of its table). */
export function figurePlace(path: string): { table: Exclude<Finding['table'], undefined>; row: string; column?: string } {
  const [table, row = '', column] = bindingKeys(path);
  return { table: (table === 'legacyCumulative' ? 'legacy' : table) as Exclude<Finding['table'], undefined>, row, ...(column ? { column } : {}) };
}

/**
 * A figure's place as a finding names it: ids, and the table, row and column as the report prints
 * them (the 2019 or 2021 wording by the report's own layout), so a clerk can find the cell.
 */
export function printedPlace(report: Report, path: string): Pick<Finding, 'table' | 'tableLabel' | 'row' | 'rowLabel' | 'column' | 'columnLabel'> {
  const { table, row, column } = figurePlace(path);
  const labels = placeLabels(report, table, row, column);
  return { table, ...(table !== 'document' ? { tableLabel: TABLE_LABELS[table] } : {}), row, ...(labels.row ? { rowLabel: labels.row } : {}), ...(column ? { column } : {}), ...(labels.column ? { columnLabel: labels.column } : {}) };
}

function placeLabels(report: Report, table: string, row: string, column: string | undefined): { row?: string | undefined; column?: string | undefined } {
  switch (table) {
    case 'activeDisclosure': {
      const spec = ACTIVE_ITEM_SPECS.find((s) => s.id === row);
      const layout = report.layouts.activeDisclosure[row as keyof Report['layouts']['activeDisclosure']] ?? '2021';
      return { row: spec?.label[layout], column: column && ACTIVE_COLUMN_LABELS[layout][column as keyof (typeof ACTIVE_COLUMN_LABELS)['2021']] };
    }
    case 'applications':
      return { row: applicationRowLabel(row), column: column && APPLICANT_COLUMN_LABELS[column as keyof typeof APPLICANT_COLUMN_LABELS] };
    case 'reviewLitigation':
      return { row: REVIEW_GROUP_LABELS[row as keyof typeof REVIEW_GROUP_LABELS], column: column && REVIEW_FIELD_LABELS[column as keyof typeof REVIEW_FIELD_LABELS] };
    case 'legacy':
      return { row: legacyRowSpec(row)?.label };
    default:
      return {};
  }
}

/** The path of the figure a finding is about (figurePlace's inverse), when it names a row. */
export function figurePath({ table, row, column }: { table?: string | undefined; row?: string | undefined; column?: string | undefined }): string | undefined {
  return table && row ? [table, row, column].filter(Boolean).join('.') : undefined;
}

function splitPath(path: string): string[] {
  const parts = path.split('.');
  if (parts[0] === 'applications' && parts.length > 3) return [parts[0], parts.slice(1, -1).join('.'), parts.at(-1)!];
  if (parts[0] === 'legacy' || parts[0] === 'legacyCumulative') return [parts[0], parts.slice(1).join('.')];
  return parts;
}

/** Sets a figure at a grid binding, creating the row where it is missing. For readers of edited output. */
export function setBinding(report: Report, path: string, value: number | null): void {
  const keys = bindingKeys(path);
  let node = report as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1)!] = value;
}
