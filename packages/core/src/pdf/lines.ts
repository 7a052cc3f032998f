import { readFigure } from '../normalize/figure.js';
import type { PdfPage, PdfText } from './page.js';

/** Text runs on one baseline, joined left to right. */
export interface TextLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** The line's parts where runs stand far apart (columns of a table without ruled lines); none for a line of running text. */
  cells: TextLine[];
}

/** A gap this many font sizes wide parts columns: justified Chinese has none, and a space between Latin words is half a size. */
const COLUMN_GAP = 1.5;

/**
 * Runs of text as lines, top to bottom. Producers cut a line into runs at will (LibreOffice at
 * every change of glyph source, pdf.js at every positioning), also inside words.
 */
export function textLines(texts: PdfText[]): TextLine[] {
  const lines: PdfText[][] = [];
  for (const t of texts.filter((t) => t.text.trim()).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const last = lines.at(-1);
    if (last && Math.abs(last[0]!.y - t.y) <= Math.min(last[0]!.size, t.size) * 0.4) last.push(t);
    else lines.push([t]);
  }
  return lines.map((runs) => {
    runs.sort((a, b) => a.x - b.x);
    const parts: PdfText[][] = [[runs[0]!]];
    for (let i = 1; i < runs.length; i++) {
      const [before, r] = [runs[i - 1]!, runs[i]!];
      const gap = r.x - (before.x + before.width);
      // Figures in narrow columns stand closer: two numbers set apart are two cells, never one number (16 | 371, not 16371).
      if (gap > Math.max(r.size, before.size) * COLUMN_GAP || (gap > r.size * 0.5 && /\d$/.test(before.text) && /^\d/.test(r.text))) parts.push([r]);
      else parts.at(-1)!.push(r);
    }
    const cells = letterSpacedJoined(parts);
    return { ...joinRuns(runs), cells: cells.length > 1 ? cells.map((part) => ({ ...joinRuns(part), cells: [] })) : [] };
  });
}

/** A line's part as short as one letter-spaced character (or two run together): one or two characters, no figure. */
function isLetterSpaced(part: PdfText[]): boolean {
  let text = '';
  for (const r of part) if ((text += r.text.replace(/\s/g, '')).length > 2) return false;
  return readFigure(text) === null;
}

/**
 * The parts of a line with each stretch of letter-spaced parts joined back into one: a title, a
 * table header or a 落款 set with wide letter spacing (分散对齐, 前　　言) stands a character per run,
 * two font sizes or more apart, and is one piece of text, not columns. Figures stay apart (a row of
 * 0s in narrow columns), and so does a long part from a short one (标题 | text).
 */
function letterSpacedJoined(parts: PdfText[][]): PdfText[][] {
  const joined: PdfText[][] = [];
  let stretch: PdfText[] | undefined;
  for (const part of parts) {
    if (!isLetterSpaced(part)) {
      stretch = undefined;
      joined.push(part);
    } else if (stretch) for (const r of part) stretch.push(r);
    else joined.push((stretch = part));
  }
  return joined;
}

/** Runs on one baseline as one piece of text, a space put back only between Latin letters or digits set apart. */
function joinRuns(runs: PdfText[]): Omit<TextLine, 'cells'> {
  let text = '';
  runs.forEach((r, i) => {
    const before = runs[i - 1];
    // Chinese has no spaces; between Latin letters and digits a gap wider than justification makes is one.
    // (No text.endsWith(' ') test: text ends with before.text, here a letter or digit; and on a string built by += it copied the whole text each time.)
    if (before && /[\x21-\x7e]$/.test(before.text) && /^[\x21-\x7e]/.test(r.text) && r.x - (before.x + before.width) > r.size * 0.5) text += ' ';
    text += r.text;
  });
  // Not Math.max(...runs): a line of a hundred thousand runs would overflow the call's arguments.
  const size = runs.reduce((max, r) => Math.max(max, r.size), -Infinity);
  return { text: text.trim(), left: runs[0]!.x, right: runs.reduce((max, r) => Math.max(max, r.x + r.width), -Infinity), y: runs[0]!.y, size };
}

/** Page numbers as agencies print them: `- 3 -`, `— 3 —`, `第3页 共5页`, `3/5`, `Page 3`. */
const PAGE_NUMBER = /^(?:[-—–－_·\s]*\d{1,4}[-—–－_·\s]*|第\s*\d+\s*页.*|\d+\s*[/／]\s*\d+|page\s*\d+.*)$/i;

/** The top and bottom margins, where headers and footers stand. */
const inMargin = (line: TextLine, page: PdfPage) => line.y < page.height * 0.1 || line.y > page.height * 0.92;

/**
 * Page headers and footers: a page number in the top or bottom margin, or a line that stands at the
 * same place in the margin of several pages (a running header, the agency's name on every page).
 */
export function pageFurniture(pages: { page: PdfPage; lines: TextLine[] }[]): Set<TextLine> {
  const key = (line: TextLine) => `${Math.round(line.y)}:${line.text.replace(/\d+/g, '#')}`;
  const seen = new Map<string, number>();
  for (const { page, lines } of pages) for (const k of new Set(lines.filter((l) => inMargin(l, page)).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const furniture = new Set<TextLine>();
  for (const { page, lines } of pages)
    for (const line of lines) if (inMargin(line, page) && (PAGE_NUMBER.test(line.text) || (seen.get(key(line)) ?? 0) >= 2)) furniture.add(line);
  return furniture;
}
