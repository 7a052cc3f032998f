import { Paragraph, TableCell, TextRun, WidthType } from 'docx';
import { keepXmlOf } from './keptXml.js';

/** A cell of an official grid: a paragraph of plain text in one of the table paragraph styles (table.ts). */
export interface CellContent {
  /** The text, in lines broken where the writer chose to (（三） over 不予公开); Word wraps each further. */
  lines: readonly string[];
  /** The paragraph style's id. */
  style: string;
  keepNext: boolean;
  columnSpan: number;
  rowSpan: number;
  /** In twips: the width docx gives a cell without one (see table.ts). */
  width: number;
  /** In half-points, where a figure is set smaller than its style to stay on one line. */
  size?: number;
}

export type CellMaker = (cell: CellContent) => TableCell;

/** The cell of this content, given `width` in twips, or left for docx to set as it writes the table. */
const tableCell = ({ lines, style, keepNext, columnSpan, rowSpan, size }: CellContent, width?: number) =>
  new TableCell({
    ...(width === undefined ? {} : { width: { size: width, type: WidthType.DXA } }),
    children: [
      new Paragraph({
        style,
        ...(keepNext ? { keepNext: true } : {}),
        children: lines.map((text, i) => new TextRun({ text, ...(size === undefined ? {} : { size }), ...(i > 0 ? { break: 1 } : {}) })),
      }),
    ],
    ...(columnSpan > 1 ? { columnSpan } : {}),
    ...(rowSpan > 1 ? { rowSpan } : {}),
  });

/** A cell as docx builds it: its width left to docx, which sets it on the cell as the table is written. */
export const newCell: CellMaker = (cell) => tableCell(cell);

/**
 * The same cell object for the same content, from report to report, built once and written once (keptXml.ts: its
 * XML kept and reused): a report's ~250 cells, mostly labels and small figures such as 0, were a third of toDocx.
 * Sound because nothing changes such a cell once built: it is given its width (docx would set it on the cell
 * while writing the table), and docx writes a paragraph of plain text the same wherever it stands.
 * The least recently used are dropped beyond CELLS_KEPT: labels, used by every report of their layout, stay;
 * a batch's rarer figures come and go. Keeping every cell (4,400 over 1,000 generated reports) took the batch's
 * peak RSS from about 330 to 395 MB, at the 400 MB goal; 800 gave the speed of 5,000 at 331–347 MB.
 */
const cells = new Map<string, TableCell>();
export const CELLS_KEPT = 1000;

export const reusedCell: CellMaker = (cell) => {
  const key = `${cell.width} ${cell.columnSpan} ${cell.rowSpan} ${cell.style} ${cell.keepNext} ${cell.size} ${cell.lines.join('\0')}`; // NUL: never in a document's text (xmlSafeValue)
  let reused = cells.get(key);
  if (reused) {
    // Map keeps insertion order: moved to the end, the least recently used stay at the front.
    cells.delete(key);
    cells.set(key, reused);
  } else {
    if (cells.size >= CELLS_KEPT) cells.delete(cells.keys().next().value!);
    reused = tableCell(cell, cell.width);
    keepXmlOf(reused);
    cells.set(key, reused);
  }
  return reused;
};
