import type { SourceCell, TableBlock } from '../ast.js';
import { isBlockTitle } from '../interpret/activeDisclosure.js';
import { sectionHeading } from '../interpret/sections.js';
import { fold } from '../normalize/fold.js';
import { readFigure, UNIT_ALONE } from '../normalize/figure.js';
import { PAGE_NUMBER } from './reflow.js';

/**
 * Tables in text copied out of a PDF (`pdftotext -layout`, a viewer's copy): one row per line,
 * cells apart by runs of spaces, no `|`. A label that wraps inside its cell comes out as fragments
 * on the lines around its figures, and group labels of a narrow column are split over lines.
 */
export interface SpacedTable {
  /** Zero-based indices of the first and last line the table takes. */
  first: number;
  last: number;
  block: TableBlock;
}

interface Piece {
  text: string;
  line: number;
  column: number;
}

interface Line {
  labels: Piece[];
  figures: Piece[];
}

interface Label {
  pieces: Piece[];
  column: number;
  first: number;
  last: number;
  /** The line of the row whose figures this label owns, if any. */
  figuresLine?: number;
}

/** Row numbering that starts a label: `（三）`, `三、`, `3.`. A fragment without it continues the label above. */
const NUMBERING = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d+[.．、](?!\d))/;
/** The unit column of the 2008 statistics sheet (`次  0`): a cell of its row, not a label. */
/** Fragments of one cell start within this many characters of each other. */
const SAME_COLUMN = 2;
/** A label's fragments lie at most this many lines apart. */
const FRAGMENT_REACH = 3;
const MIN_LONE_ROW = 5;
/** A wrapped line falls at most this many characters short of its column's widest (narrow digits and punctuation). */
const WRAP_SLACK = 2;

export function readSpacedTables(text: string[]): SpacedTable[] {
  // A page's number (`— 10 —`) is no row of figures: it is as blank as the lines around it.
  const lines = text.map((l) => (PAGE_NUMBER.test(l.trim()) ? '' : l));
  const parsed = lines.map((raw, i) => splitLine(raw, i));
  const prose = proseTest(lines);
  const isFigures = (i: number) => parsed[i]!.figures.length > 0;
  // `三、本 其他处 2.申请人…` is the group labels of table 三 beside a row, not the heading of section 三.
  const heading = (i: number) => !isFigures(i) && sectionHeading(lines[i]!.trim()) !== undefined && !parsed[i]!.labels.slice(1).some((p) => NUMBERING.test(p.text));
  const boundary = (i: number) => heading(i) || (!isFigures(i) && prose(lines[i]!));
  // Between two rows only a sentence, or a section heading with a table header under it, ends a table:
  // the 2008 sheet's long labels are as wide as prose, and its own headings (三、依申请公开情况) sit right above rows.
  const parts = (from: number, to: number) => {
    for (let j = from; j < to; j++) {
      if (/[。；;]$/.test(lines[j]!.trim())) return true;
      if (heading(j) && lines.slice(j + 1, to).some((l) => l.trim() !== '')) return true;
    }
    return false;
  };

  const regions: { first: number; last: number; figureLines: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isFigures(i)) continue;
    const current = regions.at(-1);
    if (current && !parts(current.last + 1, i)) {
      current.last = i;
      current.figureLines++;
    } else regions.push({ first: i, last: i, figureLines: 1 });
  }
  // One line of figures is a table only when it is a whole row of them (table 四 has no other).
  // A row whose label wrapped around it: the 2008 sheet's labels are as wide as prose. A whole row
  // of figures without a label is table 四's, with nothing around it.
  const unlabelled = (i: number) => isFigures(i) && parsed[i]!.figures.length < MIN_LONE_ROW && parsed[i]!.labels.every((p) => UNIT_ALONE.test(p.text));
  const tables = regions.filter((r) => r.figureLines >= 2 || parsed[r.first]!.figures.length >= MIN_LONE_ROW);
  tables.forEach((region, n) => {
    const floor = n > 0 ? tables[n - 1]!.last + 1 : 0;
    const ceiling = n + 1 < tables.length ? tables[n + 1]!.first - 1 : lines.length - 1;
    region.first = reach(region.first, -1, floor, lines, boundary, unlabelled);
    region.last = reach(region.last, 1, ceiling, lines, boundary, unlabelled);
  });
  return tables.map(({ first, last }) => ({ first, last, block: tableBlock(parsed.slice(first, last + 1), first) }));
}

/** Header lines above a table's first row and fragments below its last, up to a heading, prose or two blank lines. */
function reach(from: number, step: 1 | -1, limit: number, lines: string[], boundary: (i: number) => boolean, wrapsAround: (i: number) => boolean): number {
  let end = from;
  let blanks = 0;
  for (let i = from + step; step > 0 ? i <= limit : i >= limit; i += step) {
    if (lines[i]!.trim() === '') {
      if (++blanks >= 2) break;
      continue;
    }
    const sentence = /[。；;]$/.test(lines[i]!.trim());
    if (boundary(i) && (sentence || blanks > 0 || end !== i - step || !wrapsAround(end))) break;
    blanks = 0;
    end = i;
  }
  return end;
}

/** Prose lines run the full width of the page; table fragments are as narrow as their cells. */
function proseTest(lines: string[]): (line: string) => boolean {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  const wide = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const threshold = Math.max(16, Math.floor(wide * 0.75));
  return (line) => {
    const text = line.trim();
    return /[。；;]$/.test(text) || (!/\S\s{2,}\S/.test(text) && text.length >= threshold);
  };
}

function splitLine(raw: string, line: number): Line {
  const pieces: Piece[] = [];
  for (const m of raw.matchAll(/\S+(?:\s\S+)*/g)) {
    // Table labels have no spaces in them: a single space parts a group label from the row label beside it (`不予公 4.保护第三方合法权益`).
    let column = m.index;
    for (const part of m[0].split(/(?<![A-Za-z])\s(?![A-Za-z])/)) {
      const at = raw.indexOf(part, column);
      if (part.split(/\s+/).every(isFigure)) for (const f of part.matchAll(/\S+/g)) pieces.push({ text: f[0], line, column: at + f.index });
      else pieces.push({ text: part, line, column: at });
      column = at + part.length;
    }
  }
  let k = pieces.length;
  while (k > 0 && isFigure(pieces[k - 1]!.text)) k--;
  const figures = pieces.slice(k);
  const labels = pieces.slice(0, k);
  // One figure at the end of a line is a table cell only when a run of spaces sets it apart from the words.
  const apart = figures.length > 0 && (labels.length === 0 ? figures.length >= 2 : /\s{2,}$/.test(raw.slice(0, figures[0]!.column)));
  const hasNumber = figures.some((f) => readFigure(f.text)?.kind === 'number');
  return apart && hasNumber ? { labels, figures } : { labels: pieces, figures: [] };
}

/** Text that reads as a figure other than a blank one. */
export function isFigure(text: string): boolean {
  const f = readFigure(text);
  return f !== null && f.kind !== 'blank';
}

/**
 * Whether a fragment may continue a label. A label wraps only where it fills its cell: a row's
 * label that starts level with its figures is whole unless it is about as wide as its column's
 * widest (`规章  0  0  0` over a blank row's `行政规范性文件`), and an unnumbered label goes on into
 * the next row's line only if it fills its cell (`行政处罚` of a blank row over `行政强制  1764`).
 */
function continues(label: Label, row: boolean, widest: number): boolean {
  const width = label.pieces.at(-1)!.text.length;
  if (label.figuresLine !== undefined) return !row && (label.first !== label.figuresLine || width >= widest - WRAP_SLACK);
  return !row || NUMBERING.test(label.pieces[0]!.text) || width >= widest - WRAP_SLACK;
}

/** Joins each label's fragments, then lays out the region as a stream: every row's label right before its figures. */
function tableBlock(lines: Line[], offset: number): TableBlock {
  const labels: Label[] = [];
  const latest: Label[] = [];
  const pieces = lines.flatMap((l) => l.labels);
  const widest = (column: number) => pieces.reduce((most, p) => (Math.abs(p.column - column) <= SAME_COLUMN ? Math.max(most, p.text.length) : most), -Infinity); // not Math.max(...): as many arguments as the region has labels
  for (const line of lines) {
    // A line ending in a unit is a row of the 2008 sheet whose figure is blank: its label is whole.
    const row = line.figures.length > 0 || UNIT_ALONE.test(line.labels.at(-1)?.text ?? '');
    // A row's own label closes the labels beside and right of it (headers); group labels further
    // left stay open, and so does a numbered row label still waiting for its figures.
    // A numbered row at the same column as a waiting label closes it too: that label was a heading.
    const own = row ? line.labels[0] : undefined;
    for (let i = latest.length - 1; own && i >= 0; i--) {
      const l = latest[i]!;
      const sameColumn = Math.abs(l.column - own.column) <= SAME_COLUMN;
      const waiting = l.figuresLine === undefined && NUMBERING.test(l.pieces[0]!.text) && !(sameColumn && NUMBERING.test(own.text));
      if (l.column >= own.column - SAME_COLUMN && !waiting) latest.splice(i, 1);
    }
    for (const piece of line.labels) {
      const open = NUMBERING.test(piece.text) || UNIT_ALONE.test(piece.text) || isBlockTitle(fold(piece.text)) ? undefined : latest.find((l) => Math.abs(l.column - piece.column) <= SAME_COLUMN && piece.line - l.last <= FRAGMENT_REACH && continues(l, row, widest(l.column)));
      const label = open ?? { pieces: [], column: piece.column, first: piece.line, last: piece.line };
      if (!open) labels.push(label);
      label.pieces.push(piece);
      label.last = piece.line;
      if (row) label.figuresLine ??= piece.line;
      if (open) latest.splice(latest.indexOf(open), 1);
      latest.unshift(label);
    }
    // A row without a label of its own sits in the middle of the label that wrapped around it.
    const at = line.figures[0]?.line ?? line.labels[0]?.line;
    const around = row && line.labels.every((p) => UNIT_ALONE.test(p.text)) ? latest.find((l) => l.figuresLine === undefined && !UNIT_ALONE.test(labelText(l))) : undefined;
    if (around) around.figuresLine = at;
  }
  const rowLabel = new Map<number, Label>();
  for (const line of lines) {
    if (!line.figures.length) continue;
    const at = line.figures[0]!.line;
    const onLine = (l: Label) => (l.pieces.some((p) => p.line === at) ? 1 : 0);
    const spanning = labels
      .filter((l) => l.first <= at && at <= l.last && !UNIT_ALONE.test(labelText(l)))
      .sort((a, b) => b.column - a.column || onLine(b) - onLine(a))[0];
    if (spanning) rowLabel.set(at, spanning);
  }
  const chosen = new Set(rowLabel.values());
  const cells: SourceCell[] = [];
  lines.forEach((line, i) => {
    const at = offset + i;
    const label = rowLabel.get(at);
    const starting = labels.filter((l) => l.first === at && !chosen.has(l));
    const right = (l: Label) => label !== undefined && l.column > label.column;
    for (const l of starting) if (!right(l)) cells.push(labelCell(l));
    if (label) cells.push(labelCell(label));
    for (const l of starting) if (right(l)) cells.push(labelCell(l));
    for (const f of line.figures) cells.push(cell(f.text, f.line, f.column));
  });
  return { kind: 'table', rows: [cells], blanksAreCells: false, blanksVanish: true, position: cells[0]!.position };
}

const labelText = (label: Label) => label.pieces.map((p) => p.text).join('');

function labelCell(label: Label): SourceCell {
  const first = label.pieces[0]!;
  return cell(labelText(label), first.line, first.column);
}

/** A one-by-one source cell at a 0-based line and column. */
export const cell = (text: string, line: number, column: number): SourceCell => ({ text, colSpan: 1, rowSpan: 1, position: { line: line + 1, column: column + 1 } });
