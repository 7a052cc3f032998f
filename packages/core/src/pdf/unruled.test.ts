import { describe, expect, it } from 'vitest';
import { a4Page, readPages, run, widthOf } from '../test-support/pdfPages.js';

const FIGURE_XS = [300, 340, 380, 420, 460, 500, 540];
/** A row of a table printed without ruled lines: the label at the margin, each figure at its column, a blank printing nothing. */
const unruledRow = (label: string, figures: string[], y: number) => [run(label, 80, y, 10.5), ...figures.flatMap((f, i) => (f ? [run(f, FIGURE_XS[i]!, y, 10.5)] : []))];

describe('a table printed without ruled lines', () => {
  it('is a finding naming its page, and none of its figures is read into a cell', () => {
    const result = readPages([
      a4Page(
        [
          run('测试县2023年政府信息公开工作年度报告', 120, 780),
          run('三、收到和处理政府信息公开申请情况', 112, 740),
          ...unruledRow('一、本年新收政府信息公开申请数量', ['5', '', '1', '0', '0', '0', '6'], 700),
          ...unruledRow('二、上年结转政府信息公开申请数量', ['2', '0', '0', '0', '', '0', '2'], 680),
          ...unruledRow('（一）予以公开', ['3', '', '', '', '', '', '3'], 660),
        ],
        // 三线表: rules above and below, no vertical ones, so no box
        [
          { x1: 80, y1: 720, x2: 560, y2: 720 },
          { x1: 80, y1: 650, x2: 560, y2: 650 },
        ],
      ),
    ]);
    expect(result.findings.find((f) => f.rule === 'reader.unruledTable')).toMatchObject({ severity: 'warning', details: { page: 1 } });
    expect(result.findings.find((f) => f.rule === 'reader.unruledTable')?.messageZh).toContain('第 1 页的表格没有框线');
    expect(Object.values(result.report.applications).flatMap((row) => Object.values(row ?? {})).filter((v) => v !== null)).toEqual([]);
  });

  it('reads lines in two columns of text (a sheet of 标题 | text) column by column, not as one run-on paragraph', () => {
    const full = '政策解读形式仍需创新，公开内容有待进一步充实，政策解读形式仍需';
    const result = readPages([
      a4Page([
        run('标题', 60, 780, 12), run('测试县2023年政府信息公开工作年度报告', 160, 780, 12),
        run('前言', 60, 760, 12), run(full, 160, 760, 12),
        run('一、总体情况', 60, 740, 12), run(full, 160, 740, 12),
        run('二、主动公开政府信息情况', 60, 720, 12),
      ]),
    ]);
    expect(result.report.sections.overview).toBe(full);
    expect(result.findings.map((f) => f.rule)).not.toContain('reader.unruledTable');
  });
});

describe('a line set with wide letter spacing', () => {
  it('reads a heading and a 落款 agency line (a run per character, two font sizes apart) whole, not a character per line', () => {
    /** Each character its own run, `gap` font sizes after the one before (分散对齐); `right` puts the last one's end there. */
    const letterSpaced = (text: string, y: number, gap: number, at: { left: number } | { right: number }) => {
      const step = 16 * (1 + gap);
      const left = 'left' in at ? at.left : at.right - widthOf(text, 16) - ([...text].length - 1) * 16 * gap;
      return [...text].map((ch, i) => run(ch, left + i * step, y));
    };
    const result = readPages([
      a4Page([
        run('测试县2023年政府信息公开工作年度报告', 120, 780),
        run('一、总体情况', 80, 740),
        run('本年度报告根据条例要求编制，所列数据的统计期限自1月1日起至12月31日止。', 80, 712),
        ...letterSpaced('政策解读', 680, 2, { left: 240 }),
        run('本年度发布政策解读稿件十篇。', 112, 650),
        ...letterSpaced('测试县人民政府办公室', 560, 1.6, { right: 544 }),
        run('2024年1月15日', 440, 530),
      ]),
    ]);
    expect(result.report.sections.overview).toBe('本年度报告根据条例要求编制，所列数据的统计期限自1月1日起至12月31日止。\n政策解读\n本年度发布政策解读稿件十篇。');
    expect(result.report.sections.signature).toBe('测试县人民政府办公室\n2024年1月15日');
    expect(result.findings.map((f) => f.rule)).not.toContain('reader.unruledTable');
  });
});
