import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import type { Report } from '../model.js';
import { generateReport } from './report.js';
import { writeReportAs, type SourceStyle } from './write.js';

/** What must survive a write and a read: every figure, blank and layout, the meta and the narrative. */
const essence = (r: Report) => ({
  meta: { ...r.meta, sourceFormat: null },
  layouts: r.layouts,
  sections: r.sections,
  activeDisclosure: r.activeDisclosure,
  applications: r.applications,
  reviewLitigation: r.reviewLitigation,
  legacy: r.legacy,
});

describe('generate → write → parse gives back the same model', () => {
  const cases: [SourceStyle, boolean][] = [['cellPerLine', false], ['rowPerLine', false], ['tabbed', false], ['traditional', false], ['markdown', true], ['html', true]];
  for (const [style, blanks] of cases)
    it(`in the ${style} style${blanks ? ', blanks included' : ''}`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('2019', '2021', 'mixed', 'legacy') as fc.Arbitrary<'2019' | '2021' | 'mixed' | 'legacy'>, (seed, layout) => {
          const report = generateReport(seed, { layout, blanks });
          const source = writeReportAs(report, style);
          const result = parse(source);
          if (!result.ok) throw new Error(result.error.message);
          expect(essence(result.report)).toEqual(essence(report));
          expect(result.report.sourceScript).toBe(style === 'traditional' ? 'traditional' : 'simplified');
          expect(result.findings.filter((f) => f.rule.startsWith('reader.'))).toEqual([]);
        }),
        { numRuns: 25 },
      );
    });
});
