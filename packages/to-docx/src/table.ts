import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { placeCells, resolveBinding, type Report, type TableGrid } from '@report-convert/core';
import type { DocxStyle } from './styles.js';
import { run } from './text.js';

/** An official grid as a Word table: spans from the layout data, header rows repeated, rows never split. */
export function gridTable(report: Report, grid: TableGrid, style: DocxStyle, textWidth: number): Table {
  const size = grid.columnWidths.length > 10 ? style.sizes.wideTable : style.sizes.table;
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const columnWidths = grid.columnWidths.map((w) => Math.floor((w / total) * textWidth));
  const rows: TableCell[][] = grid.rows.map(() => []);
  for (const placed of placeCells(grid)) {
    const text = placed.cell.kind === 'label' ? placed.cell.text : resolveBinding(report, placed.cell.path).display;
    const center = placed.cell.kind === 'value' || placed.row < grid.headerRows || (placed.cell.kind === 'label' && placed.cell.align === 'center');
    rows[placed.row]!.push(
      new TableCell({
        children: [new Paragraph({ alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, style.fonts.table, size, style, { bold: placed.row < grid.headerRows })] })],
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
