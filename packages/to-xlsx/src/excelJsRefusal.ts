import { inputError, openPackage, type InputError } from '@report-convert/core';

/** Excel's own grid ends at column XFD (16,384) and row 1,048,576. */
const LAST_COLUMN = 16_384;
const LAST_ROW = 1_048_576;
/** Our workbooks merge a few cells at a time; ExcelJS makes an object for every merged cell. */
const MAX_MERGED_CELLS = 100_000;

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Why a package must not reach ExcelJS, which inflates every part and builds every column and merged
 * cell it is told of: a part beyond the zip limits, a column range or a merge beyond Excel's grid
 * (`<col min="99999999999999999999">`, A1:XFD1048576 merged: out of memory, the process ends), a
 * merge of more than 100,000 cells (A1:A1048576: 3 s and 1 GB). Also a workbook without our model
 * sheet (`notOurs`): ExcelJS would load it whole only for fromXlsx to say it is not ours.
 */
export function excelJsRefusal(bytes: Uint8Array, modelSheet: string, notOurs: () => InputError): InputError | undefined {
  const parts = openPackage(bytes, (name) => name === 'xl/workbook.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name));
  if ('code' in parts) return parts as InputError;
  const { 'xl/workbook.xml': workbook, ...sheets } = parts;
  if (!workbook || !new TextDecoder().decode(workbook).includes(`name="${modelSheet}"`)) return notOurs();
  for (const [name, part] of Object.entries(sheets)) {
    const xml = new TextDecoder().decode(part);
    const columns = [...xml.matchAll(/<col\b[^>]*>/g)].flatMap(([tag]) => [...tag.matchAll(/\b(?:min|max)="(\d+)"/g)].map((m) => Number(m[1])));
    const merges = [...xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g)].map(([, c0, r0, c1 = c0!, r1 = r0!]) => ({ cols: columnNumber(c1) - columnNumber(c0!) + 1, rows: Number(r1) - Number(r0) + 1, last: Math.max(columnNumber(c1), columnNumber(c0!)), bottom: Math.max(Number(r1), Number(r0)) }));
    const beyond = columns.some((max) => max > LAST_COLUMN) || merges.some((m) => m.last > LAST_COLUMN || m.bottom > LAST_ROW);
    if (beyond || merges.some((m) => Math.abs(m.cols * m.rows) > MAX_MERGED_CELLS))
      return inputError('damaged', `a workbook whose ${name} ${beyond ? 'reaches beyond the last column or row Excel has' : 'merges more than 100,000 cells into one'}`, `${name} ${beyond ? '超出 Excel 最大行列范围' : '合并了超过10万个单元格'}的工作簿`, 'Open and save it again in Excel or WPS.', '请在 Excel 或 WPS 中重新打开并保存。');
  }
  return undefined;
}
