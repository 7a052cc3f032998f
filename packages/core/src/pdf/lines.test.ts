import { describe, expect, it } from 'vitest';
import { pageFurniture, textLines } from './lines.js';
import type { PdfPage, PdfText } from './page.js';

const run = (text: string, x: number, y: number, size = 16): PdfText => ({ text, x, y, width: text.length * size * (/^[\x20-\x7e]*$/.test(text) ? 0.5 : 1), size });
const A4 = { width: 595, height: 842, rules: [] };

describe('textLines', () => {
  it('joins the runs of one baseline left to right, whatever order they come in', () => {
    // LibreOffice cuts 三、收到和处理 at a glyph from another font.
    const lines = textLines([run('理政府信息公开申请情况', 207.5, 714.6), run('三、收到和', 111.5, 714.6), run('处', 191.5, 714.8)]);
    expect(lines.map((l) => l.text)).toEqual(['三、收到和处理政府信息公开申请情况']);
  });

  it('puts a space only between Latin runs that stand apart', () => {
    const lines = textLines([run('Page', 100, 500), run('3', 145, 500), run('条例', 200, 400), run('2020', 240, 400)]);
    expect(lines.map((l) => l.text)).toEqual(['Page 3', '条例2020']);
  });

  it('orders lines top to bottom', () => {
    expect(textLines([run('下', 100, 300), run('上', 100, 600)]).map((l) => l.text)).toEqual(['上', '下']);
  });
});

describe('pageFurniture', () => {
  const page = (texts: PdfText[]): { page: PdfPage; lines: ReturnType<typeof textLines> } => ({ page: { ...A4, texts }, lines: textLines(texts) });

  it('takes page numbers in the footer, in the forms agencies print them', () => {
    for (const footer of ['- 3 -', '— 3 —', '3', '第3页 共5页', '3/5']) {
      const p = page([run('正文第一行', 80, 700), run(footer, 280, 50, 14)]);
      expect([...pageFurniture([p])].map((l) => l.text), footer).toEqual([footer]);
    }
  });

  it('takes a running header that stands at the same place on several pages, not the body below it', () => {
    const pages = [page([run('某某县人民政府办公室', 200, 800, 10), run('一、总体情况', 80, 700)]), page([run('某某县人民政府办公室', 200, 800, 10), run('二、主动公开政府信息情况', 80, 700)])];
    expect([...pageFurniture(pages)].map((l) => l.text)).toEqual(['某某县人民政府办公室', '某某县人民政府办公室']);
  });

  it('leaves a figure in the body alone', () => {
    expect(pageFurniture([page([run('3', 300, 400)])]).size).toBe(0);
  });
});
