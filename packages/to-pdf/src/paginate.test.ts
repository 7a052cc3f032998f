import { describe, expect, it } from 'vitest';
import { paginateRows } from './paginate.js';

const page = { pageTop: 100, pageBottom: 500 };
const rowsOf = (pages: { rows: number[] }[]) => pages.map((p) => p.rows);

describe('paginateRows', () => {
  it('repeats the header rows on every page and never splits a row', () => {
    const heights = [20, 20, ...Array(30).fill(30)];
    const pages = paginateRows({ heights, keepTogether: heights, headerRows: 2, startY: 100, ...page });
    for (const p of pages) {
      expect(p.rows.slice(0, 2)).toEqual([0, 1]);
      expect(p.top + p.rows.reduce((sum, r) => sum + heights[r]!, 0)).toBeLessThanOrEqual(page.pageBottom);
    }
    expect(pages.flatMap((p) => p.rows.slice(2))).toEqual([...Array(30).keys()].map((r) => r + 2));
  });

  it('moves a row-spanning label to the next page when the rows it needs would cross the bottom', () => {
    // Row 2 starts a label that needs rows 2 and 3 (60 pt); only 50 pt are left under row 1.
    const heights = [20, 30, 30, 30, 30];
    const keepTogether = [20, 30, 60, 30, 30];
    const pages = paginateRows({ heights, keepTogether, headerRows: 1, startY: 400, ...page });
    expect(rowsOf(pages)).toEqual([[0, 1], [0, 2, 3, 4]]);
  });

  it('splits a block taller than a page rather than looping', () => {
    const heights = [20, 100, 100, 100, 100, 100];
    const keepTogether = [20, 1000, 100, 100, 100, 100];
    const pages = paginateRows({ heights, keepTogether, headerRows: 1, startY: 100, ...page });
    expect(rowsOf(pages)).toEqual([[0, 1, 2, 3], [0, 4, 5]]);
  });

  it('starts the table on a new page when its header and first row, or the rows its label needs, do not fit', () => {
    expect(paginateRows({ heights: [40, 40, 40], keepTogether: [40, 40, 40], headerRows: 1, startY: 450, ...page })[0]!.top).toBe(100);
    expect(paginateRows({ heights: [40, 40, 40], keepTogether: [40, 80, 40], headerRows: 1, startY: 400, ...page })[0]!.top).toBe(100);
    expect(paginateRows({ heights: [40, 40, 40], keepTogether: [40, 40, 40], headerRows: 1, startY: 400, ...page })[0]!.top).toBe(400);
  });
});
