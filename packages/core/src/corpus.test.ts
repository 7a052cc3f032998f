import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from './checks/index.js';
import type { Finding } from './finding.js';
import { parse } from './parse.js';
import { corpusEntries, expectedModel, mismatches } from './test-support/corpus.js';

/** Reports the reader cannot read yet, each with the issue that will fix it: these must fail, never be skipped. */
const KNOWN_GAPS: Record<string, string> = {};


describe('corpus', () => {
  for (const entry of corpusEntries()) {
    const test = KNOWN_GAPS[entry.name] ? it.fails : it;
    test(`${entry.name} parses to its expected values${KNOWN_GAPS[entry.name] ? ` (known gap: ${KNOWN_GAPS[entry.name]})` : ''}`, () => {
      const result = parse(readFileSync(entry.sourcePath));
      if (!result.ok) throw new Error(result.error.message);
      expect(mismatches(expectedModel(entry), result.report)).toEqual([]);
      // The corpus names a failed check by its model paths, as the finding's expressions do; its English sentence names the rows as printed.
      const byPaths = (f: Finding) => (f.left && f.right ? ['≠', '>', '<'].map((broken) => `${f.left!.expression} (${f.left!.value}) ${broken} ${f.right!.expression} (${f.right!.value})`) : []);
      const messages = [...result.findings, ...check(result.report)].flatMap((f) => [f.message, ...byPaths(f)]);
      for (const finding of entry.expected.expectedFindings ?? []) expect(messages).toContain(finding);
    });
  }
});
