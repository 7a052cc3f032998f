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
  const parts = path.split('.');
  // Row ids contain dots (`denied.stateSecret`): the record key is everything between the table and the column.
  const keys = parts[0] === 'applications' && parts.length > 3 ? [parts[0], parts.slice(1, -1).join('.'), parts.at(-1)!] : parts[0] === 'legacy' || parts[0] === 'legacyCumulative' ? [parts[0], parts.slice(1).join('.')] : parts;
  for (const key of keys) node = node === null || node === undefined ? undefined : (node as Record<string, unknown>)[key!];
  if (typeof node === 'string') return { value: null, display: node, ...(source ? { source } : {}) };
  const value = typeof node === 'number' ? node : null;
  const printedMore = source && (source.unit !== undefined || source.notApplicable);
  const display = printedMore ? source.text : value === null ? '' : formatFigure(value);
  return { value, display, ...(source ? { source } : {}) };
}

/** Every digit, no exponent, no grouping: 12.39205 stays 12.39205, 1e21 is written out. */
export function formatFigure(value: number): string {
  const s = String(value);
  if (!/e/i.test(s)) return s;
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
