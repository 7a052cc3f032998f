import { describe, expect, it } from 'vitest';
import { emptyReport } from '../model.js';
import { activeDisclosureGrid, applicationsGrid, extraRowsGrid, EXTRA_ROW_FIGURES, keepWithNextRows, labelLines, legacyGrid, placeCells, reviewLitigationGrid } from './index.js';

describe('official grids', () => {
  it('table 三 has 10 columns, a 3-row header and 三、本年度办理结果 spanning 20 or 22 rows', () => {
    for (const [layout, span, rows] of [['2019', 20, 26], ['2021', 22, 28]] as const) {
      const grid = applicationsGrid(layout);
      const placed = placeCells(grid);
      expect(grid.rows.length).toBe(rows);
      expect(placed.find((p) => p.cell.kind === 'label' && p.cell.text === '三、本年度办理结果')?.rowSpan).toBe(span);
      expect(placed.filter((p) => p.cell.kind === 'value')).toHaveLength((rows - 3) * 7);
      const group3 = placed.find((p) => p.cell.kind === 'label' && p.cell.text === '（三）不予公开');
      expect(group3).toMatchObject({ rowSpan: 8, col: 1 });
    }
  });

  it('table 四 tiles 15 columns with 15 bound figures', () => {
    const placed = placeCells(reviewLitigationGrid());
    expect(placed.filter((p) => p.cell.kind === 'value').map((p) => p.col)).toEqual([...Array(15).keys()]);
  });

  it('table 二 uses 5 columns in 2019, 4 in 2021, and 5 with each block in its own layout when mixed', () => {
    expect(activeDisclosureGrid({ regulations: '2019', fees: '2019' }).columnWidths).toHaveLength(5);
    expect(activeDisclosureGrid({ regulations: '2021', licensing: '2021' }).columnWidths).toHaveLength(4);
    const mixed = activeDisclosureGrid({ regulations: '2019', normativeDocuments: '2019', licensing: '2021', fees: '2021' });
    const placed = placeCells(mixed);
    const labels = placed.filter((p) => p.cell.kind === 'label').map((p) => (p.cell.kind === 'label' ? p.cell.text : ''));
    expect(labels).toContain('本年新制作数量');
    expect(labels).toContain('本年收费金额（单位：万元）');
    expect(placed.find((p) => p.cell.kind === 'value' && p.cell.path === 'activeDisclosure.licensing.decisions')?.colSpan).toBe(4);
  });

  it('legacy sheet binds all 58 rows and grows a 历年累计 column only when the source had one', () => {
    const plain = placeCells(legacyGrid({ extraRows: [] }));
    expect(plain.filter((p) => p.cell.kind === 'value')).toHaveLength(58);
    const cumulative = legacyGrid({ legacyCumulative: { 'requests.received': 3 }, extraRows: [] });
    expect(cumulative.columnWidths).toHaveLength(4);
  });

  it('keeps each block of table 二 on one page, and a legacy group heading with the row below', () => {
    const active = activeDisclosureGrid({ regulations: '2019', normativeDocuments: '2019', licensing: '2019' });
    const labelOf = (grid: typeof active, r: number) => placeCells(grid).find((p) => p.row === r && p.col === 0)!.cell;
    const kept = keepWithNextRows(active).flatMap((keep, r) => (keep ? [labelOf(active, r)] : []));
    expect(kept.map((c) => (c.kind === 'label' ? c.text : c.path))).toEqual(['第二十条第（一）项', '信息内容', '规章', '第二十条第（五）项', '信息内容']); // all but a block's last row
    const legacy = legacyGrid({ extraRows: [] });
    expect(keepWithNextRows(legacy)[0]).toBe(false); // the header repeats on every page instead
    expect(keepWithNextRows(legacy).filter(Boolean).length).toBe(legacy.rows.filter((row) => row.length === 1).length);
  });

  it('keeps the rows under a label spanning them on one page, but not those of a label over other such labels', () => {
    for (const layout of ['2019', '2021'] as const) {
      const grid = applicationsGrid(layout);
      const placed = placeCells(grid);
      const keep = keepWithNextRows(grid);
      const kept = (label: string) => {
        const group = placed.find((p) => p.cell.kind === 'label' && p.cell.text === label)!;
        return keep.slice(group.row, group.row + group.rowSpan);
      };
      expect(kept('（三）不予公开')).toEqual([...Array(7).fill(true), false]);
      expect(kept('（五）不予处理')).toEqual([true, true, true, true, false]);
      expect(kept('三、本年度办理结果').filter(Boolean)).toHaveLength(layout === '2021' ? 7 + 2 + 4 + 2 : 7 + 2 + 4);
    }
  });

  it('gives a group of table 三 room for its name on a line after the numbering, as the official form does', () => {
    const grid = applicationsGrid('2021');
    const share = (col: number) => grid.columnWidths[col]! / grid.columnWidths.reduce((a, b) => a + b, 0);
    // At 10.5 pt across the 156 mm (442 pt) of A4 our margins leave, with 3 pt padding each side.
    expect(share(1) * 442 - 6).toBeGreaterThanOrEqual(4 * 10.5);
    expect(share(0) * 442 - 6).toBeGreaterThanOrEqual(3 * 10.5); // 三、本/年度办/理结果
  });
});

describe('labelLines', () => {
  const fits = (chars: number) => (line: string) => [...line].length <= chars;

  it('breaks after a bracketed numbering when the words after it then fit a line', () => {
    expect(labelLines('（三）不予公开', fits(5))).toEqual(['（三）', '不予公开']);
    expect(labelLines('（六）其他处理', fits(4))).toEqual(['（六）', '其他处理']);
  });

  it('breaks before the last two characters when the last line would hold two or fewer', () => {
    expect(labelLines('2.其他法律行政法规禁止公开', fits(13))).toEqual(['2.其他法律行政法规禁止', '公开']);
    expect(labelLines('2.其他法律行政法规禁止公开', fits(12))).toEqual(['2.其他法律行政法规禁止', '公开']);
    expect(labelLines('（三）不予公开', fits(3))).toEqual(['（三）不予', '公开']); // then wrapped: （三）/不予/公开
  });

  it('leaves a label that fits, or whose last line holds three or more, or that no break betters, for the writer to wrap', () => {
    expect(labelLines('（三）不予公开', fits(7))).toEqual(['（三）不予公开']);
    expect(labelLines('2.其他法律行政法规禁止公开', fits(11))).toEqual(['2.其他法律行政法规禁止公开']);
    expect(labelLines('自然人', fits(2))).toEqual(['自然人']); // 自/然人 is no better
    expect(labelLines('部分公开（不计其他情形）', fits(11))).toEqual(['部分公开（不计其他情形）']); // not a closing mark
    expect(labelLines('申请内容（区分', fits(6))).toEqual(['申请内容（区分']); // nor a line ending （
    expect(labelLines('合计12345', fits(6))).toEqual(['合计12345']);
  });
});

describe('the grid of unrecognised rows', () => {
  const row = (label: string, n: number) => ({ table: 'applications' as const, label, unit: null, values: Array.from({ length: n }, (_, i) => String(i)), position: { line: 1, column: 1 } });

  it('puts a row longer than the widest printed row over the lines below it, its label and unit spanning them, every figure once and in order', () => {
    const report = { ...emptyReport(), extraRows: [row('甲', 3), row('乙', 23)] };
    const placed = placeCells(extraRowsGrid(report)!);
    const figures = (i: number) => placed.filter((p) => p.cell.kind === 'value' && p.cell.path.startsWith(`extraRows.${i}.`));
    expect(figures(1).map((p) => (p.cell as { path: string }).path)).toEqual(Array.from({ length: 30 }, (_, j) => `extraRows.1.values.${j}`));
    expect(figures(1).map((p) => p.col)).toEqual(Array.from({ length: 30 }, (_, j) => 2 + (j % EXTRA_ROW_FIGURES)));
    expect(placed.find((p) => p.cell.kind === 'label' && p.cell.text === '乙')?.rowSpan).toBe(3);
    expect(figures(0)).toHaveLength(EXTRA_ROW_FIGURES);
  });

  it('grows with the figures, not with rows times the widest row: 1,000 rows and one of 5,000 figures', () => {
    const report = { ...emptyReport(), extraRows: [...Array.from({ length: 1000 }, (_, i) => row(`行${i}`, 7)), row('长', 5000)] };
    expect(placeCells(extraRowsGrid(report)!).length).toBeLessThan(20_000);
  });
});
