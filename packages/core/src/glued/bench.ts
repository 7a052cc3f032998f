/**
 * Figures for `npm run bench`: how long the split search takes on long runs (50 digits), and how
 * long a whole glued report takes to read. Prints; asserts nothing.
 */
import { generateReport } from '../generate/report.js';
import { splitRun, type CellKind, type SplitProblem } from './split.js';
import { readGluedText } from './read.js';
import { writeGlued } from './write.js';

const counts = (n: number): CellKind[] => Array.from({ length: n }, () => 'count');
const row三 = (parts: number[]): SplitProblem => ({
  text: [...parts, parts.reduce((a, b) => a + b, 0)].join(''),
  cells: counts(7),
  sums: [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }],
});
const table四 = (groups: number[][]): SplitProblem => ({
  text: groups.map((g) => [...g, g.reduce((a, b) => a + b, 0)].join('')).join(''),
  cells: counts(15),
  sums: [0, 5, 10].map((s) => ({ total: s + 4, parts: [s, s + 1, s + 2, s + 3] })),
});

const CASES: [string, SplitProblem][] = [
  ['table-三 row, 7-digit figures', row三([1234567, 2345678, 3456789, 4567890, 5678901, 6789012])],
  ['table-三 row, all ones', { ...row三([]), text: '1'.repeat(50) }],
  ['table-四, 3- and 4-digit figures', table四([[123, 456, 789, 1012], [2345, 678, 901, 234], [567, 890, 123, 4567]])],
  ['table-四, all ones', { ...table四([[], [], []]), text: '1'.repeat(50) }],
  ['table-四, 6-digit figures', table四([[123456, 234567, 345678, 456789], [567890, 678901, 789012, 890123], [901234, 123456, 234567, 345678]])],
  ['table-四, 100 random digits', { ...table四([[], [], []]), text: '3141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117067' }],
  ['3 cells, no arithmetic', { text: '314159265358979323846264338327950288', cells: counts(3) }],
  ['15 cells, no arithmetic', { text: '31415926535897932384626433832795028841971693993751', cells: counts(15) }],
];

function median(run: () => void, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

/** Prints the figures; returns them as lines too, for callers that collect output. */
export function benchGlued(log: (line: string) => void = console.log): string[] {
  const lines: string[] = [];
  const say = (line: string) => (lines.push(line), log(line));
  say('core/glued: split search on long glued runs (36–100 characters), median of 20 runs (goal: milliseconds, no blow-up)');
  for (const [name, problem] of CASES) {
    const result = splitRun(problem);
    const ms = median(() => splitRun(problem), 20);
    say(`  ${name}: ${problem.text.length} characters into ${problem.cells.length} cells, ${result.count} split(s), ${ms.toFixed(2)} ms`);
  }
  const reports = Array.from({ length: 20 }, (_, seed) => writeGlued(generateReport(seed, { layout: '2021', blanks: false })));
  for (const text of reports) readGluedText(text); // warm up
  const ms = median(() => reports.forEach((text) => readGluedText(text)), 10) / reports.length;
  say(`  whole glued report (generated 2021 layout, ${(reports[0]!.length / 1024).toFixed(1)} KB): ${ms.toFixed(2)} ms per report`);
  return lines;
}
