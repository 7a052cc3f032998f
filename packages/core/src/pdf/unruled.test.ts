import { describe, expect, it } from 'vitest';
import { parsePdfPages } from './index.js';
import type { PdfPage } from './page.js';
import { run } from '../test-support/pdfPages.js';

const FIGURE_XS = [300, 340, 380, 420, 460, 500, 540];
/** A row of a table printed without ruled lines: the label at the margin, each figure at its column, a blank printing nothing. */
const unruledRow = (label: string, figures: string[], y: number) => [run(label, 80, y, 10.5), ...figures.flatMap((f, i) => (f ? [run(f, FIGURE_XS[i]!, y, 10.5)] : []))];

describe('a table printed without ruled lines', () => {
  it('is a finding naming its page, and none of its figures is read into a cell', () => {
    const page: PdfPage = {
      width: 595,
      height: 842,
      texts: [
        run('测试县2023年政府信息公开工作年度报告', 120, 780),
        run('三、收到和处理政府信息公开申请情况', 112, 740),
        ...unruledRow('一、本年新收政府信息公开申请数量', ['5', '', '1', '0', '0', '0', '6'], 700),
        ...unruledRow('二、上年结转政府信息公开申请数量', ['2', '0', '0', '0', '', '0', '2'], 680),
        ...unruledRow('（一）予以公开', ['3', '', '', '', '', '', '3'], 660),
      ],
      // 三线表: rules above and below, no vertical ones, so no box
      rules: [
        { x1: 80, y1: 720, x2: 560, y2: 720 },
        { x1: 80, y1: 650, x2: 560, y2: 650 },
      ],
    };
    const result = parsePdfPages([page]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.findings.find((f) => f.rule === 'reader.unruledTable')).toMatchObject({ severity: 'warning', details: { page: 1 } });
    expect(result.findings.find((f) => f.rule === 'reader.unruledTable')?.messageZh).toContain('第 1 页的表格没有框线');
    expect(Object.values(result.report.applications).flatMap((row) => Object.values(row ?? {})).filter((v) => v !== null)).toEqual([]);
  });

  it('reads lines in two columns of text (a sheet of 标题 | text) column by column, not as one run-on paragraph', () => {
    const full = '政策解读形式仍需创新，公开内容有待进一步充实，政策解读形式仍需';
    const page: PdfPage = {
      width: 595,
      height: 842,
      texts: [
        run('标题', 60, 780, 12), run('测试县2023年政府信息公开工作年度报告', 160, 780, 12),
        run('前言', 60, 760, 12), run(full, 160, 760, 12),
        run('一、总体情况', 60, 740, 12), run(full, 160, 740, 12),
        run('二、主动公开政府信息情况', 60, 720, 12),
      ],
      rules: [],
    };
    const result = parsePdfPages([page]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.sections.overview).toBe(full);
    expect(result.findings.map((f) => f.rule)).not.toContain('reader.unruledTable');
  });
});
