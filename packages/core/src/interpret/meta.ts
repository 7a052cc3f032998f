import type { Meta } from '../model.js';

const TITLE = /年度?报告|年报/;

/** The agency named in a title: what stands before the year, or before 政府信息公开 when the year leads. */
export function agencyFromTitle(title: string): string | null {
  const t = title.replace(/\s+/g, '');
  // 2020年政府信息公开工作年度报告 names no agency: 政府 there belongs to 政府信息公开.
  const afterYear = /^\d{4}年度?(.*?)(政府信息公开|信息公开|政务公开)/.exec(t);
  if (afterYear) return afterYear[1] || null;
  const beforeYear = /^(.+?)\d{4}年/.exec(t);
  return beforeYear ? beforeYear[1]! : null;
}

export function yearFromTitle(title: string): number | null {
  const m = /(\d{4})\s*年/.exec(title);
  return m ? Number(m[1]) : null;
}

export function isTitle(text: string): boolean {
  return TITLE.test(text) && text.length <= 60 && !/[。；]/.test(text);
}

/** The reporting period stated in the preamble: 统计期限自2020年1月1日起至2020年12月31日止. */
export function yearFromPeriod(text: string): number | null {
  const m = /统计期限[^0-9]{0,6}(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(text) ?? /(\d{4})\s*年\s*1\s*月\s*1\s*日[起至到—\-－]/.exec(text);
  return m ? Number(m[1]) : null;
}

/** The legacy sheet's own header: 秀英区政府服务中心信息公开情况统计（2017年度） / 填报单位：… */
export function legacySheetHeader(text: string): Partial<Meta> | null {
  const filler = /^填报单位\s*[:：]\s*(.+)$/.exec(text.trim());
  if (filler) return { agency: filler[1]!.trim() };
  const head = /^(.*?)(政府)?信息公开情况统计表?\s*[(（](\d{4})年度?[)）]\s*$/.exec(text.trim());
  if (head) return { year: Number(head[3]) };
  return null;
}
