import type ExcelJS from 'exceljs';
import { zipDeflated, type ZipPart } from '@report-convert/core/node';
import { inlineStringRows, type SheetModel } from './inlineStrings.js';
import { partBytes } from './repeatedParts.js';

type Model = { worksheets: (SheetModel & { rows: { style?: object }[]; cols?: { style?: object }[] })[] };
/** Where exceljs's writer puts each part it renders: JSZip, in its own writer. */
interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}
/** The steps of exceljs's XLSX.write, each rendering parts into a sink; private in its type declarations. */
type WriterSteps = { prepareModel(model: Model, options: object): void } & Record<(typeof RENDER_STEPS)[number], (sink: PartSink, model: Model) => unknown>;

/**
 * XLSX.write's steps after prepareModel, in its order: the parts reach the zip in this order. A step
 * a later exceljs adds would be missed: the test compares the parts with writeBuffer's.
 */
const RENDER_STEPS = ['addContentTypes', 'addOfficeRels', 'addWorkbookRels', 'addWorksheets', 'addSharedStrings', 'addDrawings', 'addTables', 'addThemes', 'addStyles', 'addMedia', 'addApp', 'addCore', 'addWorkbook'] as const;

/**
 * zlib's level 3 rather than its default 6: 0.6 ms less per workbook (a third of the deflate), for
 * 7% more bytes (about 1 KB of 16 KB), on generated reports.
 */
const DEFLATE_LEVEL = 3;

export interface PackOptions {
  /**
   * Sheets (by name) whose strings are written in their cells (inline strings), not in the shared
   * strings; only a sheet of plain strings in unstyled cells, else it is written as ever. Read back
   * alike by exceljs, Excel and LibreOffice. writeBuffer (the fallback) writes them shared.
   */
  inlineSheets?: readonly string[];
  /** When the parts were written, for the zip's entries (now by default). */
  date?: Date;
}

/** An empty style, shared by every row and column whose style is empty: see shareEmptyStyles. */
const EMPTY_STYLE = Object.freeze({});

/**
 * exceljs gives every row and column a style object of its own, empty unless styled, and its writer
 * caches a style's id by its object: every row missed the cache and had its style rendered to XML and
 * looked up again (some 130 a workbook), a seventh of the writer's work on a table. An empty style
 * renders alike on any row or column (neither has a value type), so one object for all gives each the
 * same id as before. Done on the model the writer is given, never on the workbook's rows.
 */
function shareEmptyStyles(model: Model): void {
  const empty = (style: object | undefined) => style !== undefined && Object.keys(style).length === 0;
  for (const sheet of model.worksheets) {
    for (const row of sheet.rows) if (empty(row.style)) row.style = EMPTY_STYLE;
    for (const col of sheet.cols ?? []) if (empty(col.style)) col.style = EMPTY_STYLE;
  }
}

/**
 * The workbook's parts as exceljs's XLSX.write renders them, by name in its order, or undefined
 * should an exceljs release have renamed its steps (or rendered a sheet otherwise than we expect).
 * The parts that repeat from workbook to workbook come with their deflated bytes (repeatedParts.ts).
 */
export async function renderedParts(workbook: ExcelJS.Workbook, { inlineSheets = [] }: PackOptions = {}): Promise<Map<string, ZipPart> | undefined> {
  const writer = workbook.xlsx as unknown as Partial<WriterSteps>;
  if (typeof writer.prepareModel !== 'function' || RENDER_STEPS.some((step) => typeof writer[step] !== 'function')) return undefined;
  const steps = writer as WriterSteps;
  const model = workbook.model as unknown as Model;
  shareEmptyStyles(model);
  // The sheets written with inline strings: exceljs renders them without rows (<sheetData/>), we put the rows in.
  const inline = new Map<string, string>();
  for (const sheet of model.worksheets) {
    if (!inlineSheets.includes(sheet.name)) continue;
    const sheetData = inlineStringRows(sheet);
    if (sheetData === undefined) continue;
    inline.set(`xl/worksheets/sheet${sheet.id}.xml`, sheetData);
    sheet.rows = [];
  }
  const parts = new Map<string, ZipPart>();
  let unexpected = false;
  const sink: PartSink = {
    append: (data, { name, base64 }) => {
      if (typeof data !== 'string') return void parts.set(name, [name, data]);
      if (base64) return void parts.set(name, [name, Buffer.from(data, 'base64')]);
      const sheetData = inline.get(name);
      if (sheetData !== undefined) {
        const at = data.indexOf('<sheetData/>');
        if (at < 0 || at !== data.lastIndexOf('<sheetData/>')) unexpected = true;
        data = data.slice(0, at) + sheetData + data.slice(at + '<sheetData/>'.length);
      }
      const { bytes, deflated } = partBytes(name, data, DEFLATE_LEVEL);
      parts.set(name, [name, bytes, deflated]);
    },
  };
  steps.prepareModel(model, {});
  for (const step of RENDER_STEPS) await steps[step](sink, model);
  return unexpected ? undefined : parts;
}

/**
 * The workbook's .xlsx bytes: exceljs's own parts, zipped by Node's zlib (zipDeflated).
 *
 * Why: exceljs's writeBuffer hands the parts to JSZip, which streams them through its workers a
 * chunk per event-loop turn, and deflates and computes CRCs in JavaScript: a third of the CPU of a workbook. The parts are byte for byte writeBuffer's,
 * but for the inline sheets and the shared strings (without theirs); the zip has no folder entries (JSZip adds xl/,
 * xl/worksheets/ …; Excel writes none). Should exceljs rename its steps, writeBuffer zips (slower, every string shared).
 */
export async function packWorkbook(workbook: ExcelJS.Workbook, options: PackOptions = {}): Promise<Uint8Array> {
  const parts = await renderedParts(workbook, options);
  if (!parts) return new Uint8Array(await workbook.xlsx.writeBuffer());
  return zipDeflated(parts.values(), { level: DEFLATE_LEVEL, ...(options.date ? { date: options.date } : {}) });
}
