import { describe, expect, it } from 'vitest';
import type { SourceCell, TableBlock } from '../ast.js';
import { emptyReport } from '../model.js';
import { readActiveDisclosure } from './activeDisclosure.js';
import { readApplications } from './applications.js';
import type { Context } from './context.js';
import { readReviewLitigation } from './reviewLitigation.js';
import { tokens } from './stream.js';

const cell = (text: string, line: number, unplaced = false): SourceCell => ({ text, colSpan: 1, rowSpan: 1, position: { line, column: 1 }, ...(unplaced && { unplaced: true }) });
const table = (...rows: SourceCell[][]): TableBlock => ({ kind: 'table', rows, blanksAreCells: false, blanksVanish: true, position: { line: 1, column: 1 } });
const context = (): Context => ({ report: emptyReport(), findings: [] });

describe('a row label marked unplaced', () => {
  it('keeps its row, blank, with no reader.cellCount of its own (its reader has said why); an unmarked one short of figures has one', () => {
    for (const unplaced of [true, false]) {
      const ctx = context();
      expect(readApplications(ctx, tokens([table([cell('本年新收政府信息公开申请数量', 2, unplaced), cell('3', 3)])]))).toBe(true);
      expect(readActiveDisclosure(ctx, tokens([table([cell('规章', 4, unplaced), cell('1', 5)])]))).toBe(true);
      expect(readReviewLitigation(ctx, tokens([table([cell('行政复议', 6, unplaced), cell('2', 7)])]))).toBe(true);
      expect(ctx.report.applications.newReceived).toMatchObject({ naturalPerson: null });
      const counts = ctx.findings.filter((f) => f.rule === 'reader.cellCount').map((f) => f.table);
      expect(counts).toEqual(unplaced ? [] : ['applications', 'activeDisclosure', 'reviewLitigation']);
    }
  });
});
