import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse, Report, ReportModelError } from '@report-convert/core';
import { badModels } from '../../core/src/test-support/badModels.js';
import { parsedCorpus } from '../../core/src/test-support/corpus.js';
import { inventedFigures, mutateZip, mutation } from '../../core/src/test-support/mutations.js';
import { anyText, partsNotXml } from '../../core/src/test-support/xml.js';
import { toDocx } from './toDocx.js';

describe('reading damaged copies of our own Word documents', async () => {
  const documents = await Promise.all(parsedCorpus().map(({ report }) => toDocx(report)));

  it('parse returns a report or an input error for any damage to the package (parts lost, cut, doubled; spans and merges without their cells), and invents no figure', () => {
    fc.assert(
      fc.property(fc.nat(documents.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), (index, mutations) => {
        const damaged = mutations.reduce(mutateZip, documents[index]!);
        const parsed = parse(damaged);
        if (!parsed.ok) return;
        expect(Report.safeParse(parsed.report).success).toBe(true);
        expect(inventedFigures(parsed.report, documentText(damaged))).toEqual([]);
      }),
      { numRuns: 80, seed: 20261128 },
    );
  });
});

/** The text of word/document.xml, where a figure the reader found must stand. */
function documentText(bytes: Uint8Array): string {
  try {
    return strFromU8(unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] ?? new Uint8Array());
  } catch {
    return '';
  }
}

describe('writing text Word cannot hold', () => {
  const { report } = parsedCorpus()[0]!;
  it('mends controls, U+FFFE/U+FFFF and lone surrogates wherever the model has text, so that every part stays XML', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (title, agency, paragraph) => {
        const strange = { ...report, meta: { ...report.meta, title, agency }, sections: { ...report.sections, overview: paragraph } };
        expect(partsNotXml(await toDocx(strange))).toEqual([]);
      }),
      { numRuns: 40, seed: 20261129 },
    );
  });
});

describe('a value that is not a report model', () => {
  it.each(badModels())('is refused with a ReportModelError naming where: $why', async ({ value, path }) => {
    await expect(toDocx(value as Report)).rejects.toThrow(path);
    await expect(toDocx(value as Report)).rejects.toBeInstanceOf(ReportModelError);
  });
});
