import { Converter } from 'opencc-js/cn2t';
import { writeGlued } from '../glued/write.js';
import { SECTION_HEADINGS, type SectionId } from '../ids.js';
import { placeCells, reportTables, resolveBinding, type TableGrid } from '../layouts/index.js';
import type { Report } from '../model.js';

export type SourceStyle = 'cellPerLine' | 'rowPerLine' | 'tabbed' | 'markdown' | 'html' | 'traditional' | 'glued';
export const SOURCE_STYLES: readonly SourceStyle[] = ['cellPerLine', 'rowPerLine', 'tabbed', 'markdown', 'html', 'traditional', 'glued'];

// Built on first use: the converter's dictionary trie is 20 MB of heap, and only the traditional style needs it.
let toTraditional: ((text: string) => string) | undefined;
const TABLE_SECTION: Record<string, SectionId> = { activeDisclosure: 'activeDisclosure', applications: 'applications', reviewLitigation: 'reviewLitigation' };

/**
 * Writes a report in one of the source styles met in the wild, from the same layout grids the
 * converters use: one cell per line ending in ` |`, one row per line, a table copied out of a browser
 * or Word (a tab between cells), Markdown, HTML with
 * rowspan/colspan, Traditional script with pinyin inserted as some scrapers leave it, or a crawler's
 * text with every cell separator lost (glued).
 */
export function writeReportAs(report: Report, style: SourceStyle): string {
  if (style === 'html') return writeHtml(report);
  if (style === 'glued') return writeGlued(report);
  const text = writeText(report, style === 'traditional' ? 'rowPerLine' : style);
  return style === 'traditional' ? (toTraditional ??= Converter({ from: 'cn', to: 't' }))(text).replace(/據/g, '據(jù)').replace(/項/g, '項(xiàng)') : text;
}

function body(report: Report, table: (grid: TableGrid) => string[], paragraph: (text: string) => string): string[] {
  const out: string[] = [];
  const para = (id: SectionId) => (report.sections[id] ?? '').split('\n').filter(Boolean).map(paragraph);
  const tables = reportTables(report);
  if (report.meta.title) out.push(paragraph(report.meta.title));
  out.push(...para('preamble'));
  if (report.layouts.legacy) {
    out.push(...tables.flatMap(table));
  } else {
    for (const id of ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'] as const) {
      out.push(paragraph(SECTION_HEADINGS[id]), ...para(id));
      out.push(...tables.filter((g) => TABLE_SECTION[g.table] === id).flatMap(table));
    }
  }
  out.push(...para('signature'));
  return out;
}

function writeText(report: Report, style: 'cellPerLine' | 'rowPerLine' | 'tabbed' | 'markdown'): string {
  const table = (grid: TableGrid): string[] => {
    const rows = gridRows(report, grid);
    if (style === 'markdown') {
      const width = grid.columnWidths.length;
      return rows.flatMap((cells, i) => [`| ${cells.join(' | ')} |`, ...(i === 0 ? [`|${' --- |'.repeat(Math.max(width, cells.length))}`] : [])]);
    }
    if (style === 'rowPerLine') return rows.map((cells) => `${cells.join(' | ')} |`);
    if (style === 'tabbed') return rows.map((cells) => cells.join('\t'));
    return rows.flatMap((cells) => cells.map((c, i) => (i === cells.length - 1 ? `${c} | |` : `${c} |`)));
  };
  return body(report, table, (t) => t).join('\n') + '\n';
}

/** Each grid row's cells as printed, in order (spanned cells appear once, where they start). */
function gridRows(report: Report, grid: TableGrid): string[][] {
  const rows: string[][] = grid.rows.map(() => []);
  for (const placed of placeCells(grid)) rows[placed.row]!.push(placed.cell.kind === 'label' ? placed.cell.text : resolveBinding(report, placed.cell.path).display);
  return rows;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function writeHtml(report: Report): string {
  const table = (grid: TableGrid): string[] => {
    const rows: string[][] = grid.rows.map(() => []);
    for (const { cell, row, rowSpan, colSpan } of placeCells(grid)) {
      const text = cell.kind === 'label' ? cell.text : resolveBinding(report, cell.path).display;
      const spans = `${colSpan > 1 ? ` colspan="${colSpan}"` : ''}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}`;
      rows[row]!.push(`<td${spans}><p>${text ? escape(text) : '&nbsp;'}</p></td>`);
    }
    return [`<table border="1">`, ...rows.map((r) => `<tr>${r.join('')}</tr>`), '</table>'];
  };
  return `<html><body>\n${body(report, table, (t) => `<p>${escape(t)}</p>`).join('\n')}\n</body></html>\n`;
}
