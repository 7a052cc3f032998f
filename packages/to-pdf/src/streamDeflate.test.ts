import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFont } from './drawingFont.js';
import { DEFAULT_FONT } from './fonts.js';
import { deflateAhead, deflateStreams } from './streamDeflate.js';

/** A page of Chinese text in our font, with every stream deflated by pdfkit or, with `ours`, by deflateStreams. */
async function pdf(ours: boolean): Promise<Buffer> {
  const doc = new PDFDocument({ font: null as unknown as string, size: 'A4', margin: 0, autoFirstPage: false });
  if (ours) deflateStreams(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('body', loadFont(DEFAULT_FONT) as unknown as Buffer);
  doc.addPage({ size: 'A4', margin: 0 });
  doc.font('body').fontSize(16).text('政府信息公开工作年度报告：本年新收政府信息公开申请数量 251', 80, 100, { lineBreak: false });
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** Each stream of a PDF as its dictionary (without /Length) and its inflated bytes. */
function streams(bytes: Buffer): { dictionary: string; content: Buffer; compressed: number }[] {
  const text = bytes.toString('latin1');
  return [...text.matchAll(/<<([^]*?)>>\nstream\n/g)].map((m) => {
    const start = m.index! + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(m[1]!)![1]);
    return { dictionary: m[1]!.replace(/\/Length \d+\n?/, ''), content: inflateSync(bytes.subarray(start, start + length)), compressed: length };
  });
}

describe('deflateStreams', () => {
  it('writes the same streams as pdfkit, deflated our way: the same content once inflated', async () => {
    const [pdfkits, ours] = [streams(await pdf(false)), streams(await pdf(true))];
    expect(ours.length).toBeGreaterThanOrEqual(3); // the page, the font file, its ToUnicode map
    expect(ours.map((s) => s.dictionary)).toEqual(pdfkits.map((s) => s.dictionary));
    expect(ours.map((s) => s.content.toString('base64'))).toEqual(pdfkits.map((s) => s.content.toString('base64')));
    const font = (list: typeof ours) => list.reduce((a, b) => (b.content.length > a.content.length ? b : a));
    expect(font(ours).compressed).not.toBe(font(pdfkits).compressed); // deflated by us, not by pdfkit
  });

  it('leaves a stream to pdfkit when the reference is not as pdfkit 0.20 makes it', () => {
    const chunk = new Uint8Array([1, 2, 3]);
    for (const reference of [
      { compress: true, buffer: [chunk], data: {} }, // no Filter set
      { compress: false, buffer: [chunk], data: { Filter: 'FlateDecode' } },
      { buffer: [chunk], data: { Filter: 'FlateDecode' } }, // compress renamed
      { compress: true, chunks: [chunk], data: { Filter: 'FlateDecode' } }, // buffer renamed
      { compress: true, buffer: ['text'], data: { Filter: 'FlateDecode' } },
    ]) {
      const before = JSON.stringify(reference);
      deflateAhead(reference as never, {});
      expect(JSON.stringify(reference)).toBe(before);
    }
    const ready = { compress: true, buffer: [chunk, chunk], data: { Filter: 'FlateDecode' } };
    deflateAhead(ready, {});
    expect(ready.compress).toBe(false);
    expect([...inflateSync(ready.buffer[0]!)]).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('changes nothing when the document has no ref to wrap', () => {
    const doc = { ref: undefined } as unknown as PDFKit.PDFDocument;
    deflateStreams(doc);
    expect((doc as unknown as { ref: unknown }).ref).toBeUndefined();
  });
});
