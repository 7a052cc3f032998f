import type { SourceCell, TableBlock } from '../ast.js';
import type { Finding } from '../finding.js';
import { APPLICANT_COLUMN_LABELS, REVIEW_FIELDS, REVIEW_GROUPS, TABLE_LABELS, type LayoutId, type TableId } from '../ids.js';
import { sectionHeading } from '../interpret/sections.js';
import { bindingKeys, placeCells } from '../layouts/index.js';
import { officialGrids } from '../layouts/officialLabels.js';
import { fold } from '../normalize/fold.js';
import { PAGE_NUMBER } from './reflow.js';
import { cell, isFigure } from './spaced.js';

/**
 * Tables in text copied out of a PDF one cell per line (plain `pdftotext`, many viewers' copy):
 * a row's label on its line, then each figure on its own line; a blank cell prints nothing, and
 * header cells, page numbers and, in wide tables, labels printed after a page's figures come in
 * between. A row's figures are read only where the order leaves no doubt: its label, known from the
 * layouts, in its place among the other rows, followed by no more figures than it has columns (and
 * not by figures that may be the next row's). Every other row is left blank with a finding.
 */
export interface CellPerLineTables {
  tables: { first: number; last: number; block: TableBlock }[];
  findings: Finding[];
}

interface RowSpec {
  table: TableId;
  row: string;
  /** Figures per layout of the table; the row is printed in these layouts. */
  widths: Partial<Record<LayoutId | 'legacy', number>>;
  label: string;
}

interface Catalogue {
  /** Folded row label → the rows that print it (one per table at most). */
  rows: Map<string, RowSpec[]>;
  /** Folded text of every other printed cell (headers, group labels, block titles) → the layouts printing it. */
  furniture: Map<string, Set<string>>;
  /** Every folded text, for telling fragments of a wrapped cell. */
  all: string;
  /** `all` with a separator before each text, for telling the start of one. */
  starts: string;
  /** Rows of each table in print order (2019 and 2021 merged). */
  order: Map<TableId, string[]>;
  /** Each row by `table:row`. */
  specs: Map<string, RowSpec>;
  /** Header words of each table-二 item that only one layout prints. */
  itemHeaders: Map<string, Partial<Record<LayoutId, Set<string>>>>;
}

type Item =
  | { kind: 'figure'; cell: SourceCell }
  | { kind: 'row'; specs: RowSpec[]; folded: string; cell: SourceCell }
  | { kind: 'furniture'; folded: string; cell: SourceCell };

let cached: Catalogue | undefined;

/** What the official grids print: row labels with their widths, and every other cell's text. */
function catalogue(): Catalogue {
  if (cached) return cached;
  const rows = new Map<string, RowSpec[]>();
  const furniture = new Map<string, Set<string>>();
  const order = new Map<TableId, string[]>();
  const itemHeaders = new Map<string, Partial<Record<LayoutId, Set<string>>>>();
  const bySpec = new Map<string, RowSpec>();
  for (const { grid, layout } of officialGrids()) {
    const placed = placeCells(grid);
    const sequence: string[] = [];
    let headers: string[] = [];
    grid.rows.forEach((_, r) => {
      const inRow = placed.filter((p) => p.row === r);
      const values = inRow.filter((p) => p.cell.kind === 'value');
      const labels = inRow.filter((p) => p.cell.kind === 'label').sort((a, b) => a.col - b.col);
      const own = values.length ? labels.find((p) => p.rowSpan === 1 && p.col < values[0]!.col) : undefined;
      for (const p of labels) if (p !== own && p.cell.kind === 'label') add(furniture, fold(p.cell.text), `${grid.table}:${layout}`);
      if (!values.length) {
        if (labels.length > 1) headers = labels.map((p) => (p.cell.kind === 'label' ? fold(p.cell.text) : ''));
        return;
      }
      const keys = bindingKeys(values[0]!.cell.kind === 'value' ? values[0]!.cell.path : '');
      const row = grid.table === 'reviewLitigation' ? 'review' : keys[1]!;
      if (!sequence.includes(row)) sequence.push(row);
      if (!own || own.cell.kind !== 'label') return;
      const folded = fold(own.cell.text);
      const specs = rows.get(folded) ?? [];
      const spec = specs.find((s) => s.table === grid.table && s.row === row) ?? { table: grid.table, row, widths: {}, label: own.cell.text };
      if (!specs.includes(spec)) rows.set(folded, [...specs, spec]);
      bySpec.set(`${grid.table}:${row}`, spec);
      if (layout !== 'any') spec.widths[layout] = values.length;
      if (grid.table === 'activeDisclosure' && (layout === '2019' || layout === '2021')) {
        const byLayout = itemHeaders.get(row) ?? {};
        byLayout[layout] = new Set(headers);
        itemHeaders.set(row, byLayout);
      }
    });
    order.set(grid.table, merge(order.get(grid.table) ?? [], sequence));
  }
  // Header words both layouts print for an item (信息内容) tell no layout.
  for (const byLayout of itemHeaders.values()) {
    const [a, b] = [byLayout['2019'] ?? new Set<string>(), byLayout['2021'] ?? new Set<string>()];
    for (const word of [...a]) if (b.has(word)) (a.delete(word), b.delete(word));
  }
  const all = [...rows.keys(), ...furniture.keys()].join('\u0000');
  return (cached = { rows, furniture, all, starts: `\u0000${all}`, order, specs: bySpec, itemHeaders });
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

/** One print order over two layouts: a row only the second has goes right after the row before it there. */
function merge(order: string[], sequence: string[]): string[] {
  const merged = [...order];
  sequence.forEach((row, i) => {
    if (!merged.includes(row)) merged.splice(i === 0 ? 0 : merged.indexOf(sequence[i - 1]!) + 1, 0, row);
  });
  return merged;
}

type LineKind = 'blank' | 'page' | 'figure' | 'cells' | 'other';

/** Text of a table cell, whole or a fragment of one wrapped over lines. */
const inCatalogue = (cat: Catalogue, folded: string) => folded !== '' && cat.all.includes(folded);
const startsCatalogue = (cat: Catalogue, folded: string) => cat.starts.includes(`\u0000${folded}`);
const whole = (cat: Catalogue, folded: string) => cat.rows.has(folded) || cat.furniture.has(folded);

function lineKind(raw: string, cat: Catalogue): LineKind {
  const text = raw.replace(/\f/g, '').trim();
  if (text === '') return 'blank';
  if (PAGE_NUMBER.test(text)) return 'page';
  if (isFigure(text)) return 'figure';
  const pieces = text.split(/\s+/);
  // `三、本 其他处 2.申请人…` is group labels beside a row label, not the heading of section 三.
  if (/[。；;]$/.test(text) || (pieces.length === 1 && sectionHeading(text) && !whole(cat, fold(text)))) return 'other';
  return pieces.every((piece) => inCatalogue(cat, fold(piece))) ? 'cells' : 'other';
}

interface Piece {
  text: string;
  line: number;
  column: number;
  used: boolean;
}

/** The region's cells in reading order: figures, and labels joined from the lines they wrap over. */
function readItems(lines: string[], kinds: LineKind[], first: number, last: number, cat: Catalogue): Item[] {
  const pieces = new Map<number, Piece[]>();
  for (let i = first; i <= last; i++) {
    if (kinds[i] !== 'cells') continue;
    const raw = lines[i]!;
    pieces.set(i, [...raw.matchAll(/\S+/g)].map((m) => ({ text: m[0].replace(/\f/g, ''), line: i, column: m.index + (m[0].startsWith('\f') ? 1 : 0), used: false })));
  }
  const items: Item[] = [];
  for (let i = first; i <= last; i++) {
    const raw = lines[i]!;
    if (kinds[i] === 'figure') {
      const text = raw.replace(/\f/g, '').trim();
      items.push({ kind: 'figure', cell: cell(text, i, raw.indexOf(text)) });
      continue;
    }
    for (const piece of pieces.get(i) ?? []) {
      if (piece.used) continue;
      piece.used = true;
      let text = piece.text;
      // A wrapped cell goes on in the next lines, between fragments of the cells beside it.
      for (let from = i + 1; ; ) {
        const next = [from, from + 1, from + 2].find((n) => pieces.get(n)?.some((p) => !p.used && startsCatalogue(cat, fold(text + p.text))));
        if (next === undefined || [from, from + 1].some((n) => n < next && !pieces.has(n))) break;
        const more = pieces.get(next)!.find((p) => !p.used && startsCatalogue(cat, fold(text + p.text)))!;
        more.used = true;
        text += more.text;
        from = next + 1;
      }
      const folded = fold(text);
      const specs = cat.rows.get(folded);
      const at = cell(text, piece.line, piece.column);
      items.push(specs ? { kind: 'row', specs, folded, cell: at } : { kind: 'furniture', folded, cell: at });
    }
  }
  return items;
}

/** Lines of table cells, figures and page numbers between lines of prose, without the blank and page-number lines at their ends. */
function regions(kinds: LineKind[]): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  let i = 0;
  while (i < kinds.length) {
    if (kinds[i] === 'other') {
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < kinds.length && kinds[last + 1] !== 'other') last++;
    let first = i;
    while (first <= last && (kinds[first] === 'blank' || kinds[first] === 'page')) first++;
    let end = last;
    while (end >= first && (kinds[end] === 'blank' || kinds[end] === 'page')) end--;
    if (first <= end) out.push({ first, last: end });
    i = last + 1;
  }
  return out;
}

export function readCellPerLineTables(lines: string[], taken: { first: number; last: number }[]): CellPerLineTables {
  const cat = catalogue();
  const kinds = lines.map((raw, i) => (taken.some((t) => t.first <= i && i <= t.last) ? 'other' : lineKind(raw, cat)));
  const tables: CellPerLineTables['tables'] = [];
  const findings: Finding[] = [];
  for (const { first, last } of regions(kinds)) {
    const items = readItems(lines, kinds, first, last, cat);
    const read = readTable(items, cat);
    if (!read) continue;
    tables.push({ first, last, block: { kind: 'table', rows: [read.cells], blanksAreCells: false, blanksVanish: true, position: read.cells[0]!.position } });
    for (const finding of read.findings) findings.push(finding); // not push(...): one per row of a table as long as the input
  }
  return { tables, findings };
}

interface Row {
  item: Extract<Item, { kind: 'row' }>;
  spec: RowSpec;
  width: number | undefined;
  /** The layout the width was taken from, where the row's layouts differ. */
  layout?: LayoutId | 'legacy';
  /** The header cell that shows that layout (table 二), emitted before the label. */
  header?: SourceCell;
  figures: SourceCell[];
  /** Header words or other labels came between the label and a figure: the text runs column by column. */
  interleaved?: boolean;
}

/** The table a region holds, its cells as the interpreter reads them, and the rows left blank. Undefined where it is no table. */
function readTable(items: Item[], cat: Catalogue): { cells: SourceCell[]; findings: Finding[] } | undefined {
  const counts = new Map<TableId, number>();
  for (const item of items) if (item.kind === 'row') for (const s of item.specs) counts.set(s.table, (counts.get(s.table) ?? 0) + 1);
  const table = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const figures = items.filter((i) => i.kind === 'figure').length;
  if (!figures) return undefined;
  if (!table) {
    const review = items.filter((i) => i.kind === 'furniture' && cat.furniture.get(i.folded)?.has('reviewLitigation:any')).length;
    return review >= 2 ? readLabelless(items) : undefined;
  }
  const furniture = new Set(items.filter((i) => i.kind === 'furniture').map((i) => i.folded));
  const rowItems = items.filter((i): i is Extract<Item, { kind: 'row' }> => i.kind === 'row' && i.specs.some((s) => s.table === table));
  // A label printed as a row in one layout and as a group label in another (（六）其他处理) is a row only where no row of the other layout shows.
  const onlyIn = (spec: RowSpec) => Object.keys(spec.widths).length === 1 ? Object.keys(spec.widths)[0] : undefined;
  const evidence = new Set(rowItems.map((i) => onlyIn(i.specs.find((s) => s.table === table)!)).filter((l) => l !== undefined));
  const layout = evidence.size === 1 ? ([...evidence][0] as LayoutId) : undefined;
  const rows: Row[] = [];
  const orphans: SourceCell[] = [];
  const head: SourceCell[] = [];
  const cellsSince = new Map<Row, boolean>();
  for (const item of items) {
    const spec = item.kind === 'row' ? item.specs.find((s) => s.table === table) : undefined;
    if (item.kind === 'row' && spec && !(layout && cat.furniture.get(item.folded)?.has(`${table}:${layout}`) && spec.widths[layout] === undefined)) {
      rows.push({ item, spec, ...widthOf(spec, table, furniture, items, cat), ...(layout && table !== 'activeDisclosure' ? { layout } : {}), figures: [] });
    } else if (item.kind === 'figure') {
      const row = rows.at(-1);
      if (row && cellsSince.get(row)) row.interleaved = true;
      (row?.figures ?? orphans).push(item.cell);
    } else if (!rows.length) head.push(item.cell);
    else cellsSince.set(rows.at(-1)!, true);
  }
  if (!rows.some((r) => r.figures.length) && !orphans.length) return undefined;
  const columnWise = table === 'applications' && partialHeader(items);
  const position = rank(rows.map((r) => cat.order.get(table)!.indexOf(r.spec.row)));
  // Where the region starts or ends beside a row the layout prints, that row's label may be elsewhere, its figures here.
  const neighbour = (row: Row, step: 1 | -1) => {
    const printed = cat.order.get(table)!.filter((r) => row.layout === undefined || cat.specs.get(`${table}:${r}`)?.widths[row.layout] !== undefined);
    return printed[printed.indexOf(row.spec.row) + step];
  };
  const inPlace = (k: number) => (k < 0 ? neighbour(rows[0]!, -1) === undefined : k >= rows.length ? neighbour(rows.at(-1)!, 1) === undefined : position[k] === k);
  const cells = [...head];
  const findings: Finding[] = [];
  const near = (k: number) => (k === 0 ? [...orphans, ...rows[0]!.figures] : rows[k]!.figures);
  const trusted = rows.map((row, k) => {
    const next = rows[k + 1];
    return (
      row.width !== undefined &&
      inPlace(k - 1) &&
      inPlace(k) &&
      inPlace(k + 1) &&
      near(k).length === row.figures.length &&
      !row.interleaved &&
      !columnWise &&
      row.figures.length <= row.width &&
      // A row that printed nothing after its label may have printed its figures before it, after this row's.
      !(next && next.figures.length === 0 && row.figures.length > 0 && row.figures.length <= (next.width ?? Infinity))
    );
  });
  const read: boolean[] = [];
  rows.forEach((row, k) => {
    // Nothing after a label is a blank row only where the figures before it surely are the row above's.
    read[k] = trusted[k]! && (row.figures.length > 0 || k === 0 || read[k - 1]!);
    if (row.header) cells.push(row.header);
    if (read[k]) cells.push(row.item.cell, ...row.figures);
    else {
      cells.push({ ...row.item.cell, unplaced: true });
      findings.push(unplacedRow(table, row, near(k)));
    }
  });
  // Out of row order, a row whose label did not come through whole may have figures anywhere: say so too.
  if (findings.length && table !== 'activeDisclosure') {
    const seen = new Set(rows.map((r) => r.spec.row));
    const printed = (spec: RowSpec | undefined) => spec && (layout ? spec.widths[layout] : Object.values(spec.widths)[0]) !== undefined;
    for (const row of cat.order.get(table)!) {
      const spec = cat.specs.get(`${table}:${row}`);
      if (seen.has(row) || !printed(spec)) continue;
      findings.push(unplacedRow(table, { item: { kind: 'row', specs: [], folded: '', cell: { ...cells[0]!, text: spec!.label } }, spec: spec!, width: layout ? spec!.widths[layout] : Object.values(spec!.widths)[0], figures: [] }, []));
    }
  }
  if (findings.length) findings.unshift(unreadableOrder(table, findings.length));
  return { cells, findings };
}

const APPLICANT_HEADERS = new Set(Object.values(APPLICANT_COLUMN_LABELS).map(fold));

/**
 * Table 三's column headings are printed together above its rows (again on each page). Where a run of
 * them lacks some, the text was read column by column there: the missing column's figures come later.
 */
function partialHeader(items: Item[]): boolean {
  const stretches: Set<string>[] = [new Set()];
  for (const item of items) {
    if (item.kind === 'furniture' && APPLICANT_HEADERS.has(item.folded)) stretches.at(-1)!.add(item.folded);
    else if (item.kind !== 'furniture' && stretches.at(-1)!.size) stretches.push(new Set());
  }
  return stretches.some((s) => s.size > 0 && s.size < APPLICANT_HEADERS.size);
}

/** Where sorted by print order each row would stand (ties, a row printed twice, never stand in place). */
function rank(order: number[]): number[] {
  return order.map((o, k) => (order.filter((p) => p === o).length > 1 ? -1 - k : order.filter((p) => p < o).length));
}

/** A row's width, from its layout's header words where the layouts differ (table 二's blocks （五）（六）（八）). */
function widthOf(spec: RowSpec, table: TableId, furniture: Set<string>, items: Item[], cat: Catalogue): { width: number | undefined; layout?: LayoutId | 'legacy'; header?: SourceCell } {
  const widths = new Set(Object.values(spec.widths));
  const headers = table === 'activeDisclosure' ? cat.itemHeaders.get(spec.row) : undefined;
  const shown = (['2019', '2021'] as const).filter((l) => spec.widths[l] !== undefined && [...(headers?.[l] ?? [])].some((h) => furniture.has(h)));
  const layout = shown.length === 1 ? shown[0]! : undefined;
  const header = layout ? items.find((i) => i.kind === 'furniture' && headers?.[layout]?.has(i.folded))?.cell : undefined;
  const width = layout ? spec.widths[layout] : widths.size === 1 ? [...widths][0] : undefined;
  const only = Object.keys(spec.widths).length === 1 ? (Object.keys(spec.widths)[0] as LayoutId | 'legacy') : undefined;
  return { width, ...((layout ?? only) ? { layout: layout ?? only } : {}), ...(header ? { header } : {}) };
}

/** Table 四: no row labels, its figures after the header in a fixed order. */
function readLabelless(items: Item[]): { cells: SourceCell[]; findings: Finding[] } {
  const labels = items.filter((i) => i.kind !== 'figure').map((i) => i.cell);
  const figures = items.filter((i) => i.kind === 'figure').map((i) => i.cell);
  const lastLabel = items.findLastIndex((i) => i.kind !== 'figure');
  const width = REVIEW_GROUPS.length * REVIEW_FIELDS.length;
  const trusted = items.slice(0, lastLabel).every((i) => i.kind !== 'figure') && figures.length <= width;
  if (trusted) return { cells: [...labels, ...figures], findings: [] };
  const row: Row = { item: { kind: 'row', specs: [], folded: '', cell: labels[0]! }, spec: { table: 'reviewLitigation', row: 'review', widths: {}, label: '行政复议' }, width, figures };
  return { cells: [{ ...labels[0]!, unplaced: true }, ...labels.slice(1)], findings: [unreadableOrder('reviewLitigation', 1), unplacedRow('reviewLitigation', row, figures)] };
}

function unplacedRow(table: TableId, row: Row, near: SourceCell[]): Finding {
  const printed = near.map((c) => c.text);
  const label = row.item.cell.text;
  const [listed, listedZh] = printed.length ? [`the figures ${printed.join(' | ')}`, `数字（${printed.join('｜')}）`] : ['no figure after it', '其后没有数字'];
  return {
    severity: 'error',
    rule: 'reader.cellCount',
    table,
    tableLabel: TABLE_LABELS[table],
    row: row.spec.row,
    rowLabel: row.spec.label,
    position: row.item.cell.position,
    message: `Row "${label}" has ${listed} where the table has ${row.width ?? 'an unknown number of'} columns, and in text with one cell per line that is out of row order which row and column they belong to is unknown: the row is left blank. Enter it by hand.`,
    messageZh: `“${label}”行${listedZh}，而表格有${row.width ?? '不确定的'}列；逐格复制的文字不按行排列，无法确定这些数字属于哪一行哪一列，该行留空，请手工填写。`,
  };
}

function unreadableOrder(table: TableId, rows: number): Finding {
  return {
    severity: 'error',
    rule: 'reader.cellOrder',
    table,
    tableLabel: TABLE_LABELS[table],
    message: `Table ${TABLE_LABELS[table]} was copied one cell per line (as plain pdftotext and many PDF viewers copy), and not row by row: some labels come after the figures, so ${rows} row(s) cannot be read and are left blank. Convert the PDF file itself instead (the command line reads PDFs), or copy its text with pdftotext -layout.`,
    messageZh: `表格“${TABLE_LABELS[table]}”的文字是逐格复制的（每个单元格一行，如不带 -layout 的 pdftotext 或 PDF 阅读器复制所得），且不按行排列：有的行名排在数字之后，${rows}行无法读取，已留空。请直接转换 PDF 文件本身（命令行工具可以读取 PDF），或用 pdftotext -layout 复制文字后再转换。`,
  };
}
