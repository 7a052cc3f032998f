import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { check } from '@report-convert/core';
import { parsedCorpus } from '../../core/src/test-support/corpus.js';
import { packWorkbook, renderedParts } from './packWorkbook.js';
import { reportWorkbook } from './toXlsx.js';

const corpus = parsedCorpus();

describe('packWorkbook', () => {
  it("reaches exceljs's writer steps (fails when an exceljs release renames them: packWorkbook then falls back to writeBuffer, slower)", async () => {
    expect(await renderedParts(reportWorkbook(corpus[0]!.report))).toBeInstanceOf(Map);
  });

  it.each(corpus)('$name: the same parts, in the same order, as exceljs’s writeBuffer, each deflated', async ({ report }) => {
    const workbook = reportWorkbook(report, { findings: check(report) });
    const ours = await packWorkbook(workbook);
    const exceljs = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const theirParts = Object.entries(exceljs).filter(([name]) => !name.endsWith('/')); // JSZip adds folder entries
    expect(Object.entries(unzipSync(ours))).toEqual(theirParts);
    expect(new DataView(ours.buffer, ours.byteOffset).getUint16(8, true)).toBe(8); // the first entry's method: deflate
  });
});
