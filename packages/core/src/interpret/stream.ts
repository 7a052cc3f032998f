import type { SourceCell, TableBlock } from '../ast.js';
import type { Position, SourceRef } from '../model.js';
import { looksLikeFigure, readFigure, type Figure } from '../normalize/figure.js';
import { fold } from '../normalize/fold.js';

/** A table cell as the interpreter sees it: a label, or a figure (blank and not-applicable included). */
export interface Token {
  text: string;
  folded: string;
  figure: Figure | null;
  position: Position;
  /** The figure's row may have lost blank cells without a trace (TableBlock.blanksVanish). */
  blanksVanish?: boolean;
  /** A row label whose figures the reader could not place (SourceCell.unplaced). */
  unplaced?: boolean;
  /** Text about a number that is not one (looksLikeFigure): a blank figure, and an error where it is stored. */
  notAFigure?: boolean;
  /** SourceCell.gluedToLabel: a row's figures run together. */
  gluedToLabel?: boolean;
}

/**
 * The cells of a table, in reading order, as one stream. Layout is read from the labels, not from
 * physical positions: real tables put spans on different cells in header and data rows, and
 * scraped text loses rows altogether. Padding blanks of scraped text are dropped.
 */
export function tokens(tables: TableBlock[]): Token[] {
  const out: Token[] = [];
  for (const table of tables)
    for (const row of table.rows)
      for (const cell of row) {
        const token = toToken(cell);
        if (token.figure?.kind === 'blank' && !token.notAFigure && !table.blanksAreCells && !cell.blankBetween) continue;
        out.push(table.blanksVanish ? { ...token, blanksVanish: true } : token);
      }
  return out;
}

function toToken(cell: SourceCell): Token {
  const figure = readFigure(cell.text);
  const notAFigure = figure === null && looksLikeFigure(cell.text);
  return { text: cell.text, folded: fold(cell.text), figure: notAFigure ? { kind: 'blank' } : figure, position: cell.position, ...(cell.unplaced ? { unplaced: true } : {}), ...(notAFigure ? { notAFigure: true } : {}), ...(cell.gluedToLabel ? { gluedToLabel: true } : {}) };
}

export interface Run<M> {
  label: Token;
  match: M | undefined;
  values: Token[];
}

/** Splits a stream into runs: each label with the figures that follow it up to the next label. */
export function runs<M>(stream: Token[], match: (label: Token) => M | undefined): Run<M>[] {
  const out: Run<M>[] = [];
  let current: Run<M> | undefined;
  for (const token of stream) {
    if (token.figure) {
      current?.values.push(token);
      continue;
    }
    current = { label: token, match: match(token), values: [] };
    out.push(current);
  }
  return out;
}

/** The model value of a figure token, and the source reference kept beside it. */
export function figureValue(token: Token): { value: number | null; source?: SourceRef } {
  const f = token.figure;
  if (!f || f.kind === 'blank') return { value: null };
  const at = { text: token.text, line: token.position.line, column: token.position.column };
  if (f.kind === 'notApplicable') return { value: null, source: { ...at, notApplicable: true } };
  return { value: f.value, source: { ...at, ...(f.unit ? { unit: f.unit } : {}) } };
}

export const hasNumber = (values: Token[]) => values.some((v) => v.figure?.kind === 'number');
