import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport, type GeneratedLayout } from '../generate/report.js';
import { APPLICANT_COLUMNS, REVIEW_FIELDS } from '../ids.js';
import { interpretDocument } from '../interpret/index.js';
import { reportTables, resolveBinding } from '../layouts/index.js';
import type { Report } from '../model.js';
import { readGluedText } from './read.js';
import { writeGlued } from './write.js';

/** A generated report whose table-三 row totals and table-四 group totals add up, as a real report's do. */
function consistentReport(seed: number, layout: GeneratedLayout): Report {
  const report = generateReport(seed, { layout, blanks: false });
  const sum = (row: Record<string, number | null>, keys: readonly string[]) => keys.reduce((s, k) => s + (row[k] ?? 0), 0);
  for (const row of Object.values(report.applications)) row.total = sum(row, APPLICANT_COLUMNS.slice(0, 6));
  for (const group of Object.values(report.reviewLitigation)) group.total = sum(group, REVIEW_FIELDS.slice(0, 4));
  return report;
}

/** The finding key that covers a model path: `applications.granted.total` → `applications.granted`. */
function findingKey(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'reviewLitigation') return 'reviewLitigation';
  if (parts[0] === 'legacy') return path;
  return parts.slice(0, -1).join('.');
}

/** Every figure read back from the glued text: equal, or blank with a finding about its row. Never different. */
function compare(report: Report) {
  const reading = readGluedText(writeGlued(report));
  if (!reading) throw new Error('the glued text was not recognised');
  const back = interpretDocument(reading.document).report;
  const blamed = new Set(reading.findings.filter((f) => f.rule === 'reader.gluedDigits').map((f) => f.message.split(':')[0]));
  let recovered = 0;
  let blank = 0;
  for (const grid of reportTables(report))
    for (const row of grid.rows)
      for (const cell of row) {
        if (cell.kind !== 'value') continue;
        const want = resolveBinding(report, cell.path).value;
        const got = resolveBinding(back, cell.path).value;
        if (got === null) {
          expect(blamed, `${cell.path} is blank without a finding`).toContain(findingKey(cell.path));
          blank++;
        } else {
          expect(got, cell.path).toBe(want);
          recovered++;
        }
      }
  return { recovered, blank };
}

const layouts = fc.constantFrom<GeneratedLayout>('2019', '2021', 'mixed', 'legacy');

describe('generate → writeGlued → readGluedText', () => {
  it('gives back every figure, or a blank with a finding, never a different figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), layouts, (seed, layout) => {
        compare(consistentReport(seed, layout));
      }),
      { numRuns: 40 },
    );
  });

  it('recovers most of tables 三 and 四 by their arithmetic', () => {
    const { recovered, blank } = compare(consistentReport(7, '2021'));
    expect(recovered).toBeGreaterThan(blank);
  });
});
