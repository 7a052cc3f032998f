import { TextRun } from 'docx';
import { characterWidth } from '@report-convert/core';
import type { DocxStyle } from './styles.js';

/**
 * The language of runs: Chinese for Chinese text, so Word picks the right glyphs and LibreOffice falls
 * back to an installed CJK font; English for Latin text and digits, as Word sets it on a Chinese
 * system: with zh-CN there too, LibreOffice broke numbers over two lines (304 / 4 条).
 */
export const LANGUAGE = { eastAsia: 'zh-CN', value: 'en-US' } as const;

/** A run in a Chinese font: the East Asian slot names the official font, the Latin slots a Latin one. */
export function run(text: string, font: string, sizePt: number, style: DocxStyle, options: { bold?: boolean; lineBreakBefore?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: font, ascii: style.fonts.latin, hAnsi: style.fonts.latin, hint: 'eastAsia' },
    size: Math.round(sizePt * 2),
    language: LANGUAGE,
    ...(options.bold ? { bold: true } : {}),
    ...(options.lineBreakBefore ? { break: 1 } : {}),
  });
}

/** Where Chinese meets a Latin letter or digit: 2024|年|1|月|17|日. */
const SCRIPT_CHANGE = /(?<=[\u3400-\u9fff])[A-Za-z0-9]|(?<=[A-Za-z0-9])[\u3400-\u9fff]/g;

/**
 * A line's width in characters as Word and LibreOffice set it: Times New Roman digits half a character,
 * and a fifth of a character where Chinese meets a Latin letter or digit (their default 中西文自动间距,
 * which LibreOffice applies whatever autoSpaceDN says): 2024年1月17日 is 7½ characters, not 6½.
 */
export const setWidth = (text: string): number => characterWidth(text) + 0.2 * (text.match(SCRIPT_CHANGE)?.length ?? 0);
