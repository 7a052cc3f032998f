import type { SourceCell } from '../ast.js';
import type { Finding } from '../finding.js';
import { officialGrids } from '../layouts/officialLabels.js';
import { readFigure } from '../normalize/figure.js';

/** A printed cell with its left and right border: the two parts of a table on two pages meet by x, not by grid index. */
export interface PlacedCell {
  cell: SourceCell;
  left: number;
  right: number;
}

/** One page's part of a ruled table: its rows as printed, each cell with its borders. */
export interface TablePart {
  rows: PlacedCell[][];
  left: number;
  right: number;
  /** 1-based page number, for findings. */
  page: number;
}

const blank = (text: string) => !text.trim();
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** A row label's own numbering (一、 （二） 3. 1、): a fragment carried over a page break starts mid-label, never with one. */
const ROW_NUMBER = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+\s*[.．、])/;

let officialLabelSet: ReadonlySet<string> | undefined;

/**
 * Every label printed in an official table, whitespace removed (built on first use). A row whose label is one of these
 * ended where it was printed: the row after a page break is a new row, even one without numbering (行政规范性文件 after 规章).
 */
const officialLabels = (): ReadonlySet<string> =>
  (officialLabelSet ??= new Set(officialGrids().flatMap(({ grid }) => grid.rows.flat().flatMap((cell) => (cell.kind === 'label' ? [squeeze(cell.text)] : [])))));

const startsOfficialLabel = (text: string) => [...officialLabels()].some((label) => label.startsWith(squeeze(text)));

/** Whether two parts stand at the same place across the page: a table that runs on, not a second table. */
export function sameColumns(above: TablePart, below: TablePart): boolean {
  return Math.abs(above.left - below.left) < 3 && Math.abs(above.right - below.right) < 3;
}

const overlaps = (a: PlacedCell, b: PlacedCell) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > Math.min(a.right - a.left, b.right - b.left) / 2;

/** The rows at the head of `below` that repeat the head of `above` (Word's and WPS's 'repeat header rows'). */
export function repeatedHeaderRows(above: TablePart, below: TablePart): number {
  const text = (row: PlacedCell[]) => row.map((c) => squeeze(c.cell.text)).join('|');
  let n = 0;
  while (n < below.rows.length && n < above.rows.length - 1 && text(below.rows[n]!) === text(above.rows[n]!) && below.rows[n]!.some((c) => !blank(c.cell.text))) n++;
  return n;
}

export type RowBreak =
  /** The first row below is a row of its own. */
  | { kind: 'newRow' }
  /** The first row below is the rest of the last row above: its text goes into the cells above it. */
  | { kind: 'continued' }
  /** It looks like the rest of the last row above but puts a figure where that row has one, or where it has no cell: it cannot be placed. */
  | { kind: 'unplaceable'; finding: Finding };

/**
 * The cell of the part above that a cell below goes on from: the lowest one across the same columns
 * (a label spanning rows, （四）无法提供, started rows above the break).
 */
function cellAbove(above: PlacedCell[][], below: PlacedCell): PlacedCell | undefined {
  for (let r = above.length - 1; r >= 0; r--) {
    const cell = above[r]!.find((c) => overlaps(c, below));
    if (cell) return cell;
  }
  return undefined;
}

/**
 * Whether the first row of a table's part on a new page is the rest of the row printed at the foot
 * of the page before (Word and WPS let a row break across pages: a long label goes on over there,
 * its figures may stand on either side). It is not when it starts as a row starts (with numbering,
 * or as an official label), when its text goes under a whole official label (the row above ended
 * there), or when it puts figures under header text. It is when every one of its cells goes on from a blank or a
 * text cell above; a figure under a figure cannot be placed, and is a finding, never a merge.
 */
export function rowBreak(above: PlacedCell[][], first: PlacedCell[], page: number): RowBreak {
  const last = above.at(-1) ?? [];
  const texts = first.filter((c) => !blank(c.cell.text));
  const label = texts[0];
  if (!label) return { kind: 'newRow' };
  if (!readFigure(label.cell.text) && (ROW_NUMBER.test(squeeze(label.cell.text)) || officialLabels().has(squeeze(label.cell.text)))) return { kind: 'newRow' };
  const clashes: PlacedCell[] = [];
  for (const below of texts) {
    const cell = cellAbove(above, below);
    if (!cell) {
      clashes.push(below);
      continue;
    }
    if (blank(cell.cell.text)) continue;
    const [figureAbove, figureBelow] = [readFigure(cell.cell.text) !== null, readFigure(below.cell.text) !== null];
    if (!figureAbove && figureBelow) return { kind: 'newRow' }; // figures under a header row's text
    // The label above is whole (规章, then 行政规范性文件), unless the two make one (其他 | 结果: 其他结果).
    if (!figureAbove && officialLabels().has(squeeze(cell.cell.text)) && !startsOfficialLabel(cell.cell.text + below.cell.text)) return { kind: 'newRow' };
    if (figureAbove) clashes.push(below);
  }
  if (!clashes.length) return { kind: 'continued' };
  const printed = texts.map((c) => c.cell.text).join(' | ');
  const rowLabel = last.map((c) => c.cell.text).filter((t) => !blank(t) && !readFigure(t)).join('');
  return {
    kind: 'unplaceable',
    finding: {
      severity: 'error',
      rule: 'reader.rowAcrossPages',
      position: label.cell.position,
      message: `At the top of page ${page}, "${printed}" looks like the rest of the row "${rowLabel}" broken across the page, but its cells do not fit that row's (a figure where the row has one), so it is left out. Check the row at the foot of page ${page - 1}.`,
      messageZh: `第 ${page} 页顶部的“${printed}”像是上一页末行“${rowLabel}”跨页断开的后半部分，但与该行的单元格对不上（数字所在单元格该行已有数字），无法确定位置，未读入。请核对第 ${page - 1} 页末的这一行。`,
      details: { page, printed, rowLabel },
    },
  };
}

/** The text of the first row below added to the cells it goes on from (a label goes on where it broke). */
export function joinBrokenRow(above: PlacedCell[][], first: PlacedCell[]): void {
  for (const below of first) {
    if (blank(below.cell.text)) continue;
    const cell = cellAbove(above, below);
    if (cell) cell.cell.text = blank(cell.cell.text) ? below.cell.text : cell.cell.text + below.cell.text;
  }
}
