import { describe, expect, it } from 'vitest';
import { parsedCorpus } from '../test-support/corpus.js';
import { characterWidth, officeTextWidth, placeSignature, signatureLines } from './signature.js';

/** Where a placed line starts, counted in characters from the right edge of the type area. */
const start = (line: { text: string; rightIndent: number }) => line.rightIndent + characterWidth(line.text);

describe('placeSignature (GB/T 9704-2012 §7.3.5.2)', () => {
  it('sets a long agency name 右空二字 and starts the date two characters right of it', () => {
    const [agency, date] = placeSignature(['上海市人民政府办公厅信息公开办', '2020年1月31日']);
    expect(agency!.rightIndent).toBe(2);
    expect(start(date!)).toBe(start(agency!) - 2);
    expect(date!.rightIndent).toBeGreaterThan(2);
  });

  it('sets a date longer than the agency 右空二字 and moves the agency left to keep the two characters', () => {
    const [agency, date] = placeSignature(['区政府', '2025年12月20日']);
    expect(date!.rightIndent).toBe(2);
    expect(start(date!)).toBe(start(agency!) - 2);
    expect(agency!.rightIndent).toBeGreaterThan(2);
  });

  it('never brings the date within two characters of the edge (corpus signatures, the date nearly as long as the agency)', () => {
    const signed = parsedCorpus().filter(({ report }) => signatureLines(report).length >= 2);
    expect(signed.length).toBeGreaterThanOrEqual(3);
    for (const { name, report } of signed) {
      const lines = signatureLines(report);
      const placed = placeSignature(lines);
      expect(Math.min(...placed.map((l) => l.rightIndent)), name).toBeGreaterThanOrEqual(2);
      expect(start(placed.at(-1)!), name).toBe(start(placed.at(-2)!) - 2);
    }
  });

  it('gives joint agencies the indent of the one above the date, in Chinese numerals too', () => {
    const placed = placeSignature(['某某县财政局', '某某县人民政府办公室', '二〇二五年一月二十日']);
    expect(placed[0]!.rightIndent).toBe(placed[1]!.rightIndent);
    expect(start(placed[2]!)).toBe(start(placed[1]!) - 2);
  });

  it('sets a signature without a date, or a date alone, 右空二字', () => {
    expect(placeSignature(['某某县人民政府办公室'])).toEqual([{ text: '某某县人民政府办公室', rightIndent: 2 }]);
    expect(placeSignature(['2025年1月20日'])).toEqual([{ text: '2025年1月20日', rightIndent: 2 }]);
  });
});

describe('officeTextWidth', () => {
  it('adds a fifth of a character where Chinese meets a digit or Latin letter, as office suites set the text', () => {
    expect(officeTextWidth('沭阳县发展和改革局')).toBe(9);
    expect(officeTextWidth('2024年1月17日')).toBeCloseTo(6.5 + 5 * 0.2);
    expect(officeTextWidth('A局')).toBeCloseTo(1.7);
  });
});
