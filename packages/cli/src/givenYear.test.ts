import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@report-convert/core';
import { CORPUS_DIR } from '../../core/src/test-support/corpus.js';
import { parseYearOption, withGivenYear, yearInName } from './givenYear.js';

const read = (path: string) => {
  const result = parse(readFileSync(path));
  if (!result.ok) throw new Error(`${path} did not parse`);
  return result;
};
const NO_YEAR = join(CORPUS_DIR, 'seeds', '000_7b493fb4be35eb87.txt'); // no title; its opening words name no year
const YEAR_FROM_DATE = fileURLToPath(new URL('../../../examples/penghou-street-2024.txt', import.meta.url)); // signed 2025-01
const STATED = join(CORPUS_DIR, 'seeds', '001_1c75c2c4e67cd3d7.txt');

describe('--year', () => {
  it('takes a year or name, nothing else', () => {
    expect(['2016', 'name', '1990', '16', '20166', '2016年', '3000', ''].map(parseYearOption)).toEqual([2016, 'name', 1990, undefined, undefined, undefined, undefined, undefined]);
  });

  it('finds one year in a file name, none when there are two or the digits run on', () => {
    expect(yearInName('/archive/2016/秀英区2016年报告.txt')).toBe(2016); // the folder is not the name
    expect(yearInName('xx区-2017.docx')).toBe(2017);
    expect(yearInName('2016-2017合并.txt')).toBeNull();
    expect(yearInName('art_20161234.html')).toBeNull();
    expect(yearInName('report.txt')).toBeNull();
  });

  it('fills the year of a report that states none, in place of the reader warning', () => {
    const before = read(NO_YEAR);
    expect(before.report.meta.year).toBeNull();
    expect(before.findings.map((f) => f.rule)).toContain('reader.noYear');
    const after = withGivenYear(before, 2020, NO_YEAR);
    expect(after.report.meta.year).toBe(2020);
    expect(after.findings.map((f) => f.rule)).not.toContain('reader.noYear');
    expect(after.findings).toContainEqual(expect.objectContaining({ severity: 'info', rule: 'reader.yearGiven', messageZh: '报告未写明年度，已按 --year 参数取为2020年。' }));
    expect({ ...after.report, meta: before.report.meta }).toEqual(before.report); // the figures and all else as read
  });

  it('replaces the guess from a January 落款 date, and says where the year came from', () => {
    const before = read(YEAR_FROM_DATE);
    expect(before.report.meta.year).toBe(2024);
    const after = withGivenYear(before, 'name', '/in/彭后街道-2023.txt');
    expect(after.report.meta.year).toBe(2023);
    expect(after.findings.map((f) => f.rule)).not.toContain('reader.yearFromDate');
    expect(after.findings.find((f) => f.rule === 'reader.yearGiven')?.message).toBe('The report does not state its year; 2023 is taken from the file name (彭后街道-2023.txt).');
  });

  it('keeps the year a report states, and says so when the given one differs', () => {
    const before = read(STATED);
    const stated = before.report.meta.year!;
    expect(stated).toBeGreaterThan(2000);
    expect(withGivenYear(before, stated, STATED)).toBe(before);
    const other = withGivenYear(before, stated - 1, STATED);
    expect(other.report.meta.year).toBe(stated);
    expect(other.findings).toContainEqual(expect.objectContaining({ severity: 'warning', rule: 'reader.yearDiffers' }));
  });

  it('says so when the name gives no year for a report that states none, and leaves a stated year alone', () => {
    const before = read(NO_YEAR);
    const after = withGivenYear(before, 'name', NO_YEAR);
    expect(after.report).toBe(before.report);
    expect(after.findings.slice(0, -1)).toEqual(before.findings);
    expect(after.findings.at(-1)).toMatchObject({ severity: 'info', rule: 'reader.noYearInName', messageZh: '--year name：文件名（000_7b493fb4be35eb87.txt）中没有唯一的年份。' });
    expect(withGivenYear(before, 'name', '-').findings.at(-1)?.message).toBe('--year name: standard input has no file name.');
    const stated = read(STATED);
    expect(withGivenYear(stated, 'name', STATED)).toBe(stated);
  });
});
