/**
 * What each glued table is known to print (its phrases) and how many cells of which kind follow
 * each row label, with the arithmetic that binds them (FORMATS.md §3).
 */
import {
  ACTIVE_BLOCK_TITLES,
  ACTIVE_COLUMN_LABELS,
  ACTIVE_ITEM_SPECS,
  APPLICANT_COLUMN_LABELS,
  APPLICANT_COLUMNS,
  APPLICATION_RESULTS_LABEL,
  LAYOUT_IDS,
  LEGACY_CUMULATIVE_LABEL,
  LEGACY_HEADER,
  LEGACY_ROWS,
  LEGACY_SHEET,
  LITIGATION_GROUP_HEADERS,
  REVIEW_FIELD_LABELS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
  TABLE3_NOTE,
  applicationRows,
  type ActiveColumn,
  type ActiveItem,
  type LayoutId,
  type TableId,
} from '../ids.js';
import type { CellKind, SumGroup } from './split.js';
import { foldPhrase, PhraseBook, type Phrase } from './tokenize.js';

export type Meaning =
  | { kind: 'header'; layout?: LayoutId; cumulative?: boolean }
  | { kind: 'block' }
  | { kind: 'item'; item: ActiveItem }
  | { kind: 'row'; row: string };

/** The cells a run must fill, and where a finding about it points. */
export interface RowShape {
  /** `activeDisclosure.normativeDocuments`, `applications.denied.stateSecret`, `reviewLitigation`, `legacy.requests.received`. */
  key: string;
  row?: string;
  cells: CellKind[];
  sums: SumGroup[];
  /** The model path of each cell, for the arithmetic between rows (FORMATS.md §3). */
  paths: string[];
}

/** Reads the labels of one table in order and says what shape the next run must have. */
export interface TableReader {
  table: TableId;
  book: PhraseBook<Meaning>;
  /** Takes the next label; true when it belongs to the current row (a unit after its row label). */
  label(meaning: Meaning | undefined, text: string): boolean;
  /** The shape of a run after the labels seen so far, or undefined when nothing says how to split it. */
  shape(): RowShape | undefined;
}

const NUMBERING = /^(\d+\.|[（(][一二三四五六七八九十][）)]|[一二三四五六七八九十]、)/;
/** A label and its unnumbered form, since crawlers drop or change numbering. */
const withAndWithoutNumbering = <M>(text: string, meaning: M): Phrase<M>[] =>
  NUMBERING.test(text) ? [{ text, meaning }, { text: text.replace(NUMBERING, ''), meaning }] : [{ text, meaning }];

const header = (texts: Iterable<string>, extra: Partial<Extract<Meaning, { kind: 'header' }>> = {}): Phrase<Meaning>[] => [...texts].map((text) => ({ text, meaning: { kind: 'header', ...extra } }));

/** Phrase books are built once: folding a few hundred phrases costs more than reading a report. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

const counts = (n: number): CellKind[] => Array.from({ length: n }, () => 'count');

/** The cells of a row and the sums that bind them, for splitting digits that lost their separators. */
export interface RowCells {
  cells: CellKind[];
  sums: SumGroup[];
}
/** A table 三 row: seven counts, 总计 the sum of the six before it. */
export const APPLICANT_ROW: RowCells = { cells: counts(APPLICANT_COLUMNS.length), sums: [{ total: 6, parts: [0, 1, 2, 3, 4, 5] }] };
/** Table 四's one row: three groups of five counts, each group's 总计 the sum of the four before it. */
export const REVIEW_ROW: RowCells = {
  cells: counts(REVIEW_GROUPS.length * REVIEW_FIELDS.length),
  sums: REVIEW_GROUPS.map((_, g) => ({ total: g * REVIEW_FIELDS.length + REVIEW_FIELDS.length - 1, parts: [0, 1, 2, 3].map((k) => g * REVIEW_FIELDS.length + k) })),
};
/** What a table 二 column's cell may hold, for splitting digits run together. */
export const columnKind = (column: ActiveColumn): CellKind => (column === 'change' ? 'signed' : column === 'amount' ? 'decimal' : 'count');

const activeDisclosureBook = once(
  () =>
    new PhraseBook<Meaning>([
      ...Object.values(ACTIVE_BLOCK_TITLES).map((text): Phrase<Meaning> => ({ text, meaning: { kind: 'block' } })),
      ...header(['信息内容']),
      ...LAYOUT_IDS.flatMap((layout) => header(Object.values(ACTIVE_COLUMN_LABELS[layout]), { layout })),
      ...ACTIVE_ITEM_SPECS.flatMap((s) => LAYOUT_IDS.map((layout): Phrase<Meaning> => ({ text: s.label[layout], meaning: { kind: 'item', item: s.id } }))),
    ]),
);

export function activeDisclosureReader(): TableReader {
  const book = activeDisclosureBook();
  let layout: LayoutId | undefined;
  let item: ActiveItem | undefined;
  return {
    table: 'activeDisclosure',
    book,
    label(meaning) {
      item = meaning?.kind === 'item' ? meaning.item : undefined;
      if (meaning?.kind === 'block') layout = undefined;
      if (meaning?.kind === 'header' && meaning.layout) layout = meaning.layout;
      return false;
    },
    shape() {
      if (!item) return undefined;
      const spec = ACTIVE_ITEM_SPECS.find((s) => s.id === item)!;
      // Without a header saying otherwise, the current layout; an item only the 2019 layout has is read in it.
      const columns = spec.columns[layout ?? '2021'].length ? spec.columns[layout ?? '2021'] : spec.columns['2019'];
      const row = item;
      item = undefined;
      const key = `activeDisclosure.${row}`;
      return { key, row, cells: columns.map(columnKind), sums: [], paths: columns.map((c) => `${key}.${c}`) };
    },
  };
}

const applicationsBook = once(
  () =>
    new PhraseBook<Meaning>([
      ...header([TABLE3_NOTE, '申请人情况', '法人或其他组织', ...Object.values(APPLICANT_COLUMN_LABELS), APPLICATION_RESULTS_LABEL]),
      ...header(['（三）不予公开', '（四）无法提供', '（五）不予处理']),
      ...[...applicationRows('2019'), ...applicationRows('2021')].flatMap((r) => withAndWithoutNumbering<Meaning>(r.label, { kind: 'row', row: r.id })),
    ]),
);

export function applicationsReader(): TableReader {
  const book = applicationsBook();
  let row: string | undefined;
  return {
    table: 'applications',
    book,
    label(meaning) {
      row = meaning?.kind === 'row' ? meaning.row : undefined;
      return false;
    },
    shape() {
      if (!row) return undefined;
      const key = `applications.${row}`;
      const shape: RowShape = { key, row, ...APPLICANT_ROW, paths: APPLICANT_COLUMNS.map((c) => `${key}.${c}`) };
      row = undefined;
      return shape;
    },
  };
}

const reviewLitigationBook = once(() => new PhraseBook<Meaning>(header(['行政复议', '行政诉讼', ...Object.values(LITIGATION_GROUP_HEADERS), ...Object.values(REVIEW_FIELD_LABELS)])));

export function reviewLitigationReader(): TableReader {
  const book = reviewLitigationBook();
  let read = false;
  return {
    table: 'reviewLitigation',
    book,
    label: () => false,
    shape() {
      if (read) return undefined;
      read = true;
      return { key: 'reviewLitigation', ...REVIEW_ROW, paths: REVIEW_GROUPS.flatMap((g) => REVIEW_FIELDS.map((f) => `reviewLitigation.${g}.${f}`)) };
    },
  };
}

const legacyBook = once(() => ({
  book: new PhraseBook<Meaning>([
    ...header([...LEGACY_HEADER, '指标名称', '计量单位', '本年度', '本年']),
    ...header([LEGACY_CUMULATIVE_LABEL, '累计'], { cumulative: true }),
    ...LEGACY_SHEET.flatMap((e) => ('heading' in e ? header([e.heading]) : withAndWithoutNumbering<Meaning>(e.label, { kind: 'row', row: e.id }))),
  ]),
  // Review and litigation share their sub-row labels (（二）被依法纠错数): the row is the next one in sheet order.
  rowsByLabel: LEGACY_ROWS.reduce((map, r, index) => {
    for (const { text } of withAndWithoutNumbering(r.label, null)) map.set(foldPhrase(text), [...(map.get(foldPhrase(text)) ?? []), index]);
    return map;
  }, new Map<string, number[]>()),
}));

export function legacyReader(): TableReader {
  const { book, rowsByLabel } = legacyBook();
  let cumulative = false;
  let row: string | undefined;
  let cursor = -1;
  return {
    table: 'legacy',
    book,
    label(meaning, text) {
      if (meaning?.kind === 'header' && meaning.cumulative) cumulative = true;
      // The unit printed after a row label (条, 件, 万元) keeps the row open.
      if (meaning === undefined && row && /^(条|件|次|篇|个|人|人次|万元|元|项)$/.test(text)) return true;
      row = undefined;
      if (meaning?.kind !== 'row') return false;
      const candidates = rowsByLabel.get(foldPhrase(text)) ?? [];
      const index = candidates.find((k) => k > cursor) ?? candidates[0];
      if (index === undefined) return false;
      cursor = index;
      row = LEGACY_ROWS[index]!.id;
      return false;
    },
    shape() {
      if (!row) return undefined;
      const kind: CellKind = LEGACY_ROWS.find((r) => r.id === row)?.unit === '万元' ? 'decimal' : 'count';
      const shape: RowShape = { key: `legacy.${row}`, row, cells: cumulative ? [kind, kind] : [kind], sums: [], paths: [`legacy.${row}`, `legacyCumulative.${row}`].slice(0, cumulative ? 2 : 1) };
      row = undefined;
      return shape;
    },
  };
}
