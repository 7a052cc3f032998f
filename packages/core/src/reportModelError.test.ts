import { describe, expect, it } from 'vitest';
import { generateReport } from './generate/report.js';
import { assertReport, assertReports, ReportModelError } from './reportModelError.js';
import { badModels } from './test-support/badModels.js';

describe('assertReport', () => {
  it('passes a report model', () => {
    expect(() => assertReport(generateReport(3, { layout: 'legacy' }))).not.toThrow();
  });

  it.each(badModels())('refuses $why, naming where in both languages', ({ value, path }) => {
    let error: unknown;
    try {
      assertReport(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportModelError);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as ReportModelError).message).toMatch(path);
    expect((error as ReportModelError).messageZh).toMatch(/^不是报告模型：\S+：/);
  });
});

describe('assertReports', () => {
  it('passes an array of report models, and names the report that is none by its index', () => {
    const report = generateReport(3, { layout: '2021' });
    expect(() => assertReports([report, report])).not.toThrow();
    expect(() => assertReports([report, { ...report, meta: undefined }])).toThrow(/^not a report model: 1\.meta: /);
    expect(() => assertReports(report)).toThrow(ReportModelError);
  });
});
