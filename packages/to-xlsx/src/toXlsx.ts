import type ExcelJS from 'exceljs';
import { Workbook } from './workbook.js';
import { assertOptions, assertReport, printedForm, Finding, findingText, Lang, officeTextWidth, OUTPUT_CREATOR, severityText, PAGE_NUMBER, placeCells, placeSignature, signatureLines, reportTitle, resolveBinding, SECTION_HEADINGS, type Report, type TableGrid, xmlSafeValue } from '@report-convert/core';
import { z } from 'zod';
import { packWorkbook } from './packWorkbook.js';
import { sheetName } from './sheetName.js';
import { figureCells, findingCell, GRID_TOP, INFO_SHEET, MODEL_SHEET, tableSheets, type FigureCell } from './workbookLayout.js';

/** toXlsx's options: their type, and their check (a misspelt key is refused, not ignored). */
export const XlsxOptions = z.strictObject({
  /** Adds a sheet listing these findings (from `check` and the reader). */
  findings: z.array(Finding).optional(),
  /** The findings sheet's language. */
  lang: Lang.optional(),
  /** The creation date written in the file (now by default): a fixed one gives the same bytes every time. */
  date: z.date().optional(),
});
export type XlsxOptions = z.infer<typeof XlsxOptions>;

const CHUNK = 30_000; // under Excel's 32,767 characters per cell

const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: '宋体', size: 10 };

/**
 * The table cells' styles, one object per kind shared by every cell of that kind. exceljs caches a
 * style by its object (a WeakMap), so shared objects are matched at once; an object per cell had every
 * cell's style rendered and compared, a third of the time of a workbook. Never set a part of a table
 * cell's style (cell.font = …): that would change every cell sharing it.
 */
const CELL_STYLES: Record<'header' | 'centred' | 'left' | 'value', Partial<ExcelJS.Style>> = {
  header: { font: { ...FONT, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER },
  centred: { font: { ...FONT, bold: false }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER },
  left: { font: { ...FONT, bold: false }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BORDER },
  value: { font: FONT, alignment: { horizontal: 'center', vertical: 'middle' }, border: BORDER },
};

/** A table's heading, above its grid: shared too. */
const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { ...FONT, size: 14, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };

/** The same, for the sheets of report information and findings. */
const INFO_STYLES: Record<'label' | 'text' | 'message' | 'heading', Partial<ExcelJS.Style>> = {
  label: { font: { ...FONT, bold: true }, alignment: { vertical: 'top' } },
  text: { font: FONT, alignment: { horizontal: 'left', wrapText: true, vertical: 'top' } },
  message: { font: FONT, alignment: { wrapText: true, vertical: 'top' } },
  heading: { font: { ...FONT, bold: true } },
};
/** Chinese characters in 宋体 10 pt that a line of the information sheet's text column (width 100) holds, with room to spare. */
const INFO_CHARS_PER_LINE = 50;

/** The workbook a clerk would hand in: one sheet per official table, merged as the template. */
export async function toXlsx(report: Report, options: XlsxOptions = {}): Promise<Uint8Array> {
  return packWorkbook(reportWorkbook(report, options), { inlineSheets: [MODEL_SHEET], ...(options.date ? { date: options.date } : {}) });
}

/** toXlsx's workbook, before it is written. */
export function reportWorkbook(given: Report, options: XlsxOptions = {}): ExcelJS.Workbook {
  assertReport(given);
  assertOptions(XlsxOptions, options, 'toXlsx');
  // exceljs writes text as it is given: one control character and Excel refuses the whole file.
  const report = xmlSafeValue(given);
  const workbook = new Workbook();
  workbook.creator = OUTPUT_CREATOR;
  if (options.date) workbook.created = workbook.modified = options.date;
  workbook.title = report.meta.title ?? '政府信息公开工作年度报告';
  writeInfoSheet(workbook.addWorksheet(INFO_SHEET), report);
  const tables = tableSheets(report);
  for (const { grid, sheet } of tables) writeTable(workbook.addWorksheet(sheet), report, grid);
  const taken = new Set([MODEL_SHEET, INFO_SHEET, ...tables.map((t) => t.sheet)]);
  if (options.findings) writeFindings(workbook.addWorksheet(sheetName(options.lang === 'en' ? 'Findings' : '检查结果', taken)), figureCells(report, tables), xmlSafeValue(options.findings), options.lang ?? 'zh');
  const model = workbook.addWorksheet(MODEL_SHEET, { state: 'veryHidden' });
  modelChunks(JSON.stringify(report)).forEach((chunk, i) => (model.getCell(i + 1, 1).value = chunk));
  return workbook;
}

/**
 * The model's JSON in cells of at most CHUNK characters, never cut between the two halves of a character
 * beyond the BMP (an emoji, a rare 汉字 of extension B): a half alone is no XML character, and was lost.
 */
export function modelChunks(json: string): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(json.length, start + CHUNK);
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end--;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks;
}
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

function writeTable(sheet: ExcelJS.Worksheet, report: Report, grid: TableGrid): void {
  const width = grid.columnWidths.length;
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const chars = width > 10 ? 130 : 100;
  grid.columnWidths.forEach((w, i) => (sheet.getColumn(i + 1).width = Math.max(5, (w / total) * chars)));
  // Styled before it is merged: a merge gives every cell it covers the master's style.
  const title = sheet.getCell(1, 1);
  title.value = grid.title;
  title.style = TITLE_STYLE;
  sheet.mergeCells(1, 1, 1, width);
  sheet.getRow(1).height = 26;
  const cells = placeCells(grid);
  for (const placed of cells) {
    const row = GRID_TOP + placed.row;
    const col = placed.col + 1;
    if (placed.rowSpan > 1 || placed.colSpan > 1) sheet.mergeCells(row, col, row + placed.rowSpan - 1, col + placed.colSpan - 1);
    // By row, then column: the same cell as sheet.getCell(row, col), without building and parsing its A1 address.
    const cell = sheet.getRow(row).getCell(col);
    const header = placed.row < grid.headerRows;
    let style: Partial<ExcelJS.Style>;
    if (placed.cell.kind === 'label') {
      // A string is always written as a shared string, never as a formula, whatever it starts with.
      cell.value = placed.cell.text;
      style = CELL_STYLES[header ? 'header' : placed.cell.align === 'center' ? 'centred' : 'left'];
    } else {
      const bound = resolveBinding(report, placed.cell.path);
      cell.value = bound.value ?? (bound.display || null);
      style = bound.value === null ? CELL_STYLES.value : figureStyle(printedForm(bound.source));
      // Keep what the source printed wherever it was more than the plain number (251000元, １２, /).
      if (bound.source && bound.source.text !== String(bound.value ?? '')) cell.note = `原文：${bound.source.text}`;
    }
    cell.style = style;
    for (let r = row; r < row + placed.rowSpan; r++) for (let c = col; c < col + placed.colSpan; c++) if (r > row || c > col) sheet.getRow(r).getCell(c).style = style;
  }
  // Excel does not grow rows for wrapped text on its own: size each row for its longest label.
  const widths = grid.columnWidths.map((_, i) => sheet.getColumn(i + 1).width ?? 10);
  const heights = grid.rows.map(() => 18);
  for (const placed of cells) {
    if (placed.cell.kind !== 'label') continue;
    const capacity = Math.max(1, Math.floor(widths.slice(placed.col, placed.col + placed.colSpan).reduce((a, b) => a + b, 0) / 1.9));
    const lineCount = Math.ceil(placed.cell.text.length / capacity);
    const perRow = (lineCount * 13 + 6) / placed.rowSpan;
    heights[placed.row] = Math.max(heights[placed.row]!, perRow);
  }
  heights.forEach((h, r) => (sheet.getRow(GRID_TOP + r).height = Math.min(400, h)));
  sheet.views = [{ state: 'frozen', ySplit: GRID_TOP - 1 + grid.headerRows }];
  printOnA4(sheet, width > 10 ? 'landscape' : 'portrait');
  Object.assign(sheet.pageSetup, { horizontalCentered: true, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } });
  // Table 二 has no header of its own: repeating its first block's title on every page would mislabel the blocks below.
  if (grid.headerRows > 0) sheet.pageSetup.printTitlesRow = `${GRID_TOP}:${GRID_TOP - 1 + grid.headerRows}`;
}

/**
 * A4, one page across and as many down as needed, numbered — 1 — at the foot as the Word and PDF copies
 * are: odd pages at the right, even pages at the left. A footer has no indent: 空一字 is a full-width space.
 */
function printOnA4(sheet: ExcelJS.Worksheet, orientation: 'portrait' | 'landscape'): void {
  sheet.pageSetup = { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const number = `${PAGE_NUMBER.before}&P${PAGE_NUMBER.after}`;
  const space = '\u3000'.repeat(PAGE_NUMBER.inset);
  sheet.headerFooter = { differentOddEven: true, oddFooter: `&R${number}${space}`, evenFooter: `&L${space}${number}` };
}

function writeInfoSheet(sheet: ExcelJS.Worksheet, report: Report): void {
  sheet.columns = [{ width: 22 }, { width: 100 }];
  printOnA4(sheet, 'portrait');
  const rows: [string, string | number | null][] = [
    ['标题', reportTitle(report)], // as the Word and PDF copies print it, also when the source gave none
    ['机关', report.meta.agency],
    ['年度', report.meta.year],
    ['日期', report.meta.date],
    ['原文字体', report.sourceScript === 'traditional' ? '繁体（已转换为简体）' : '简体'],
    ['前言', report.sections.preamble ?? null],
    ...(['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'] as const).map((id): [string, string | null] => [SECTION_HEADINGS[id], report.sections[id] ?? null]),
  ];
  const addRow = (label: string | null, text: string | number | null, style = INFO_STYLES.text) => {
    const row = sheet.addRow([label, text]);
    row.getCell(1).style = INFO_STYLES.label;
    row.getCell(2).style = style;
    row.height = Math.min(409, Math.max(1, Math.ceil(String(text ?? '').length / INFO_CHARS_PER_LINE)) * 14 + 4);
  };
  // One row per paragraph: a section in one cell outgrew Excel's tallest row (409 pt) and printed cut off.
  for (const [label, value] of rows) (typeof value === 'string' ? value.split('\n') : [value]).forEach((paragraph, i) => addRow(i === 0 ? label : null, paragraph));
  // The 落款 as the report ends with it: an indent level of a right-aligned cell is about one character of its font.
  const signature = placeSignature(signatureLines(report), officeTextWidth);
  if (!signature.length) addRow('落款', null);
  signature.forEach((line, i) => addRow(i === 0 ? '落款' : null, line.text, { ...INFO_STYLES.text, alignment: { horizontal: 'right', vertical: 'top', indent: Math.round(line.rightIndent) } }));
}

/**
 * One row per finding. 单元格 is the figure's cell in this workbook, a link to it: a HYPERLINK formula,
 * which Excel, WPS and LibreOffice all follow (exceljs writes an internal link as an external one too).
 * 原文位置 is the line and column in the document the report was read from.
 */
function writeFindings(sheet: ExcelJS.Worksheet, cells: ReadonlyMap<string, FigureCell>, findings: Finding[], lang: Lang): void {
  const zh = lang === 'zh';
  sheet.columns = [{ width: 10 }, { width: 28 }, { width: 36 }, { width: 9 }, { width: 12 }, { width: 90 }];
  // Six columns 185 characters wide: on one landscape page across, the heading row on every page.
  printOnA4(sheet, 'landscape');
  sheet.pageSetup.printTitlesRow = '1:1';
  const heading = sheet.addRow(zh ? ['级别', '表格', '行', '单元格', '原文位置', '说明'] : ['Severity', 'Table', 'Row', 'Cell', 'Source position', 'Message']);
  heading.font = INFO_STYLES.heading.font!; // the row's own style; its cells then share one object (setting the row's font gave each its own)
  heading.eachCell((cell) => (cell.style = INFO_STYLES.heading));
  for (const f of findings) {
    const at = findingCell(cells, f);
    const link = at && { formula: `HYPERLINK("#${quotedSheet(at.sheet)}!${at.address}","${at.address}")`, result: at.address };
    const row = sheet.addRow([severityText(f.severity, lang), f.tableLabel ?? f.table ?? '', [f.rowLabel, f.columnLabel].filter(Boolean).join(' / '), link ?? '', f.position ? `${f.position.line}:${f.position.column}` : '', findingText(f, lang)]);
    row.eachCell((cell) => (cell.style = INFO_STYLES.message));
  }
}

/** A sheet name as a formula's text refers to it: quoted, its quotes doubled for the reference and again for the string. */
const quotedSheet = (name: string) => `'${name.replace(/'/g, "''")}'`.replace(/"/g, '""');

const figureStyles = new Map<string, Partial<ExcelJS.Style>>();
/**
 * A figure stays a number Excel can add up, and shows what the print said beyond it through its
 * number format: the unit (251000元) and an explicit plus sign (+1036).
 */
function figureStyle({ plus, unit }: { plus: boolean; unit: string }): Partial<ExcelJS.Style> {
  if (!plus && !unit) return CELL_STYLES.value;
  const numFmt = `${plus ? '"+"' : ''}General${unit ? `"${unit}"` : ''}`;
  let style = figureStyles.get(numFmt);
  if (!style) figureStyles.set(numFmt, (style = { ...CELL_STYLES.value, numFmt }));
  return style;
}
