import type ExcelJS from 'exceljs';
import { Workbook } from './workbook.js';
import { inputError, printedPlace, readFigure, Report, resolveBinding, setBinding, type Finding, type InputError } from '@report-convert/core';
import { figureCells, findingCell, MODEL_SHEET } from './workbookLayout.js';
import { excelJsRefusal } from './excelJsRefusal.js';

/** The report, and findings about cells that hold no figure or sheets that are gone; or why the file is not one of our workbooks. */
export type FromXlsxResult = { ok: true; report: Report; findings: Finding[] } | { ok: false; error: InputError };

/**
 * Reads back a workbook written by `toXlsx`, after edits in Excel, WPS or LibreOffice: figures
 * come from the visible cells, everything else from the hidden model sheet. Formulas are never
 * evaluated; a formula cell's cached result is read as the figure. A cell that holds no figure
 * (TRUE, #DIV/0!, a formula never calculated, words) is read as blank, with an error finding at
 * the cell: the figure printed before the edit is no longer what the clerk meant.
 */
export async function fromXlsx(given: Uint8Array | ArrayBuffer): Promise<FromXlsxResult> {
  const bytes = given instanceof ArrayBuffer ? new Uint8Array(given) : given; // as fetch's arrayBuffer() gives it
  const refused = excelJsRefusal(bytes, MODEL_SHEET, notOurs);
  if (refused) return { ok: false, error: refused };
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: inputError('damaged', 'a file that is not a readable Excel workbook', '无法读取的 Excel 工作簿', 'It may be damaged or not an .xlsx file.', '文件可能已损坏，或不是 .xlsx 文件。') };
  }
  const model = workbook.getWorksheet(MODEL_SHEET);
  // Excel keeps the chunks as plain strings; LibreOffice saves them again as rich text.
  const json = model ? model.getColumn(1).values.map((v) => cellText(v as ExcelJS.CellValue) ?? '').join('') : '';
  let base: Report | undefined;
  try {
    const parsed = Report.safeParse(JSON.parse(json));
    base = parsed.success ? parsed.data : undefined;
  } catch {
    base = undefined;
  }
  if (!base) return { ok: false, error: notOurs() };
  const report = structuredClone(base);
  const findings: Finding[] = [];
  const missingSheets = new Set<string>();
  for (const [path, { sheet: name, row, col, address }] of figureCells(base)) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) {
      missingSheets.add(name);
      continue;
    }
    const content = sheet.getCell(row, col).value;
    let value = cellFigure(content);
    if (value === undefined) {
      value = null;
      findings.push(notAFigure(base, path, name, address, content));
    }
    if (value !== resolveBinding(base, path).value) delete report.sources[path]; // edited: no longer what the source printed
    setBinding(report, path, value);
  }
  for (const name of missingSheets)
    findings.push({
      severity: 'warning',
      rule: 'xlsx.missingSheet',
      table: 'document',
      message: `The sheet ${name} is missing: its figures are those the workbook was written with.`,
      messageZh: `工作表“${name}”已不存在：其中的数字按生成工作簿时的读取。`,
    });
  return { ok: true, report, findings };
}

/** A figure's cell that holds something else: said with the cell and what it holds. */
function notAFigure(report: Report, path: string, sheet: string, address: string, content: ExcelJS.CellValue): Finding {
  const shown = shownContent(content);
  return {
    severity: 'error',
    rule: 'xlsx.notAFigure',
    ...printedPlace(report, path),
    cell: { sheet, address },
    message: `Cell ${address} holds ${shown.en}, which is not a figure: it was read as blank.`,
    messageZh: `单元格 ${address} 中是${shown.zh}，不是数字：已按空白读取。`,
  };
}

/** What a cell holds, briefly, for a finding. */
function shownContent(content: ExcelJS.CellValue): { en: string; zh: string } {
  if (content && typeof content === 'object' && ('formula' in content || 'sharedFormula' in content)) {
    if (content.result !== undefined) return shownContent(content.result as ExcelJS.CellValue);
    const formula = 'formula' in content ? content.formula : content.sharedFormula;
    return { en: `the formula =${formula} with no calculated result`, zh: `未计算结果的公式 =${formula}` };
  }
  if (content && typeof content === 'object' && 'error' in content) return { en: `the error ${content.error}`, zh: `错误值 ${content.error}` };
  const text = cellText(content) ?? String(content);
  const brief = text.length > 20 ? `${text.slice(0, 20)}…` : text;
  return { en: `“${brief}”`, zh: `“${brief}”` };
}

/**
 * Each finding about one figure (a table, row and column) with that figure's cell in the workbook the
 * report was read back from: a clerk who edited the workbook finds it there, where the original's
 * line and column no longer help.
 */
export function locateFindings(report: Report, findings: readonly Finding[]): Finding[] {
  const cells = figureCells(report);
  return findings.map((f) => {
    const cell = findingCell(cells, f);
    return cell ? { ...f, cell: { sheet: cell.sheet, address: cell.address } } : f;
  });
}

/** A cell's figure: a number, null for blank or a not-applicable mark, undefined for text that is no figure. */
function cellFigure(value: ExcelJS.CellValue): number | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  // A formula's cached result is its figure; one never calculated has none.
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) return value.result === undefined ? undefined : cellFigure(value.result as ExcelJS.CellValue);
  const text = cellText(value);
  if (text === undefined) return undefined;
  const figure = readFigure(text);
  if (!figure) return undefined;
  return figure.kind === 'number' ? figure.value : null;
}

/** A cell's text, plain, rich or linked. */
function cellText(value: ExcelJS.CellValue): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (value && typeof value === 'object' && 'hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text); // Excel links a typed address
  return undefined;
}

const notOurs = () => inputError('notAReport', 'a workbook that report-convert did not write (its model sheet is missing or damaged)', '不是由 report-convert 生成的工作簿（缺少或损坏了模型工作表）', 'Read a statistics sheet typed by hand with parseXlsx.', '手工录入的统计表请用 parseXlsx 读取。');
