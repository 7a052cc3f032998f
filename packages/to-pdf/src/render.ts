import PDFDocument from 'pdfkit';
import { z } from 'zod';
import { assertOptions, assertReport, CONTINUED, documentBlocks, keepWithNextRows, oneLineFigureSize, OUTPUT_CREATOR, PAGE_NUMBER, placeCells, placeSignature, reportTitle, resolveBinding, titleLines, type DocumentBlock, type Finding, type PlacedCell, type Report, type TableGrid } from '@report-convert/core';
import { cellLines, type CellLines } from './cellLines.js';
import { loadFont, type DrawingFont } from './drawingFont.js';
import { FontError, fontProblem } from './fontProblem.js';
import { DEFAULT_FONT, PdfFonts } from './fonts.js';
import { wrapLines } from './linebreak.js';
import { paginateRows, rowsTallerThanAPage, tableStartHeight, type TableRows } from './paginate.js';
import { deflateStreams } from './streamDeflate.js';
import { drawLines, number, type PlacedLine } from './textLines.js';

/** renderPdf's and toPdf's options: their type, and their check (a misspelt key is refused, not ignored). */
export const PdfOptions = z.strictObject({
  /** Your own fonts (仿宋_GB2312, 方正小标宋简体 …) by role; the embedded Noto Serif SC is the default. */
  fonts: PdfFonts.optional(),
  /** Write PDF/A-2b (archival) rather than plain PDF 1.7. */
  pdfa: z.boolean().optional(),
  /** The creation date written in the file (now by default): a fixed one gives the same bytes every time. */
  date: z.date().optional(),
});
export type PdfOptions = z.infer<typeof PdfOptions>;

export interface PdfResult {
  bytes: Uint8Array;
  /** Characters a font cannot draw (`pdf.missingGlyph`, an error): one finding per font, never a silent box; table rows taller than a page (`pdf.rowTooTall`). */
  findings: Finding[];
}

const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89, top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const SIZE = { title: 22, heading: 16, body: 16, table: 10.5, wideTable: 8, footer: 14 };
const LINE = 28;
const CELL_PAD = 3;

type Doc = PDFKit.PDFDocument;
type Role = 'body' | 'title' | 'heading';

/**
 * Renders the report with our own layout: pdfkit draws glyphs where we say, and paginates nothing itself.
 * Rejects with a FontError, before drawing, when a font cannot draw these reports at all (see fontProblem).
 */
export async function renderPdf(report: Report, options: PdfOptions = {}): Promise<PdfResult> {
  assertReport(report);
  assertOptions(PdfOptions, options, 'renderPdf');
  const doc = new PDFDocument({
    // No default Helvetica: every run names its own font, and loading Helvetica's metrics cost a millisecond a report.
    font: null as unknown as string,
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    ...(options.pdfa ? { subset: 'PDF/A-2b' as const, pdfVersion: '1.7' as const } : { pdfVersion: '1.7' as const }),
    // The file's ID is a hash of this information, the creation date included.
    info: { Title: metadataText(reportTitle(report)), Author: metadataText(report.meta.agency ?? ''), Subject: '政府信息公开工作年度报告', Creator: OUTPUT_CREATOR, Producer: `${OUTPUT_CREATOR} (pdfkit)`, ...(options.date ? { CreationDate: options.date } : {}) },
  });
  deflateStreams(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const roleFonts = Object.fromEntries((['body', 'title', 'heading'] as const).map((role) => [role, reportFont(options.fonts?.[role] ?? options.fonts?.body ?? DEFAULT_FONT, role)])) as Record<Role, DrawingFont>;
  // pdfkit 0.20 takes a parsed fontkit font as a source; its type declarations predate that.
  for (const role of ['body', 'title', 'heading'] as const) doc.registerFont(role, roleFonts[role] as unknown as Buffer);
  // Switching fonts is costly in pdfkit (it compares name tables): switch only when the font changes.
  let current: DrawingFont | undefined;
  const use = (role: Role, size: number) => {
    if (current !== roleFonts[role]) doc.font(role);
    current = roleFonts[role];
    doc.fontSize(size);
    return (s: string) => measureWidth(roleFonts[role], s, size);
  };
  const findings: Finding[] = [];
  const blocks = documentBlocks(report);
  const tableLayouts = new Map<TableGrid, TableLayout>();
  const measured = (grid: TableGrid) => tableLayouts.get(grid) ?? tableLayouts.set(grid, layoutTable(report, grid, roleFonts.body, use)).get(grid)!;
  checkGlyphs(roleFonts, blocks, measured, findings);
  for (const block of blocks) if (block.kind === 'table') tooTallRows(block.grid, measured(block.grid), findings);

  const width = PAGE.width - PAGE.left - PAGE.right;
  const bottom = PAGE.height - PAGE.bottom;
  let y = 0;
  // Narrative lines wait here while the page, font and size stay the same, then are drawn as one text object.
  let pending: { role: Role; size: number; lines: PlacedLine[] } | undefined;
  const drawPending = () => {
    if (!pending) return;
    use(pending.role, pending.size);
    drawLines(doc, pending.lines);
    pending = undefined;
  };
  const newPage = () => {
    drawPending();
    doc.addPage({ size: 'A4', margin: 0 });
    y = PAGE.top;
  };
  newPage();
  const lines = (text: string, role: Role, size: number, lineHeight: number, opts: { indent?: number; align?: 'left' | 'center' | 'right' | 'justify'; rightIndent?: number } = {}) => {
    const measure = use(role, size);
    const wrapped = wrapLines(text, width - (opts.rightIndent ?? 0), measure, opts.indent ?? 0);
    wrapped.forEach((line, i) => {
      if (y + lineHeight > bottom) newPage();
      const w = measure(line);
      const indent = i === 0 ? (opts.indent ?? 0) : 0;
      const x = opts.align === 'center' ? PAGE.left + (width - w) / 2 : opts.align === 'right' ? PAGE.left + width - (opts.rightIndent ?? 0) - w : PAGE.left + indent;
      // Justified as the Word copy is (两端对齐): the room a full line leaves, spread between its characters,
      // unless that would space them out visibly (a long URL moved down whole leaves a short line: ragged is better).
      const gaps = [...line].length - 1;
      const spread = gaps > 0 ? (width - indent - w) / gaps : 0;
      const characterSpacing = opts.align === 'justify' && i < wrapped.length - 1 && spread > 0 && spread <= size / 8 ? spread : 0;
      if (pending?.role !== role || pending.size !== size) drawPending();
      pending ??= { role, size, lines: [] };
      pending.lines.push({ text: line, x, y: y + (lineHeight - size) / 2, characterSpacing });
      y += lineHeight;
    });
  };

  let section: PDFKit.PDFOutline | undefined;
  for (const [i, block] of blocks.entries()) {
    switch (block.kind) {
      case 'title': {
        y += 6;
        const measure = use('title', SIZE.title);
        for (const line of titleLines(block.text, report.meta.agency, (s) => measure(s) <= width)) lines(line, 'title', SIZE.title, SIZE.title * 1.6, { align: 'center' });
        y += 16;
        break;
      }
      case 'heading': {
        // Keep a heading with what follows: two lines of text, or the start of its table.
        const next = blocks[i + 1];
        const following = next?.kind === 'table' ? tableStartHeight(measured(next.grid)) : LINE * 2;
        if (y + LINE + following > bottom) newPage();
        // Bookmarks: the six sections, with their numbered sub-headings under them.
        if (block.level === 1) section = doc.outline.addItem(block.text);
        else (section ?? doc.outline).addItem(block.text);
        lines(block.text, 'heading', SIZE.heading, LINE, { indent: SIZE.body * 2 });
        break;
      }
      case 'paragraph':
        lines(block.text, 'body', SIZE.body, LINE, { indent: SIZE.body * 2, align: 'justify' });
        break;
      case 'table':
        drawPending();
        y = drawTable(doc, measured(block.grid), y, newPage, use) + LINE / 2;
        break;
      case 'signature': {
        y += LINE;
        const measure = use('body', SIZE.body);
        for (const line of placeSignature(block.lines, (s) => measure(s) / SIZE.body)) lines(line.text, 'body', SIZE.body, LINE, { align: 'right', rightIndent: SIZE.body * line.rightIndent });
        break;
      }
    }
  }
  drawPending();
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const label = `${PAGE_NUMBER.before}${i + 1}${PAGE_NUMBER.after}`;
    const inset = SIZE.body * PAGE_NUMBER.inset;
    const labelWidth = use('body', SIZE.footer)(label);
    const x = PAGE_NUMBER.side(i + 1) === 'right' ? PAGE.left + width - inset - labelWidth : PAGE.left + inset;
    drawLines(doc, [{ text: label, x, y: PAGE.height - PAGE.bottom + 14 }]);
  }
  doc.end();
  await done;
  return { bytes: new Uint8Array(Buffer.concat(chunks)), findings };
}

/**
 * pdfkit (0.20.2) copies Title and Author into the XMP metadata without escaping them: an & or < made
 * the XMP malformed XML, which PDF/A validators and metadata readers reject. Their full-width forms read
 * the same in a Chinese title and need no escaping.
 */
function metadataText(text: string): string {
  return text.replace(/[&<>]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));
}

const widthCache = new WeakMap<DrawingFont, Map<string, number>>();
/** Advance widths summed per character, cached: Chinese needs no kerning, and shaping every candidate line is slow. */
function measureWidth(font: DrawingFont, text: string, size: number): number {
  let widths = widthCache.get(font);
  if (!widths) widthCache.set(font, (widths = new Map()));
  let units = 0;
  for (const ch of text) {
    let w = widths.get(ch);
    if (w === undefined) widths.set(ch, (w = font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / font.unitsPerEm));
    units += w;
  }
  return units * size;
}

interface TableLayout extends TableRows {
  xs: number[];
  size: number;
  lineHeight: number;
  /**
   * Each cell with the text it shows (a label, or the report's figure as printed), wrapped; a figure too wide for its cell gets a smaller `size` instead;
   * a label spanning body rows, its lines on a page its rows continue to (`continued`: the label with CONTINUED).
   */
  placed: (PlacedCell & CellLines & { text: string; center: boolean; size?: number; continued?: CellLines })[];
}

/**
 * Measures a grid: spans from core's layout data, each row as tall as its wrapped labels, and what
 * must share a page: a label spanning rows with the rows its text needs, first and last, and the
 * rows core keeps with the next (keepWithNextRows: a group's rows, a block's title and headings).
 */
function layoutTable(report: Report, grid: TableGrid, font: DrawingFont, use: (role: Role, size: number) => (s: string) => number): TableLayout {
  const size = grid.columnWidths.length > 10 ? SIZE.wideTable : SIZE.table;
  const lineHeight = size * 1.35;
  const width = PAGE.width - PAGE.left - PAGE.right;
  const total = grid.columnWidths.reduce((a, b) => a + b, 0);
  const xs = [PAGE.left];
  for (const w of grid.columnWidths) xs.push(xs.at(-1)! + (w / total) * width);
  const measure = use('body', size);
  const placed: TableLayout['placed'] = placeCells(grid).map(({ cell, row, col, rowSpan, colSpan }) => {
    const text = cell.kind === 'label' ? cell.text : resolveBinding(report, cell.path).display;
    const room = xs[col + colSpan]! - xs[col]! - CELL_PAD * 2;
    const center = cell.kind === 'value' || row < grid.headerRows || (cell.kind === 'label' && cell.align === 'center');
    // A figure broken over two lines reads as two figures (2345 over 6): it is set smaller to keep one line.
    const wide = cell.kind === 'value' ? measure(text) : 0;
    const fitting = oneLineFigureSize(wide, room, size);
    if (fitting !== undefined) {
      const smaller = Math.floor(fitting * 10) / 10;
      return { cell, row, col, rowSpan, colSpan, text, lines: [text], widths: [(wide * smaller) / size], center, size: smaller };
    }
    const { lines, widths } = cellLines(font, size, room, text, measure);
    const continued = cell.kind === 'label' && rowSpan > 1 && row >= grid.headerRows ? { continued: cellLines(font, size, room, text + CONTINUED, measure) } : {};
    // Spelled out rather than spread from core's placed cell: the spread took longer than the rest of a cell's layout.
    return { cell, row, col, rowSpan, colSpan, text, lines, widths, center, ...continued };
  });
  const heights = grid.rows.map(() => lineHeight + CELL_PAD * 2);
  for (const p of placed.filter((c) => c.rowSpan === 1)) heights[p.row] = Math.max(heights[p.row]!, p.lines.length * lineHeight + CELL_PAD * 2);
  for (const p of placed.filter((c) => c.rowSpan > 1)) {
    const need = p.lines.length * lineHeight + CELL_PAD * 2;
    const have = heights.slice(p.row, p.row + p.rowSpan).reduce((a, b) => a + b, 0);
    if (need > have) for (let r = p.row; r < p.row + p.rowSpan; r++) heights[r]! += (need - have) / p.rowSpan;
  }
  // A label spanning rows needs the first of them on one page, enough to hold its text, and the last of them too,
  // enough to hold it again should a page break fall between.
  const keepTogether = [...heights];
  const rowsHeight = (first: number, last: number) => heights.slice(first, last + 1).reduce((a, b) => a + b, 0);
  const holds = ({ lines }: CellLines, height: number) => lines.length * lineHeight + CELL_PAD * 2 <= height;
  for (const p of placed) {
    if (!p.continued) continue;
    const last = p.row + p.rowSpan - 1;
    let end = p.row;
    while (end < last && !holds(p, rowsHeight(p.row, end))) end++;
    keepTogether[p.row] = Math.max(keepTogether[p.row]!, rowsHeight(p.row, end));
    let start = last;
    while (start > p.row && !holds(p.continued, rowsHeight(start, last))) start--;
    keepTogether[start] = Math.max(keepTogether[start]!, rowsHeight(start, last));
  }
  const keepWithNext = keepWithNextRows(grid);
  for (let r = grid.rows.length - 2; r >= 0; r--) if (keepWithNext[r]) keepTogether[r] = Math.max(keepTogether[r]!, heights[r]! + keepTogether[r + 1]!);
  return { xs, size, lineHeight, placed, heights, keepTogether, headerRows: grid.headerRows, pageTop: PAGE.top, pageBottom: PAGE.height - PAGE.bottom };
}

/** Draws a measured grid: rows never split, header rows repeated on every page the table crosses. A cell spanning rows that cross a page is drawn on both, a label's text on both (continued on the second). */
function drawTable(doc: Doc, table: TableLayout, startY: number, newPage: () => void, use: (role: Role, size: number) => (s: string) => number): number {
  const { xs, size, lineHeight, placed, heights } = table;
  const pages = paginateRows({ ...table, startY });
  if (pages[0]!.top !== startY) newPage();
  let y = startY;
  pages.forEach((page, i) => {
    if (i > 0) newPage();
    const rowTop: (number | undefined)[] = [];
    let top = page.top;
    for (const r of page.rows) {
      rowTop[r] = top;
      top += heights[r]!;
    }
    // Every border first, painted in one stroke (a PDF path cannot be interrupted by text): one content chunk, as doc.rect writes each.
    const borders: string[] = [];
    const text: PlacedLine[] = [];
    const smaller = new Map<number, PlacedLine[]>();
    for (const p of placed) {
      let first = -1;
      let last = -1;
      for (let r = p.row; r < p.row + p.rowSpan; r++) if (rowTop[r] !== undefined) (first = first < 0 ? r : first), (last = r);
      if (first < 0) continue;
      const y0 = rowTop[first]!;
      const y1 = rowTop[last]! + heights[last]!;
      borders.push(`${number(xs[p.col]!)} ${number(y0)} ${number(xs[p.col + p.colSpan]! - xs[p.col]!)} ${number(y1 - y0)} re`);
      // A label spanning rows that cross a page is printed again, continued, on the page they continue to (layoutTable
      // keeps room for it there; only where not even a page of rows holds it is it left out rather than overprint).
      const { lines, widths } = first === p.row ? p : p.continued ?? p;
      if (lines.length * lineHeight > y1 - y0 && first !== p.row) continue;
      let ty = y0 + (y1 - y0 - lines.length * lineHeight) / 2 + (lineHeight - (p.size ?? size)) / 2;
      const into = p.size === undefined ? text : smaller.get(p.size) ?? smaller.set(p.size, []).get(p.size)!;
      lines.forEach((line, k) => {
        const x = p.center ? (xs[p.col]! + xs[p.col + p.colSpan]! - widths[k]!) / 2 : xs[p.col]! + CELL_PAD;
        into.push({ text: line, x, y: ty });
        ty += lineHeight;
      });
    }
    doc.lineWidth(0.6).strokeColor('#000');
    if (borders.length) doc.addContent(borders.join('\n'));
    doc.stroke();
    for (const [at, lines] of smaller) {
      use('body', at);
      drawLines(doc, lines);
    }
    use('body', size);
    drawLines(doc, text);
    y = top;
  });
  return y;
}

/** Characters each font is known to draw: a font is loaded once a process, and asking its cmap for every character of every report was 3 % of a PDF. */
const drawable = new WeakMap<DrawingFont, Set<string>>();

/** The characters shown in a finding's sentence; its details list them all. */
const LISTED = 20;

/**
 * Every character the report will draw must have a glyph in the font that draws it. What a font lacks
 * is one finding, however many characters: a line per character buried the report's own findings.
 * An error, as a wrong figure is: the PDF would not say what the report says.
 */
function checkGlyphs(fonts: Record<Role, DrawingFont>, blocks: DocumentBlock[], measured: (grid: TableGrid) => TableLayout, findings: Finding[]): void {
  const lackedByFont = new Map<DrawingFont, Map<string, { where: string; whereZh: string; whereEn: string }>>();
  // `where` goes in the details (a figure's model path); the sentences name the place as printed.
  const visit = (text: string, where: string, whereZh: string, role: Role = 'body', whereEn = where) => {
    const font = fonts[role];
    let drawn = drawable.get(font);
    if (!drawn) drawable.set(font, (drawn = new Set()));
    for (const ch of text) {
      if (drawn.has(ch) || /\s/.test(ch)) continue;
      if (font.hasGlyphForCodePoint(ch.codePointAt(0)!)) {
        drawn.add(ch);
        continue;
      }
      const lacked = lackedByFont.get(font) ?? lackedByFont.set(font, new Map()).get(font)!;
      if (!lacked.has(ch)) lacked.set(ch, { where, whereZh, whereEn });
    }
  };
  blocks.forEach((block, i) => {
    if (block.kind === 'table')
      // The texts the layout already resolved: resolving every figure twice was 1 % of a report.
      for (const p of measured(block.grid).placed) visit(p.continued ? p.text + CONTINUED : p.text, p.cell.kind === 'value' ? p.cell.path : block.grid.title, `表格“${block.grid.title}”`, 'body', `table “${block.grid.title}”`);
    else if (block.kind === 'signature') visit(block.lines.join(''), 'the signature', '落款');
    else if (block.kind === 'title') visit(block.text, 'the title', '标题', 'title');
    else visit(block.text, `${block.kind} ${i + 1}`, `第${i + 1}段`, block.kind === 'heading' ? 'heading' : 'body');
  });
  for (const [font, lacked] of lackedByFont) {
    const characters = [...lacked].map(([character, at]) => ({ character, codePoint: codePoint(character), where: at.where }));
    const [first] = lacked;
    const listed = characters.slice(0, LISTED).map((c) => c.character);
    const more = characters.length > LISTED ? '…' : '';
    const name = font.familyName ?? font.postscriptName;
    const [only] = characters.length === 1 ? characters : [];
    findings.push({
      severity: 'error',
      rule: 'pdf.missingGlyph',
      message: only
        ? `The font ${name} has no glyph for ${only.character} (${only.codePoint}) in ${first![1].whereEn}: it would print as a blank box. Use a font that has it.`
        : `The font ${name} has no glyph for ${characters.length} characters: ${listed.join(' ')}${more && ` ${more}`}; the first (${characters[0]!.codePoint}) is in ${first![1].whereEn}. They would print as blank boxes: use a font that has them.`,
      messageZh: only
        ? `字体 ${name} 缺少“${only.character}”（${only.codePoint}），位于${first![1].whereZh}，将印成空框。请改用包含该字的字体。`
        : `字体 ${name} 缺少 ${characters.length} 个字：${listed.join('、')}${more}，第一个（${characters[0]!.codePoint}）位于${first![1].whereZh}，将印成空框。请改用包含这些字的字体。`,
      details: { font: name, characters },
    });
  }
}

/**
 * Rows taller than a page, said once per table: a PDF table row is never split (paginateRows), so
 * what does not fit is not printed. Only a label of thousands of characters gets there (a paragraph
 * the reader kept as an unrecognised row); the Excel copy and the JSON model hold it whole.
 */
function tooTallRows(grid: TableGrid, table: TableLayout, findings: Finding[]): void {
  const rows = rowsTallerThanAPage(table);
  if (!rows.length) return;
  const label = table.placed.find((p) => p.row <= rows[0]! && rows[0]! < p.row + p.rowSpan && p.cell.kind === 'label')?.text ?? '';
  const brief = label.length > 20 ? `${label.slice(0, 20)}…` : label;
  findings.push({
    severity: 'error',
    rule: 'pdf.rowTooTall',
    tableLabel: grid.title,
    ...(label ? { rowLabel: brief } : {}),
    message: `${rows.length === 1 ? 'A row' : `${rows.length} rows`} of table “${grid.title}” (the first: “${brief}”) ${rows.length === 1 ? 'is' : 'are'} taller than a page: a PDF table row is never split, so what does not fit is not printed. The Excel copy and the JSON model hold it whole.`,
    messageZh: `表格“${grid.title}”有 ${rows.length} 行高于一页（第一行：“${brief}”）：PDF 中表格行不拆分，页面放不下的部分没有印出。Excel 副本和 JSON 模型中完整保留。`,
  });
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The font a role draws in, refused with a FontError when it cannot draw these reports. */
function reportFont(source: string | Uint8Array, role: FontError['role']): DrawingFont {
  const problem = fontProblem(source);
  if (problem) throw new FontError(problem, role);
  return loadFont(source);
}
