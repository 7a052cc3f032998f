import { TextRun } from 'docx';
import type { DocxStyle } from './styles.js';

/**
 * A run in a Chinese font: the East Asian slot names the official font, the Latin slots a Latin
 * one, and the language is zh-CN, so Word picks the right glyphs and LibreOffice falls back to an
 * installed CJK font when the official one is missing.
 */
export function run(text: string, font: string, sizePt: number, style: DocxStyle, options: { bold?: boolean; lineBreakBefore?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: font, ascii: style.fonts.latin, hAnsi: style.fonts.latin, hint: 'eastAsia' },
    size: Math.round(sizePt * 2),
    language: { eastAsia: 'zh-CN', value: 'zh-CN' },
    ...(options.bold ? { bold: true } : {}),
    ...(options.lineBreakBefore ? { break: 1 } : {}),
  });
}
