import type { Report } from '../model.js';

/** A line of the 落款 and how far in from the right edge of the type area it ends, in body characters. */
export interface SignatureLine {
  text: string;
  rightIndent: number;
}

/** The 落款 lines as the report ends with them: agency (or agencies) and date, blank lines dropped. */
export const signatureLines = (report: Report): string[] => (report.sections.signature ?? '').split('\n').filter((l) => l.trim());

/** 成文日期: 2025年1月20日, also in Chinese numerals (二〇二五年一月二十日) as older reports print it. */
const DATE = /^[\d０-９〇○Ｏ零一二三四五六七八九十\s]+年[\d０-９零一二三四五六七八九十\s]+月(?:[\d０-９零一二三四五六七八九十\s]+日)?$/;

/** Width in body characters as Word sets a run: a Chinese character takes one, a half-width (ASCII) one half. */
export const characterWidth = (text: string): number => [...text].reduce((ems, ch) => ems + (ch.charCodeAt(0) < 128 ? 0.5 : 1), 0);

/** Where Chinese meets a Latin letter or digit: 2024|年|1|月|17|日. */
const SCRIPT_CHANGE = /(?<=[\u3400-\u9fff])[A-Za-z0-9]|(?<=[A-Za-z0-9])[\u3400-\u9fff]/g;

/**
 * A line's width in characters as Word, LibreOffice Writer and Calc set it: half-width digits half a
 * character, and a fifth of one where Chinese meets a Latin letter or digit (their default 中西文自动间距,
 * which LibreOffice applies whatever autoSpaceDN says): 2024年1月17日 is 7½ characters, not 6½.
 */
export const officeTextWidth = (text: string): number => characterWidth(text) + 0.2 * (text.match(SCRIPT_CHANGE)?.length ?? 0);

/**
 * Places the 发文机关署名 and 成文日期 as GB/T 9704-2012 §7.3.5.2 sets them for a document without a seal
 * (ours carry none): the agency 右空二字, the date on the next line starting two characters right of the
 * agency's first character; a date that would then come within two characters of the edge is set 右空二字
 * and the agency moved left to keep the two. Agencies above the last (联合行文) share its indent; a
 * signature without a date, and lines after the date, stand 右空二字. `width` measures in body characters.
 */
export function placeSignature(lines: string[], width: (text: string) => number = characterWidth): SignatureLine[] {
  const date = lines.findLastIndex((line) => DATE.test(line.trim()));
  if (date < 1) return lines.map((text) => ({ text, rightIndent: 2 }));
  const agency = width(lines[date - 1]!);
  const dated = width(lines[date]!);
  const dateIndent = Math.max(2, agency - dated);
  const agencyIndent = dateIndent + dated + 2 - agency;
  return lines.map((text, i) => ({ text, rightIndent: i < date ? agencyIndent : i === date ? dateIndent : 2 }));
}
