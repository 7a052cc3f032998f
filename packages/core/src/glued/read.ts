/**
 * Crawler text that lost every cell separator: the whole report on one line, each table cell glued
 * to the next (`规章000行政规范性文件6233440…`). Recovers paragraphs at the section headings and the
 * tables' cells, splitting runs of digits only where the table leaves exactly one way.
 */
import type { Block, SourceCell, SourceDocument, TableBlock } from '../ast.js';
import type { Finding } from '../finding.js';
import { TABLE_LABELS, type SectionId } from '../ids.js';
import type { Position } from '../model.js';
import { lineIndex } from '../readers/lines.js';
import { resolveAcrossRows } from './resolve.js';
import { splitRun, type SplitResult } from './split.js';
import { activeDisclosureReader, applicationsReader, legacyReader, reviewLitigationReader, type RowShape, type TableReader } from './tables.js';
import { foldWithOffsets, tokenize } from './tokenize.js';

export interface GluedReading {
  document: SourceDocument;
  findings: Finding[];
}

/** A run of digits split (or not) into the cells of one row. */
export interface GluedRun {
  shape: RowShape;
  rowLabel: string;
  digits: string;
  result: SplitResult;
  /** The cells in the table block, blank until the split is known. */
  cells: SourceCell[];
  /** Source offset of each folded character of the digits. */
  offsets: number[];
  source: string;
  /** The table's own arithmetic visibly fails, so it was not used to choose a split. */
  arithmeticDoubted?: boolean;
}

/** Table labels glued straight to their figures: three of them on one line mark the glued form. */
const GLUED_MARK = /(?:规章|规范性文件|行政许可|行政处罚|行政强制|申请数量|予以公开|国家秘密|禁止公开|重复申请|继续办理|尚未审结|政府信息数[条件]|申请数件)\s?\d/g;
const MIN_GLUED_LINE = 200;
const MARKUP = /<(table|td|tr|p|div|br|span|html|body)[\s>/]/i;

const NOT_NUMERAL = '(?<![（(一二三四五六七八九十第])';
const GAP = (n: number) => `[^。，；;\\d]{0,${n}}?`;
const HEADINGS: [SectionId, RegExp][] = [
  ['overview', new RegExp(`${NOT_NUMERAL}一[、.．]\\s*(?:总体情况|基本情况|概述)`, 'g')],
  ['activeDisclosure', new RegExp(`${NOT_NUMERAL}二[、.．]\\s*${GAP(12)}主动公开${GAP(12)}情况`, 'g')],
  ['applications', new RegExp(`${NOT_NUMERAL}三[、.．]\\s*${GAP(20)}申请${GAP(8)}情况`, 'g')],
  ['reviewLitigation', new RegExp(`${NOT_NUMERAL}四[、.．]\\s*${GAP(25)}(?:复议|诉讼)${GAP(12)}情况`, 'g')],
  ['problems', new RegExp(`${NOT_NUMERAL}五[、.．]\\s*${GAP(20)}(?:问题|改进|整改)${GAP(15)}(?:情况|措施|打算)`, 'g')],
  ['otherMatters', new RegExp(`${NOT_NUMERAL}六[、.．]\\s*${GAP(10)}(?:其他|其它)${GAP(12)}事项`, 'g')],
];

/** Where each table's cells begin inside its section. */
const TABLE_START: Partial<Record<SectionId, [RegExp, () => TableReader]>> = {
  activeDisclosure: [/第二十条/, activeDisclosureReader],
  applications: [/[（(]本列数据|申请人情况|本年新收/, applicationsReader],
  reviewLitigation: [/行政复议\s*行政诉讼|行政复议\s*结果维持/, reviewLitigationReader],
};
const LEGACY_START = /统计指标|指标名称/;

/**
 * Reads crawler text in the glued form, or returns null (quickly) for anything else: text with
 * cell separators (` | `), markup, or without a long line where table labels run straight into digits.
 */
export function readGluedText(text: string, script: SourceDocument['script'] = 'simplified'): GluedReading | null {
  if (text.includes('|') || MARKUP.test(text.slice(0, 200_000))) return null;
  const lines: { start: number; text: string }[] = [];
  let glued = false;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end).replace(/\r$/, '');
    lines.push({ start, text: line });
    if (!glued && line.length >= MIN_GLUED_LINE) glued = (line.match(GLUED_MARK)?.length ?? 0) >= 3;
    start = end + 1;
  }
  if (!glued) return null;

  const at = lineIndex(text);
  const blocks: Block[] = [];
  const runs: GluedRun[] = [];
  for (const line of lines) {
    if (line.text.length >= MIN_GLUED_LINE && (line.text.match(GLUED_MARK)?.length ?? 0) >= 3) readGluedLine(text, line.start, line.start + line.text.length, at, blocks, runs);
    else paragraph(text, line.start, line.start + line.text.length, at, blocks);
  }
  resolveAcrossRows(runs);
  return { document: { format: 'text', script, blocks }, findings: runs.flatMap(settle) };
}

function paragraph(source: string, from: number, to: number, at: (offset: number) => Position, blocks: Block[]): void {
  const raw = source.slice(from, to);
  const text = raw.trim();
  if (text) blocks.push({ kind: 'paragraph', text, position: at(from + raw.indexOf(text)) });
}

/** Splits one glued line into section headings, narrative and tables. */
function readGluedLine(source: string, from: number, to: number, at: (offset: number) => Position, blocks: Block[], runs: GluedRun[]): void {
  const line = source.slice(from, to);
  const legacyAt = line.search(LEGACY_START);
  let legacy: { start: number; end: number; block: TableBlock } | undefined;
  if (legacyAt >= 0) {
    const table = readTable(source, from + legacyAt, to, legacyReader(), at, runs);
    if (table) legacy = { start: from + legacyAt, ...table };
  }
  const headings: { section: SectionId; start: number; end: number }[] = [];
  let cursor = 0;
  for (const [section, pattern] of HEADINGS) {
    pattern.lastIndex = cursor;
    for (let m = pattern.exec(line); m; m = pattern.exec(line)) {
      const start = from + m.index;
      if (legacy && start >= legacy.start && start < legacy.end) continue;
      headings.push({ section, start, end: start + m[0].length });
      cursor = m.index + m[0].length;
      break;
    }
  }

  let previous: { section: SectionId; end: number } = { section: 'preamble', end: from };
  for (const h of headings) {
    emitStretch(source, { section: previous.section, start: previous.end, end: h.start }, legacy, at, blocks, runs);
    blocks.push({ kind: 'paragraph', text: source.slice(h.start, h.end).trim(), position: at(h.start) });
    previous = h;
  }
  emitStretch(source, { section: previous.section, start: previous.end, end: to }, legacy, at, blocks, runs);
}

function emitStretch(
  source: string,
  stretch: { section: SectionId; start: number; end: number },
  legacy: { start: number; end: number; block: TableBlock } | undefined,
  at: (offset: number) => Position,
  blocks: Block[],
  runs: GluedRun[],
): void {
  let { start } = stretch;
  const { end } = stretch;
  if (legacy && legacy.start >= start && legacy.start < end) {
    paragraph(source, start, legacy.start, at, blocks);
    blocks.push(legacy.block);
    start = legacy.end;
  }
  const tableStart = TABLE_START[stretch.section];
  const found = tableStart ? source.slice(start, end).search(tableStart[0]) : -1;
  if (tableStart && found >= 0) {
    paragraph(source, start, start + found, at, blocks);
    const table = readTable(source, start + found, end, tableStart[1](), at, runs);
    if (table) {
      blocks.push(table.block);
      start = table.end;
    }
  }
  paragraph(source, start, end, at, blocks);
}

/** The cells of one table, up to the end of its last run of figures; what follows is narrative. */
function readTable(source: string, from: number, to: number, reader: TableReader, at: (offset: number) => Position, runs: GluedRun[]): { block: TableBlock; end: number } | undefined {
  const folded = foldWithOffsets(source, from, to);
  const pieces = tokenize(folded.text, reader.book);
  const last = pieces.findLastIndex((p) => p.kind === 'run');
  if (last === -1) return undefined;
  const rows: SourceCell[][] = [];
  const span = (start: number, end: number) => ({ start: folded.offsets[start]!, end: folded.offsets[end - 1]! + 1 });
  const cell = (start: number, end: number): SourceCell => {
    const s = span(start, end);
    return { text: source.slice(s.start, s.end).trim(), colSpan: 1, rowSpan: 1, position: at(s.start) };
  };
  let rowLabel = '';
  for (const piece of pieces.slice(0, last + 1)) {
    const labelText = folded.text.slice(piece.start, piece.end);
    if (piece.kind === 'label') {
      const label = cell(piece.start, piece.end);
      if (reader.label(piece.meaning, labelText) && rows.length) rows.at(-1)!.push(label);
      else {
        rows.push([label]);
        rowLabel = label.text;
      }
      continue;
    }
    const shape = reader.shape();
    const row = rows.at(-1) ?? (rows.push([]), rows.at(-1)!);
    if (!shape) {
      row.push(cell(piece.start, piece.end));
      continue;
    }
    const digits = labelText;
    const blank = cell(piece.start, piece.end);
    const cells = shape.cells.map(() => ({ ...blank, text: '' }));
    row.push(...cells);
    runs.push({ shape, rowLabel, digits, result: splitRun({ text: digits, cells: shape.cells, sums: shape.sums }), cells, offsets: folded.offsets.slice(piece.start, piece.end), source });
  }
  const block: TableBlock = { kind: 'table', rows, blanksAreCells: true, position: at(from) };
  return { block, end: span(pieces[last]!.start, pieces[last]!.end).end };
}

const MAX_LISTED = 20;

/** Fills the cells of a run split one way; otherwise leaves them blank and says why. */
function settle(run: GluedRun): Finding[] {
  const { result, shape, digits } = run;
  if (result.count === 1) {
    let k = 0;
    result.candidates[0]!.forEach((piece, i) => {
      const start = run.offsets[k]!;
      const end = run.offsets[k + piece.length - 1]! + 1;
      run.cells[i]!.text = run.source.slice(start, end);
      run.cells[i]!.position = positionOf(run, k);
      k += piece.length;
    });
    return [];
  }
  return [unsplitDigits(shape.key, shape.row, run.rowLabel, run.cells[0]!.position, digits, shape.cells.length, result, run.arithmeticDoubted)];
}

/** Glued digits that do not split one way into the cells of a row (`applications.granted`, `reviewLitigation`): left blank, and the ways said. */
export function unsplitDigits(key: string, row: string | undefined, rowLabel: string, position: Position, digits: string, n: number, result: SplitResult, arithmeticDoubted = false): Finding {
  const table = key.split('.')[0] as keyof typeof TABLE_LABELS;
  const listed = result.candidates.slice(0, MAX_LISTED).map((c) => c.join('｜'));
  const more = result.count > listed.length ? `等${result.count}种` : '';
  return {
    severity: 'warning',
    rule: 'reader.gluedDigits',
    table,
    ...(row ? { row } : {}),
    tableLabel: TABLE_LABELS[table],
    rowLabel,
    position,
    message: `${key}: the digits ${digits} split into ${n} cells in ${result.count} ways`,
    messageZh:
      (arithmeticDoubted ? '该表的勾稽关系本身不成立，不能据此拆分数字；' : '') +
      (result.count === 0
        ? `“${rowLabel}”后粘连的数字 ${digits} 无法拆成${n}个符合表格要求的数字，这些单元格已留空，请对照原件填写。`
        : `“${rowLabel}”后粘连的数字 ${digits} 可以拆成${n}个数字的方式不止一种（${listed.join('；')}${more}），无法确定，这些单元格已留空，请对照原件选择。`),
    details: { digits, cells: n, ways: result.count, candidates: result.candidates.slice(0, MAX_LISTED) },
  };
}

function positionOf(run: GluedRun, k: number): Position {
  // Cells were made at the run's start; a piece k characters on is k source characters on the same line.
  const first = run.cells[0]!.position;
  return { line: first.line, column: first.column + (run.offsets[k]! - run.offsets[0]!) };
}
