import type { Finding } from '../finding.js';
import type { Report } from '../model.js';
import { resolveBinding } from '../layouts/binding.js';

export interface Term {
  path: string;
  /** How the term is written in a message: its model path. */
  name: string;
}

/**
 * Sums figures. A side whose every cell is blank cannot be checked (null); otherwise blanks count
 * as nothing, and the finding shows which cells were blank.
 */
export function sum(report: Report, terms: Term[]): number | null {
  const values = terms.map((t) => resolveBinding(report, t.path).value);
  if (values.every((v) => v === null)) return null;
  // Round away binary noise: 0.1 + 0.2 must equal 0.3 when the report prints 0.3.
  return Math.round(values.reduce<number>((a, v) => a + (v ?? 0), 0) * 1e6) / 1e6;
}

export interface Rule {
  rule: string;
  table: Finding['table'];
  row?: string;
  column?: string;
  tableLabel: string;
  rowLabel?: string;
  columnLabel?: string;
  left: Term[];
  right: Term[];
  relation: '=' | '<=' | '>=';
  zh: string;
}

const expression = (terms: Term[]) => terms.map((t) => t.name).join(' + ');

/** Evaluates one rule; a finding when both sides have figures and the relation fails. */
export function evaluate(report: Report, rule: Rule): Finding | undefined {
  const left = sum(report, rule.left);
  const right = sum(report, rule.right);
  if (left === null || right === null) return undefined;
  const holds = rule.relation === '=' ? left === right : rule.relation === '<=' ? left <= right : left >= right;
  if (holds) return undefined;
  const broken = rule.relation === '=' ? '≠' : rule.relation === '<=' ? '>' : '<';
  const position = [...rule.left, ...rule.right].map((t) => report.sources[t.path]).find(Boolean);
  return {
    severity: 'error',
    rule: rule.rule,
    table: rule.table,
    ...(rule.row ? { row: rule.row } : {}),
    ...(rule.column ? { column: rule.column } : {}),
    tableLabel: rule.tableLabel,
    ...(rule.rowLabel ? { rowLabel: rule.rowLabel } : {}),
    ...(rule.columnLabel ? { columnLabel: rule.columnLabel } : {}),
    left: { expression: expression(rule.left), value: left },
    right: { expression: expression(rule.right), value: right },
    ...(position ? { position: { line: position.line, column: position.column } } : {}),
    message: `${expression(rule.left)} (${left}) ${broken} ${expression(rule.right)} (${right})`,
    // The table, row and column as printed are fields of their own: the sentence does not repeat them.
    messageZh: `${rule.zh}（${left} ${broken} ${right}）`,
  };
}
