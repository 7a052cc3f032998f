import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from './checks/index.js';
import { parse } from './parse.js';
import { corpusEntries } from './test-support/corpus.js';

/** Every field present in the expected file must equal the model's (a deep partial match). */
function mismatches(expected: unknown, actual: unknown, path = ''): string[] {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    return Object.entries(expected).flatMap(([k, v]) => mismatches(v, (actual as Record<string, unknown> | undefined)?.[k], path ? `${path}.${k}` : k));
  }
  return Object.is(expected, actual) || expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** Reports the reader cannot read yet, each with the issue that will fix it: these must fail, never be skipped. */
const KNOWN_GAPS: Record<string, string> = { 'real/07-pingtan-2024': 'issue 9: tables whose cells are glued together' };

const MODEL_FIELDS = ['meta', 'sourceScript', 'layouts', 'activeDisclosure', 'applications', 'reviewLitigation', 'legacy'];

describe('corpus', () => {
  for (const entry of corpusEntries()) {
    const test = KNOWN_GAPS[entry.name] ? it.fails : it;
    test(`${entry.name} parses to its expected values${KNOWN_GAPS[entry.name] ? ` (known gap: ${KNOWN_GAPS[entry.name]})` : ''}`, () => {
      const result = parse(readFileSync(entry.sourcePath));
      if (!result.ok) throw new Error(result.error.message);
      const expected = Object.fromEntries(MODEL_FIELDS.filter((f) => f in entry.expected).map((f) => [f, entry.expected[f]]));
      expect(mismatches(expected, result.report)).toEqual([]);
      const messages = [...result.findings, ...check(result.report)].map((f) => f.message);
      for (const finding of entry.expected.expectedFindings ?? []) expect(messages).toContain(finding);
    });
  }
});
