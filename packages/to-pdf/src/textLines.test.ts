import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { hasCommands } from '../../core/src/test-support/tools.js';
import { loadFont } from './drawingFont.js';
import { DEFAULT_FONT } from './fonts.js';
import { drawLines, type PlacedLine } from './textLines.js';

const dir = mkdtempSync(join(tmpdir(), 'to-pdf-lines-'));

const lines: PlacedLine[] = [
  { text: '政府信息公开工作年度报告', x: 80, y: 100 },
  { text: '本年新制作数量', x: 123.456789, y: 140.5 },
  { text: '12345', x: 300, y: 140.5 },
  { text: 'Word 文档（一）', x: 80, y: 400 },
  { text: '', x: 80, y: 420 },
  // A justified paragraph's lines: spread, spread alike, then its last line unspread.
  { text: '本机关坚持以公开为常态、不公开为例外', x: 100, y: 500, characterSpacing: 1.234567 },
  { text: '全面推进政府信息公开工作', x: 80, y: 528, characterSpacing: 1.234567 },
  { text: '主动公开政府信息', x: 80, y: 556 },
];

/** A page drawn by `draw` in our font at 10.5 pt, then a line by pdfkit's own text after it. */
async function page(name: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<string> {
  const doc = new PDFDocument({ font: null as unknown as string, size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('body', loadFont(DEFAULT_FONT) as unknown as Buffer);
  doc.addPage({ size: 'A4', margin: 0 });
  doc.font('body').fontSize(10.5);
  draw(doc);
  doc.fontSize(16).text('落款', 400, 700, { lineBreak: false });
  doc.end();
  await done;
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** Each word pdftotext finds, with its box: what a reader extracts and where it is printed. */
const words = (path: string) => [...execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' }).matchAll(/<word [^>]*>[^<]*<\/word>/g)].map((m) => m[0]);

describe.skipIf(!hasCommands(['pdftotext', '-v'], ['pdftoppm', '-v']))('drawLines', () => {
  it('prints and extracts each line where and as doc.text does, and leaves the page as it found it', async () => {
    const ours = await page('ours', (doc) => drawLines(doc, lines));
    const pdfkits = await page('pdfkit', (doc) => {
      for (const { text, x, y, characterSpacing } of lines) doc.text(text, x, y, { lineBreak: false, characterSpacing });
    });
    expect(words(ours)).toEqual(words(pdfkits));
    expect(words(ours).join('\n')).toContain('本年新制作数量');
    expect(words(ours).join('\n')).toContain('落款');
    const pixels = (path: string) => execFileSync('pdftoppm', ['-r', '72', '-gray', path]);
    expect(pixels(ours).equals(pixels(pdfkits))).toBe(true);
  });

  it('draws nothing for no lines', async () => {
    const path = await page('none', (doc) => drawLines(doc, []));
    expect(words(path)).toHaveLength(1);
  });
});

describe('drawLines on a pdfkit whose font members it reads are renamed', () => {
  // The fallback guarded only encode, ref, _fontSize and page.fonts, yet the drawing also reads the font's id (the /F1
  // resource name) and ascender (the baseline): renamed, they gave `/undefined` and `NaN` in the content stream.
  for (const member of ['id', 'ascender'] as const) {
    it(`draws each line by doc.text when the font has no ${member}`, () => {
      const doc = new PDFDocument({ font: null as unknown as string, size: 'A4', margin: 0, autoFirstPage: false });
      doc.registerFont('body', loadFont(DEFAULT_FONT) as unknown as Buffer);
      doc.addPage({ size: 'A4', margin: 0 });
      doc.font('body').fontSize(10.5);
      const pdf = doc as unknown as { _font: object };
      pdf._font = new Proxy(pdf._font, { get: (font, key, receiver) => (key === member ? undefined : Reflect.get(font, key, receiver)) });
      const texts: [string, number | undefined][] = [];
      const contents: string[] = [];
      doc.text = ((text: string, _x: number, _y: number, options: PDFKit.Mixins.TextOptions) => (texts.push([text, options.characterSpacing]), doc)) as typeof doc.text;
      doc.addContent = ((content: string) => (contents.push(content), doc)) as typeof doc.addContent;
      drawLines(doc, lines);
      expect(contents).toEqual([]);
      expect(texts).toEqual(lines.map((line) => [line.text, line.characterSpacing]));
    });
  }
});
