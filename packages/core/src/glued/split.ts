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

/**
 * No figure in these reports has 14 digits (ten trillion): capping pieces there keeps every sum
 * of a run's pieces an exact double, so the arithmetic needs no bigint.
 */
export const MAX_DIGITS = 13;
const MAX_PIECE = MAX_DIGITS + 2; // a sign or a decimal point
const NOT_APPLICABLE = /^[/／—－-]$/;
const VALID: Record<CellKind, RegExp> = {
  count: new RegExp(`^(0|[1-9]\\d{0,${MAX_DIGITS - 1}})$`),
  signed: new RegExp(`^[+-]?(0|[1-9]\\d{0,${MAX_DIGITS - 1}})$`),
  decimal: new RegExp(`^(0|[1-9]\\d{0,${MAX_DIGITS - 1}})(\\.\\d+)?$`),
};

interface Role {
  group: number;
  isTotal: boolean;
  /** For a part: how many parts of its group lie to its left (0 for the leftmost). */
  partsLeft: number;
}

const digitsOf = (value: number): number => {
  let digits = 1;
  for (let power = 10; value >= power; power *= 10) digits++;
  return digits;
};

/**
 * Searches right to left, so every group's total is read before its parts: the parts then have a
 * known remaining target, each is at most that target (and so at most as long), and the leftmost
 * part is forced to equal what remains. Where a group's remaining parts fill the rest of the run,
 * the least and greatest sums that rest can make bound the target. Results are memoised per
 * position, cell and open targets, which keeps unconstrained runs polynomial and prunes
 * constrained ones to a few thousand states on a 50-digit run.
 */
export function splitRun(problem: SplitProblem, limit = 50): SplitResult {
  const { text, cells } = problem;
  const roles: (Role | undefined)[] = cells.map(() => undefined);
  (problem.sums ?? []).forEach((g, group) => {
    if (g.parts.some((p) => p >= g.total)) throw new Error('a sum group must list its total after its parts');
    roles[g.total] = { group, isTotal: true, partsLeft: 0 };
    [...g.parts].sort((a, b) => a - b).forEach((p, k) => (roles[p] = { group, isTotal: false, partsLeft: k }));
  });
  const none = { count: 0, candidates: [] };
  const targets: number[] = (problem.sums ?? []).map(() => -1); // -1: the total is not read yet
  const targetDigits: number[] = targets.map(() => MAX_PIECE);
  const setTarget = (group: number, value: number) => {
    targets[group] = value;
    targetDigits[group] = value < 0 ? MAX_PIECE : digitsOf(value);
  };
  const maxLength = (i: number): number => {
    const role = roles[i];
    return role && !role.isTotal ? targetDigits[role.group]! : MAX_PIECE;
  };

  /** The value of each count piece by its end and length, or -1 where the piece is not a count. */
  const values = new Map<number, number>();
  const countValue = (end: number, length: number): number => {
    const key = end * 64 + length;
    let value = values.get(key);
    if (value === undefined) {
      const piece = text.slice(end - length, end);
      value = VALID.count.test(piece) ? Number(piece) : -1;
      values.set(key, value);
    }
    return value;
  };

  const bounds = new Map<number, [number, number] | null>();
  /** The least and greatest sums text[0, end) makes in j count pieces at most `cap` long. */
  const sumBounds = (end: number, j: number, cap: number): [number, number] | null => {
    if (j === 0) return end === 0 ? [0, 0] : null;
    const key = (end * 64 + j) * 64 + cap;
    const known = bounds.get(key);
    if (known !== undefined) return known;
    let found: [number, number] | null = null;
    for (let length = 1; length <= Math.min(cap, end - j + 1); length++) {
      const value = countValue(end, length);
      const rest = value < 0 ? null : sumBounds(end - length, j - 1, cap);
      if (!rest) continue;
      found = found ? [Math.min(found[0], rest[0] + value), Math.max(found[1], rest[1] + value)] : [rest[0] + value, rest[1] + value];
    }
    bounds.set(key, found);
    return found;
  };
  const outOfBounds = (end: number, i: number): boolean => {
    const role = roles[i];
    if (!role || role.isTotal || role.partsLeft !== i) return false;
    const range = sumBounds(end, i + 1, targetDigits[role.group]!);
    return !range || targets[role.group]! < range[0] || targets[role.group]! > range[1];
  };

  const memo = new Map<string, SplitResult>();
  const solve = (end: number, i: number): SplitResult => {
    if (i < 0) return end === 0 ? { count: 1, candidates: [[]] } : none;
    let room = 0;
    for (let k = 0; k <= i && room < end; k++) room += maxLength(k);
    if (end < i + 1 || room < end || outOfBounds(end, i)) return none;
    const key = `${end},${i},${targets}`;
    const known = memo.get(key);
    if (known) return known;

    const result: SplitResult = { count: 0, candidates: [] };
    const role = roles[i];
    const target = role && !role.isTotal ? targets[role.group]! : -1;
    const forced = target >= 0 && role!.partsLeft === 0;
    for (let length = forced ? targetDigits[role!.group]! : 1; length <= Math.min(maxLength(i), end - i); length++) {
      if (role) {
        const value = countValue(end, length);
        if (value < 0 || (!role.isTotal && (value > target || (forced && value !== target)))) continue;
        setTarget(role.group, role.isTotal ? value : target - value);
      } else if (!VALID[cells[i]!].test(text.slice(end - length, end)) && !NOT_APPLICABLE.test(text.slice(end - length, end))) continue;
      const rest = solve(end - length, i - 1);
      if (role) setTarget(role.group, role.isTotal ? -1 : target);
      result.count += rest.count;
      const piece = text.slice(end - length, end);
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
