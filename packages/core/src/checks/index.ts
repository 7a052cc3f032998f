import type { Finding } from '../finding.js';
import {
  ACTIVE_COLUMN_LABELS,
  ACTIVE_ITEM_SPECS,
  APPLICANT_COLUMN_LABELS,
  APPLICANT_COLUMNS,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUP_LABELS,
  REVIEW_GROUPS,
  TABLE_LABELS,
  applicationRowLabel,
  applicationRows,
  legacyRowSpec,
} from '../ids.js';
import type { Report } from '../model.js';
import { printedPlace } from '../layouts/binding.js';
import { assertReport, assertReports } from '../reportModelError.js';
import { evaluate, type Rule, type Term } from './arithmetic.js';

const T3 = TABLE_LABELS.applications;
const T4 = TABLE_LABELS.reviewLitigation;
const app = (row: string, col: string): Term => ({ path: `applications.${row}.${col}`, name: `applications.${row}.${col}` });

/** Every arithmetic rule of FORMATS.md §3 that applies to this report. */
export function rules(report: Report): Rule[] {
  const out: Rule[] = [];
  const layout = report.layouts.applications;
  if (layout) {
    const results = applicationRows(layout).map((r) => r.id).filter((id) => !['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].includes(id));
    for (const col of APPLICANT_COLUMNS) {
      const column = { column: col, columnLabel: APPLICANT_COLUMN_LABELS[col] };
      out.push({ rule: 'applications.balance', table: 'applications', tableLabel: T3, ...column, left: [app('newReceived', col), app('carriedOver', col)], right: [app('totalProcessed', col), app('carriedForward', col)], relation: '=', zh: '第一项加第二项之和应等于第三项加第四项之和' });
      out.push({ rule: 'applications.totalProcessed', table: 'applications', row: 'totalProcessed', rowLabel: '（七）总计', tableLabel: T3, ...column, left: [app('totalProcessed', col)], right: results.map((r) => app(r, col)), relation: '=', zh: '（七）总计应等于各项办理结果之和' });
    }
    for (const row of applicationRows(layout))
      out.push({ rule: 'applications.rowTotal', table: 'applications', row: row.id, rowLabel: applicationRowLabel(row.id), column: 'total', columnLabel: '总计', tableLabel: T3, left: [app(row.id, 'total')], right: APPLICANT_COLUMNS.filter((c) => c !== 'total').map((c) => app(row.id, c)), relation: '=', zh: '总计应等于各类申请人之和' });
  }
  if (Object.keys(report.reviewLitigation).length)
    for (const group of REVIEW_GROUPS) {
      const t = (f: string): Term => ({ path: `reviewLitigation.${group}.${f}`, name: `reviewLitigation.${group}.${f}` });
      out.push({ rule: 'reviewLitigation.total', table: 'reviewLitigation', row: group, rowLabel: REVIEW_GROUP_LABELS[group], column: 'total', columnLabel: REVIEW_FIELD_LABELS.total, tableLabel: T4, left: [t('total')], right: REVIEW_FIELDS.filter((f) => f !== 'total').map(t), relation: '=', zh: '总计应等于结果维持、结果纠正、其他结果、尚未审结之和' });
    }
  for (const spec of ACTIVE_ITEM_SPECS) {
    if (report.layouts.activeDisclosure[spec.id] !== '2019' || !spec.columns['2019'].includes('totalPublished')) continue;
    const t = (c: string): Term => ({ path: `activeDisclosure.${spec.id}.${c}`, name: `activeDisclosure.${spec.id}.${c}` });
    out.push({ rule: 'activeDisclosure.totalPublished', table: 'activeDisclosure', row: spec.id, rowLabel: spec.label['2019'], column: 'totalPublished', columnLabel: ACTIVE_COLUMN_LABELS['2019'].totalPublished!, tableLabel: TABLE_LABELS.activeDisclosure, left: [t('totalPublished')], right: [t('newlyPublished')], relation: '>=', zh: '对外公开总数量不应小于本年新公开数量' });
  }
  if (report.legacy) out.push(...legacyRules());
  return out;
}

const L = (id: string): Term => ({ path: `legacy.${id}`, name: id });
const legacyRule = (left: string, right: string[], relation: Rule['relation'], zh: string): Rule => ({
  rule: 'legacy.sum',
  table: 'legacy',
  row: left,
  rowLabel: legacyRowSpec(left)?.label ?? left,
  tableLabel: TABLE_LABELS.legacy,
  left: [L(left)],
  right: right.map(L),
  relation,
  zh,
});

function legacyRules(): Rule[] {
  return [
    legacyRule('requests.received', ['requests.inPerson', 'requests.fax', 'requests.online', 'requests.mail'], '=', '收到申请数应等于各渠道申请数之和'),
    legacyRule('requests.closed', ['requests.closedOnTime', 'requests.closedExtended'], '=', '申请办结数应等于按时办结数与延期办结数之和'),
    legacyRule('requests.answered', ['requests.alreadyPublic', 'requests.granted', 'requests.partiallyGranted', 'requests.denied', 'requests.notThisAgency', 'requests.notExist', 'requests.correctionNotice', 'requests.otherChannel'], '=', '申请答复数应等于各类答复数之和'),
    legacyRule('requests.denied', ['requests.denied.stateSecret', 'requests.denied.commercialSecret', 'requests.denied.privacy', 'requests.denied.security', 'requests.denied.notGovernmentInformation', 'requests.denied.otherLegal'], '=', '不同意公开答复数应等于其中各项之和'),
    legacyRule('review.total', ['review.upheld', 'review.corrected', 'review.other'], '=', '行政复议数量应等于其中各项之和'),
    legacyRule('litigation.total', ['litigation.upheld', 'litigation.corrected', 'litigation.other'], '=', '行政诉讼数量应等于其中各项之和'),
    legacyRule('org.staff', ['org.staffFullTime', 'org.staffPartTime'], '=', '工作人员数应等于专职与兼职人员数之和'),
    { ...legacyRule('active.normativeDocuments', ['active.total'], '<=', '主动公开规范性文件数不应大于主动公开政府信息数'), rule: 'legacy.notGreater' },
    { ...legacyRule('response.pressConferencesByLeaders', ['response.pressConferences'], '<=', '主要负责同志参加新闻发布会次数不应大于新闻发布会总次数'), rule: 'legacy.notGreater' },
    { ...legacyRule('response.onlineInterviewsByLeaders', ['response.onlineInterviews'], '<=', '主要负责同志参加在线访谈次数不应大于在线访谈次数'), rule: 'legacy.notGreater' },
  ];
}

/**
 * Runs every check of FORMATS.md §3 on one report. Failures are findings; no figure is changed.
 * A value that is no report model is refused with a ReportModelError, as by every writer.
 */
export function check(report: Report): Finding[] {
  assertReport(report);
  const findings = rules(report).map((r) => evaluate(report, r)).filter((f): f is Finding => f !== undefined);
  findings.push(...impossibleFigures(report));
  return findings;
}

/**
 * Figures are counts and amounts: only 本年增/减 may be negative, and only an amount (金额, 万元) may
 * have a fraction; a count of 1.5 is a typo or a misread cell.
 */
function impossibleFigures(report: Report): Finding[] {
  const out: Finding[] = [];
  const visit = (table: Finding['table'], prefix: string, record: Record<string, unknown> | undefined) => {
    for (const [key, value] of Object.entries(record ?? {})) {
      if (value && typeof value === 'object') visit(table, `${prefix}.${key}`, value as Record<string, unknown>);
      if (typeof value !== 'number') continue;
      const negative = value < 0 && key !== 'change';
      const fraction = !Number.isInteger(value) && key !== 'amount' && !(table === 'legacy' && legacyRowSpec(key)?.unit === '万元');
      if (!negative && !fraction) continue;
      const path = `${prefix}.${key}`;
      const source = report.sources[path];
      const place = printedPlace(report, path);
      const named = [place.rowLabel, place.columnLabel].filter(Boolean).join(' › ') || path;
      const at = source ? { position: { line: source.line, column: source.column } } : {};
      if (negative) out.push({ severity: 'error', rule: 'figure.negative', ...place, left: { expression: path, value }, right: { expression: '0', value: 0 }, ...at, message: `${named} is negative (${value}): only 本年增/减 may be`, messageZh: `${named} 为负数（${value}）：只有“本年增/减”可以为负` });
      if (fraction) out.push({ severity: 'error', rule: 'figure.fraction', ...place, ...at, message: `${named} is not a whole number (${value}): only an amount of money may have a fraction`, messageZh: `${named} 不是整数（${value}）：只有金额可以有小数` });
    }
  };
  visit('activeDisclosure', 'activeDisclosure', report.activeDisclosure);
  visit('applications', 'applications', report.applications);
  visit('reviewLitigation', 'reviewLitigation', report.reviewLitigation);
  visit('legacy', 'legacy', report.legacy);
  return out;
}

/**
 * Across years of each agency: this year's 上年结转 equals last year's 结转下年度, column by column.
 * Reports are grouped by their agency as printed, spelled alike (agencyKey: 某某市人民政府办公室 is
 * 某某市政府办公室), so that two agencies' reports given together are never compared with each other
 * (an info finding names the agencies). A report that names no agency is compared only when none
 * does (one agency's folder whose titles leave it out); beside reports that do, it is left out. Two
 * reports of one agency and year, a report with no year, and a year missing between two given get an
 * info finding too. Each finding's `details` holds the indices in `reports` of the report it is about
 * and of the one it was compared with. An array with a value that is no report model is refused with a ReportModelError.
 */
export function checkSeries(reports: Report[]): Finding[] {
  assertReports(reports);
  const byAgency = new Map<string, { names: Set<string>; indices: number[] }>();
  const out: Finding[] = [];
  const anyAgency = reports.some((r) => r.meta.agency?.trim());
  reports.forEach((r, index) => {
    if (r.meta.year === null) {
      out.push({ severity: 'info', rule: 'series.noYear', message: 'no year was found in this report (its title names none): it is left out of the cross-year check', messageZh: '此报告中未找到年度（标题未写明）：跨年度核对未包括此报告', details: { report: index } });
      return;
    }
    const agency = r.meta.agency?.trim() || null;
    if (agency === null && anyAgency) {
      out.push({ severity: 'info', rule: 'series.noAgency', message: 'no agency was found in this report, beside reports that name theirs: it is left out of the cross-year check', messageZh: '此报告中未找到机关名称，而其他报告写明了机关：跨年度核对未包括此报告', details: { report: index } });
      return;
    }
    const key = agency === null ? '' : agencyKey(agency);
    const group = byAgency.get(key) ?? byAgency.set(key, { names: new Set(), indices: [] }).get(key)!;
    if (agency !== null) group.names.add(agency);
    group.indices.push(index);
  });
  if (!anyAgency && (byAgency.get('')?.indices.length ?? 0) > 1)
    out.push({ severity: 'info', rule: 'series.noAgency', message: 'no report names its agency: they are compared as one agency\'s years', messageZh: '各报告均未写明机关名称：按同一机关的各年度核对' });
  if (byAgency.size > 1) {
    const names = [...byAgency.values()].map((g) => [...g.names][0] ?? '?').join('、');
    out.push({ severity: 'info', rule: 'series.agencies', message: `reports of ${byAgency.size} agencies (${names}): years are compared within each agency only`, messageZh: `共 ${byAgency.size} 个机关的报告（${names}）：只在同一机关的各年度之间比较` });
  }
  for (const { names } of byAgency.values())
    if (names.size > 1) {
      const spellings = [...names].join('、');
      out.push({ severity: 'info', rule: 'series.agencySpellings', message: `${spellings} are taken for one agency, spelled differently`, messageZh: `${spellings} 写法不同，按同一机关核对` });
    }
  for (const { indices } of byAgency.values()) out.push(...carriedOverFindings(reports, indices.sort((a, b) => reports[a]!.meta.year! - reports[b]!.meta.year!)));
  return out;
}

/** An agency's name as compared across years: white space dropped, 人民政府 as 政府 (某某市人民政府办公室 and 某某市政府办公室 are one office). */
function agencyKey(agency: string): string {
  return agency.normalize('NFKC').replace(/\s+/g, '').replace(/人民政府/g, '政府');
}

/** The 上年结转 rule over one agency's reports, given as indices sorted by year. */
function carriedOverFindings(reports: Report[], byYear: number[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 1; i < byYear.length; i++) {
    const last = reports[byYear[i - 1]!]!;
    const now = reports[byYear[i]!]!;
    if (now.meta.year === last.meta.year) {
      // A draft and the final, or a converted copy beside its source: which one counts is the user's call.
      const who = now.meta.agency?.trim() || '?';
      out.push({
        severity: 'info',
        rule: 'series.sameYear',
        message: `another report given is also ${who}'s ${now.meta.year} report: only one of each year is compared with the years around it`,
        messageZh: `另有一份报告也是${who}${now.meta.year}年的报告：跨年度核对时每年只用其中一份`,
        details: { report: byYear[i], previous: byYear[i - 1] },
      });
    }
    if (now.meta.year! > last.meta.year! + 1) {
      const who = now.meta.agency?.trim() || '?';
      const gap = now.meta.year! - last.meta.year! - 1 === 1 ? `${last.meta.year! + 1}` : `${last.meta.year! + 1}–${now.meta.year! - 1}`;
      out.push({
        severity: 'info',
        rule: 'series.missingYear',
        message: `no ${gap} report of ${who} was given: ${now.meta.year}'s 上年结转 is not compared`,
        messageZh: `未提供${who}${gap}年的报告：${now.meta.year}年的“上年结转”未核对`,
        details: { report: byYear[i], previous: byYear[i - 1] },
      });
    }
    if (now.meta.year !== last.meta.year! + 1) continue;
    for (const col of APPLICANT_COLUMNS) {
      const carriedOver = now.applications.carriedOver?.[col] ?? null;
      const carriedForward = last.applications.carriedForward?.[col] ?? null;
      if (carriedOver === null || carriedForward === null || carriedOver === carriedForward) continue;
      const source = now.sources[`applications.carriedOver.${col}`];
      out.push({
        severity: 'error',
        rule: 'series.carriedOver',
        table: 'applications',
        row: 'carriedOver',
        column: col,
        tableLabel: T3,
        rowLabel: applicationRowLabel('carriedOver'),
        columnLabel: APPLICANT_COLUMN_LABELS[col],
        left: { expression: `${now.meta.year} applications.carriedOver.${col}`, value: carriedOver },
        right: { expression: `${last.meta.year} applications.carriedForward.${col}`, value: carriedForward },
        ...(source ? { position: { line: source.line, column: source.column } } : {}),
        message: `${now.meta.year} applications.carriedOver.${col} (${carriedOver}) ≠ ${last.meta.year} applications.carriedForward.${col} (${carriedForward})`,
        messageZh: `${now.meta.year}年“上年结转”${APPLICANT_COLUMN_LABELS[col]}（${carriedOver}）不等于${last.meta.year}年“结转下年度继续办理”（${carriedForward}）`,
        details: { report: byYear[i], previous: byYear[i - 1] },
      });
    }
  }
  return out;
}
