/**
 * The arithmetic between rows (FORMATS.md §3: table 三's 勾稽关系, the legacy sheet's sums) narrows
 * the splits of a run that its own row left open, once every other figure of an equation is known.
 */
import type { Rule, Term } from '../checks/arithmetic.js';
import { rules } from '../checks/index.js';
import { LEGACY_ROW_IDS } from '../ids.js';
import { emptyReport, type Report } from '../model.js';
import type { GluedRun } from './read.js';

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

export function resolveAcrossRows(runs: GluedRun[]): void {
  const rulesFor = equations(runs);
  if (!rulesFor.length) return;
  const known = new Map<string, number>();
  const learn = (run: GluedRun) => {
    if (run.result.count !== 1) return;
    run.result.candidates[0]!.forEach((piece, k) => NUMBER.test(piece) && known.set(run.shape.paths[k]!, Number(piece)));
  };
  runs.forEach(learn);
  for (let progress = true; progress; ) {
    progress = false;
    for (const run of runs) {
      // Only a complete list of candidates can be narrowed.
      if (run.result.count < 2 || run.result.count > run.result.candidates.length) continue;
      const own = new Set(run.shape.paths);
      const relevant = rulesFor.filter((r) => [...r.left, ...r.right].some((t) => own.has(t.path)));
      const keep = run.result.candidates.filter((candidate) => {
        const value = (path: string) => (own.has(path) ? (NUMBER.test(candidate[run.shape.paths.indexOf(path)]!) ? Number(candidate[run.shape.paths.indexOf(path)]) : undefined) : known.get(path));
        return relevant.every((r) => holds(r, value) !== false);
      });
      // None left means the report's own figures disagree: the checks will say so; the run stays open.
      if (keep.length === 0 || keep.length === run.result.count) continue;
      run.result = { count: keep.length, candidates: keep };
      learn(run);
      progress = true;
    }
  }
}
