import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, Report, ReportModelError, ZIP_LIMITS } from '@report-convert/core';
import { badModels } from '../../core/src/test-support/badModels.js';
import { parsedCorpus } from '../../core/src/test-support/corpus.js';
import { inventedFigures, mutateZip, mutation } from '../../core/src/test-support/mutations.js';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fromXlsx } from './fromXlsx.js';
import { anyText, partsNotXml } from '../../core/src/test-support/xml.js';
import { toXlsx } from './toXlsx.js';

describe('reading damaged copies of our own workbooks', async () => {
  const workbooks = await Promise.all(parsedCorpus().map(async ({ name, report }) => ({ name, bytes: await toXlsx(report) })));

  it('parse and fromXlsx return a report or an input error for any damage to the package, and invent no figure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(workbooks.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), async (index, mutations) => {
        const damaged = mutations.reduce(mutateZip, workbooks[index]!.bytes);
        const parsed = parse(damaged);
        if (parsed.ok) expect(Report.safeParse(parsed.report).success).toBe(true);
        if (parsed.ok) expect(inventedFigures(parsed.report, xmlText(damaged))).toEqual([]);
        const back = await fromXlsx(damaged);
        if (back.ok) expect(Report.safeParse(back.report).success).toBe(true);
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });

  it.each([
    ['a column range to 99999999999999999999, which ExcelJS built column by column until the process ran out of memory', (xml: string) => xml.replace(/<col min="(\d+)" max="\d+"/, '<col min="$1" max="99999999999999999999"')],
    ['a column range from 99999999999999999999 back to 1: out of memory too', (xml: string) => xml.replace(/<col min="\d+"/, '<col min="99999999999999999999"')],
    ['the whole grid merged (A1:XFD1048576), a merged-cell object each: out of memory', (xml: string) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')],
    ['a whole column merged (Z1:Z1048576): 3 s and 1 GB', (xml: string) => xml.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="Z1:Z1048576"/></mergeCells>')],
  ])('refuses as damaged, before ExcelJS sees it, a sheet with %s', async (_, damage) => {
    const parts = unzipSync(workbooks[0]!.bytes);
    const sheet = Object.keys(parts).find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name) && !strFromU8(parts[name]!).includes('<mergeCells'))!;
    const damaged = zipSync({ ...parts, [sheet]: strToU8(damage(strFromU8(parts[sheet]!))) });
    expect(damaged).not.toEqual(workbooks[0]!.bytes);
    expect(await fromXlsx(damaged)).toMatchObject({ ok: false, error: { code: 'damaged' } });
  });

  it('refuses a workbook with a part larger than any report before ExcelJS inflates it (a 1 MB file declaring 1 GB took 7 s and 2 GB of memory)', async () => {
    const bomb = zipSync({ ...unzipSync(workbooks[0]!.bytes), 'xl/media/image1.png': new Uint8Array(ZIP_LIMITS.entryBytes + 1) }, { level: 1 });
    expect(await fromXlsx(bomb)).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
  });
});

/** Every XML part's text, where a figure the reader found must stand. */
function xmlText(bytes: Uint8Array): string {
  try {
    return Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join('\n');
  } catch {
    return '';
  }
}

describe('writing text Excel cannot hold', () => {
  const { report } = parsedCorpus()[0]!;
  it('mends controls, U+FFFE/U+FFFF and lone surrogates in the model and the findings, so that every part stays XML', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (agency, paragraph, label) => {
        const strange = { ...report, meta: { ...report.meta, agency }, sections: { ...report.sections, overview: paragraph }, extraRows: [{ table: 'applications' as const, label, unit: null, values: [label], position: { line: 1, column: 1 } }] };
        const findings = [{ severity: 'warning' as const, rule: 'test', message: label, messageZh: label }];
        expect(partsNotXml(await toXlsx(strange, { findings }))).toEqual([]);
      }),
      { numRuns: 40, seed: 20261129 },
    );
  });
});

describe('a value that is not a report model', () => {
  it.each(badModels())('is refused with a ReportModelError naming where: $why', async ({ value, path }) => {
    await expect(toXlsx(value as Report)).rejects.toThrow(path);
    await expect(toXlsx(value as Report)).rejects.toBeInstanceOf(ReportModelError);
  });
});
