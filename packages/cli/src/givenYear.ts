import { basename } from 'node:path';
import type { Finding, Report } from '@report-convert/core';

/** `--year`: a year, or `name` for the year in each input's file name. */
export type YearOption = number | 'name';

/** `--year`'s value, or undefined when it is neither a plausible year nor `name`. */
export function parseYearOption(value: string): YearOption | undefined {
  if (value === 'name') return 'name';
  return /^(19[89]\d|20\d\d)$/.test(value) ? Number(value) : undefined;
}

/** The one year a file name gives (`2016年报告.txt`, `xx区-2016.docx`), or null for none or several. */
export function yearInName(path: string): number | null {
  const years = new Set([...basename(path).matchAll(/(?<!\d)(19[89]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0]! : null;
}

/**
 * The year the user gave, for a report that states none. The reader's guess from a January–March
 * 落款 date gives way to it too; a year the report states never does (the report is the record), but
 * a different one is said, since one of the two is wrong.
 */
export function withGivenYear<T extends { report: Report; findings: Finding[] }>(read: T, option: YearOption, input: string): T {
  const year = option === 'name' ? yearInName(input) : option;
  const guessed = read.findings.some((f) => f.rule === 'reader.yearFromDate');
  const stated = read.report.meta.year;
  if (year === null) {
    if (stated !== null && !guessed) return read;
    // Asked for and not found: said, or the user would take the reader's warning for --year's failure to run.
    const none: Finding = { severity: 'info', rule: 'reader.noYearInName', table: 'document', message: `--year name: ${input === '-' ? 'standard input has no file name' : `the file name (${basename(input)}) gives no single year`}.`, messageZh: `--year name：${input === '-' ? '标准输入没有文件名' : `文件名（${basename(input)}）中没有唯一的年份`}。` };
    return { ...read, findings: [...read.findings, none] };
  }
  const from = option === 'name' ? { en: `the file name (${basename(input)})`, zh: `文件名（${basename(input)}）` } : { en: '--year', zh: ' --year 参数' };
  if (stated !== null && !guessed) {
    if (stated === year) return read;
    const differs: Finding = { severity: 'warning', rule: 'reader.yearDiffers', table: 'document', message: `The report states ${stated}, but ${from.en} gives ${year}; ${stated} is kept.`, messageZh: `报告写明的年度为${stated}年，而${from.zh}为${year}年；保留${stated}年，请核对。` };
    return { ...read, findings: [...read.findings, differs] };
  }
  const given: Finding = { severity: 'info', rule: 'reader.yearGiven', table: 'document', message: `The report does not state its year; ${year} is taken from ${from.en}.`, messageZh: `报告未写明年度，已按${from.zh}取为${year}年。` };
  const findings = read.findings.filter((f) => f.rule !== 'reader.noYear' && f.rule !== 'reader.yearFromDate');
  return { ...read, report: { ...read.report, meta: { ...read.report.meta, year } }, findings: [...findings, given] };
}
