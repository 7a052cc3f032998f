import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Report } from './model.js';
import { parse } from './parse.js';
import { CORPUS_DIR } from './test-support/corpus.js';
import { inventedFigures, mutateBytes, mutateText, mutation } from './test-support/mutations.js';

const EXAMPLES = new URL('../../../examples/', import.meta.url);
/** Every source in the corpus and the examples: text, Markdown and HTML as agencies publish them. */
const sources = [
  ...['seeds', 'real'].flatMap((group) => readdirSync(join(CORPUS_DIR, group)).filter((f) => !f.endsWith('.json')).map((f) => join(CORPUS_DIR, group, f))),
  ...readdirSync(EXAMPLES).map((f) => new URL(f, EXAMPLES).pathname),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

/** The result parse gives, checked: it never throws, and a report it reads is a valid model. */
function read(input: string | Uint8Array): ReturnType<typeof parse> {
  const result = parse(input);
  if (result.ok) expect(Report.safeParse(result.report).success).toBe(true);
  else expect(result.error.messageZh).toMatch(/^应为/);
  return result;
}

describe('parse on damaged copies of real reports', () => {
  const source = fc.constantFrom(...sources);

  it('reads every corpus source and example with no figure that is not printed in it', () => {
    for (const { path, text } of sources) {
      const result = read(text);
      expect(result.ok && inventedFigures(result.report, text), path).toEqual([]);
    }
  });

  it('returns a report or an input error for any few mutations of the text, and invents no figure', () => {
    fc.assert(
      fc.property(source, fc.array(mutation, { minLength: 1, maxLength: 4 }), ({ text }, mutations) => {
        const damaged = mutations.reduce(mutateText, text);
        const result = read(damaged);
        if (result.ok) expect(inventedFigures(result.report, damaged)).toEqual([]);
      }),
      { numRuns: 200, seed: 20261128 },
    );
  });

  it('returns a report or an input error for any mutation of the bytes (cut mid-character, half in GB18030, BOMs, NULs)', () => {
    fc.assert(
      fc.property(source, fc.array(mutation, { minLength: 1, maxLength: 3 }), ({ text }, mutations) => {
        read(mutations.reduce(mutateBytes, new TextEncoder().encode(text)));
      }),
      { numRuns: 150, seed: 20261128 },
    );
  });
});
