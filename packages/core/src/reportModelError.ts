import { z } from 'zod';
import { Report } from './model.js';
import { assertFits, type SchemaProblem } from './schemaIssues.js';

/**
 * A value a caller built that does not fit its schema: the caller's bug, each problem said with where
 * in both languages, before it goes wrong deep inside. What ReportModelError and OptionsError are.
 */
export class SchemaError extends TypeError {
  readonly messageZh: string;
  constructor(
    readonly problems: SchemaProblem[],
    lead: { en: string; zh: string },
    /** How many problems the message lists: a value far off its schema has hundreds. */
    listed = problems.length,
  ) {
    const first = problems.slice(0, listed);
    super(`${lead.en}: ${first.map((p) => p.message).join('; ')}`);
    this.messageZh = `${lead.zh}：${first.map((p) => p.messageZh).join('；')}`;
  }
}

/**
 * A writer given something that is not a report model (`applications.granted.total: Invalid input:
 * expected number, received NaN`), before it becomes NaN in a cell, or a TypeError deep in a writer.
 */
export class ReportModelError extends SchemaError {
  override readonly name = 'ReportModelError';
  constructor(problems: SchemaProblem[]) {
    super(problems, { en: 'not a report model', zh: '不是报告模型' }, 3);
  }
}

/** Throws a ReportModelError unless `value` is a report model: what each writer, `check` and `migrate` check first (about 0.1–0.25 ms a report). */
export function assertReport(value: unknown): asserts value is Report {
  assertFits(Report, value, '(top)', refuseModel);
}

const Reports = z.array(Report);
/** The same for an array of reports (`checkSeries`): a problem's path starts with the report's index. */
export function assertReports(value: unknown): asserts value is Report[] {
  assertFits(Reports, value, '(top)', refuseModel);
}

const refuseModel = (problems: SchemaProblem[]) => new ReportModelError(problems);
