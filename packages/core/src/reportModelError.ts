import { Report } from './model.js';
import { schemaProblems, type SchemaProblem } from './schemaIssues.js';

/**
 * A writer given something that is not a report model: the caller's bug, said with where
 * (`applications.granted.total: Invalid input: expected number, received NaN`) before it becomes
 * NaN in a cell, or a TypeError deep in a writer.
 */
export class ReportModelError extends TypeError {
  override readonly name = 'ReportModelError';
  readonly messageZh: string;
  constructor(readonly problems: SchemaProblem[]) {
    const first = problems.slice(0, 3);
    super(`not a report model: ${first.map((p) => p.message).join('; ')}`);
    this.messageZh = `不是报告模型：${first.map((p) => p.messageZh).join('；')}`;
  }
}

/** Throws a ReportModelError unless `value` is a report model: what each writer checks first (50–100 µs a report). */
export function assertReport(value: unknown): asserts value is Report {
  if (!Report.safeParse(value).success) throw new ReportModelError(schemaProblems(Report, value, '(top)'));
}
