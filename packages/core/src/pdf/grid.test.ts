import { describe, expect, it } from 'vitest';
import { ruledTables } from './grid.js';
import type { PdfRule } from './page.js';

/** The four edges of a box, as a producer that strokes each cell's rectangle draws them. */
const box = (left: number, bottom: number, right: number, top: number): PdfRule[] => [
  { x1: left, y1: bottom, x2: right, y2: bottom },
  { x1: right, y1: bottom, x2: right, y2: top },
  { x1: right, y1: top, x2: left, y2: top },
  { x1: left, y1: top, x2: left, y2: bottom },
];

describe('ruledTables', () => {
  it('reads a header cell drawn across two columns as one cell spanning them', () => {
    // | 申请人情况 (two columns) |   over   | 自然人 | 法人 |
    const rules = [...box(100, 700, 300, 720), ...box(100, 680, 200, 700), ...box(200, 680, 300, 700)];
    const [table] = ruledTables(rules);
    expect(table!.xs).toEqual([100, 200, 300]);
    expect(table!.ys).toEqual([720, 700, 680]);
    expect(table!.cells.map(({ row, col, rowSpan, colSpan }) => [row, col, rowSpan, colSpan])).toEqual([
      [0, 0, 1, 2],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
    ]);
  });

  it('reads a label drawn down two rows as one cell spanning them', () => {
    const rules = [...box(100, 660, 150, 700), ...box(150, 680, 250, 700), ...box(150, 660, 250, 680)];
    const cells = ruledTables(rules)[0]!.cells;
    expect(cells.find((c) => c.col === 0)).toMatchObject({ row: 0, rowSpan: 2, colSpan: 1 });
  });

  it('keeps a border that producers draw in pieces whose positions differ in the last digits', () => {
    // LibreOffice and pdfkit draw each cell's border on its own; here x = 200 is 200.00001 in the middle rows.
    const rules: PdfRule[] = [];
    for (let r = 0; r < 6; r++) {
      const bottom = 600 + r * 20;
      const x = r === 2 || r === 3 ? 200.00001 : 200;
      rules.push(...box(100, bottom, x, bottom + 20), ...box(x, bottom, 300, bottom + 20));
    }
    const cells = ruledTables(rules)[0]!.cells;
    expect(cells).toHaveLength(12);
    expect(cells.every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
  });

  it('finds two tables where their borders do not touch, top one first', () => {
    const rules = [...box(100, 100, 200, 120), ...box(100, 80, 200, 100), ...box(100, 500, 200, 520), ...box(200, 500, 300, 520)];
    const tables = ruledTables(rules);
    expect(tables.map((t) => t.ys[0])).toEqual([520, 120]);
    expect(tables.map((t) => t.cells.length)).toEqual([2, 2]);
  });

  it('takes lone strokes (an underline, a rule under the title) for no table', () => {
    expect(ruledTables([{ x1: 100, y1: 700, x2: 500, y2: 700 }, { x1: 100, y1: 650, x2: 500, y2: 650 }])).toEqual([]);
  });

  it('takes a page ruled as graph paper (1,500 strokes each way) for no table, rather than working through its two million boxes', () => {
    const rules: PdfRule[] = [];
    for (let i = 0; i <= 1500; i++) rules.push({ x1: 0, y1: i * 3, x2: 4500, y2: i * 3 }, { x1: i * 3, y1: 0, x2: i * 3, y2: 4500 });
    expect(ruledTables(rules)).toEqual([]);
  });

  it('reads a table of 200 × 200 boxes, each found among the strokes near its borders only', () => {
    const rules: PdfRule[] = [];
    for (let i = 0; i <= 200; i++) rules.push({ x1: 0, y1: i * 10, x2: 2000, y2: i * 10 }, { x1: i * 10, y1: 0, x2: i * 10, y2: 2000 });
    expect(ruledTables(rules)[0]!.cells).toHaveLength(40_000);
  });

  it('ignores a stroke with NaN or infinite ends, which would defeat sorting the borders', () => {
    const rules = [...box(100, 700, 200, 720), ...box(200, 700, 300, 720)];
    const odd = [{ x1: NaN, y1: 710, x2: 250, y2: 710 }, { x1: 150, y1: Infinity, x2: 150, y2: 650 }];
    expect(ruledTables([...odd, ...rules])).toEqual(ruledTables(rules));
  });
});

