import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from './checks/index.js';
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
      const messages = [...result.findings, ...check(result.report)].map((f) => f.message);
      for (const finding of entry.expected.expectedFindings ?? []) expect(messages).toContain(finding);
    });
  }
});
