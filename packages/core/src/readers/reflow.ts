import type { ParagraphBlock } from '../ast.js';
import { isTitle } from '../interpret/meta.js';
import { sectionHeading } from '../interpret/sections.js';

/**
 * The narrative of text copied out of a PDF (`pdftotext -layout`, a viewer's copy): paragraphs
 * wrapped at the page's width, a page number and a form feed at every page end. Such text is
 * told from text with one paragraph per line by evidence in itself, and then read back into
 * paragraphs; other text is left alone (undefined).
 */
export function reflowCopiedText(lines: string[], tables: { first: number; last: number }[]): ParagraphBlock[] | undefined {
  const inTable = (i: number) => tables.some((t) => t.first <= i && i <= t.last);
  const pageNumbers = lines.filter((l) => PAGE_NUMBER.test(l.trim())).length;
  const furniture = runningFurniture(lines, inTable);
  const prose = lines.filter((raw, i) => raw.trim() !== '' && !inTable(i) && !PAGE_NUMBER.test(raw.trim()) && !furniture.has(i));
  const edge = mode(prose.map(indent));
  const full = fullWidth(prose.filter((l) => indent(l) === edge).map(width), prose.length);
  const pageBreaks = lines.some((l) => l.includes('\f')) || pageNumbers >= 2;
  if (full === undefined || !(pageBreaks || tables.length > 0)) return undefined;

  // A paragraph's first line is indented by two characters, which -layout prints as a few spaces: it is that much narrower.
  const firstLine = (raw: string) => indent(raw) > edge && indent(raw) <= edge + MAX_FIRST_LINE_INDENT;
  const reach = (raw: string) => (indent(raw) > edge + MAX_FIRST_LINE_INDENT ? 0 : width(raw) + (firstLine(raw) ? FIRST_LINE_INDENT : 0));
  // A line runs to the full width, or falls short only because the next line's first word (a web address, a character that takes its punctuation along) did not fit.
  const wrapped = (before: string, after: string) => reach(before) >= full - FULL_SLACK || (reach(before) > 0 && reach(before) + displayWidth(FIRST_WORD.exec(after.trim())![0]) > full - FULL_SLACK);
  // Where paragraphs show their first-line indent, that tells them apart; a numbered heading at the edge is then a run-in one.
  const indented = prose.filter(firstLine).length >= MIN_INDENTED_LINES;
  const opens = (text: string) => sectionHeading(text) !== undefined || (!indented && NUMBERED.test(text));
  const paragraphs: ParagraphBlock[] = [];
  let last: string | undefined;
  let gap: 'none' | 'blank' | 'page' = 'none';
  for (const [i, raw] of lines.entries()) {
    const text = raw.trim();
    if (inTable(i)) {
      last = undefined;
      continue;
    }
    if (text === '' || PAGE_NUMBER.test(text) || furniture.has(i)) {
      if (PAGE_NUMBER.test(text) || raw.includes('\f') || furniture.has(i)) gap = 'page';
      else if (gap === 'none') gap = 'blank';
      continue;
    }
    if (raw.includes('\f')) gap = 'page';
    // A blank line within a page parts paragraphs; the blank lines around a page number do not.
    const joins = last !== undefined && gap !== 'blank' && indent(raw) <= edge && wrapped(last, raw) && !opens(text);
    const paragraph = paragraphs.at(-1);
    if (joins && paragraph) paragraph.text = joinWrapped(paragraph.text, text);
    else paragraphs.push({ kind: 'paragraph', text, position: { line: i + 1, column: raw.indexOf(text) + 1 } });
    last = raw;
    gap = 'none';
  }
  return joinTitleLines(paragraphs);
}

/** A running header or footer is at most this many lines at a page's top or bottom edge. */
const EDGE_LINES = 2;

/**
 * Lines a PDF prints on every page (the agency or the title on top, a URL and `3/10` or a date
 * at the foot, as Word's headers and a browser's "save as PDF" put them): the same text, figures
 * aside, at the same place from a page's top or bottom edge on two pages or more, most of them after
 * the first. Never a line of a table, a sentence, nor a line that occurs once; on the first page,
 * never the only title.
 */
export function runningFurniture(lines: string[], inTable: (i: number) => boolean): Set<number> {
  const pages = pagesOf(lines).map((page) => page.filter((i) => lines[i]!.trim() !== '' && !PAGE_NUMBER.test(lines[i]!.trim()) && !inTable(i)));
  if (pages.length < 2) return new Set();
  const key = (i: number) => lines[i]!.replace(/\s+/g, '').replace(/\d+/g, '#');
  const places = new Map<string, { page: number; line: number }[]>();
  for (const [page, content] of pages.entries()) {
    const edges = [...content.slice(0, EDGE_LINES).map((line, n) => ({ line, place: `top ${n}` })), ...content.slice(-EDGE_LINES).reverse().map((line, n) => ({ line, place: `bottom ${n}` }))];
    for (const { line, place } of edges) {
      if (/[。；！？]$/.test(lines[line]!.trim())) continue;
      const at = `${place}:${key(line)}`;
      places.set(at, [...(places.get(at) ?? []).filter((p) => p.line !== line), { page, line }]);
    }
  }
  // Most pages after the first carry it (the first may be printed without): a title and a 落款 that happen to stand at one place on two pages are no header.
  const running = (onPages: Set<number>) => onPages.size >= 2 && [...onPages].filter((page) => page > 0).length > (pages.length - 1) / 2;
  const furniture = new Set<number>();
  for (const found of places.values()) if (running(new Set(found.map((p) => p.page)))) for (const { line } of found) furniture.add(line);
  // A first page printed without the header (Word's "different first page") may open with the title the header repeats: that stays.
  const firstPage = pages[0]!;
  const titleAt = (i: number) => titleLines(lines.slice(i, i + MAX_TITLE_LINES).map((line) => line.trim())) > 0;
  if (!firstPage.slice(0, TITLE_SEARCH + EDGE_LINES).some((i) => !furniture.has(i) && titleAt(i))) for (const i of firstPage) furniture.delete(i);
  return furniture;
}

/** Line indices page by page: a form feed opens a page, and a page number ends one. */
function pagesOf(lines: string[]): number[][] {
  const pages: number[][] = [[]];
  for (const [i, raw] of lines.entries()) {
    if (raw.includes('\f') && pages.at(-1)!.length) pages.push([]);
    pages.at(-1)!.push(i);
    if (PAGE_NUMBER.test(raw.trim())) pages.push([]);
  }
  return pages.filter((page) => page.some((i) => lines[i]!.trim() !== ''));
}

/** `—5—`, `— 5 —`, `- 5 -`, `第5页`, `第 5 页 共 9 页`, `5/9`: a page's number on a line of its own. */
export const PAGE_NUMBER = /^(?:[-—–－─]+\s*\d{1,4}\s*[-—–－─]+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4})$/;
/** A wrapped line falls this many columns (two Chinese characters) short of the full width: a character that may not start a line takes the one before it along. */
const FULL_SLACK = 4;
const FIRST_LINE_INDENT = 4;
const MAX_FIRST_LINE_INDENT = 8;
const MIN_INDENTED_LINES = 3;
/** What cannot be parted at a line's end: a web address or figure with its brackets, else one character with the punctuation after it. */
const FIRST_WORD = /^[（(“‘《〈【]*(?:[A-Za-z0-9.:/_\-@%&?=#~+]+|.)[）)”’》〉】，。、；：？！,.;:]*/u;
/** At least this share of the prose lines run to the full width in a wrapped column. */
const WRAPPED_SHARE = 0.3;
const MIN_WRAPPED_LINES = 5;
/** A page's text column is at least this wide (15 Chinese characters): the short lines of one cell each are no column. */
const MIN_FULL_WIDTH = 30;

/** Heading numbering that opens a paragraph even at the body's left edge: 一、 （一） 1． */
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．.](?!\d))/;

/**
 * The width most lines wrap at, if most of the text is such a wrapped column: the width band of
 * FULL_SLACK columns that holds the most lines, when it holds enough of them.
 */
function fullWidth(widths: number[], lines: number): number | undefined {
  let best: { width: number; count: number } | undefined;
  for (const width of new Set(widths.filter((w) => w >= MIN_FULL_WIDTH))) {
    const count = widths.filter((w) => w <= width && w >= width - FULL_SLACK).length;
    if (!best || count > best.count || (count === best.count && width > best.width)) best = { width, count };
  }
  return best && best.count >= MIN_WRAPPED_LINES && best.count >= lines * WRAPPED_SHARE ? best.width : undefined;
}

/** Columns on the page: Chinese characters and full-width punctuation take two, Latin letters and digits one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

const indent = (raw: string) => /^\s*/.exec(raw.replace(/\f/g, ''))![0].length;
const width = (raw: string) => displayWidth(raw.trim());

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * Chinese joins without a space, and so do the pieces of a figure (4511) or of a web address
 * broken at the line's end; two Latin words join with one.
 */
export function joinWrapped(before: string, after: string): string {
  const figure = /\d$/.test(before) && /^\d/.test(after);
  const address = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*$/i.test(before);
  return !figure && !address && /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? `${before} ${after}` : before + after;
}

/** pdftotext puts a space where the font changes, between a Chinese character and a figure (`2025 年`): a title has none there. */
const titleText = (title: string) => title.replace(/\s+(?=[\p{Script=Han}\d])|(?<=[\p{Script=Han}\d])\s+/gu, (space, at: number) => (/\d/.test(title[at - 1] ?? '') && /\d/.test(title[at + space.length] ?? '') ? space : ''));

/**
 * A title printed on two or three lines, the agency over `2023年政府信息公开年度报告` (or `2019年上海市人民政府办公厅`
 * over `政府信息公开工作年度报告`), is one title: the agency is read from it. It is looked for in the
 * first few paragraphs, as a dated line or a header may stand above it.
 */
function joinTitleLines(paragraphs: ParagraphBlock[]): ParagraphBlock[] {
  for (let i = 0; i < TITLE_SEARCH && i < paragraphs.length; i++) {
    const run = [paragraphs[i]!];
    for (const next of paragraphs.slice(i + 1, i + MAX_TITLE_LINES)) if (next.position.line === run.at(-1)!.position.line + 1) run.push(next);
    else break;
    const taken = titleLines(run.map((p) => p.text));
    if (taken) return [...paragraphs.slice(0, i), { ...run[0]!, text: titleText(run.slice(1, taken).reduce((title, p) => joinWrapped(title, p.text), run[0]!.text)) }, ...paragraphs.slice(i + taken)];
  }
  return paragraphs;
}

/** How many of these consecutive lines make a title (the last ending with its 报告, the others short and unpunctuated), or 0 when the first opens none. */
function titleLines(lines: string[]): number {
  for (let n = 1; n <= Math.min(lines.length, MAX_TITLE_LINES); n++) {
    const [last, before] = [lines[n - 1]!, lines.slice(0, n - 1)];
    // A title ends with its 报告, unlike a sentence that names the 年度报告格式.
    if (before.some((line) => line.length > 30 || /[。，；：:,、]/.test(line) || TITLE_END.test(line))) return 0;
    if (TITLE_END.test(last) && isTitle(lines.slice(0, n).join(''))) return n;
  }
  return 0;
}
const MAX_TITLE_LINES = 3;
const TITLE_END = /(?:报告|年报)$/;
/** Paragraphs above the title: a date line, a document number, a header on the first page. */
const TITLE_SEARCH = 3;
