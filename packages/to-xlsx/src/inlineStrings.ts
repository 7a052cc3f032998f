/** What packWorkbook sees of a worksheet's model (exceljs's, before its writer prepares it). */
export interface SheetModel {
  id: number;
  name: string;
  rows: RowModel[];
}
interface RowModel {
  number: number;
  cells: CellModel[];
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  style?: object;
}
interface CellModel {
  address: string;
  type: number;
  value?: unknown;
  style?: object;
  comment?: unknown;
}

/** exceljs's ValueType.String. */
const STRING = 3;

/** Characters XML 1.0 has no place for, dropped (exceljs drops the control characters but writes U+FFFE, U+FFFF and lone surrogates, which no reader accepts). */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPED = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Text as an XML element's content: only &, < and > need escaping there (not quotes, which exceljs escapes too). */
export function xmlText(text: string): string {
  if (!ESCAPED.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A sheet's rows as exceljs writes them, each string in its cell (an inline string) rather than in the
 * shared strings, or undefined if the sheet holds more than plain strings in unstyled cells and rows
 * (exceljs then writes it as ever). For the hidden model sheet: its JSON is one string per 30,000
 * characters, shared by no other cell, and exceljs escaped every quote in it one at a time.
 */
export function inlineStringRows(sheet: SheetModel): string | undefined {
  const rows: string[] = [];
  for (const row of sheet.rows) {
    if (row.height || row.hidden || row.outlineLevel || (row.style && Object.keys(row.style).length)) return undefined;
    if (!row.cells.length) continue;
    const cells: string[] = [];
    let min = Infinity;
    let max = 0;
    for (const cell of row.cells) {
      if (cell.type !== STRING || typeof cell.value !== 'string' || cell.comment || (cell.style && Object.keys(cell.style).length)) return undefined;
      const col = columnOf(cell.address);
      min = Math.min(min, col);
      max = Math.max(max, col);
      cells.push(`<c r="${cell.address}" t="inlineStr"><is><t xml:space="preserve">${xmlText(cell.value)}</t></is></c>`);
    }
    rows.push(`<row r="${row.number}" spans="${min}:${max}" x14ac:dyDescent="0.25">${cells.join('')}</row>`);
  }
  return `<sheetData>${rows.join('')}</sheetData>`;
}

function columnOf(address: string): number {
  let col = 0;
  for (let i = 0; i < address.length; i++) {
    const code = address.charCodeAt(i);
    if (code < 65) break;
    col = col * 26 + code - 64;
  }
  return col;
}
