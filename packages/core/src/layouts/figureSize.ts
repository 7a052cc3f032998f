/** The smallest size, in points, a figure is set in to stay on one line: 0.7 of wide table 四's 8 pt, still legible. */
export const MIN_FIGURE_SIZE = 5.5;

/**
 * A figure broken over two lines reads as two figures (12345 over 6). The size, in points, at which a
 * figure `width` wide at `size` points fits its cell's `room` (width and room in one unit): undefined
 * when it fits as it is, or would need to be smaller than MIN_FIGURE_SIZE (it then wraps). Each writer
 * measures by its own widths and rounds down to the sizes it can set.
 */
export function oneLineFigureSize(width: number, room: number, size: number): number | undefined {
  if (width <= room) return undefined;
  const fitting = (size * room) / width;
  return fitting >= MIN_FIGURE_SIZE ? fitting : undefined;
}
