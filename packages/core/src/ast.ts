/**
 * What every reader produces and one interpreter consumes (pandoc's one-AST design): the
 * document body in order, as paragraphs and tables with merged cells.
 */
import type { Position, SourceFormat } from './model.js';

export interface SourceCell {
  /** Cell text after script conversion, lines joined, surrounding white space trimmed. */
  text: string;
  colSpan: number;
  rowSpan: number;
  position: Position;
  /**
   * A row label whose figures the reader could not place (text copied one cell per line, out of
   * row order): the row is printed and left blank, and the reader has said why in its findings.
   */
  unplaced?: boolean;
  /** An empty cell between two cells of a text row (`5 |  | 5 |`): a real blank, even where the table's other empty cells are padding. */
  blankBetween?: boolean;
  /** Digits run together straight after their row's label, no separator at all (规章2117): a row's figures, not one figure. */
  gluedToLabel?: boolean;
}

export interface TableBlock {
  kind: 'table';
  rows: SourceCell[][];
  /**
   * True where an empty cell is a real blank in the table (HTML, Markdown, Word, Excel); false
   * where empty cells are only padding from a scraper (`| | |` at the end of a text line).
   */
  blanksAreCells: boolean;
  /**
   * True where a blank cell printed nothing at all (text copied out of a PDF): a row short of
   * figures cannot tell which of its cells are blank.
   */
  blanksVanish?: boolean;
  position: Position;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  position: Position;
}

export type Block = ParagraphBlock | TableBlock;

export interface SourceDocument {
  format: SourceFormat;
  script: 'simplified' | 'traditional';
  blocks: Block[];
}
