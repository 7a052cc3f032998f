import { LEGACY_ROWS, TABLE_LABELS, type LegacyRowSpec } from '../ids.js';
import { keepUnrecognisedRow, storeFigure, type Context } from './context.js';
import { hasNumber, type Token } from './stream.js';
import type { SourceRef } from '../model.js';
import { UNIT_ALONE } from '../normalize/figure.js';

/**
 * Words that identify each legacy row. Review and litigation share their sub-row labels
 * (被依法纠错数 …), so a label is matched from the row after the last one matched, in sheet order.
 */
const KEYS: Record<string, RegExp> = {
  'active.total': /主动公开政府信息数/,
  'active.normativeDocuments': /主动公开规范性文件/,
  'active.normativeDocumentsIssued': /制发规范性文件/,
  'active.gazette': /政府公报公开/,
  'active.website': /政府网站公开/,
  'active.weibo': /政务微博公开/,
  'active.wechat': /政务微信公开/,
  'active.otherChannels': /其他方式公开/,
  'response.hotspots': /回应公众关注热点|重大舆情/,
  'response.pressConferences': /新闻发布会总次数|举办新闻发布会/,
  'response.pressConferencesByLeaders': /主要负责同志参加新闻发布会/,
  'response.onlineInterviews': /^[^主]*在线访谈次数/,
  'response.onlineInterviewsByLeaders': /主要负责同志参加政府网站在线访谈/,
  'response.interpretations': /政策解读稿件/,
  'response.socialMedia': /微博微信回应/,
  'response.otherChannels': /其他方式回应/,
  'requests.received': /收到申请数/,
  'requests.inPerson': /当面申请/,
  'requests.fax': /传真申请/,
  'requests.online': /网络申请/,
  'requests.mail': /信函申请/,
  'requests.closed': /申请办结数/,
  'requests.closedOnTime': /按时办结/,
  'requests.closedExtended': /延期办结/,
  'requests.answered': /申请答复数/,
  'requests.alreadyPublic': /已主动公开范围/,
  'requests.granted': /(?<!不)同意公开答复/,
  'requests.partiallyGranted': /同意部分公开/,
  'requests.denied': /不同意公开答复|否决公开答复/,
  'requests.denied.stateSecret': /国家秘密/,
  'requests.denied.commercialSecret': /商业秘密/,
  'requests.denied.privacy': /个人隐私/,
  'requests.denied.security': /危及国家安全/,
  'requests.denied.notGovernmentInformation': /所指政府信息/,
  'requests.denied.otherLegal': /法律法规规定的其他情形/,
  'requests.notThisAgency': /不属于本行政机关/,
  'requests.notExist': /申请信息不存在/,
  'requests.correctionNotice': /更改补充/,
  'requests.otherChannel': /其他途径/,
  'review.total': /行政复议数量/,
  'review.upheld': /维持具体行政行为数$/,
  'review.corrected': /被依法纠错/,
  'review.other': /其他情形/,
  'litigation.total': /行政诉讼数量/,
  'litigation.upheld': /维持具体行政行为或者驳回/,
  'litigation.corrected': /被依法纠错/,
  'litigation.other': /其他情形/,
  complaints: /举报投诉数量/,
  fees: /收取的费用/,
  'org.units': /专门机构数/,
  'org.readingPoints': /查阅点/,
  'org.staff': /从事政府信息公开工作人员数/,
  'org.staffFullTime': /专职人员/,
  'org.staffPartTime': /兼职人员/,
  'org.budget': /专项经费/,
  'training.meetings': /工作会议或专题会议/,
  'training.courses': /培训班/,
  'training.trainees': /接受培训人员/,
};

export const LEGACY_SHEET_MARK = /统计指标|指标名称|计量单位|统计数|依申请公开情况|回应解读情况/;

/** Reads the 2014–2018 statistics sheet (统计指标 ｜ 单位 ｜ 统计数 [｜ 历年累计]). */
export function readLegacy(ctx: Context, stream: Token[]): boolean {
  const cumulative = stream.some((t) => !t.figure && /累计/.test(t.folded));
  const legacy: Record<string, number | null> = {};
  const legacyCumulative: Record<string, number | null> = {};
  let cursor = 0;
  for (let i = 0; i < stream.length; i++) {
    const label = stream[i]!;
    if (label.figure || UNIT_ALONE.test(label.folded)) continue;
    let j = i + 1;
    const unit = stream[j] && !stream[j]!.figure && UNIT_ALONE.test(stream[j]!.folded) ? stream[j++]!.text : null;
    const values: Token[] = [];
    while (stream[j]?.figure) values.push(stream[j++]!);
    const at = findRow(label.folded, cursor);
    if (at === -1 || legacy[LEGACY_ROWS[at]!.id] !== undefined) {
      if (hasNumber(values)) keepUnrecognisedRow(ctx, 'legacy', label, unit, values, { en: at === -1 ? 'matches no row of the statistics sheet' : 'repeats a row already read', zh: at === -1 ? '与统计表的任何一行都不对应' : '与已读取的行重复' });
      continue;
    }
    if (!values.length && !unit && !label.unplaced) continue; // a heading that happens to contain a row's words
    const id = LEGACY_ROWS[at]!.id;
    cursor = at + 1;
    legacy[id] = storeFigure(ctx, `legacy.${id}`, values[0]);
    if (cumulative) legacyCumulative[id] = storeFigure(ctx, `legacyCumulative.${id}`, values[1]);
    if (unit) keepPrintedUnit(ctx, LEGACY_ROWS[at]!, unit, cumulative ? ['legacy', 'legacyCumulative'] : ['legacy']);
    if (values.slice(cumulative ? 2 : 1).some((v) => v.figure?.kind !== 'blank')) keepUnrecognisedRow(ctx, 'legacy', label, unit, values.slice(cumulative ? 2 : 1), { en: 'has more figures than the sheet has columns', zh: '数字多于统计表的列数' });
    i = j - 1;
  }
  if (!Object.keys(legacy).length) return false;
  ctx.report.legacy = legacy;
  if (cumulative) ctx.report.legacyCumulative = legacyCumulative;
  ctx.report.layouts.legacy = 'legacy';
  return true;
}

/**
 * A unit column that says other than the sheet (元 where the sheet has 万元) changes what the figure
 * means: the unit goes with the figure wherever it is shown (printedForm), and the clerk is told.
 */
function keepPrintedUnit(ctx: Context, row: LegacyRowSpec, unit: string, tables: ('legacy' | 'legacyCumulative')[]): void {
  if (unit === row.unit) return;
  let kept: SourceRef | undefined;
  for (const table of tables) {
    const source = ctx.report.sources[`${table}.${row.id}`];
    if (!source || source.notApplicable || source.unit !== undefined) continue; // a unit in the cell itself (251000元) is already kept
    source.unit = unit;
    kept ??= source;
  }
  if (kept)
    ctx.findings.push({
      severity: 'warning',
      rule: 'reader.unitDiffers',
      table: 'legacy',
      tableLabel: TABLE_LABELS.legacy,
      row: row.id,
      rowLabel: row.label,
      position: { line: kept.line, column: kept.column },
      message: `The unit is printed as ${unit}, where the statistics sheet has ${row.unit}: the figure is kept in ${unit}.`,
      messageZh: `单位印为“${unit}”，统计表中为“${row.unit}”：数字按“${unit}”保留。`,
    });
}

function findRow(folded: string, cursor: number): number {
  const test = (k: number) => KEYS[LEGACY_ROWS[k]!.id]?.test(folded);
  for (let k = cursor; k < LEGACY_ROWS.length; k++) if (test(k)) return k;
  for (let k = 0; k < cursor; k++) if (test(k)) return k;
  return -1;
}
