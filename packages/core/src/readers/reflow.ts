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
  const prose = lines.filter((raw, i) => raw.trim() !== '' && !inTable(i) && !PAGE_NUMBER.test(raw.trim()));
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
    if (text === '' || PAGE_NUMBER.test(text)) {
      if (PAGE_NUMBER.test(text) || raw.includes('\f')) gap = 'page';
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
  return joinTwoLineTitle(paragraphs);
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

/** Heading numbering that opens a paragraph even at the body's left edge: 一、 （一） 1． */
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．.](?!\d))/;

/**
 * The width most lines wrap at, if most of the text is such a wrapped column: the width band of
 * FULL_SLACK columns that holds the most lines, when it holds enough of them.
 */
function fullWidth(widths: number[], lines: number): number | undefined {
  let best: { width: number; count: number } | undefined;
  for (const width of new Set(widths)) {
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

/** Chinese joins without a space; two Latin words (or figures) join with one. */
function joinWrapped(before: string, after: string): string {
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? `${before} ${after}` : before + after;
}

/**
 * A title printed on two lines, the agency over `2023年政府信息公开年度报告` (or `2019年上海市人民政府办公厅`
 * over `政府信息公开工作年度报告`), is one title: the agency is read from it.
 */
function joinTwoLineTitle(paragraphs: ParagraphBlock[]): ParagraphBlock[] {
  const [first, second] = paragraphs;
  if (!first || !second || second.position.line !== first.position.line + 1) return paragraphs;
  const agencyLine = first.text.length <= 30 && !/[。，；：:,、]/.test(first.text) && !isTitle(first.text);
  if (!agencyLine || !/报告$/.test(second.text) || !isTitle(first.text + second.text)) return paragraphs;
  return [{ ...first, text: joinWrapped(first.text, second.text) }, ...paragraphs.slice(2)];
}
