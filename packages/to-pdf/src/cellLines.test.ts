import { describe, expect, it } from 'vitest';
import { CELLS_KEPT, cellLines } from './cellLines.js';
import { loadFont } from './drawingFont.js';
import { DEFAULT_FONT } from './fonts.js';
import { wrapLines } from './linebreak.js';

const font = loadFont(DEFAULT_FONT);
const measure = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 5 : 10), 0);

describe('cellLines', () => {
  it('wraps as wrapLines does, leaving no character alone on the last line, and measures each line', () => {
    const text = '依申请公开政府信息（不含本机关主动公开），其他处理';
    const { lines, widths } = cellLines(font, 10.5, 60, text, measure);
    expect(wrapLines(text, 60, measure).slice(-2)).toEqual(['开），其他处', '理']);
    expect(lines).toEqual([...wrapLines(text, 60, measure).slice(0, -2), '开），其他', '处理']);
    expect(widths).toEqual(lines.map(measure));
  });

  it('breaks after a bracketed numbering where the words after it then fit a line', () => {
    expect(cellLines(font, 10.5, 50, '（三）不予公开', measure).lines).toEqual(['（三）', '不予公开']);
  });

  it('remembers a cell by its size, room and text, and wraps it again when one differs', () => {
    let calls = 0;
    const counted = (s: string) => (calls++, measure(s));
    const first = cellLines(font, 10.5, 80, '本年新收政府信息公开申请数量', counted);
    const after = calls;
    expect(cellLines(font, 10.5, 80, '本年新收政府信息公开申请数量', counted)).toBe(first);
    expect(calls).toBe(after);
    expect(cellLines(font, 10.5, 40, '本年新收政府信息公开申请数量', counted).lines.length).toBeGreaterThan(first.lines.length);
    expect(cellLines(font, 8, 80, '本年新收政府信息公开申请数量', counted)).not.toBe(first);
  });

  it(`keeps at most ${CELLS_KEPT} cells, then starts afresh`, () => {
    const first = cellLines(font, 9, 100, 'cell 0', measure);
    expect(cellLines(font, 9, 100, 'cell 0', measure)).toBe(first);
    for (let i = 1; i <= CELLS_KEPT; i++) cellLines(font, 9, 100, `cell ${i}`, measure);
    expect(cellLines(font, 9, 100, 'cell 0', measure)).not.toBe(first);
  });
});
