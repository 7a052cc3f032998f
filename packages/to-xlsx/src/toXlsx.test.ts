import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { check, formatFigure, generateReport, placeCells, reportTables, reportTitle, resolveBinding, type Report } from '@report-convert/core';
import { parsedCorpus } from '../../core/src/test-support/corpus.js';
import { hasCommands } from '../../core/src/test-support/tools.js';
import { fromXlsx, locateFindings } from './fromXlsx.js';
import { writtenAtTwoTimes } from '../../core/src/test-support/reproducible.js';
import { modelChunks, toXlsx } from './toXlsx.js';
import { figureCells, GRID_TOP } from './workbookLayout.js';

const corpus = parsedCorpus();

describe('toXlsx → fromXlsx', () => {
  it.each(corpus)('$name round-trips to the same model', async ({ report }) => {
    const back = await fromXlsx(await toXlsx(report, { findings: check(report) }));
    expect(back).toEqual({ ok: true, report, findings: [] });
  });

  it('reads a workbook given as an ArrayBuffer, as fetch\'s arrayBuffer() gives it', async () => {
    const bytes = await toXlsx(corpus[0]!.report);
    expect(await fromXlsx(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)).toEqual({ ok: true, report: corpus[0]!.report, findings: [] });
  });

  it('shows a printed unit and plus sign through the number format, the figure still a number', async () => {
    const { report: shanghai } = corpus.find((c) => c.name.includes('shanghai'))!;
    const withUnit = Object.entries(shanghai.sources).find(([, source]) => source.unit === '元')![0];
    const report = structuredClone(shanghai);
    const change = 'activeDisclosure.licensing.change';
    report.activeDisclosure.licensing = { ...report.activeDisclosure.licensing, change: 1036 };
    report.sources[change] = { text: '+1036', line: 1, column: 1 };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
    const cellOf = (path: string) => {
      const { sheet, address } = figureCells(report).get(path)!;
      return workbook.getWorksheet(sheet)!.getCell(address);
    };
    expect(cellOf(withUnit)).toMatchObject({ value: resolveBinding(report, withUnit).value, numFmt: 'General"元"' });
    expect(cellOf(change)).toMatchObject({ value: 1036, numFmt: '"+"General' });
    expect(cellOf('activeDisclosure.licensing.previousCount').numFmt).toBeUndefined();
    expect(await fromXlsx(await toXlsx(report))).toMatchObject({ ok: true, report: { sources: { [change]: report.sources[change], [withUnit]: report.sources[withUnit] } } });
  });

  it('merges every cell exactly as the layout data says', async () => {
    const { report } = corpus.find((c) => c.name.includes('shanghai'))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
    for (const grid of reportTables(report)) {
      const sheet = workbook.worksheets.find((s) => s.name === grid.title.slice(0, 31))!;
      const merges = new Set((sheet.model as unknown as { merges: string[] }).merges);
      const expected = placeCells(grid).filter((p) => p.rowSpan > 1 || p.colSpan > 1);
      expect(merges.size).toBe(expected.length + 1); // + the heading row
      for (const p of expected) {
        const tl = sheet.getCell(GRID_TOP + p.row, p.col + 1).address;
        const br = sheet.getCell(GRID_TOP + p.row + p.rowSpan - 1, p.col + p.colSpan).address;
        expect(merges).toContain(`${tl}:${br}`);
      }
      for (const p of placeCells(grid).filter((c) => c.cell.kind === 'value')) {
        const value = sheet.getCell(GRID_TOP + p.row, p.col + 1).value;
        const bound = resolveBinding(report, (p.cell as { path: string }).path);
        expect(value).toBe(bound.value ?? (bound.display || null));
      }
    }
  });

  it('styles every table cell as its kind (header, label, figure), borders on each cell a merge covers, the same in a second workbook', async () => {
    const { report } = corpus.find((c) => c.name.includes('shanghai'))!;
    await toXlsx(corpus[0]!.report); // the styles are shared objects: a workbook before must leave them as they were
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
    const grid = reportTables(report).find((g) => g.table === 'applications')!;
    const sheet = workbook.getWorksheet(grid.title)!;
    for (const p of placeCells(grid)) {
      const header = p.row < grid.headerRows;
      const centred = header || p.cell.kind === 'value' || (p.cell.kind === 'label' && p.cell.align === 'center');
      for (let r = p.row; r < p.row + p.rowSpan; r++)
        for (let c = p.col; c < p.col + p.colSpan; c++) {
          const { font, alignment, border } = sheet.getCell(GRID_TOP + r, c + 1);
          const where = `${grid.title} ${r}:${c}`;
          expect([font?.name, font?.size, Boolean(font?.bold)], where).toEqual(['宋体', 10, header]);
          expect([alignment?.horizontal, alignment?.vertical, Boolean(alignment?.wrapText)], where).toEqual([centred ? 'center' : 'left', 'middle', p.cell.kind === 'label']);
          expect([border?.top?.style, border?.left?.style, border?.bottom?.style, border?.right?.style], where).toEqual(['thin', 'thin', 'thin', 'thin']);
        }
    }
  });

  /** Shanghai's workbook, opened as Excel would, at table 三: each figure's placed cell by path. */
  async function applicationsSheet() {
    const { report } = corpus.find((c) => c.name.includes('shanghai'))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
    const grid = reportTables(report).find((g) => g.table === 'applications')!;
    const sheet = workbook.getWorksheet(grid.title)!;
    const at = (path: string) => placeCells(grid).find((p) => p.cell.kind === 'value' && p.cell.path === path)!;
    return { report, workbook, grid, sheet, at };
  }

  it('reads a cell that holds no figure as blank, with an error at the cell: never the figure from before the edit', async () => {
    const { report, workbook, grid, sheet, at } = await applicationsSheet();
    const cellOf = (path: string) => sheet.getCell(GRID_TOP + at(path).row, at(path).col + 1);
    // Cells that hold a figure before the edit.
    const [a, b, c, d, e] = placeCells(grid).flatMap((p) => (p.cell.kind === 'value' && resolveBinding(report, p.cell.path).value !== null ? [p.cell.path] : []));
    const edits: [string, ExcelJS.CellValue, RegExp][] = [
      [a!, true, /“true”/],
      [b!, { error: '#DIV/0!' } as ExcelJS.CellErrorValue, /错误值 #DIV\/0!/],
      [c!, { formula: 'A1/0' } as ExcelJS.CellFormulaValue, /未计算结果的公式 =A1\/0/],
      [d!, '9'.repeat(400), /“9{20}…”/],
      [e!, { text: '第5号', hyperlink: 'https://example.org' } as ExcelJS.CellHyperlinkValue, /“第5号”/],
    ];
    for (const [path, value] of edits) cellOf(path).value = value;
    const back = await fromXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (!back.ok) throw new Error(back.error.message);
    for (const [path, , said] of edits) {
      expect(resolveBinding(back.report, path).value, path).toBeNull();
      expect(back.report.sources[path], path).toBeUndefined();
      const finding = back.findings.find((f) => f.cell?.address === cellOf(path).address);
      expect(finding, path).toMatchObject({ severity: 'error', rule: 'xlsx.notAFigure', table: 'applications', tableLabel: grid.title });
      expect(`${finding!.table}.${finding!.row}.${finding!.column}`).toBe(path);
      expect(finding!.rowLabel && finding!.columnLabel, path).toBeTruthy(); // the row and column as printed, as a reader's finding names them
      expect(finding!.messageZh).toMatch(said);
    }
    expect(back.findings).toHaveLength(edits.length);
  });

  it('reads an edit made in the workbook, including a formula cell by its cached result', async () => {
    const { workbook, grid, sheet, at } = await applicationsSheet();
    const granted = at('applications.granted.total');
    sheet.getCell(GRID_TOP + granted.row, granted.col + 1).value = 272;
    const carried = at('applications.carriedForward.total');
    sheet.getCell(GRID_TOP + carried.row, carried.col + 1).value = { formula: 'SUM(1,1)', result: 72 };
    const back = await fromXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.report.applications.granted?.total).toBe(272);
    expect(back.report.sources['applications.granted.total']).toBeUndefined();
    expect(back.report.applications.carriedForward?.total).toBe(72);
    // A finding about the edited figure names its cell, as Excel addresses it.
    const [about] = locateFindings(back.report, check(back.report));
    const total = at('applications.totalProcessed.total');
    expect([about?.rule, about?.cell]).toEqual(['applications.totalProcessed', { sheet: grid.title, address: sheet.getCell(GRID_TOP + total.row, total.col + 1).address }]);
  });

  it('keeps a character beyond the BMP whole where the model sheet\'s JSON is cut into cells', async () => {
    const { report } = corpus[0]!;
    const marked: Report = { ...report, sections: { ...report.sections, otherMatters: '@@' } };
    const at = JSON.stringify(marked).indexOf('@@');
    const padded: Report = { ...report, sections: { ...report.sections, otherMatters: `${'无'.repeat(29_999 - at)}😀𠀀` } };
    expect(JSON.stringify(padded).charCodeAt(29_999)).toBe('😀'.charCodeAt(0)); // its first half the last of the first cell
    expect(modelChunks(JSON.stringify(padded)).map((c) => c.length)).toEqual([29_999, JSON.stringify(padded).length - 29_999]);
    expect(await fromXlsx(await toXlsx(padded))).toEqual({ ok: true, report: padded, findings: [] });
  });

  it('keeps narrative text that starts like a formula as text', async () => {
    const { report } = corpus[0]!;
    const tricky: Report = { ...report, sections: { ...report.sections, problems: '=HYPERLINK("http://x","y")', otherMatters: '+1 -2 @3' } };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(tricky)) as unknown as ArrayBuffer);
    const values = workbook.getWorksheet('报告信息')!.getColumn(2).values;
    expect(values).toContain('=HYPERLINK("http://x","y")');
    expect(values).toContain('+1 -2 @3');
    const back = await fromXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(back.ok && back.report.sections.problems).toBe('=HYPERLINK("http://x","y")');
  });

  it('prints each section whole in the information sheet: one row per paragraph, each tall enough for its text', async () => {
    const { report } = corpus.find((c) => c.name.includes('shuyang-county'))!; // 一、总体情况 2,700 characters
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('报告信息')!;
    const texts: string[] = [];
    sheet.eachRow((row) => {
      const text = String(row.getCell(2).value ?? '');
      texts.push(text);
      // A 100-wide column holds about 50 Chinese characters a line of 14 pt; Excel's tallest row is 409 pt.
      expect(row.height, text.slice(0, 20)).toBeGreaterThanOrEqual(Math.ceil(text.length / 50) * 14);
      expect(row.height).toBeLessThanOrEqual(409);
    });
    for (const paragraph of report.sections.overview!.split('\n')) expect(texts).toContain(paragraph);
  });

  it('writes the findings sheet in the reader\'s language, one landscape page across with its heading row repeated', async () => {
    const { report } = corpus.find((c) => c.name.includes('seeds/004'))!;
    const findings = check(report);
    expect(findings.length).toBeGreaterThan(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report, { findings })) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('检查结果')!;
    expect(sheet.getColumn(1).values.slice(2)).toEqual(findings.map((f) => ({ error: '错误', warning: '警告', info: '提示' })[f.severity]));
    expect(sheet.getRow(1).values).toEqual([undefined, '级别', '表格', '行', '单元格', '原文位置', '说明']);
    expect(sheet.getRow(2).getCell(5).value).toBe(`${findings[0]!.position!.line}:${findings[0]!.position!.column}`);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
  });

  const inconsistent = [...corpus.filter((c) => check(c.report).length), ...(['2019', '2021', 'legacy'] as const).map((layout) => ({ name: `generated ${layout}`, report: generateReport(7, { layout }) }))];
  it.each(inconsistent)('links each finding about a figure to that figure\'s cell: $name', async ({ report }) => {
    const findings = check(report);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report, { findings })) as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('检查结果')!.getRows(2, findings.length)!;
    let linked = 0;
    findings.forEach((f, i) => {
      const value = rows[i]!.getCell(4).value as { formula: string; result: string } | '';
      if (!f.row || f.table === 'document' || !value) return;
      const [, sheet, address, shown] = /^HYPERLINK\("#'(.+)'!([A-Z]+\d+)","([A-Z]+\d+)"\)$/.exec(value.formula)!;
      expect([shown, value.result]).toEqual([address, address]);
      const path = [f.table, f.row, f.column].filter(Boolean).join('.');
      const bound = resolveBinding(report, path);
      expect(workbook.getWorksheet(sheet)!.getCell(address!).value, `${f.rule} ${path}`).toBe(bound.value ?? (bound.display || null));
      linked++;
    });
    expect(linked).toBeGreaterThan(0);
  });

  it('prints every sheet on A4 one page across, numbered at the foot (odd pages right, even left, one character in), repeating a table\'s header rows and nothing else', async () => {
    const { report } = corpus.find((c) => c.name.includes('shanghai'))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report, { findings: check(report) })) as unknown as ArrayBuffer);
    const visible = workbook.worksheets.filter((s) => s.state === 'visible');
    expect(visible.map((s) => s.name)).toEqual(['报告信息', ...reportTables(report).map((g) => g.title), '检查结果']);
    for (const sheet of visible) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(sheet.headerFooter, sheet.name).toMatchObject({ differentOddEven: true, oddFooter: '&R— &P —\u3000', evenFooter: '&L\u3000— &P —' });
    }
    for (const grid of reportTables(report)) {
      const printTitles = workbook.getWorksheet(grid.title)!.pageSetup.printTitlesRow;
      expect(printTitles, grid.title).toBe(grid.headerRows ? `${GRID_TOP}:${GRID_TOP + grid.headerRows - 1}` : undefined);
    }
  });

  it('puts the 落款 at the information sheet\'s foot as §7.3.5.2 sets it: right-aligned, the agency two characters in, the date starting about two right of it', async () => {
    const { report } = corpus.find((c) => c.name.includes('shuyang-drc'))!; // signed 沭阳县发展和改革局 / 2024年1月17日
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('报告信息')!;
    const [agency, date] = [sheet.rowCount - 1, sheet.rowCount].map((r) => sheet.getRow(r));
    expect([agency!.getCell(1).value, agency!.getCell(2).value, date!.getCell(2).value]).toEqual(['落款', '沭阳县发展和改革局', '2024年1月17日']);
    // An indent level is about a character: the date 右空二字 (7½ characters as set), the agency 2½ rounded.
    expect(agency!.getCell(2).alignment).toMatchObject({ horizontal: 'right', indent: 3 });
    expect(date!.getCell(2).alignment).toMatchObject({ horizontal: 'right', indent: 2 });
  });

  it('names the report in the information sheet with the title the Word and PDF copies print', async () => {
    const { report } = corpus.find((c) => c.name.includes('seeds/003'))!;
    expect(report.meta.title).toBeNull();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(report)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('报告信息')!.getCell('B1').value).toBe(reportTitle(report));
  });

  it('refuses damaged and foreign workbooks with a clear error', async () => {
    const good = await toXlsx(corpus[0]!.report);
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    for (const [bytes, code] of [
      [new Uint8Array([1, 2, 3, 4]), 'damaged'],
      [good.slice(0, good.length / 2), 'damaged'],
      [new Uint8Array(await foreign.xlsx.writeBuffer()), 'notAReport'],
    ] as const) {
      const result = await fromXlsx(bytes);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe(code);
    }
  });
});

const soffice = hasCommands(['soffice', '--version']);

describe.skipIf(!soffice)('a real client (LibreOffice) opens each workbook', () => {
  it('converts every corpus workbook to CSV holding every figure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-lo-'));
    for (const [i, { report }] of corpus.entries()) writeFileSync(join(dir, `r${i}.xlsx`), await toXlsx(report));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, ...corpus.map((_, i) => join(dir, `r${i}.xlsx`))], { stdio: 'ignore', timeout: 240_000 });
    for (const [i, { report }] of corpus.entries()) {
      const csv = readdirSync(dir).filter((f) => f.startsWith(`r${i}-`) && f.endsWith('.csv')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
      const cells = new Set(csv.split(/[\n,]/).map((c) => c.replace(/^"|"$/g, '').trim()));
      for (const grid of reportTables(report))
        for (const p of placeCells(grid)) {
          if (p.cell.kind !== 'value') continue;
          // Figures are stored as numbers (the printed text is a cell note), so the CSV shows the number.
          const { value, display } = resolveBinding(report, p.cell.path);
          const shown = value !== null ? formatFigure(value) : display;
          if (shown) expect(cells, `${p.cell.path} = ${shown}`).toContain(shown);
        }
    }
  });

  it('reads back a workbook LibreOffice saved again, its model sheet included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-resave-'));
    const { report } = corpus[0]!;
    writeFileSync(join(dir, 'in.xlsx'), await toXlsx(report));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', join(dir, 'out'), join(dir, 'in.xlsx')], { stdio: 'ignore', timeout: 240_000 });
    const back = await fromXlsx(readFileSync(join(dir, 'out', 'in.xlsx')));
    if (!back.ok) throw new Error(back.error.message);
    expect(back.report.meta).toEqual(report.meta);
    expect(back.report.sections).toEqual(report.sections);
    expect(back.report.applications).toEqual(report.applications);
  });
});

describe('the date option', () => {
  it('gives the same bytes whenever it is written, the date in the workbook\'s properties; without it, the time of writing', async () => {
    const { report } = corpus[0]!;
    const date = new Date('2024-01-20T02:00:00Z');
    const [a, b] = await writtenAtTwoTimes(() => toXlsx(report, { findings: check(report), date }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(a as unknown as ArrayBuffer);
    expect(workbook.created.toISOString()).toBe('2024-01-20T02:00:00.000Z');
    const [c, d] = await writtenAtTwoTimes(() => toXlsx(report));
    expect(Buffer.from(c).equals(Buffer.from(d))).toBe(false);
  });
});

describe('options', () => {
  const { report } = corpus[0]!;

  it.each([
    ['a language it does not write', { lang: 'fr' }, /^toXlsx options: lang: Invalid option: expected one of "zh"\|"en", received "fr"$/],
    ['findings that are no list of findings', { findings: 'none' }, /^toXlsx options: findings: Invalid input: expected array, received string$/],
    ['a finding without its messages', { findings: [{ severity: 'error', rule: 'x' }] }, /^toXlsx options: findings\.0\.message: /],
    ['a date given as text', { date: '2024-01-01' }, /^toXlsx options: date: Invalid input: expected date, received string$/],
    ['a misspelt option', { finding: [] }, /^toXlsx options: Unrecognized key: "finding" \(known keys: findings, lang, date\)$/],
  ])('refuses %s with a TypeError naming the option, what was given and what is allowed', async (_, options, said) => {
    const refused = toXlsx(report, options as never);
    await expect(refused).rejects.toBeInstanceOf(TypeError);
    await expect(refused).rejects.toThrow(said);
  });

  it('takes options left undefined as not given', async () => {
    expect((await toXlsx(report, { findings: undefined, lang: undefined, date: undefined })).length).toBeGreaterThan(1000);
  });
});
