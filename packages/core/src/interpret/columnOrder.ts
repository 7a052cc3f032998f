import type { TableId } from '../ids.js';
import { TABLE_LABELS } from '../ids.js';
import { fold } from '../normalize/fold.js';
import type { Context } from './context.js';
import type { Token } from './stream.js';

/**
 * The columns in the order a table's header prints them. A header that swaps two columns is
 * followed by figures swapped the same way, so reading by position would put each in the wrong
 * column without a word. Only a header naming every column, each by its official label, is
 * trusted; anything less keeps the official order.
 */
export function printedColumnOrder<C extends string>(ctx: Context, table: TableId, header: readonly Token[], labels: readonly (readonly [C, string])[]): C[] {
  const official = labels.map(([column]) => column);
  // The first labels of a row that names them all, one after another: a label wrapped over two lines
  // names none, and another row repeating them (table 四's groups) must not fill in for it.
  const columnOf = (token: Token) => labels.find(([, label]) => fold(label) === token.folded)?.[0];
  let printed: { column: C; token: Token }[] = [];
  for (const token of header) {
    if (printed.length === labels.length) break;
    const column = columnOf(token);
    printed = column ? [...printed, { column, token }] : [];
  }
  if (printed.length !== labels.length || new Set(printed.map((p) => p.column)).size !== labels.length) return official;
  // Reading order is not column order where a label wraps (PDF text, a PDF's grid): a wrapped one comes
  // before the one-line labels beside it. Labels on one line go by their column; over several lines,
  // only a reader of markup (HTML, Word) keeps them in order, not text copied out of a PDF.
  const oneLine = printed.every((p) => p.token.position.line === printed[0]!.token.position.line);
  if (oneLine) printed.sort((a, b) => a.token.position.column - b.token.position.column);
  else if (printed.some((p) => p.token.blanksVanish)) return official;
  if (printed.every((p, i) => p.column === official[i])) return official;
  const order = printed.map((p) => p.column);
  const first = printed.find((p, i) => p.column !== official[i])!;
  // Said once per header, however many rows it heads.
  if (ctx.findings.some((f) => f.rule === 'reader.columnOrder' && f.position === first.token.position)) return order;
  const names = printed.map((p) => p.token.text).join('｜');
  ctx.findings.push({
    severity: 'warning',
    rule: 'reader.columnOrder',
    table,
    tableLabel: TABLE_LABELS[table],
    position: first.token.position,
    message: `The header prints these columns in another order than the official table (${names}): each figure is read into the column its header names, and the outputs print the official order.`,
    messageZh: `表头的列顺序（${names}）与官方表格不同：各数字已按表头所示的列读取，输出按官方顺序排列。`,
  });
  return order;
}
