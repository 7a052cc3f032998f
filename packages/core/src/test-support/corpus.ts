/** The shared corpus beside the repository (../shared/corpus), for tests in every package. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ACTIVE_ITEM_SPECS, APPLICANT_COLUMNS, REVIEW_FIELDS, REVIEW_GROUPS, applicationRows, type LayoutId } from '../ids.js';
import { emptyReport, type Report } from '../model.js';
import { parse } from '../parse.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../../../../shared/corpus/', import.meta.url));

export interface CorpusEntry {
  /** `seeds/000_…` or `real/01-…`, without extension. */
  name: string;
  sourcePath: string;
  expected: Record<string, unknown> & { expectedFindings?: string[] };
}

export function corpusEntries(): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  for (const group of ['seeds', 'real']) {
    const dir = join(CORPUS_DIR, group);
    const files = readdirSync(dir);
    for (const file of files.filter((f) => f.endsWith('.expected.json')).sort()) {
      const base = file.slice(0, -'.expected.json'.length);
      const source = files.find((f) => f.startsWith(base + '.') && !f.endsWith('.expected.json'));
      if (!source) continue;
      entries.push({ name: `${group}/${base}`, sourcePath: join(dir, source), expected: JSON.parse(readFileSync(join(dir, file), 'utf8')) });
    }
  }
  return entries;
}

/**
 * A complete report from an expected file: every cell of the detected layouts present, blanks
 * null. For writer tests that need realistic figures without going through a reader.
 */
export function reportFromExpected(expected: Record<string, any>): Report {
  const report = emptyReport();
  Object.assign(report.meta, expected.meta ?? {});
  report.sourceScript = expected.sourceScript ?? 'simplified';
  report.layouts = { activeDisclosure: {}, ...(expected.layouts ?? {}) };
  if (expected.legacy) {
    report.layouts = { activeDisclosure: {}, legacy: 'legacy' };
    report.legacy = { ...expected.legacy };
    return report;
  }
  for (const spec of ACTIVE_ITEM_SPECS) {
    const layout: LayoutId | undefined = report.layouts.activeDisclosure[spec.id] ?? (expected.activeDisclosure?.[spec.id] ? '2021' : undefined);
    if (!layout || !spec.columns[layout].length) continue;
    report.layouts.activeDisclosure[spec.id] = layout;
    report.activeDisclosure[spec.id] = Object.fromEntries(spec.columns[layout].map((c) => [c, expected.activeDisclosure?.[spec.id]?.[c] ?? null]));
  }
  const layout = report.layouts.applications ?? '2021';
  report.layouts.applications = layout;
  for (const row of applicationRows(layout))
    (report.applications as Record<string, unknown>)[row.id] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, expected.applications?.[row.id]?.[c] ?? null]));
  for (const g of REVIEW_GROUPS) report.reviewLitigation[g] = Object.fromEntries(REVIEW_FIELDS.map((f) => [f, expected.reviewLitigation?.[g]?.[f] ?? null])) as never;
  return report;
}

/** Every corpus report the readers can read, parsed: the fixtures of the writers' tests. */
export function parsedCorpus(): { name: string; report: Report }[] {
  return corpusEntries().flatMap((entry) => {
    const result = parse(readFileSync(entry.sourcePath));
    return result.ok ? [{ name: entry.name, report: result.report }] : [];
  });
}

/** Every field present in the expected file must equal the model's (a deep partial match). */
export function mismatches(expected: unknown, actual: unknown, path = ''): string[] {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    return Object.entries(expected).flatMap(([k, v]) => mismatches(v, (actual as Record<string, unknown> | undefined)?.[k], path ? `${path}.${k}` : k));
  }
  return Object.is(expected, actual) || expected === actual ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

const MODEL_FIELDS = ['meta', 'sourceScript', 'layouts', 'activeDisclosure', 'applications', 'reviewLitigation', 'legacy'];

/** The part of an expected file that describes the model (not notes, provenance or findings). */
export function expectedModel(entry: CorpusEntry): Record<string, unknown> {
  return Object.fromEntries(MODEL_FIELDS.filter((f) => f in entry.expected).map((f) => [f, entry.expected[f]]));
}
