/**
 * What a rendered PDF (ours, or LibreOffice's rendering of our .docx) prints of a table's row groups, read back
 * with pdftotext: which rows and labels each page shows, and in which lines.
 */
import { execFileSync } from 'node:child_process';
import { CONTINUED, placeCells, type PlacedCell, type TableGrid } from '../layouts/index.js';
import type { Report } from '../model.js';

/** The report with `lines` one-line paragraphs more above table 三: as they grow, its page break walks through all its rows. */
export const pushedDown = (report: Report, lines: number): Report => ({
  ...report,
  sections: { ...report.sections, applications: [...Array<string>(lines).fill('本年度依申请公开工作平稳有序。'), report.sections.applications ?? ''].join('\n') },
});

/** A word as pdftotext reads it (a line of a table cell, since cells hold no spaces), its box in points from the top left. */
export interface PrintedWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function pageWords(pdfPath: string): PrintedWord[][] {
  return execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(([, x0, y0, x1, y1, text]) => ({
        text: text!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
        x0: Number(x0),
        y0: Number(y0),
        x1: Number(x1),
        y1: Number(y1),
      })),
    );
}

/**
 * The lines a cell's `text` is printed in on a page, or undefined where the page does not show it: words one below
 * the other, aligned left or centred alike, that spell the text, or the text continued (with CONTINUED).
 */
export function printedLines(words: PrintedWord[], text: string): string[] | undefined {
  const whole = [text, text + CONTINUED];
  const centre = (w: PrintedWord) => (w.x0 + w.x1) / 2;
  for (const first of words) {
    if (!first.text || !whole.some((t) => t.startsWith(first.text))) continue;
    const lines = [first];
    for (;;) {
      const spelled = lines.map((w) => w.text).join('');
      if (whole.includes(spelled)) return lines.map((w) => w.text);
      const above = lines.at(-1)!;
      const height = above.y1 - above.y0;
      const next = words.find(
        (w) =>
          w.y0 > above.y0 + height / 2 &&
          w.y0 < above.y0 + height * 1.8 &&
          (Math.abs(w.x0 - first.x0) < 1.5 || Math.abs(centre(w) - centre(first)) < 1.5) &&
          whole.some((t) => t.startsWith(spelled + w.text)),
      );
      if (!next) break;
      lines.push(next);
    }
  }
  return undefined;
}

/** A label spanning body rows, with the rows it spans, each named by its own label (1.属于国家秘密). */
export interface RowGroup {
  label: string;
  rows: string[];
  /** Whether it spans another such group (三、本年度办理结果 over （三）不予公开). */
  holdsGroups: boolean;
}

export function rowGroups(grid: TableGrid): RowGroup[] {
  const placed = placeCells(grid);
  const rowLabel = (r: number) => placed.findLast((p) => p.row === r && p.rowSpan === 1 && p.cell.kind === 'label')!;
  const spanning = placed.filter((p) => p.cell.kind === 'label' && p.rowSpan > 1 && p.row >= grid.headerRows);
  const text = (p: PlacedCell) => (p.cell.kind === 'label' ? p.cell.text : '');
  return spanning.map((group) => ({
    label: text(group),
    rows: Array.from({ length: group.rowSpan }, (_, i) => text(rowLabel(group.row + i))),
    holdsGroups: spanning.some((other) => other !== group && other.row >= group.row && other.row + other.rowSpan <= group.row + group.rowSpan && other.rowSpan < group.rowSpan),
  }));
}

/** Each page (1-based) that shows rows of a group without the group's label, said as `page 4: （五）不予处理`. */
export function unlabelledGroups(pages: PrintedWord[][], groups: RowGroup[]): string[] {
  return pages.flatMap((words, i) => groups.filter((g) => g.rows.some((row) => printedLines(words, row)) && !printedLines(words, g.label)).map((g) => `page ${i + 1}: ${g.label}`));
}

/**
 * The body labels of a grid printed badly on these pages: with a character alone on its last line, or a group's
 * name (（三）不予公开) broken elsewhere than after its numbering; each said as `page 4: （三）/不予公/开`.
 */
export function badlyBrokenLabels(pages: PrintedWord[][], grid: TableGrid): string[] {
  const labels = placeCells(grid).flatMap((p) => (p.cell.kind === 'label' && p.row >= grid.headerRows ? [p.cell.text] : []));
  return pages.flatMap((words, i) =>
    labels.flatMap((label) => {
      const lines = printedLines(words, label)?.map((line) => line.replace(CONTINUED, '')).filter(Boolean);
      if (!lines) return [];
      const name = /^（[一二三四五六七八九十]）(.{4})$/.exec(label)?.[1];
      const orphan = lines.length > 1 && [...lines.at(-1)!].length === 1;
      const split = name !== undefined && !lines.join('/').endsWith(name);
      return orphan || split ? [`page ${i + 1}: ${lines.join('/')}`] : [];
    }),
  );
}
