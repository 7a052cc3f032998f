import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicationRows, LEGACY_ROWS, SECTION_HEADINGS, TABLE3_NOTE } from '../ids.js';
import { readGluedText } from './read.js';

/** Pieces real glued lines are made of, in any order: headings, table labels, units, digit runs, marks. */
const piece = fc.oneof(
  fc.constantFrom(...Object.values(SECTION_HEADINGS), TABLE3_NOTE, '第二十条第（一）项', '规章', '行政规范性文件', '行政许可', '统计指标', '历年累计', '件', '（三）不予公开'),
  fc.constantFrom(...applicationRows('2021').map((r) => r.label), ...LEGACY_ROWS.slice(0, 20).map((r) => r.label)),
  fc.stringMatching(/^[0-9]{1,60}$/),
  fc.constantFrom('.', '、', ' ', '/', '—', '+3', '-2', '12.5', '\n', '。'),
);

const NARRATIVE = '本报告根据《中华人民共和国政府信息公开条例》编制，所列数据统计期限为本年1月1日至12月31日。'.repeat(5);

describe('readGluedText on arbitrary glued lines', () => {
  it('never throws, and every cell and paragraph it returns is the source text at its position', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 20, maxLength: 120 }), (pieces) => {
        const text = `${NARRATIVE}规章000行政许可12国家秘密4000004${pieces.join('')}`;
        const reading = readGluedText(text)!;
        const lines = text.split('\n');
        for (const block of reading.document.blocks) {
          const items = block.kind === 'paragraph' ? [block] : block.rows.flat().filter((c) => c.text);
          for (const { text: cell, position } of items) expect(lines[position.line - 1]!.slice(position.column - 1, position.column - 1 + cell.length)).toBe(cell);
        }
        for (const finding of reading.findings) expect(finding.message).toMatch(/^[a-zA-Z.]+: the digits \S+ split into \d+ cells in \d+ ways$/);
      }),
      { numRuns: 150 },
    );
  });
});
