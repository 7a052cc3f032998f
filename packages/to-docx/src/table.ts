import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { keepWithNextRows, placeCells, resolveBinding, type Report, type TableGrid } from '@report-convert/core';
import type { DocxStyle } from './styles.js';

const tableStyleId = (wide: boolean, header: boolean, center: boolean) => `rc-table${wide ? '-wide' : ''}${header ? '-header' : ''}${center ? '-center' : ''}`;

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

/** An official grid as a Word table: spans from the layout data, header rows repeated, rows never split. */
export function gridTable(report: Report, grid: TableGrid, textWidth: number): Table {
  const wide = grid.columnWidths.length > 10;
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const columnWidths = grid.columnWidths.map((w) => Math.floor((w / total) * textWidth));
  const rows: TableCell[][] = grid.rows.map(() => []);
  // A row without figures (a block's title, its column headings) stays on the page of the row below.
  const keepWithNext = keepWithNextRows(grid);
  for (const placed of placeCells(grid)) {
    const text = placed.cell.kind === 'label' ? placed.cell.text : resolveBinding(report, placed.cell.path).display;
    const center = placed.cell.kind === 'value' || placed.row < grid.headerRows || (placed.cell.kind === 'label' && placed.cell.align === 'center');
    rows[placed.row]!.push(
      new TableCell({
        children: [new Paragraph({ style: tableStyleId(wide, placed.row < grid.headerRows, center), ...(keepWithNext[placed.row] ? { keepNext: true } : {}), children: [new TextRun(text)] })],
        ...(placed.colSpan > 1 ? { columnSpan: placed.colSpan } : {}),
        ...(placed.rowSpan > 1 ? { rowSpan: placed.rowSpan } : {}),
        verticalAlign: VerticalAlign.CENTER,
        // No cell width: a fixed-layout table takes its columns from the grid (w:tblGrid), in Word and LibreOffice alike.
      }),
    );
  }
  return new Table({
    rows: rows.map((children, r) => new TableRow({ children, cantSplit: true, ...(r < grid.headerRows ? { tableHeader: true } : {}) })),
    columnWidths,
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    // Table 四's columns are 15 to a line: wider side margins leave room for two header characters, not
    // three, so 结果维持 reads 结果/维持 as in the official form (and the PDF), never 结果维/持.
    margins: { left: wide ? 80 : 40, right: wide ? 80 : 40, top: 20, bottom: 20 },
  });
}

export const emptyLine = () => new Paragraph({ children: [new TextRun('')] });
