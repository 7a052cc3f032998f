import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { LEGACY_SHEET, check, parse } from '@report-convert/core';

it('core reads a legacy statistics sheet typed by hand in Excel, merged headings and a 历年累计 column included', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('统计表');
  sheet.mergeCells('A1:D1');
  sheet.getCell('A1').value = '某县政府办公室信息公开情况统计（2016年度）';
  sheet.addRow(['指标名称', '计量单位', '本年度', '历年累计']);
  let n = 0;
  for (const entry of LEGACY_SHEET) {
    if ('heading' in entry) {
      const row = sheet.addRow([entry.heading]);
      sheet.mergeCells(row.number, 1, row.number, 4);
    } else {
      n++;
      sheet.addRow([entry.label, entry.unit, n, { formula: `C${sheet.rowCount + 1}*10`, result: n * 10 }]);
    }
  }
  const result = parse(new Uint8Array(await workbook.xlsx.writeBuffer()));
  if (!result.ok) throw new Error(result.error.message);
  expect(result.report.meta).toMatchObject({ year: 2016, sourceFormat: 'xlsx' });
  expect(result.report.layouts.legacy).toBe('legacy');
  expect(result.report.legacy?.['active.total']).toBe(1);
  expect(result.report.legacy?.['training.trainees']).toBe(58);
  expect(result.report.legacyCumulative?.['training.trainees']).toBe(580); // the formula's cached result, never evaluated
  expect(result.report.extraRows).toEqual([]);
  expect(check(result.report).length).toBeGreaterThan(0); // sequential numbers break the sums: the checks say so
});

it('core places cells by order where a writer leaves out the optional r of rows and cells, as it does by reference', async () => {
  const { toXlsx } = await import('./toXlsx.js');
  const { parsedCorpus } = await import('../../core/src/test-support/corpus.js');
  const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
  for (const entry of parsedCorpus()) {
    // Our tables without the hidden model, as a clerk who copied the sheets into a workbook of their own has them.
    const files = unzipSync(await toXlsx(entry.report));
    files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']!).replace(/<sheet [^>]*name="_report_model"[^>]*\/>/, ''));
    const referenced = parse(zipSync(files), { format: 'xlsx' });
    // Rows and cells written in order, without their references (blank cells stay, holding their places).
    for (const name of Object.keys(files).filter((f) => f.startsWith('xl/worksheets/sheet'))) files[name] = strToU8(strFromU8(files[name]!).replace(/(<(?:row|c)\b[^>]*?) r="[A-Z]*\d+"/g, '$1'));
    const ordered = parse(zipSync(files), { format: 'xlsx' });
    if (!referenced.ok || !ordered.ok) throw new Error(entry.name);
    expect(ordered.report.applications, entry.name).toEqual(referenced.report.applications);
    expect(ordered.report.activeDisclosure, entry.name).toEqual(referenced.report.activeDisclosure);
    expect(ordered.report.reviewLitigation, entry.name).toEqual(referenced.report.reviewLitigation);
  }
});

it('core refuses a workbook report-convert wrote, pointing to fromXlsx, instead of misreading its info sheet as tables', async () => {
  const { toXlsx } = await import('./toXlsx.js');
  const { fromXlsx } = await import('./fromXlsx.js');
  const { parsedCorpus } = await import('../../core/src/test-support/corpus.js');
  const { report } = parsedCorpus()[0]!;
  const bytes = await toXlsx(report);
  const result = parse(bytes);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('ownWorkbook');
  expect(result.error.message).toContain('fromXlsx');
  const back = await fromXlsx(bytes);
  expect(back.ok && back.report.reviewLitigation).toEqual(report.reviewLitigation);
});
