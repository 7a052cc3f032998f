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

  it('keeps a line set with wide letter spacing one piece, and parts in columns apart', () => {
    const cells = (texts: PdfText[]) => textLines(texts)[0]!.cells.map((c) => c.text);
    // 分散对齐: a run per character, two font sizes apart; also two characters to a run.
    expect(cells([...'政策解读'].map((ch, i) => run(ch, 200 + i * 48, 700)))).toEqual([]);
    expect(cells([run('落款', 100, 700), run('单', 160, 700), run('位', 220, 700)])).toEqual([]);
    // A label and its text, figures in narrow columns, a short label beside a long one: columns.
    expect(cells([run('标题', 60, 700), run('测试县2023年政府信息公开工作年度报告', 160, 700)])).toEqual(['标题', '测试县2023年政府信息公开工作年度报告']);
    expect(cells([run('0', 300, 700), run('0', 340, 700), run('1', 380, 700)])).toEqual(['0', '0', '1']);
    expect(cells([run('其他', 60, 700), run('无', 160, 700), run('原文字体', 260, 700), run('简体', 400, 700)])).toEqual(['其他', '无', '原文字体', '简体']);
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
