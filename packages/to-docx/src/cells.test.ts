import { describe, expect, it } from 'vitest';
import { CELLS_KEPT, newCell, reusedCell, type CellContent } from './cells.js';

const cell: CellContent = { lines: ['0'], style: 'rc-table-center', keepNext: false, columnSpan: 1, rowSpan: 1, width: 1946 };

describe('reusedCell', () => {
  it('gives the same cell for the same content, in this report or the next', () => {
    expect(reusedCell({ ...cell })).toBe(reusedCell({ ...cell }));
  });

  it('gives another cell when anything it is written with differs', () => {
    const others: Partial<CellContent>[] = [{ lines: ['1'] }, { lines: ['0', '1'] }, { style: 'rc-table' }, { keepNext: true }, { columnSpan: 2 }, { rowSpan: 2 }, { width: 3008 }];
    const cells = others.map((other) => reusedCell({ ...cell, ...other }));
    expect(new Set([reusedCell(cell), ...cells]).size).toBe(others.length + 1);
  });

  it('keeps the cells used lately beyond CELLS_KEPT, and builds the least recently used anew', () => {
    const label = reusedCell({ ...cell, lines: ['本年新收政府信息公开申请数量'] });
    const rare = reusedCell({ ...cell, lines: ['987654'] });
    for (let i = 0; i < CELLS_KEPT; i++) {
      reusedCell({ ...cell, lines: [`figure ${i}`] });
      if (i % 100 === 0) expect(reusedCell({ ...cell, lines: ['本年新收政府信息公开申请数量'] })).toBe(label); // used by every report
    }
    expect(reusedCell({ ...cell, lines: ['本年新收政府信息公开申请数量'] })).toBe(label);
    expect(reusedCell({ ...cell, lines: ['987654'] })).not.toBe(rare);
  });

  it('builds a new cell each time with newCell, the plain docx path the pack test compares against', () => {
    expect(newCell(cell)).not.toBe(newCell(cell));
  });
});
