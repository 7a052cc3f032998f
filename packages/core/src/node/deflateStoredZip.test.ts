import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { deflateEntry, deflateStoredZip } from './deflateStoredZip.js';

const FILES: Record<string, Uint8Array | string> = {
  '[Content_Types].xml': '<?xml version="1.0"?><Types>' + '<Override PartName="/xl/worksheets/sheet1.xml"/>'.repeat(200) + '</Types>',
  'xl/worksheets/sheet1.xml': '<worksheet><sheetData>' + '<row><c t="s"><v>1</v></c></row>'.repeat(2000) + '</sheetData></worksheet>',
  'xl/工作表.xml': '<si><t>本年新收政府信息公开申请数量</t></si>'.repeat(50),
  'empty.txt': '',
  'random.bin': new Uint8Array(randomBytes(5000)),
};

async function storedZip(streamFiles: boolean): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(FILES)) zip.file(name, data, { date: new Date('2026-01-15T10:30:00Z') });
  return zip.generateAsync({ type: 'uint8array', compression: 'STORE', streamFiles });
}

describe('deflateStoredZip', () => {
  it.each([false, true])('deflates every entry and keeps names, contents, dates and order (data descriptors: %s)', async (streamFiles) => {
    const stored = await storedZip(streamFiles);
    const deflated = deflateStoredZip(stored);
    expect(deflated.byteLength).toBeLessThan(stored.byteLength / 5);
    const back = await JSZip.loadAsync(deflated, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(Object.keys((await JSZip.loadAsync(stored)).files));
    for (const [name, data] of Object.entries(FILES)) {
      const entry = back.file(name)!;
      expect(await entry.async('uint8array'), name).toEqual(typeof data === 'string' ? new TextEncoder().encode(data) : data);
      expect(entry.date.toISOString()).toBe((await JSZip.loadAsync(stored)).file(name)!.date.toISOString());
    }
    expect(new DataView(deflated.buffer, deflated.byteOffset).getUint16(8, true)).toBe(8); // the first entry's method: deflate
  });

  it('deflates the stored zips fflate makes (the .docx parts)', async () => {
    const stored = zipSync(Object.fromEntries(Object.entries(FILES).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data])), { level: 0 });
    const back = await JSZip.loadAsync(deflateStoredZip(stored), { checkCRC32: true });
    for (const [name, data] of Object.entries(FILES)) expect(await back.file(name)!.async('uint8array'), name).toEqual(typeof data === 'string' ? strToU8(data) : data);
  });

  it('takes the entries given deflated as they are, and deflates the rest', async () => {
    const stored = zipSync(Object.fromEntries(Object.entries(FILES).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data])), { level: 0 });
    const sheet = strToU8(FILES['xl/worksheets/sheet1.xml'] as string);
    // The same bytes as deflating it here: the zip is the same.
    expect(Buffer.from(deflateStoredZip(stored, new Map([['xl/worksheets/sheet1.xml', deflateEntry(sheet)]]))).equals(Buffer.from(deflateStoredZip(stored)))).toBe(true);
    // Other bytes of the same data (a faster level): those are in the zip, which reads back whole.
    const given = deflateRawSync(sheet, { level: 1 });
    expect(Buffer.from(given).equals(Buffer.from(deflateEntry(sheet)))).toBe(false);
    const zip = deflateStoredZip(stored, new Map([['xl/worksheets/sheet1.xml', given]]));
    expect(Buffer.from(zip).indexOf(Buffer.from(given))).toBeGreaterThan(0);
    const back = await JSZip.loadAsync(zip, { checkCRC32: true });
    for (const [name, data] of Object.entries(FILES)) expect(await back.file(name)!.async('uint8array'), name).toEqual(typeof data === 'string' ? strToU8(data) : data);
  });

  it('refuses what is not a zip instead of writing garbage', () => {
    expect(() => deflateStoredZip(new Uint8Array(100))).toThrow(/no end of central directory/);
  });
});
