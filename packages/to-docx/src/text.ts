import { TextRun } from 'docx';
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
