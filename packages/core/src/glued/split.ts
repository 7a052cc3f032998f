/**
 * Splits a run of glued characters (`21710000218`) into a known number of cells, keeping only
 * splits that every cell can print and that satisfy the row's arithmetic (a total equal to the
 * sum of its parts). Never chooses: it counts the splits and returns them for the caller to judge.
 */

/** What a cell may hold: a count (no sign, no fraction), a signed change, or an amount with decimals. */
export type CellKind = 'count' | 'signed' | 'decimal';

/** `total` equals the sum of `parts` (cell indices); the total comes after its parts in the run. */
export interface SumGroup {
  total: number;
  parts: readonly number[];
}

export interface SplitProblem {
  text: string;
  cells: readonly CellKind[];
  sums?: readonly SumGroup[];
}

export interface SplitResult {
  /** How many splits satisfy everything. */
  count: number;
  /** The first splits found (all of them when count ≤ the limit), each as the cells' texts. */
  candidates: string[][];
}

/** No figure in these reports has more digits than a double holds exactly. */
export const MAX_DIGITS = 15;
const MAX_PIECE = MAX_DIGITS + 2; // a sign or a decimal point
const NOT_APPLICABLE = /^[/／—－-]$/;
const VALID: Record<CellKind, RegExp> = {
  count: /^(0|[1-9]\d*)$/,
  signed: /^[+-]?(0|[1-9]\d*)$/,
  decimal: /^(0|[1-9]\d*)(\.\d+)?$/,
};

interface Role {
  group: number;
  isTotal: boolean;
  /** For a part: how many parts of its group lie to its left (0 for the leftmost). */
  partsLeft: number;
}

/**
 * Searches right to left, so every group's total is read before its parts: the parts then have a
 * known remaining target, each is at most that target (and so at most as long), and the leftmost
 * part is forced to equal what remains. Results are memoised per position, cell and open targets,
 * which keeps unconstrained runs polynomial and prunes constrained ones to a handful of states.
 */
export function splitRun(problem: SplitProblem, limit = 50): SplitResult {
  const { text, cells } = problem;
  const roles: (Role | undefined)[] = cells.map(() => undefined);
  (problem.sums ?? []).forEach((g, group) => {
    if (g.parts.some((p) => p >= g.total)) throw new Error('a sum group must list its total after its parts');
    roles[g.total] = { group, isTotal: true, partsLeft: 0 };
    [...g.parts].sort((a, b) => a - b).forEach((p, k) => (roles[p] = { group, isTotal: false, partsLeft: k }));
  });
  const targets: (bigint | undefined)[] = (problem.sums ?? []).map(() => undefined);
  const memo = new Map<string, SplitResult>();

  const maxLength = (i: number): number => {
    const role = roles[i];
    const target = role && !role.isTotal ? targets[role.group] : undefined;
    return target === undefined ? MAX_PIECE : String(target).length;
  };

  const solve = (end: number, i: number): SplitResult => {
    if (i < 0) return end === 0 ? { count: 1, candidates: [[]] } : { count: 0, candidates: [] };
    if (end < i + 1) return { count: 0, candidates: [] };
    let room = 0;
    for (let k = 0; k <= i && room < end; k++) room += maxLength(k);
    if (room < end) return { count: 0, candidates: [] };
    const key = `${end},${i},${targets.join(',')}`;
    const known = memo.get(key);
    if (known) return known;

    const result: SplitResult = { count: 0, candidates: [] };
    const role = roles[i];
    const target = role && !role.isTotal ? targets[role.group] : undefined;
    const lengths: number[] =
      target !== undefined && role!.partsLeft === 0 ? [String(target).length] : Array.from({ length: Math.min(maxLength(i), end - i) }, (_, k) => k + 1);
    for (const length of lengths) {
      const piece = text.slice(end - length, end);
      if (role) {
        if (!VALID.count.test(piece)) continue;
        const value = BigInt(piece);
        if (role.isTotal) targets[role.group] = value;
        else {
          if (value > target! || (role.partsLeft === 0 && value !== target)) continue;
          targets[role.group] = target! - value;
        }
      } else if (!VALID[cells[i]!].test(piece) && !NOT_APPLICABLE.test(piece)) continue;
      const rest = solve(end - length, i - 1);
      if (role) targets[role.group] = role.isTotal ? undefined : target;
      result.count += rest.count;
      for (const candidate of rest.candidates) {
        if (result.candidates.length >= limit) break;
        result.candidates.push([...candidate, piece]);
      }
    }
    memo.set(key, result);
    return result;
  };
  return solve(text.length, cells.length - 1);
}
