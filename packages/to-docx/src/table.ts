import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { keepWithNextRows, labelLines, officeTextWidth, oneLineFigureSize, placeCells, resolveBinding, type Report, type TableGrid } from '@report-convert/core';
import { reusedCell, type CellMaker } from './cells.js';
import type { DocxStyle } from './styles.js';

const tableStyleId = (wide: boolean, header: boolean, center: boolean) => `rc-table${wide ? '-wide' : ''}${header ? '-header' : ''}${center ? '-center' : ''}`;

const GRID_TABLE_STYLE = 'rc-grid';
/** Cell side margins in twips. Table 四's columns are 15 to a line: wider margins leave room for two header characters, not three, so 结果维持 reads 结果/维持 as in the official form (and the PDF), never 结果维/持. */
const SIDE_MARGIN = 40;
const WIDE_SIDE_MARGIN = 80;
/** How wide Word sets `text` at `size` pt, in twips (officeTextWidth: a Chinese character an em). */
const twips = (text: string, size: number) => officeTextWidth(text) * 20 * size;
/** A figure's size in half-points where it must be set smaller to keep one line in `room` twips (oneLineFigureSize), by Word's widths. */
function oneLineSize(text: string, room: number, size: number): number | undefined {
  const fitting = oneLineFigureSize(twips(text, size), room, size);
  return fitting === undefined ? undefined : Math.floor(fitting * 2);
}
const SINGLE_LINE = { style: BorderStyle.SINGLE, size: 4, color: 'auto' };

/**
 * The table style of the official grids, given as a styles.xml of one style, which docx merges with its own and
 * ours: its style options declare paragraph and character styles only. Its one property, cells centred vertically,
 * was written on each of some 300 cells a report, 7 % of the time docx takes. Word and LibreOffice apply a table
 * style's tcPr to every cell of the table.
 */
export const gridTableStyleXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"><w:style w:type="table" w:styleId="${GRID_TABLE_STYLE}"><w:name w:val="report-convert grid"/><w:basedOn w:val="TableNormal"/><w:tcPr><w:vAlign w:val="center"/></w:tcPr></w:style></w:styles>`;

/**
 * The paragraph styles of table cells: normal and wide (table 四) tables, body and header rows,
 * centred and left. Each cell names one style instead of carrying font, size and alignment itself,
 * which keeps document.xml small and the docx library's per-cell work low.
 */
export function tableParagraphStyles(style: DocxStyle) {
  return [false, true].flatMap((wide) =>
    [false, true].flatMap((header) =>
      [false, true].map((center) => ({
        id: tableStyleId(wide, header, center),
        name: `report-convert table${wide ? ' (wide)' : ''}${header ? ' header' : ''}${center ? ' centred' : ''}`,
        run: { font: { eastAsia: style.fonts.table, ascii: style.fonts.latin, hAnsi: style.fonts.latin, hint: 'eastAsia' as const }, size: Math.round((wide ? style.sizes.wideTable : style.sizes.table) * 2), bold: header },
        paragraph: { spacing: { line: 240 }, alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT },
      })),
    ),
  );
}

/**
 * An official grid as a Word table: spans from the layout data, header rows repeated, rows never split.
 * Its cells come from `makeCell`: reused from report to report (cells.ts), or, for the tests, built anew.
 */
export function gridTable(report: Report, grid: TableGrid, textWidth: number, sizes: DocxStyle['sizes'], makeCell: CellMaker = reusedCell): Table {
  const wide = grid.columnWidths.length > 10;
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const columnWidths = grid.columnWidths.map((w) => Math.floor((w / total) * textWidth));
  const cellWidth = cellWidths(columnWidths, textWidth);
  const rows: TableCell[][] = grid.rows.map(() => []);
  // A group's rows stay on one page, and a row without figures (a block's title, its headings) with the row below.
  const keepWithNext = keepWithNextRows(grid);
  const margin = wide ? WIDE_SIDE_MARGIN : SIDE_MARGIN;
  const styleSize = wide ? sizes.wideTable : sizes.table;
  for (const placed of placeCells(grid)) {
    const text = placed.cell.kind === 'label' ? placed.cell.text : resolveBinding(report, placed.cell.path).display;
    const center = placed.cell.kind === 'value' || placed.row < grid.headerRows || (placed.cell.kind === 'label' && placed.cell.align === 'center');
    const width = cellWidth(placed.col, placed.colSpan);
    const room = width - margin * 2;
    const size = placed.cell.kind === 'value' ? oneLineSize(text, room, styleSize) : undefined;
    rows[placed.row]!.push(
      makeCell({
        // Broken where labelLines says, measured as Word sets a label; Word wraps the rest.
        lines: placed.cell.kind === 'label' ? labelLines(text, (line) => twips(line, styleSize) <= room) : [text],
        style: tableStyleId(wide, placed.row < grid.headerRows, center),
        keepNext: keepWithNext[placed.row] ?? false,
        columnSpan: placed.colSpan,
        rowSpan: placed.rowSpan,
        width,
        ...(size === undefined ? {} : { size }),
      }),
    );
  }
  return new Table({
    // keepNext on the row as well as on our cells: it reaches the cells docx adds below a cell merged down rows,
    // which start the row when the merged cell is its first (三、本年度办理结果), and Word keeps a row by its first cell.
    rows: rows.map((children, r) => new TableRow({ children, cantSplit: true, ...(keepWithNext[r] ? { keepNext: true } : {}), ...(r < grid.headerRows ? { tableHeader: true } : {}) })),
    columnWidths,
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    // Cells centred vertically by the table style, not each cell. A styled table takes its borders from its style
    // unless it is given them: the single lines docx gives an unstyled one.
    style: GRID_TABLE_STYLE,
    borders: Object.fromEntries(['top', 'bottom', 'left', 'right', 'insideHorizontal', 'insideVertical'].map((side) => [side, SINGLE_LINE])),
    margins: { left: margin, right: margin, top: 20, bottom: 20 },
  });
}

/**
 * The width in twips docx gives a cell without one as it writes a table of these columns and width: the columns
 * it spans, scaled up when they add up to less than the table (ours are rounded down). A cell given it keeps it.
 */
function cellWidths(columnWidths: number[], tableWidth: number) {
  const total = columnWidths.reduce((a, b) => a + b, 0);
  const scale = total > 0 && tableWidth > total ? tableWidth / total : 1;
  return (column: number, span: number) => Math.round(columnWidths.slice(column, column + span).reduce((a, b) => a + b, 0) * scale);
}

export const emptyLine = () => new Paragraph({ children: [new TextRun('')] });
