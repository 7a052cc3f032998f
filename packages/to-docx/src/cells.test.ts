import { describe, expect, it } from 'vitest';
import { newCell, reusedCell, type CellContent } from './cells.js';

const cell: CellContent = { text: '0', style: 'rc-table-center', keepNext: false, columnSpan: 1, rowSpan: 1, width: 1946 };

describe('reusedCell', () => {
  it('gives the same cell for the same content, in this report or the next', () => {
    expect(reusedCell({ ...cell })).toBe(reusedCell({ ...cell }));
  });

  it('gives another cell when anything it is written with differs', () => {
    const others: Partial<CellContent>[] = [{ text: '1' }, { style: 'rc-table' }, { keepNext: true }, { columnSpan: 2 }, { rowSpan: 2 }, { width: 3008 }];
    const cells = others.map((other) => reusedCell({ ...cell, ...other }));
    expect(new Set([reusedCell(cell), ...cells]).size).toBe(others.length + 1);
  });

  it('builds a new cell each time with newCell, the plain docx path the pack test compares against', () => {
    expect(newCell(cell)).not.toBe(newCell(cell));
  });
});
