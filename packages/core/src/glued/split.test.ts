import { describe, expect, it } from 'vitest';
import { splitRun, type CellKind } from './split.js';

const counts = (n: number): CellKind[] => Array.from({ length: n }, () => 'count');
const row三 = { cells: counts(7), sums: [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }] };
const table四 = { cells: counts(15), sums: [0, 5, 10].map((s) => ({ total: s + 4, parts: [s, s + 1, s + 2, s + 3] })) };

describe('splitRun', () => {
  it('finds the one split of a table-三 row that adds up (07-pingtan)', () => {
    expect(splitRun({ text: '21710000218', ...row三 })).toEqual({ count: 1, candidates: [['217', '1', '0', '0', '0', '0', '218']] });
    expect(splitRun({ text: '3200000326'.slice(0, -1), ...row三 })).toEqual({ count: 1, candidates: [['32', '0', '0', '0', '0', '0', '32']] });
  });

  it('finds the one split of table 四 where each group total is the sum of four results', () => {
    const result = splitRun({ text: '21317000001324019', ...table四 });
    expect(result.candidates).toEqual([['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19']]);
    expect(result.count).toBe(1);
  });

  it('counts every split where nothing constrains the cells', () => {
    const result = splitRun({ text: '6233440', cells: counts(3) });
    expect(result.count).toBe(15);
    expect(result.candidates).toContainEqual(['62', '33', '440']);
    expect(splitRun({ text: '000', cells: counts(3) }).candidates).toEqual([['0', '0', '0']]);
  });

  it('refuses leading zeros, and keeps decimals and signs to the cells that may hold them', () => {
    expect(splitRun({ text: '0012', cells: counts(2) }).count).toBe(0);
    expect(splitRun({ text: '18651.06', cells: ['decimal'] }).candidates).toEqual([['18651.06']]);
    expect(splitRun({ text: '18651.06', cells: ['count'] }).count).toBe(0);
    expect(splitRun({ text: '12+3', cells: ['count', 'signed'] }).candidates).toEqual([['12', '+3']]);
  });

  it('says when no split fits', () => {
    expect(splitRun({ text: '1234567', ...row三 })).toEqual({ count: 0, candidates: [] });
  });
});
