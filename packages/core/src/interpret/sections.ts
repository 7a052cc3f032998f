import type { SectionId } from '../ids.js';
import { fold } from '../normalize/fold.js';
import { arabicDate } from './meta.js';

type Numbered = Exclude<SectionId, 'preamble' | 'signature'>;

/** Section headings by numeral and keyword: real reports word them in many ways (FORMATS.md §1.1). */
const HEADINGS: [string, Numbered, RegExp][] = [
  ['一', 'overview', /总体情况|基本情况|概述/],
  ['二', 'activeDisclosure', /主动公开/],
  ['三', 'applications', /申请/],
  ['四', 'reviewLitigation', /复议|诉讼/],
  ['五', 'problems', /问题|改进|整改/],
  ['六', 'otherMatters', /其他|其它/],
];

/** The section a paragraph opens, if it is one of the six numbered headings. */
export function sectionHeading(text: string): Numbered | undefined {
  const folded = fold(text);
  if (folded.length > 40) return undefined;
  const m = /^([一二三四五六])\.?(.*)$/.exec(folded);
  if (!m) return undefined;
  return HEADINGS.find(([numeral, , key]) => numeral === m[1] && key.test(m[2]!))?.[1];
}

export const SECTION_ORDER: SectionId[] = ['preamble', 'overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters', 'signature'];

/** Lines that web pages wrap around a report and that are not part of it. */
export const PAGE_FURNITURE = /^(扫一扫在手机(上)?打开当前页(面)?|打印本页|关闭窗口|【打印】|【关闭】|分享到[:：]?|={5,}.*|页面链接与图片详见.*)$/;

/** `key: value` lines a crawler puts above the report. */
export const CRAWLER_META = /^(标题|发布时间|发布日期|文号|发布机构|栏目|原文链接|本地目录|来源|索引号)\s*[:：]\s*(.*)$/;

const DATE = /^[(（]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]?$/;

/** A line that is only a date: 2025年1月20日, or in Chinese numerals as older reports print it (二〇二三年一月二十日). */
export const isDateLine = (text: string) => DATE.test(arabicDate(text));

export function isoDate(text: string): string | null {
  const m = DATE.exec(arabicDate(text).trim()) ?? /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}
