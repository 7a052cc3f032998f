/**
 * The arithmetic between rows (FORMATS.md §3: table 三's 勾稽关系, the legacy sheet's sums) narrows
 * the splits of a run that its own row left open. The arithmetic is trusted only while the table
 * keeps it: where it visibly fails, no split is chosen by it.
 */
import type { Rule, Term } from '../checks/arithmetic.js';
import { rules } from '../checks/index.js';
import { LEGACY_ROW_IDS } from '../ids.js';
import { emptyReport, type Report } from '../model.js';
import type { GluedRun } from './read.js';
import { splitRun } from './split.js';

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/** The equations between the runs' cells, for the layouts the runs show. */
function equations(runs: GluedRun[]): Rule[] {
  const report = emptyReport();
  const rows = [...new Set(runs.map((r) => r.shape.key))];
  if (rows.some((k) => k.startsWith('applications.'))) report.layouts.applications = rows.some((k) => k.startsWith('applications.otherDisposal.')) ? '2021' : '2019';
  if (rows.some((k) => k.startsWith('legacy.'))) report.legacy = {};
  if (runs.some((r) => r.shape.paths.some((p) => p.startsWith('legacyCumulative.')))) report.legacyCumulative = {};
  return arithmeticRules(report);
}

/**
 * The checks' equations (FORMATS.md §3), and for a sheet with 历年累计 the same sums on that
 * column, which by definition includes the year's figure.
 */
export function arithmeticRules(report: Report): Rule[] {
  // Only equations: a report whose figures break one rarely meets it with a wrong split by chance,
  // while an inequality it breaks (leaders' interviews ≤ all interviews) would let a wrong split through.
  const out = rules(report).filter((r) => r.relation === '=');
  if (!report.legacyCumulative) return out;
  // A provincial sheet's 历年累计 column obeys the same sums, and includes the year's figure.
  const cumulative = (path: string) => path.replace(/^legacy\./, 'legacyCumulative.');
  const onCumulative = (terms: Term[]) => terms.map((t) => ({ ...t, path: cumulative(t.path) }));
  const legacy = out.filter((r) => r.table === 'legacy');
  out.push(...legacy.map((r) => ({ ...r, left: onCumulative(r.left), right: onCumulative(r.right) })));
  for (const id of LEGACY_ROW_IDS) out.push({ ...legacy[0]!, rule: 'legacy.cumulative', left: [{ path: `legacyCumulative.${id}`, name: id }], right: [{ path: `legacy.${id}`, name: id }], relation: '>=' });
  return out;
}

function holds(rule: Rule, value: (path: string) => number | undefined): boolean | undefined {
  const side = (terms: Term[]) => terms.reduce<number | undefined>((sum, t) => (sum === undefined || value(t.path) === undefined ? undefined : sum + value(t.path)!), 0);
  const left = side(rule.left);
  const right = side(rule.right);
  if (left === undefined || right === undefined) return undefined;
  return rule.relation === '=' ? Math.abs(left - right) < 1e-6 : rule.relation === '<=' ? left <= right : left >= right;
}

/** Beyond this many combinations of open runs, an equation waits until other equations narrow them. */
const MAX_COMBINATIONS = 5000;

/**
 * Keeps, for each run an equation touches, only the splits that some combination of the other
 * runs' splits satisfies (arc consistency), until nothing changes. A run whose every split fails
 * is left as it was: the report's own figures disagree, and the checks will say so.
 */
export function resolveAcrossRows(runs: GluedRun[]): void {
  const all = equations(runs);
  const runOf = new Map<string, GluedRun>();
  for (const run of runs) for (const path of run.shape.paths) runOf.set(path, run);
  // Only a run with its complete list of splits can be narrowed or lean on others.
  const usable = (run: GluedRun | undefined): run is GluedRun => run !== undefined && run.result.count >= 1 && run.result.count <= run.result.candidates.length;
  const chosen = new Map<GluedRun, string[]>();
  const value = (path: string) => {
    const run = runOf.get(path)!;
    const piece = chosen.get(run)?.[run.shape.paths.indexOf(path)];
    return piece !== undefined && NUMBER.test(piece) ? Number(piece) : undefined;
  };
  const involvedIn = new Map(all.map((rule) => [rule, [...new Set([...rule.left, ...rule.right].map((t) => runOf.get(t.path)))]]));
  for (let progress = true; progress; ) {
    progress = false;
    for (const rule of all) {
      const involved = involvedIn.get(rule)!;
      if (!involved.every(usable)) continue;
      const open = involved.filter((r) => r.result.count > 1);
      if (!open.length || open.reduce((n, r) => n * r.result.count, 1) > MAX_COMBINATIONS) continue;
      for (const run of involved) chosen.set(run, run.result.candidates[0]!);
      const supported = open.map(() => new Set<number>());
      const visit = (k: number, picks: number[]) => {
        if (k === open.length) {
          if (holds(rule, value) !== false) picks.forEach((pick, j) => supported[j]!.add(pick));
          return;
        }
        open[k]!.result.candidates.forEach((candidate, pick) => {
          chosen.set(open[k]!, candidate);
          visit(k + 1, [...picks, pick]);
        });
      };
      visit(0, []);
      open.forEach((run, j) => {
        const keep = run.result.candidates.filter((_, pick) => supported[j]!.has(pick));
        if (keep.length === 0 || keep.length === run.result.count) return;
        run.result = { count: keep.length, candidates: keep };
        progress = true;
      });
    }
  }

  // A table whose arithmetic visibly fails (a row that no split adds up, an equation between settled
  // rows that does not hold) cannot be trusted to choose: its runs go back to every split their
  // digits allow, so only a split the digits alone force is kept.
  const broken = new Set<string>();
  for (const run of runs) if (run.result.count === 0 && run.shape.sums.length) broken.add(tableOf(run));
  for (const rule of all) {
    const involved = involvedIn.get(rule)!;
    if (!involved.every((r) => r?.result.count === 1)) continue;
    for (const run of involved) chosen.set(run!, run!.result.candidates[0]!);
    if (holds(rule, value) === false) broken.add(rule.table!);
  }
  for (const run of runs) {
    if (!broken.has(tableOf(run))) continue;
    const free = splitRun({ text: run.digits, cells: run.shape.cells });
    if (free.count === run.result.count) continue;
    run.result = free;
    run.arithmeticDoubted = true;
  }
}

const tableOf = (run: GluedRun) => run.shape.key.split('.')[0]!;
