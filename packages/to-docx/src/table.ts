import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { placeCells, resolveBinding, type Report, type TableGrid } from '@report-convert/core';
import type { DocxStyle } from './styles.js';

const tableStyleId = (wide: boolean, header: boolean) => `rc-table${wide ? '-wide' : ''}${header ? '-header' : ''}`;

/** The paragraph styles of table cells: normal and wide (table 四) tables, body and header rows. */
export function tableParagraphStyles(style: DocxStyle) {
  return [false, true].flatMap((wide) =>
    [false, true].map((header) => ({
      id: tableStyleId(wide, header),
      name: `report-convert table${wide ? ' (wide)' : ''}${header ? ' header' : ''}`,
      run: { font: { eastAsia: style.fonts.table, ascii: style.fonts.latin, hAnsi: style.fonts.latin, hint: 'eastAsia' as const }, size: Math.round((wide ? style.sizes.wideTable : style.sizes.table) * 2), bold: header },
      paragraph: { spacing: { line: 240 } },
    })),
  );
}

/** An official grid as a Word table: spans from the layout data, header rows repeated, rows never split. */
export function gridTable(report: Report, grid: TableGrid, textWidth: number): Table {
  const wide = grid.columnWidths.length > 10;
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const columnWidths = grid.columnWidths.map((w) => Math.floor((w / total) * textWidth));
  const rows: TableCell[][] = grid.rows.map(() => []);
  for (const placed of placeCells(grid)) {
    const text = placed.cell.kind === 'label' ? placed.cell.text : resolveBinding(report, placed.cell.path).display;
    const center = placed.cell.kind === 'value' || placed.row < grid.headerRows || (placed.cell.kind === 'label' && placed.cell.align === 'center');
    rows[placed.row]!.push(
      new TableCell({
        // Font and size come from a paragraph style defined once (TABLE_STYLES), not from every run.
        children: [new Paragraph({ style: tableStyleId(wide, placed.row < grid.headerRows), alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [new TextRun(text)] })],
        columnSpan: placed.colSpan,
        rowSpan: placed.rowSpan,
        verticalAlign: VerticalAlign.CENTER,
        width: { size: columnWidths.slice(placed.col, placed.col + placed.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
        margins: { left: 40, right: 40, top: 20, bottom: 20 },
      }),
    );
  }
  return new Table({
    rows: rows.map((children, r) => new TableRow({ children, tableHeader: r < grid.headerRows, cantSplit: true })),
    columnWidths,
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

export const emptyLine = () => new Paragraph({ children: [new TextRun('')] });
