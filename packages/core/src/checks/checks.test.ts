import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate/report.js';
import { writeReportAs } from '../generate/write.js';
import type { ApplicantRow, Report } from '../model.js';
import { parse } from '../parse.js';
import { ReportModelError } from '../reportModelError.js';
import { badModels } from '../test-support/badModels.js';
import { check, checkSeries } from './index.js';

/** A 2021 report whose every rule holds, read back from text so that figures carry positions. */
function consistentReport(seed: number): Report {
  const report = generateReport(seed, { layout: '2021' });
  const rows = report.applications as Record<string, ApplicantRow>;
  for (const row of Object.values(rows)) {
    for (const c of ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'other'] as const) row[c] = 1;
    row.total = 6;
  }
  const results = Object.keys(rows).filter((r) => !['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].includes(r));
  for (const c of ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'other'] as const) rows.totalProcessed![c] = results.length;
  rows.totalProcessed!.total = results.length * 6;
  Object.assign(rows.newReceived!, { naturalPerson: results.length, commercial: results.length, research: results.length, publicInterest: results.length, legalService: results.length, other: results.length, total: results.length * 6 });
  for (const g of Object.values(report.reviewLitigation)) Object.assign(g!, { upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 });
  const parsed = parse(writeReportAs(report, 'rowPerLine'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.report;
}

describe('check', () => {
  it('finds nothing in a consistent report', () => {
    expect(check(consistentReport(1))).toEqual([]);
  });

  it.each(badModels())('refuses $why with a ReportModelError naming where, as every writer does, instead of a TypeError from deep inside', ({ value, path }) => {
    expect(() => check(value as Report)).toThrow(ReportModelError);
    expect(() => check(value as Report)).toThrow(path);
  });

  it('checkSeries refuses what is no array of reports with a ReportModelError, naming which report', () => {
    expect(() => checkSeries({} as never)).toThrow(/^not a report model: \(top\): Invalid input: expected array, received object$/);
    expect(() => checkSeries([consistentReport(1), {} as Report])).toThrow(/^not a report model: 1\.schemaVersion: /);
  });

  it('reports a broken row total with the row and column as printed, both sides and the position', () => {
    const report = consistentReport(2);
    report.applications['denied.stateSecret']!.total = 7;
    const findings = check(report);
    const rowTotal = findings.find((f) => f.rule === 'applications.rowTotal');
    expect(rowTotal).toMatchObject({
      table: 'applications',
      row: 'denied.stateSecret',
      column: 'total',
      rowLabel: '（三）不予公开 1.属于国家秘密',
      columnLabel: '总计',
      tableLabel: '三、收到和处理政府信息公开申请情况',
      left: { value: 7 },
      right: { value: 6 },
      position: { line: expect.any(Number), column: expect.any(Number) },
    });
    expect(rowTotal?.messageZh).toContain('总计应等于各类申请人之和');
    // The same figure also breaks （七）总计 in the 总计 column: each rule speaks for itself.
    expect(findings.map((f) => f.rule)).toContain('applications.totalProcessed');
  });

  it('names a negative figure by its table, row and column as printed', () => {
    const report = generateReport(4, { layout: '2021' });
    report.activeDisclosure.normativeDocuments = { ...report.activeDisclosure.normativeDocuments, issued: -36 };
    report.applications['notProcessed.duplicate'] = { ...report.applications['notProcessed.duplicate']!, other: -1 };
    const negative = check(report).filter((f) => f.rule === 'figure.negative');
    expect(negative).toEqual([
      expect.objectContaining({ table: 'activeDisclosure', tableLabel: '二、主动公开政府信息情况', row: 'normativeDocuments', rowLabel: '行政规范性文件', column: 'issued', columnLabel: '本年制发件数', messageZh: '行政规范性文件 › 本年制发件数 为负数（-36）：只有“本年增/减”可以为负' }),
      expect.objectContaining({ table: 'applications', row: 'notProcessed.duplicate', rowLabel: expect.stringContaining('重复申请'), column: 'other', columnLabel: '其他' }),
    ]);
  });

  it('says a count with a fraction is no whole number, and lets an amount of money have one', () => {
    const report = generateReport(4, { layout: '2021' });
    report.applications.granted = { ...report.applications.granted!, naturalPerson: 1.5 };
    report.activeDisclosure.fees = { amount: 12.34 };
    const fraction = check(report).filter((f) => f.rule === 'figure.fraction');
    expect(fraction).toEqual([expect.objectContaining({ severity: 'error', table: 'applications', row: 'granted', column: 'naturalPerson', columnLabel: '自然人', messageZh: expect.stringContaining('不是整数（1.5）') })]);
  });

  it('checks table 四 groups and does not treat blanks as zero when a whole side is blank', () => {
    const report = consistentReport(3);
    report.reviewLitigation.litigationDirect!.total = 11;
    expect(check(report).map((f) => `${f.rule} ${f.row}`)).toEqual(['reviewLitigation.total litigationDirect']);
    Object.assign(report.reviewLitigation.litigationDirect!, { upheld: null, corrected: null, other: null, pending: null });
    expect(check(report)).toEqual([]);
  });

  it('checkSeries compares this year 上年结转 with last year 结转下年度, column by column', () => {
    const last = consistentReport(4);
    const now = consistentReport(5);
    last.meta.year = 2022;
    now.meta.year = 2023;
    now.meta.agency = last.meta.agency;
    last.applications.carriedForward!.naturalPerson = 9;
    const findings = checkSeries([now, last]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'series.carriedOver', column: 'naturalPerson', left: { value: 1 }, right: { value: 9 }, details: { report: 0, previous: 1 } });
  });

  it('checkSeries never compares two agencies, and says it saw more than one', () => {
    const reports = [4, 5, 6].map(consistentReport);
    reports.forEach((r, i) => Object.assign(r.meta, { year: [2022, 2023, 2023][i], agency: ['甲县人民政府', '甲县人民政府', '乙县发展和改革局'][i] }));
    reports[0]!.applications.carriedForward!.naturalPerson = 9; // differs from both 2023 reports' 上年结转
    const findings = checkSeries(reports);
    expect(findings.map((f) => f.rule)).toEqual(['series.agencies', 'series.carriedOver']);
    expect(findings[0]!.messageZh).toContain('甲县人民政府、乙县发展和改革局');
    expect(findings[1]!.details).toEqual({ report: 1, previous: 0 });
  });

  it('checkSeries takes one agency spelled two ways for one, and says so', () => {
    const [last, now] = [4, 5].map(consistentReport) as [Report, Report];
    Object.assign(last.meta, { year: 2020, agency: '某某市人民政府办公室' });
    Object.assign(now.meta, { year: 2021, agency: '某某市政府办公室' });
    last.applications.carriedForward!.naturalPerson = 745;
    const findings = checkSeries([last, now]);
    expect(findings.map((f) => f.rule)).toEqual(['series.agencySpellings', 'series.carriedOver']);
    expect(findings[0]!.messageZh).toBe('某某市人民政府办公室、某某市政府办公室 写法不同，按同一机关核对');
  });

  it('checkSeries leaves out a report naming no agency beside reports that do, and compares them when none does', () => {
    const reports = [4, 5, 6].map(consistentReport);
    reports.forEach((r, i) => Object.assign(r.meta, { year: 2020 + i, agency: [null, '甲局', '乙局'][i] }));
    reports[0]!.applications.carriedForward!.naturalPerson = 999;
    expect(checkSeries(reports).map((f) => [f.rule, f.details])).toEqual([['series.noAgency', { report: 0 }], ['series.agencies', undefined]]);
    reports.forEach((r) => (r.meta.agency = null));
    expect(checkSeries(reports).map((f) => f.rule)).toEqual(['series.noAgency', 'series.carriedOver']);
  });

  it('checkSeries says which year is missing between two it was given', () => {
    const reports = [4, 5].map(consistentReport);
    reports.forEach((r, i) => Object.assign(r.meta, { year: [2019, 2022][i], agency: '甲县人民政府' }));
    const findings = checkSeries(reports);
    expect(findings).toEqual([expect.objectContaining({ rule: 'series.missingYear', severity: 'info', details: { report: 1, previous: 0 } })]);
    expect(findings[0]!.messageZh).toBe('未提供甲县人民政府2020–2021年的报告：2022年的“上年结转”未核对');
  });

  it('checkSeries says when one agency has two reports of a year (a copy beside its source), and which report has no year', () => {
    const reports = [4, 5, 6].map(consistentReport);
    reports.forEach((r, i) => Object.assign(r.meta, { year: [2023, 2022, 2023][i], agency: '甲县人民政府' }));
    reports.push(Object.assign(consistentReport(7), { meta: { ...reports[0]!.meta, year: null } }));
    const findings = checkSeries(reports);
    expect(findings.map((f) => [f.rule, f.details])).toEqual([['series.noYear', { report: 3 }], ['series.sameYear', { report: 2, previous: 0 }]]);
    expect(findings[1]!.messageZh).toBe('另有一份报告也是甲县人民政府2023年的报告：跨年度核对时每年只用其中一份');
  });
});
