import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Report } from '../model.js';
import { generateReport } from '../generate/report.js';
import { writeReportAs } from '../generate/write.js';
import { inventedFigures } from '../test-support/mutations.js';
import { parsePdfPages } from './index.js';
import type { PdfPage, PdfRule, PdfText } from './page.js';

/** A generated report's lines and table rows, to be laid out on pages and then moved about. */
const lines = writeReportAs(generateReport(11, { layout: '2021' }), 'rowPerLine').split('\n').filter((l) => l.trim());
const pieces = lines.flatMap((l) => l.split('|')).map((p) => p.trim()).filter(Boolean);

const coordinate = fc.oneof({ weight: 8, arbitrary: fc.double({ min: -100, max: 900, noNaN: true }) }, fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324));
const size = fc.oneof({ weight: 8, arbitrary: fc.double({ min: 1, max: 40, noNaN: true }) }, fc.constantFrom(0, -12, NaN, Infinity, 1e6));
const text: fc.Arbitrary<PdfText> = fc.record({ text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pieces) }, fc.string()), x: coordinate, y: coordinate, width: fc.oneof(size, coordinate), size });
/** Strokes: lines of any length (zero too) at any angle, and whole ruled grids that may overlap. */
const rule: fc.Arbitrary<PdfRule> = fc.record({ x1: coordinate, y1: coordinate, x2: coordinate, y2: coordinate });
const grid = fc.record({ left: fc.integer({ min: -50, max: 600 }), top: fc.integer({ min: 0, max: 900 }), rows: fc.integer({ min: 1, max: 40 }), cols: fc.integer({ min: 1, max: 12 }), pitch: fc.double({ min: 0, max: 40, noNaN: true }) }).map(({ left, top, rows, cols, pitch }): PdfRule[] => [
  ...Array.from({ length: rows + 1 }, (_, r) => ({ x1: left, y1: top - r * pitch, x2: left + cols * pitch * 3, y2: top - r * pitch })),
  ...Array.from({ length: cols + 1 }, (_, c) => ({ x1: left + c * pitch * 3, y1: top, x2: left + c * pitch * 3, y2: top - rows * pitch })),
]);
/** The report laid out as a word processor prints it: 16-point paragraphs, table rows boxed in 24-point rows, 28 rows a page. */
const laidOut: PdfPage[] = [];
lines.forEach((line, i) => {
  if (i % 28 === 0) laidOut.push({ width: 595, height: 842, texts: [], rules: [] });
  const page = laidOut.at(-1)!;
  const top = 780 - (i % 28) * 24;
  if (!line.includes('|')) return void page.texts.push({ text: line, x: 80, y: top - 18, width: [...line].length * 16, size: 16 });
  const cells = line.split('|').map((c) => c.trim());
  const width = 460 / cells.length;
  cells.forEach((cell, k) => {
    const left = 80 + k * width;
    page.rules.push({ x1: left, y1: top, x2: left + width, y2: top }, { x1: left, y1: top - 24, x2: left + width, y2: top - 24 }, { x1: left, y1: top, x2: left, y2: top - 24 }, { x1: left + width, y1: top, x2: left + width, y2: top - 24 });
    if (cell) page.texts.push({ text: cell, x: left + 1, y: top - 16, width: Math.min(width - 2, [...cell].length * 10), size: 10 });
  });
});

/** Changes to the laid-out pages: a text moved, resized or replaced, strokes and grids drawn over, a page's size made odd. */
const change = fc.oneof(
  fc.record({ index: fc.nat(), text }).map(({ index, text }) => (pages: PdfPage[]) => {
    const all = pages.flatMap((p) => p.texts);
    Object.assign(all[index % all.length]!, pick(text, index));
  }),
  fc.record({ index: fc.nat(), rules: fc.tuple(fc.array(rule, { maxLength: 20 }), grid).map(([rules, grid]) => [...rules, ...grid]) }).map(({ index, rules }) => (pages: PdfPage[]) => void pages[index % pages.length]!.rules.push(...rules)),
  fc.record({ index: fc.nat(), width: size, height: size }).map(({ index, width, height }) => (pages: PdfPage[]) => void Object.assign(pages[index % pages.length]!, { width, height })),
  fc.record({ index: fc.nat(), texts: fc.array(text, { maxLength: 50 }) }).map(({ index, texts }) => (pages: PdfPage[]) => void pages[index % pages.length]!.texts.push(...texts)),
);
/** Some of a generated text's fields, chosen by the bits of `index`, so that most of a moved text stays sensible. */
const pick = (text: PdfText, index: number): Partial<PdfText> => Object.fromEntries(Object.entries(text).filter((_, bit) => (index >> bit) & 1));

describe('parsePdfPages on any positioned text and strokes', () => {
  it('returns a report or an input error, and every figure reads from its printed text: texts off the page, NaN and zero sizes, zero-length and overlapping rules', () => {
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 8 }), (changes) => {
        const pages = structuredClone(laidOut);
        for (const apply of changes) apply(pages);
        const result = parsePdfPages(pages);
        if (!result.ok) return;
        expect(Report.safeParse(result.report).success).toBe(true);
        expect(inventedFigures(result.report)).toEqual([]);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
