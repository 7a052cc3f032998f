import { inputError } from '../errors.js';
import { convertTexts } from '../office/script.js';
import { fromDocument, withFindings, type ParseResult } from '../parse.js';
import type { PdfPage } from './page.js';
import { readPdfBlocks } from './read.js';

export type { PdfPage, PdfRule, PdfText } from './page.js';

/** Fewer characters than this on all pages: a scan with at most a stamp or a page number as text. */
const MIN_TEXT = 20;

/**
 * A report from a PDF's pages as a text extractor gives them (the CLI uses pdf.js). A PDF without
 * text, a scan, is an input error that says so, not an empty report; so is one whose fonts map their
 * glyphs to no characters (some PDF printers), whose text comes out as private-use or replacement characters.
 */
export function parsePdfPages(pages: PdfPage[]): ParseResult {
  const text = pages.flatMap((p) => p.texts.map((t) => t.text)).join('').replace(/\s/g, '');
  const characters = text.length;
  const ocr = ['Run text recognition (OCR) on it, or export the original Word or WPS file as PDF.', '请先进行文字识别（OCR），或将原 Word/WPS 文件另存为 PDF 后重试。'] as const;
  if (characters < MIN_TEXT)
    return { ok: false, error: inputError('noText', `a scanned or image-only PDF with no text to extract (${pages.length} page${pages.length === 1 ? '' : 's'}, ${characters} characters)`, `扫描件/图片 PDF，没有可提取的文字（${pages.length} 页，${characters} 个字符）`, ...ocr) };
  const undecodable = (text.match(/[\uE000-\uF8FF\uFFFD\u0000-\u001F]/g) ?? []).length;
  if (undecodable > characters * 0.3)
    return { ok: false, error: inputError('noText', `a PDF whose fonts map their glyphs to no characters, so its text cannot be read (${undecodable} of ${characters} characters)`, `文字无法识别的 PDF（字体没有字符映射，${characters} 个字符中 ${undecodable} 个无法识别）`, ...ocr) };
  const read = readPdfBlocks(pages);
  const { blocks, script } = convertTexts(read.blocks);
  return withFindings(fromDocument({ format: 'pdf', script, blocks }), read.findings);
}
