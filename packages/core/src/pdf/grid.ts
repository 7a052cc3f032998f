import type { PdfRule } from './page.js';

/** One cell of a ruled table: its place in the grid of all border positions, and its box in page space. */
export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface RuledTable {
  /** Every vertical border position, left to right. */
  xs: number[];
  /** Every horizontal border position, top to bottom (descending y). */
  ys: number[];
  cells: GridCell[];
}

/**
 * Far more than any report table has (table 三: under 300 boxes, drawn in under 1,000 strokes):
 * strokes in such numbers are a drawing or graph paper, and reading them as a grid would take minutes.
 */
const MAX_BOXES = 100_000;
const MAX_CROSSINGS = 4_000_000;

/** Borders closer than this are one (Word's double lines, rounding in the producer). */
const SAME = 2.5;

interface Segment {
  /** The fixed coordinate: y of a horizontal, x of a vertical segment. */
  at: number;
  from: number;
  to: number;
}

/**
 * The ruled tables on a page, found from their borders: every cell of Word, WPS, LibreOffice or our
 * own PDF is boxed in. Each connected set of horizontal and vertical strokes is a table; where a
 * border is missing between two neighbouring boxes, they are one merged cell.
 */
export function ruledTables(rules: PdfRule[]): RuledTable[] {
  rules = rules.filter((r) => [r.x1, r.y1, r.x2, r.y2].every(Number.isFinite)); // a NaN would defeat every sort below
  const horizontal = joinCollinear(rules.filter((r) => Math.abs(r.y1 - r.y2) < 1 && Math.abs(r.x1 - r.x2) >= SAME).map((r) => ({ at: (r.y1 + r.y2) / 2, from: Math.min(r.x1, r.x2), to: Math.max(r.x1, r.x2) })));
  const vertical = joinCollinear(rules.filter((r) => Math.abs(r.x1 - r.x2) < 1 && Math.abs(r.y1 - r.y2) >= SAME).map((r) => ({ at: (r.x1 + r.x2) / 2, from: Math.min(r.y1, r.y2), to: Math.max(r.y1, r.y2) })));
  if (horizontal.length * vertical.length > MAX_CROSSINGS) return [];
  const all = [...horizontal, ...vertical];
  const { parent, root } = unionFind(all.length);
  horizontal.forEach((h, i) =>
    vertical.forEach((v, j) => {
      if (v.at >= h.from - SAME && v.at <= h.to + SAME && h.at >= v.from - SAME && h.at <= v.to + SAME) parent[root(i)] = root(horizontal.length + j);
    }),
  );
  const groups = new Map<number, number[]>();
  all.forEach((_, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), i]));
  const tables: RuledTable[] = [];
  for (const members of groups.values()) {
    const hs = members.filter((i) => i < horizontal.length).map((i) => horizontal[i]!);
    const vs = members.filter((i) => i >= horizontal.length).map((i) => vertical[i - horizontal.length]!);
    if (hs.length < 2 || vs.length < 2) continue;
    const table = gridOf(hs, vs);
    if (table.cells.length) tables.push(table);
  }
  return tables.sort((a, b) => b.ys[0]! - a.ys[0]!);
}

function gridOf(hs: Segment[], vs: Segment[]): RuledTable {
  const xs = cluster(vs.map((v) => v.at));
  const ys = cluster(hs.map((h) => h.at)).reverse();
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows * cols > MAX_BOXES) return { xs, ys, cells: [] };
  // Each border position asks only the segments near it: a page ruled with thousands of strokes took minutes asking all of them for every box.
  const near = (segments: Segment[], positions: number[]) => {
    const byPosition = new Map<number, Segment[]>(positions.map((p) => [p, []]));
    for (const s of segments) for (const p of positionsNear(positions, s.at)) byPosition.get(p)!.push(s);
    return (at: number, point: number) => (byPosition.get(at) ?? []).some((s) => s.from <= point + 1 && s.to >= point - 1);
  };
  const coveredV = near(vs, xs);
  const coveredH = near(hs, ys);
  // Union the elementary boxes that no border separates.
  const { parent, root } = unionFind(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const midY = (ys[r]! + ys[r + 1]!) / 2;
      const midX = (xs[c]! + xs[c + 1]!) / 2;
      if (c + 1 < cols && !coveredV(xs[c + 1]!, midY)) parent[root(r * cols + c)] = root(r * cols + c + 1);
      if (r + 1 < rows && !coveredH(ys[r + 1]!, midX)) parent[root(r * cols + c)] = root((r + 1) * cols + c);
    }
  const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const key = root(r * cols + c);
      const box = boxes.get(key);
      if (!box) boxes.set(key, { r0: r, r1: r, c0: c, c1: c });
      else Object.assign(box, { r0: Math.min(box.r0, r), r1: Math.max(box.r1, r), c0: Math.min(box.c0, c), c1: Math.max(box.c1, c) });
    }
  const cells = [...boxes.values()]
    // A box open on every side is not a cell but the outside of the borders (a table that is only a frame).
    .filter((b) => coveredH(ys[b.r0]!, (xs[b.c0]! + xs[b.c1 + 1]!) / 2) && coveredV(xs[b.c0]!, (ys[b.r0]! + ys[b.r1 + 1]!) / 2))
    .map((b) => ({ row: b.r0, col: b.c0, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1, left: xs[b.c0]!, right: xs[b.c1 + 1]!, top: ys[b.r0]!, bottom: ys[b.r1 + 1]! }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { xs, ys, cells };
}

/** Disjoint sets of 0…n-1; the root is found without recursion, as a box of a million open cells chains that deep. */
function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  return { parent, root };
}

/** The positions within SAME of `at`, from positions sorted either way. */
function positionsNear(positions: number[], at: number): number[] {
  const ascending = positions.length < 2 || positions[0]! <= positions.at(-1)!;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ascending ? positions[mid]! < at - SAME : positions[mid]! > at + SAME) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < positions.length && Math.abs(positions[i]! - at) <= SAME; i++) out.push(positions[i]!);
  return out;
}

/** Segments on one line that touch or overlap, as one (LibreOffice draws each cell's border on its own). */
function joinCollinear(segments: Segment[]): Segment[] {
  const lines: Segment[][] = [];
  for (const s of [...segments].sort((a, b) => a.at - b.at)) {
    const line = lines.at(-1);
    if (line && s.at - line[0]!.at <= 1) line.push(s);
    else lines.push([s]);
  }
  return lines.flatMap((line) => {
    const out: Segment[] = [];
    for (const s of line.sort((a, b) => a.from - b.from)) {
      const last = out.at(-1);
      if (last && s.from <= last.to + SAME) last.to = Math.max(last.to, s.to);
      else out.push({ ...s });
    }
    return out;
  });
}

/** Sorted positions, the ones closer than SAME taken as one (their mean). */
function cluster(values: number[]): number[] {
  const groups: number[][] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = groups.at(-1);
    if (last && v - last.at(-1)! <= SAME) last.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}
