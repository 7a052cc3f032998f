import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { check } from '@report-convert/core';
import { parsedCorpus } from '../../core/src/test-support/corpus.js';
import { fromXlsx } from './fromXlsx.js';
import { xmlText } from './inlineStrings.js';
import { packWorkbook } from './packWorkbook.js';
import { reportWorkbook } from './toXlsx.js';
import { MODEL_SHEET } from './workbookLayout.js';
import { Workbook } from './workbook.js';

const corpus = parsedCorpus();
const text = (parts: Record<string, Uint8Array>, name: string) => strFromU8(parts[name]!);

describe('inline strings (the hidden model sheet)', () => {
  it.each(corpus)('$name: every part but the model sheet and the shared strings as writeBuffer writes it; the model sheet reads back the same', async ({ report }) => {
    const workbook = reportWorkbook(report, { findings: check(report) });
    const modelPart = `xl/worksheets/sheet${workbook.getWorksheet(MODEL_SHEET)!.id}.xml`;
    const ours = unzipSync(await packWorkbook(workbook, { inlineSheets: [MODEL_SHEET] }));
    const theirs = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    for (const name of Object.keys(ours)) {
      if (name === modelPart || name === 'xl/sharedStrings.xml' || name === 'docProps/core.xml') continue;
      expect(text(ours, name), name).toBe(text(theirs, name));
    }
    expect(text(ours, modelPart)).toContain('t="inlineStr"');
    expect(text(ours, modelPart).replace(/<sheetData>.*<\/sheetData>/s, '')).toBe(text(theirs, modelPart).replace(/<sheetData>.*<\/sheetData>/s, ''));
    expect(text(ours, 'xl/sharedStrings.xml')).not.toContain('&quot;');
    const back = new Workbook();
    const before = new Workbook();
    await back.xlsx.load((await packWorkbook(workbook, { inlineSheets: [MODEL_SHEET] })) as unknown as ArrayBuffer);
    await before.xlsx.load((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(back.getWorksheet(MODEL_SHEET)!.getColumn(1).values).toEqual(before.getWorksheet(MODEL_SHEET)!.getColumn(1).values);
  });

  it('fromXlsx reads a workbook whose model sheet is in the shared strings (as toXlsx wrote before, and writeBuffer still does)', async () => {
    const { report } = corpus[0]!;
    const old = new Uint8Array(await reportWorkbook(report).xlsx.writeBuffer());
    expect(strFromU8(unzipSync(old)['xl/sharedStrings.xml']!)).toContain('&quot;meta&quot;');
    expect(await fromXlsx(old)).toEqual({ ok: true, report, findings: [] });
  });

  it('keeps text with &, <, > and quotes exactly, and drops only what XML cannot hold (as exceljs does)', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('text', { state: 'veryHidden' });
    const values = ['{"a":"<b> & \'c\'"}', ' leading and trailing ', 'tab\there', 'bell\u0007gone', '😀 pair'];
    values.forEach((v, i) => (sheet.getCell(i + 1, 1).value = v));
    const back = new Workbook();
    await back.xlsx.load((await packWorkbook(workbook, { inlineSheets: ['text'] })) as unknown as ArrayBuffer);
    expect(back.getWorksheet('text')!.getColumn(1).values.slice(1)).toEqual([...values.slice(0, 3), 'bellgone', values[4]]);
    expect(xmlText('a "b" c')).toBe('a "b" c');
    expect(xmlText('<&>')).toBe('&lt;&amp;&gt;');
  });

  it('leaves a sheet with more than plain strings to exceljs, in the shared strings', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('mixed');
    sheet.getCell('A1').value = 'text';
    sheet.getCell('A2').value = 12;
    const parts = unzipSync(await packWorkbook(workbook, { inlineSheets: ['mixed'] }));
    expect(text(parts, 'xl/worksheets/sheet1.xml')).not.toContain('inlineStr');
    expect(text(parts, 'xl/sharedStrings.xml')).toContain('<t>text</t>');
  });
});
