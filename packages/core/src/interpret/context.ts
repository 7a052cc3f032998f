import type { Finding } from '../finding.js';
import { TABLE_LABELS } from '../ids.js';
import { printedPlace } from '../layouts/binding.js';
import type { Report } from '../model.js';
import { unsplitDigits } from '../glued/read.js';
import { splitRun } from '../glued/split.js';
import type { RowCells } from '../glued/tables.js';
import { readFigure } from '../normalize/figure.js';
import type { Token } from './stream.js';
import { figureValue } from './stream.js';

/** What every table interpreter writes into: the report being built and the findings so far. */
export interface Context {
  report: Report;
  findings: Finding[];
}

/** Stores a figure at a model path and remembers where it was printed. */
export function storeFigure(ctx: Context, path: string, token: Token | undefined): number | null {
  if (!token) return null;
  if (token.notAFigure) {
    // Kept as printed, so that the workbook's note and a finding's position lead back to it.
    ctx.report.sources[path] = { text: token.text, line: token.position.line, column: token.position.column };
    ctx.findings.push({
      severity: 'error',
      rule: 'reader.notAFigure',
      ...printedPlace(ctx.report, path),
      position: token.position,
      message: `“${token.text}” cannot be read as one exact figure (an approximation, a mark, a word, or digits apart): read as blank; check the original and write the number itself.`,
      messageZh: `“${token.text}”不能确定为一个确切的数字（带有约数、注释符号、文字，或数字间有空格）：已按空白读取，请核对原文并改为数字本身。`,
    });
    return null;
  }
  const { value, source } = figureValue(token);
  if (source) ctx.report.sources[path] = source;
  if (token.figure?.kind === 'number' && token.figure.inexact) {
    ctx.findings.push({
      severity: 'error',
      rule: 'reader.inexactFigure',
      ...printedPlace(ctx.report, path),
      position: token.position,
      message: `The figure ${token.text} has more digits than a number holds and was read as ${value}: check it against the original.`,
      messageZh: `数字 ${token.text} 位数过多，无法原样保存，已读作 ${value}，请与原文核对。`,
    });
  }
  return value;
}

/** Keeps a row the reader did not recognise, with its figures, and says so. */
export function keepUnrecognisedRow(ctx: Context, table: Report['extraRows'][number]['table'], label: Token, unit: string | null, values: Token[], why: { en: string; zh: string }): void {
  ctx.report.extraRows.push({ table, label: label.text, unit, values: values.map((v) => v.text), position: label.position });
  ctx.findings.push({
    severity: 'warning',
    rule: 'reader.unrecognisedRow',
    table,
    tableLabel: TABLE_LABELS[table],
    rowLabel: label.text,
    position: label.position,
    message: `Row "${label.text}" (${values.map((v) => v.text).join(' | ')}) ${why.en}; it is kept as printed.`,
    messageZh: `“${label.text}”行（${values.map((v) => v.text).join('｜')}）${why.zh}，已按原文保留。`,
  });
}

/** A row short of figures that may have lost blank cells without a trace: no figure of it can be placed in a column. */
export const unplaceable = (values: Token[], width: number) => values.length < width && values.some((v) => v.blanksVanish);

/** A row whose figure count is not the table's width, said in a reader.cellCount finding; nothing for a label marked unplaced, whose reader has said why already. */
export function countMismatch(ctx: Context, table: Finding['table'], row: string, rowLabel: string, label: Token, values: Token[], want: number): void {
  if (label.unplaced) return;
  const got = values.length;
  const lost = unplaceable(values, want);
  const printed = values.map((v) => v.text);
  const [why, whyZh] = lost
    ? [` (${printed.join(' | ')}), and its blank cells printed nothing, so which columns they belong to is unknown: the row is left blank. Enter it by hand.`, `（${printed.join('｜')}）；空白单元格未留下任何痕迹，无法确定这些数字属于哪一列，该行留空，请手工填写。`]
    : [`; ${got < want ? 'the missing cells are left blank' : 'the extra figures are kept as an unrecognised row'}.`, `；${got < want ? '缺少的单元格留空' : '多出的数字作为未识别的行保留'}。`];
  ctx.findings.push({
    severity: lost ? 'error' : 'warning',
    rule: 'reader.cellCount',
    table,
    ...(table && table !== 'document' ? { tableLabel: TABLE_LABELS[table] } : {}),
    row,
    rowLabel,
    position: label.position,
    message: `Row "${label.text}" has ${got} figures where the table has ${want} columns${why}`,
    messageZh: `“${label.text}”行有${got}个数字，而表格有${want}列${whyZh}`,
  });
}

/**
 * A row whose figures came as one run of digits after its label (`（一）予以公开 | 120341321751271`), as
 * a page leaves a row whose cells lost their separators: split by the row's arithmetic where that
 * leaves one way, said so that it is checked; otherwise as many blanks as the row has cells, and the
 * ways said. Read as it stands, the run was one huge figure in the first column. Other rows come back as they are.
 */
export function splitGluedRow(ctx: Context, table: 'activeDisclosure' | 'applications' | 'reviewLitigation', row: string, rowLabel: string, values: Token[], shape: RowCells): Token[] {
  const [run] = values;
  const width = shape.cells.length;
  if (width < 2 || values.length !== 1 || !run || !/^\d+$/.test(run.text) || run.text.length < width) return values;
  const result = splitRun({ text: run.text, cells: shape.cells, sums: shape.sums });
  if (result.count !== 1) {
    ctx.findings.push(unsplitDigits(table === 'reviewLitigation' ? table : `${table}.${row}`, row, rowLabel, run.position, run.text, width, result));
    return shape.cells.map(() => ({ text: '', folded: '', figure: { kind: 'blank' }, position: run.position }));
  }
  const pieces = result.candidates[0]!;
  ctx.findings.push({
    severity: 'warning',
    rule: 'reader.gluedDigits',
    table,
    tableLabel: TABLE_LABELS[table],
    row,
    rowLabel,
    position: run.position,
    message: `The digits ${run.text} after "${rowLabel}" are its ${width} figures run together: split by the table's arithmetic, the one way it allows, as ${pieces.join(' | ')}. Check them against the original.`,
    messageZh: `“${rowLabel}”后的 ${run.text} 是该行${width}个数字连在一起，已按表格的勾稽关系（唯一可行的拆法）拆为 ${pieces.join('｜')}，请与原件核对。`,
  });
  let offset = 0;
  return pieces.map((text) => {
    const token: Token = { text, folded: text, figure: readFigure(text), position: { line: run.position.line, column: run.position.column + offset } };
    offset += text.length;
    return token;
  });
}
