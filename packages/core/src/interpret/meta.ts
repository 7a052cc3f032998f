import type { Finding } from '../finding.js';
import type { Meta, Position } from '../model.js';

const TITLE = /年度?报告|年报/;

const CHINESE_DIGITS: Record<string, string> = { 〇: '0', '○': '0', Ｏ: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** Full-width digits, and years in Chinese numerals (二〇一七年), as Arabic digits: the year patterns below read only those. */
export function arabicYears(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[〇○Ｏ零一二三四五六七八九]{4}(?=\s*年)/g, (year) => [...year].map((c) => CHINESE_DIGITS[c]).join(''));
}

/** Month and day in Chinese numerals (一月二十日) as Arabic digits, the year too (arabicYears). */
export function arabicDate(text: string): string {
  return arabicYears(text).replace(/[一二三四五六七八九十]{1,3}(?=\s*[月日])/g, (n) => String(chineseNumber(n)));
}

/** 一 … 三十一: the numbers a month or day is written with. */
function chineseNumber(n: string): number {
  const digit = (c: string) => Number(CHINESE_DIGITS[c]);
  if (!n.includes('十')) return digit(n);
  const [tens, ones] = n.split('十') as [string, string];
  return (tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0);
}

/** 某县人民政府信息公开…: where the name ends in 人民 or a place (县, 市 …), 政府 is shared with 政府信息公开 and belongs to the agency too. */
function withSharedGovernment(before: string): string {
  return before + (/(?:人民|[省市县区镇乡州旗])$/.test(before) ? '政府' : '');
}

/**
 * The agency named in a title: what stands before the year, or before 政府信息公开 when the year
 * leads or the title has none (彭后街道办事处政府信息公开工作年度报告, as copied text may print it).
 */
export function agencyFromTitle(title: string): string | null {
  const t = arabicYears(title).replace(/\s+/g, '');
  // 2020年政府信息公开工作年度报告 names no agency: 政府 there belongs to 政府信息公开.
  const afterYear = /^\d{4}年度?(.*?)(政府信息公开|信息公开|政务公开)/.exec(t);
  if (afterYear) return afterYear[1] || null;
  const beforeYear = /^(.+?)\d{4}年/.exec(t);
  if (beforeYear) return beforeYear[1]!;
  const beforeSubject = /^(.*?)(?:政府信息公开|信息公开|政务公开)/.exec(t)?.[1];
  return beforeSubject ? withSharedGovernment(beforeSubject) : null;
}

export function yearFromTitle(title: string): number | null {
  const m = /(\d{4})\s*年/.exec(arabicYears(title));
  return m ? Number(m[1]) : null;
}

export function isTitle(text: string): boolean {
  return TITLE.test(text) && text.length <= 60 && !/[。；]/.test(text);
}

/** The reporting period stated in the preamble: 统计期限自2020年1月1日起至2020年12月31日止. */
export function yearFromPeriod(stated: string): number | null {
  const text = arabicYears(stated);
  const m = /统计期限[^0-9]{0,6}(\d{4})\s*年\s*1\s*月\s*1\s*日/.exec(text) ?? /(\d{4})\s*年\s*1\s*月\s*1\s*日[起至到—\-－]/.exec(text);
  return m ? Number(m[1]) : null;
}

/** Documents cited by name (《关于做好2020年度政府信息公开工作年度报告编制…的通知》) speak of their own year, not the report's. */
const CITED = /《[^》]*》|<[^>]*>|〈[^〉]*〉/g;
/** How a report states its year in its opening words: 现将2024年…报告, 2024年，我区…, 2024年以来, 2024年度政府信息公开工作. */
const STATED_YEAR = [/现将[^。；]{0,40}?(\d{4})\s*年/, /^(\d{4})\s*年度?\s*(?:[，,]|以来)/, /(\d{4})\s*年度\s*(?=政府信息公开|政务公开|信息公开)/];

/**
 * The year a report states in its opening words (the preamble, the first paragraph of 总体情况),
 * outside the names of documents it cites; null when it states none, or years that disagree.
 */
export function yearFromOpening(paragraphs: string[]): number | null {
  const years = new Set<number>();
  for (const paragraph of paragraphs) {
    const own = arabicYears(paragraph).trim().replace(CITED, '');
    for (const pattern of STATED_YEAR) {
      const m = pattern.exec(own);
      if (m) years.add(Number(m[1]));
    }
  }
  return years.size === 1 ? [...years][0]! : null;
}

/** A report signed (or published) in January–March reports on the year before: a weaker clue than its words. */
export function yearBeforeSigning(isoDate: string | null): number | null {
  const m = isoDate ? /^(\d{4})-0?([1-3])-/.exec(isoDate) : null;
  return m ? Number(m[1]) - 1 : null;
}

/**
 * The report's year: the one it states (title, sheet header, reporting period, opening words), else
 * the year before a 落款 date of January–March, said in an info finding so that it is checked; else
 * none, with a warning so that the user fills it in. Never from outside the report (a file name).
 */
export function reportYear(stated: (number | null | undefined)[], date: { iso: string | null; position?: Position }, titlePosition?: Position): { year: number | null; findings: Finding[] } {
  const year = stated.find((y): y is number => typeof y === 'number');
  if (year !== undefined) return { year, findings: [] };
  const signed = yearBeforeSigning(date.iso);
  if (signed !== null)
    return {
      year: signed,
      findings: [
        {
          severity: 'info',
          rule: 'reader.yearFromDate',
          table: 'document',
          ...(date.position && { position: date.position }),
          message: `The report does not state its year; ${signed} is taken from its date (${date.iso}), which falls early in the following year.`,
          messageZh: `报告未写明年度，已根据落款日期（${date.iso}）取为${signed}年，请核对。`,
        },
      ],
    };
  return {
    year: null,
    findings: [
      {
        severity: 'warning',
        rule: 'reader.noYear',
        table: 'document',
        ...(titlePosition && { position: titlePosition }),
        message: 'The report states no year (in its title, reporting period, opening words or date); fill it in.',
        messageZh: '报告未写明年度（标题、统计期限、开头和落款日期中均未找到），请补填。',
      },
    ],
  };
}

/** The legacy sheet's own header: 秀英区政府服务中心信息公开情况统计（2017年度） / 填报单位：… */
export function legacySheetHeader(line: string): Partial<Meta> | null {
  const text = arabicYears(line).trim();
  const filler = /^填报单位\s*[:：]\s*(.+)$/.exec(text);
  if (filler) return { agency: filler[1]!.trim() };
  // 秀英区政府服务中心信息公开情况统计（2017年度）, 某某镇人民政府2018年政府信息公开情况统计表
  const yearAfter = /^(.*?)(政府)?信息公开情况统计表?\s*[(（](\d{4})年度?[)）]$/.exec(text);
  const yearBefore = /^(.*?)(\d{4})年度?(政府)?信息公开情况统计表?$/.exec(text);
  if (!yearAfter && !yearBefore) return null;
  const [agency, year] = yearAfter ? [yearAfter[2] ? withSharedGovernment(yearAfter[1]!) : yearAfter[1]!, yearAfter[3]!] : [yearBefore![1]!, yearBefore![2]!];
  return { year: Number(year), ...(agency ? { agency } : {}) };
}
