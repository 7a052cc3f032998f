import { Paragraph, TableCell, TextRun, WidthType } from 'docx';
import { prepareOnce } from './fastXml.js';

/** A cell of an official grid: a paragraph of plain text in one of the table paragraph styles (table.ts). */
export interface CellContent {
  text: string;
  /** The paragraph style's id. */
  style: string;
  keepNext: boolean;
  columnSpan: number;
  rowSpan: number;
  /** In twips: the width docx gives a cell without one (see table.ts). */
  width: number;
}

export type CellMaker = (cell: CellContent) => TableCell;

/** A cell as docx builds it: its width left to docx, which sets it on the cell as the table is written. */
export const newCell: CellMaker = ({ text, style, keepNext, columnSpan, rowSpan }) =>
  new TableCell({
    children: [new Paragraph({ style, ...(keepNext ? { keepNext: true } : {}), children: [new TextRun(text)] })],
    ...(columnSpan > 1 ? { columnSpan } : {}),
    ...(rowSpan > 1 ? { rowSpan } : {}),
  });

/**
 * The same cell object for the same content, from report to report, built once and prepared once (fastXml's
 * prepareOnce): a report's ~250 cells, mostly labels and small figures such as 0, were a third of toDocx.
 * Sound because nothing changes such a cell once built: it is given its width (docx would set it on the cell
 * while writing the table), and docx writes a paragraph of plain text the same wherever it stands.
 * Kept up to CELLS_KEPT, then all dropped: a batch's figures keep making new ones.
 */
const cells = new Map<string, TableCell>();
const CELLS_KEPT = 5000;

export const reusedCell: CellMaker = (cell) => {
  const key = `${cell.width} ${cell.columnSpan} ${cell.rowSpan} ${cell.style} ${cell.keepNext} ${cell.text}`;
  let reused = cells.get(key);
  if (!reused) {
    if (cells.size >= CELLS_KEPT) cells.clear();
    reused = new TableCell({
      width: { size: cell.width, type: WidthType.DXA },
      children: [new Paragraph({ style: cell.style, ...(cell.keepNext ? { keepNext: true } : {}), children: [new TextRun(cell.text)] })],
      ...(cell.columnSpan > 1 ? { columnSpan: cell.columnSpan } : {}),
      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    });
    prepareOnce(reused);
    cells.set(key, reused);
  }
  return reused;
};
