import { labelLines } from '@report-convert/core';
import type { DrawingFont } from './drawingFont.js';
import { wrapLines } from './linebreak.js';

/** A cell's text broken into the lines its room holds, with each line's width. */
export interface CellLines {
  lines: readonly string[];
  widths: readonly number[];
}

/** Wrapped cells kept per font: the labels of every layout, and the commonest figures, with room to spare. */
export const CELLS_KEPT = 4000;

const kept = new WeakMap<DrawingFont, Map<string, CellLines>>();

/**
 * A table cell's text wrapped to `room` and measured, broken first where core's labelLines says (after a
 * numbering, before the last two characters rather than leave one alone). Remembered across reports: a
 * layout's labels are the same text in the same room in every report of a batch (about 200 of a report's 300 cells), and
 * so are many figures (0, 1 …). Once CELLS_KEPT are kept the cache starts afresh, so a batch's memory
 * stays flat (dropping the oldest one by one was slower: a Map iterates past its deleted entries).
 * The result is shared: never changed by its callers.
 */
export function cellLines(font: DrawingFont, size: number, room: number, text: string, measure: (s: string) => number): CellLines {
  let cells = kept.get(font);
  if (!cells) kept.set(font, (cells = new Map()));
  const key = `${size} ${room} ${text}`;
  let cell = cells.get(key);
  if (!cell) {
    const fits = (line: string) => measure(line) <= room;
    const lines = labelLines(text, fits).flatMap((line) => wrapLines(line, room, measure));
    cell = { lines, widths: lines.map(measure) };
    if (cells.size >= CELLS_KEPT) cells.clear();
    cells.set(key, cell);
  }
  return cell;
}
