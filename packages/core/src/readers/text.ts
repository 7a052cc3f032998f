import type { Block, SourceCell, SourceDocument, TableBlock } from '../ast.js';
import type { Finding } from '../finding.js';
import type { Position } from '../model.js';
import { LEGACY_SHEET } from '../ids.js';
import { sectionHeading } from '../interpret/sections.js';
import { readFigure } from '../normalize/figure.js';
import { fold } from '../normalize/fold.js';
import { readCellPerLineTables } from './cellPerLine.js';
import { reflowCopiedText } from './reflow.js';
import { readSpacedTables } from './spaced.js';

/** The document read, and what the reader itself noticed (tables whose cells it could not place). */
export interface TextReading {
  document: SourceDocument;
  findings: Finding[];
}

const MARKDOWN_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Text scraped from web pages, and Markdown. Table lines come in three styles: one cell per line
 * ending in ` |` (trailing `| |` runs are padding), one row per line with ` | ` between cells,
 * and Markdown rows `| a | b |` where an empty cell is a real blank. Everything else is a
 * paragraph, one per line. Text without any `|` may be copied out of a PDF: its tables are cells apart
 * by runs of spaces (./spaced.ts), and its paragraphs are wrapped over lines (./reflow.ts). The
 * input is already in Simplified script.
 */
export function readTextDocument(text: string, script: SourceDocument['script']): TextReading {
  const blocks: Block[] = [];
  let table: TableBlock | undefined;
  let markdown = false;
  const lines = tabsAsCellSeparators(text.split(/\r?\n|\r/));
  const piped = lines.some((l) => l.includes('|'));
  const spacedOnly = piped ? [] : readSpacedTables(lines);
  // One cell per line (plain pdftotext): tables in what the spaced reader left.
  const cellPerLine = piped ? undefined : readCellPerLineTables(lines, spacedOnly);
  const spaced = [...spacedOnly, ...(cellPerLine?.tables ?? [])].sort((a, b) => a.first - b.first);
  const findings = cellPerLine?.findings ?? [];
  const reflowed = piped ? undefined : reflowCopiedText(lines, spaced);
  if (reflowed) {
    const inOrder = [...spaced.map((t) => ({ at: t.first, block: t.block as Block })), ...reflowed.map((p) => ({ at: p.position.line - 1, block: p as Block }))];
    return { document: { format: 'text', script, blocks: inOrder.sort((a, b) => a.at - b.at).map((b) => b.block) }, findings };
  }
  lines.forEach((raw, i) => {
    const line = i + 1;
    const inSpaced = spaced.find((t) => t.first <= i && i <= t.last);
    if (inSpaced) {
      if (inSpaced.first === i) blocks.push(inSpaced.block);
      return;
    }
    const trimmed = raw.trim();
    if (trimmed === '') {
      table = undefined;
      return;
    }
    const isMarkdownRow = trimmed.startsWith('|') && trimmed.length > 1 && trimmed.endsWith('|');
    if (isMarkdownRow) markdown = true;
    if (isMarkdownRow && MARKDOWN_RULE.test(trimmed)) return;
    if (raw.includes('|')) {
      const cells = splitCells(raw, line, isMarkdownRow);
      if (!table || table.blanksAreCells !== isMarkdownRow) {
        table = { kind: 'table', rows: [], blanksAreCells: isMarkdownRow, position: { line, column: 1 } };
        blocks.push(table);
      }
      table.rows.push(cells);
      return;
    }
    // Scrapers drop the ` |` after a table's very last cell: a lone figure right after table lines is still a cell.
    const figure = readFigure(trimmed);
    if (table && !table.blanksAreCells && figure && figure.kind !== 'blank') {
      table.rows.push([{ text: trimmed, colSpan: 1, rowSpan: 1, position: { line, column: raw.indexOf(trimmed) + 1 } }]);
      table = undefined;
      return;
    }
    // A row whose separators all vanished, its figures run together after its label (二、上年结转…数量9760132109),
    // between rows of a table: its label and its digits, which the interpreter splits by the row's sums.
    const glued = table && !table.blanksAreCells ? gluedCells(trimmed, { line, column: raw.indexOf(trimmed) + 1 }) : null;
    if (glued) {
      table!.rows.push(glued);
      return;
    }
    table = undefined;
    const heading = markdown || /^#{1,6}\s/.test(trimmed) ? trimmed.replace(/^#{1,6}\s*/, '') : trimmed;
    blocks.push({ kind: 'paragraph', text: heading, position: { line, column: raw.indexOf(trimmed) + 1 } });
  });
  return { document: { format: markdown ? 'markdown' : 'text', script, blocks }, findings };
}

/** A table row's label (ending in a word, not in numbering) and the digits run together after it. */
const GLUED_ROW = /^(\S*\p{Script=Han}[^\d\s。；;，,]*?)(\d+(?:\.\d+)?)$/u;

/** A label and the digits run straight into it (规章2117) as the two cells they are, the digits marked gluedToLabel; null for other text. */
function gluedCells(text: string, position: Position): SourceCell[] | null {
  const glued = GLUED_ROW.exec(text);
  if (!glued) return null;
  return [
    { text: glued[1]!, colSpan: 1, rowSpan: 1, position },
    { text: glued[2]!, colSpan: 1, rowSpan: 1, position: { line: position.line, column: position.column + glued[1]!.length }, gluedToLabel: true },
  ];
}

/** Lines with a tab between two words: enough of them are a table copied out of a browser or Word. */
const MIN_TAB_ROWS = 3;
const LEGACY_SHEET_HEADINGS = new Set(LEGACY_SHEET.flatMap((e) => ('heading' in e ? [fold(e.heading)] : [])));

/**
 * A table copied out of a browser or Word comes as one row per line with a tab between cells, and
 * two tabs around a blank cell. Such tabs become `|`, one character for one, so that every cell keeps
 * its column; a tab indenting a line, or a lone tab in a sentence, stays white space.
 */
function tabsAsCellSeparators(lines: string[]): string[] {
  const inner = /(?<=\S[^\S\n]*)\t[\t ]*(?=\S)/g;
  const tabbed = lines.map((l) => l.includes('\t') && l.search(inner) !== -1);
  if (tabbed.filter(Boolean).length < MIN_TAB_ROWS) return lines;
  return lines.map((l, i) => {
    if (tabbed[i]) return l.replace(inner, (tabs) => tabs.replace(/\t/g, '|'));
    // A row of one cell spanning the table (第二十条第（一）项, the statistics sheet's 三、依申请公开情况) has no tab; the report's own section headings are no rows.
    const text = l.trim();
    const oneCellRow = text && tabbed[i - 1] && tabbed[i + 1] && (!sectionHeading(text) || LEGACY_SHEET_HEADINGS.has(fold(text)));
    return oneCellRow ? `${l}|` : l;
  });
}

/**
 * A text row's cells. Outside Markdown, empty cells at either end are a scraper's padding (`label | ||||`),
 * but one between two cells is a blank the row printed (`3.要求提供公开出版物 | 5 |  |  | 5 |`): dropping
 * it would move every later figure one column left.
 */
function splitCells(raw: string, line: number, markdown: boolean): SourceCell[] {
  const cells: SourceCell[] = [];
  let start = 0;
  const parts = raw.split('|');
  const filled = parts.flatMap((part, index) => (part.trim() ? [index] : []));
  parts.forEach((part, index) => {
    const column = start + 1;
    start += part.length + 1;
    if (markdown && (index === 0 || index === parts.length - 1) && part.trim() === '') return;
    const text = part.trim();
    const between = text === '' && index > filled[0]! && index < filled.at(-1)!;
    if (!markdown && text === '' && !between) return;
    const position = { line, column: column + part.indexOf(text) };
    // The row's last cell: a label with its figures run into it (（一）予以公开120341321751271).
    const glued = !markdown && index === filled.at(-1) ? gluedCells(text, position) : null;
    if (glued) cells.push(...glued);
    else cells.push({ text, colSpan: 1, rowSpan: 1, position, ...(between && !markdown ? { blankBetween: true } : {}) });
  });
  return cells;
}
