import { inputError } from '../errors.js';
import type { ParseResult } from '../parse.js';
import { parseDocx } from './docx.js';
import { parseXlsx } from './xlsx.js';
import { openPackage } from './zip.js';

export { parseDocx, parseXlsx };
export { ZIP_LIMITS, openPackage } from './zip.js';

/** A zip package: a Word document or an Excel workbook, told apart by its parts. */
export function parseOffice(bytes: Uint8Array): ParseResult {
  const names: string[] = [];
  const listed = openPackage(bytes, (name) => (names.push(name), false));
  if ('code' in listed) return { ok: false, error: listed as never };
  if (names.includes('xl/workbook.xml')) return parseXlsx(bytes);
  if (names.some((name) => name.startsWith('word/'))) return parseDocx(bytes);
  return { ok: false, error: inputError('unsupportedFormat', 'a zip package that is neither a Word document nor an Excel workbook', '既不是 Word 文档也不是 Excel 工作簿的压缩包') };
}
