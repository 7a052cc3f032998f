import { describe, expect, it } from 'vitest';
import { parsePdfPages } from './index.js';
import type { PdfPage } from './page.js';
import { a4Page, grid, readPages, run, widthOf } from '../test-support/pdfPages.js';

/** The margins of the body text: 29 characters of 16 points between them. */
const [LEFT, RIGHT] = [80, 544];
const centred = (text: string, y: number, size: number) => run(text, (LEFT + RIGHT - widthOf(text, size)) / 2, y, size);

const FIGURE_XS = [280, 320, 360, 400, 440, 480, 520, 560];

/** One page laid out as Word prints a report: a title over two lines, a paragraph, a heading and part of table 三, a page number. */
function reportPage(): PdfPage {
  const figures = (values: string[], y: number) => values.flatMap((v, i) => (v ? [run(v, FIGURE_XS[i]! + 16, y, 10.5)] : []));
  return a4Page(
    [
      centred('沭阳县发展和改革局', 760, 22),
      centred('2023年政府信息公开工作年度报告', 728, 22),
      run('本年度报告根据《中华人民共和国政府信息公开条例》要求编', LEFT + 32, 680),
      run('制，所列数据的统计期限自2023年1月1日起至12月31日止。', LEFT, 652),
      run('三、收到和处理政府信息公开申请情况', LEFT + 32, 620),
      // The label wraps inside its cell; its figures stand at the height of the cell's middle.
      run('一、本年新收政府信息', 90, 580, 10.5),
      run('公开申请数量', 90, 566, 10.5),
      ...figures(['5', '1', '', '0', '0', '0', '6'], 573),
      run('二、上年结转政府信息公开申请数量', 84, 533, 10.5),
      ...figures(['0', '0', '0', '0', '0', '0', '0'], 533),
      run('- 1 -', 285, 50, 14),
    ],
    grid([80, ...FIGURE_XS], [596, 556, 516]),
  );
}

describe('parsePdfPages', () => {
  it('reads a wrapped row label as one cell, with its figures and the blank between them', () => {
    const result = readPages([reportPage()]);
    expect(result.report.applications.newReceived).toEqual({ naturalPerson: 5, commercial: 1, research: null, publicInterest: 0, legalService: 0, other: 0, total: 6 });
    expect(result.report.applications.carriedOver?.total).toBe(0);
    expect(result.report.meta).toMatchObject({ sourceFormat: 'pdf', title: '沭阳县发展和改革局2023年政府信息公开工作年度报告', agency: '沭阳县发展和改革局', year: 2023 });
  });

  it('joins the lines of a paragraph and leaves the page number out', () => {
    const result = readPages([reportPage()]);
    expect(result.report.sections.preamble).toBe('本年度报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据的统计期限自2023年1月1日起至12月31日止。');
    expect(JSON.stringify(result.report.sections)).not.toContain('- 1 -');
  });

  it('tells paragraphs apart by the space between them, however widely a page spaces its lines', () => {
    // A web page printed to PDF: 12-point text 35 points apart, no indent, more space between paragraphs.
    const line = (text: string, y: number) => run(text, LEFT, y, 12);
    const result = readPages([
      a4Page([line('一、总体情况', 760), line('第一段第一行，排满到右边距的文字排满到右边距的文字排满到右边距的文字排满到右边距', 725), line('第一段第二行。', 690), line('第二段第一行，排满到右边距的文字排满到右边距的文字排满到右边距的文字排满到右边距', 640), line('第二段第二行。', 605)]),
    ]);
    expect(result.report.sections.overview?.split('\n')).toEqual(['第一段第一行，排满到右边距的文字排满到右边距的文字排满到右边距的文字排满到右边距第一段第二行。', '第二段第一行，排满到右边距的文字排满到右边距的文字排满到右边距的文字排满到右边距第二段第二行。']);
  });

  it('says so when the text is glyph numbers, not characters (a font without a character map)', () => {
    const page = reportPage();
    const garbled = { ...page, texts: page.texts.map((t) => ({ ...t, text: [...t.text].map((ch, i) => (/\d/.test(ch) ? ch : String.fromCharCode(0xe000 + i))).join('') })) };
    const result = parsePdfPages([garbled]);
    expect(result.ok || result.error.code).toBe('noText');
    expect(result.ok || result.error.messageZh).toMatch(/文字无法识别的 PDF（字体没有字符映射，\d+ 个字符中 \d+ 个无法识别）/);
    expect(parsePdfPages([page]).ok).toBe(true);
  });

  it('says a PDF with no text is a scan, in Chinese and English', () => {
    const scan = a4Page([run('1', 290, 50)]);
    const result = parsePdfPages([scan, scan]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('noText');
    expect(result.error.messageZh).toContain('扫描件/图片 PDF，没有可提取的文字（2 页，2 个字符）');
    expect(result.error.message).toContain('scanned or image-only PDF');
  });

  it('reads a line of 200,000 runs, which overflowed Math.max(...runs), and one of 200,000 figures set apart, which overflowed push(...cells)', () => {
    const page = a4Page(Array.from({ length: 200_000 }, (_, i) => run('字', i * 0.001, 700, 1)));
    expect(parsePdfPages([page])).toMatchObject({ ok: false, error: { code: 'notAReport' } });
    // Each figure a column of its own: the line's cells are read as lines of their own (a region in columns with fewer than three rows of figures).
    const figures: PdfPage = { ...page, texts: Array.from({ length: 200_000 }, (_, i) => run('1', i * 20, 700, 10)) };
    expect(parsePdfPages([figures])).toMatchObject({ ok: false, error: { code: 'notAReport' } });
  });

  it('reads 200,000 runs in one table cell without copying the runs already in the cell for each one', () => {
    const page = reportPage();
    page.texts = page.texts.concat(Array.from({ length: 200_000 }, () => run('1', 90, 533, 10.5)));
    expect(parsePdfPages([page]).ok).toBe(true);
  });
});

