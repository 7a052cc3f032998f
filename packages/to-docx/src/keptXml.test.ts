import { Packer, TableCell } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { generateReport } from '@report-convert/core';
import { newCell } from './cells.js';
import { keptXmlInUse, resumeKeepingXml } from './keptXml.js';
import { reportDocument, toDocx } from './toDocx.js';

const partsOf = (docx: Uint8Array) => Object.entries(unzipSync(docx)).filter(([name]) => name !== 'docProps/core.xml');
const packers = async (report: ReturnType<typeof generateReport>) => partsOf(new Uint8Array(await Packer.toBuffer(reportDocument(report, {}, newCell))));

/** The cells docx prepares while `write` runs. */
async function cellsPrepared(write: () => Promise<unknown>): Promise<Set<unknown>> {
  const prepare = vi.spyOn(TableCell.prototype, 'prepForXml');
  try {
    await write();
    return new Set(prepare.mock.contexts);
  } finally {
    prepare.mockRestore();
  }
}

describe('kept XML', () => {
  it('writes a cell written before from the XML kept then, without preparing it again: the same parts as Packer writes', async () => {
    const report = generateReport(4242, { layout: '2021' });
    let first: Uint8Array | undefined;
    let second: Uint8Array | undefined;
    const before = await cellsPrepared(async () => (first = await toDocx(report)));
    const again = await cellsPrepared(async () => (second = await toDocx(report)));
    expect(before.size).toBeGreaterThan(200);
    // Prepared again: only the cells docx's Table adds below a cell spanning rows, new objects each time.
    expect([...again].filter((cell) => before.has(cell))).toEqual([]);
    expect(again.size).toBeLessThan(before.size / 2);
    expect(partsOf(second!)).toEqual(partsOf(first!));
    expect(partsOf(second!)).toEqual(await packers(report));
    expect(keptXmlInUse()).toBe(true);
  });

  it('compiles the document again without kept XML, for the rest of the process, when the markers do not come out as they went in', async () => {
    const report = generateReport(4243, { layout: '2019' });
    await toDocx(report); // its cells written, their XML kept
    // As a docx release that wrote a value neither string nor object escaped would: docx's escaping drops control characters.
    const compiler = (Packer as unknown as { compiler: { compile: (...args: unknown[]) => Map<string, unknown> } }).compiler;
    const compile = compiler.compile.bind(compiler);
    const escaping = vi.spyOn(compiler, 'compile').mockImplementationOnce((...args) => {
      const parts = compile(...args);
      return parts.set('word/document.xml', (parts.get('word/document.xml') as string).replace(/[\u0001\u0002]/g, ''));
    });
    try {
      const parts = partsOf(await toDocx(report));
      expect(escaping).toHaveBeenCalledTimes(2);
      expect(keptXmlInUse()).toBe(false);
      expect(parts).toEqual(await packers(report));
      expect(partsOf(await toDocx(report))).toEqual(await packers(report));
    } finally {
      escaping.mockRestore();
      resumeKeepingXml();
    }
  });
});
