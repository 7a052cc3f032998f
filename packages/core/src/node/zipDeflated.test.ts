import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strToU8, unzipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { hasCommands } from '../test-support/tools.js';
import { deflatePart, zipDeflated } from './zipDeflated.js';

const PARTS: [string, Uint8Array][] = [
  ['[Content_Types].xml', strToU8('<?xml version="1.0"?><Types>' + '<Override PartName="/xl/worksheets/sheet1.xml"/>'.repeat(200) + '</Types>')],
  ['xl/worksheets/sheet1.xml', strToU8('<worksheet><sheetData>' + '<row><c t="s"><v>1</v></c></row>'.repeat(2000) + '</sheetData></worksheet>')],
  ['xl/工作表.xml', strToU8('<si><t>本年新收政府信息公开申请数量</t></si>'.repeat(50))],
  ['empty.txt', new Uint8Array(0)],
  ['random.bin', new Uint8Array(randomBytes(5000))],
];
const DATE = new Date(Date.UTC(2026, 0, 15, 10, 30, 24)); // even seconds: a zip keeps two-second steps

describe('zipDeflated', () => {
  it('zips every part in order, deflated, with its CRC, UTF-8 name and date, as JSZip and fflate read it', async () => {
    const zip = zipDeflated(PARTS, { date: DATE });
    expect(zip.byteLength).toBeLessThan(PARTS.reduce((sum, [, data]) => sum + data.byteLength, 0) / 3);
    const back = await JSZip.loadAsync(zip, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(PARTS.map(([name]) => name));
    for (const [name, data] of PARTS) {
      expect(await back.file(name)!.async('uint8array'), name).toEqual(data);
      expect(back.file(name)!.date.getTime(), name).toBe(DATE.getTime()); // JSZip reads the DOS date as UTC, as it is written
    }
    expect(unzipSync(zip)).toEqual(Object.fromEntries(PARTS));
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect([view.getUint32(0, true), view.getUint16(8, true)]).toEqual([0x04034b50, 8]); // the first entry: a local header, deflated
  });

  it.each([1, 3, 9])('deflates at level %i when asked, to the same parts', (level) => {
    const zip = zipDeflated(PARTS, { level });
    expect(unzipSync(zip)).toEqual(Object.fromEntries(PARTS));
    const firstPackedSize = new DataView(zip.buffer, zip.byteOffset).getUint32(18, true);
    expect(firstPackedSize).toBe(deflateRawSync(PARTS[0]![1], { level }).byteLength);
  });

  it('takes a part deflated before by deflatePart as it is, giving the same zip', () => {
    const given = PARTS.map(([name, data]) => [name, data, data.byteLength ? deflatePart(data, 3) : undefined] as const);
    expect(zipDeflated(given, { date: DATE, level: 3 })).toEqual(zipDeflated(PARTS, { date: DATE, level: 3 }));
    // Taken, not deflated again: a stand-in is written where the part's deflate would be.
    const standIn = deflateRawSync(strToU8('something else'));
    const zip = zipDeflated([['a.xml', PARTS[0]![1], standIn]], { date: DATE });
    expect(Buffer.from(zip).includes(Buffer.from(standIn))).toBe(true);
  });

  it('gives the same bytes for a date in every time zone', () => {
    const zone = process.env['TZ'];
    const zipped = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'].map((tz) => {
      process.env['TZ'] = tz;
      return Buffer.from(zipDeflated(PARTS, { date: DATE })).toString('hex');
    });
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(new Date(2026, 0, 1).getTimezoneOffset()); // the zone is back
    expect(new Set(zipped).size).toBe(1);
  });

  it.each([
    ['new Date(0), as SOURCE_DATE_EPOCH=0 gives', new Date(0), Date.UTC(1980, 0, 1)],
    ['a date after 2107', new Date(Date.UTC(2200, 5, 1)), Date.UTC(2107, 11, 31, 23, 59, 58)],
    ['an invalid date', new Date(Number.NaN), Date.UTC(1980, 0, 1)],
  ])('writes %s as the nearest date a zip holds', async (_, date, written) => {
    const back = await JSZip.loadAsync(zipDeflated(PARTS, { date }));
    expect(back.file('empty.txt')!.date.getTime()).toBe(written);
  });

  it('writes an empty zip that still reads as one', () => {
    expect(unzipSync(zipDeflated([]))).toEqual({});
  });

  it.skipIf(!hasCommands(['unzip', '-v']))("passes Info-ZIP's own test of every entry", () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zip-deflated-')), 'parts.zip');
    writeFileSync(path, zipDeflated(PARTS, { date: DATE }));
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toMatch(/No errors detected/);
  });
});
