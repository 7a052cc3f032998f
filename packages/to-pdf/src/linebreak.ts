/** Chinese line breaking: by character, with the rules for punctuation (禁则). */

/** May not start a line. */
export const NO_LINE_START = new Set('，。、；：？！）」』”’》〉】〕…—,.;:?!)]}%'.split(''));
/** May not end a line. */
export const NO_LINE_END = new Set('（「『“‘《〈【〔([{'.split(''));

/**
 * Breaks text into lines no wider than `width`, measuring with `measure`. Latin words and numbers
 * stay whole unless one is wider than a line (a long URL), which breaks by character rather than
 * running off the page; a punctuation mark that may not start a line hangs at the end of the previous one; an
 * opening mark that may not end a line moves down with the character after it. Widths add up unit by
 * unit, as they do when glyphs are drawn unshaped (see drawingFont), so each unit is measured once.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number, firstLineIndent = 0): string[] {
  const units = text.match(/[A-Za-z0-9][A-Za-z0-9.,:/%@_\-+]*|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let available = width - firstLineIndent;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (line === '' && /^\s+$/.test(unit) && lines.length) continue; // no leading space on a continued line
    const unitWidth = measure(unit);
    if (unit.length > 1 && unitWidth > available && (line === '' || unitWidth > width)) {
      units.splice(i--, 1, ...unit); // fits no line whole: its characters go one by one
      continue;
    }
    if (lineWidth + unitWidth <= available || line === '') {
      line += unit;
      lineWidth += unitWidth;
      continue;
    }
    if (/^\s+$/.test(unit)) continue; // a space that does not fit is where the line breaks
    if (NO_LINE_START.has(unit[0]!)) {
      line += unit; // hanging punctuation: it may overflow the margin slightly
      lineWidth += unitWidth;
      continue;
    }
    let carry = '';
    while (line.length > 1 && NO_LINE_END.has(line.at(-1)!)) {
      carry = line.at(-1)! + carry;
      line = line.slice(0, -1);
    }
    lines.push(line);
    available = width;
    line = carry + unit;
    lineWidth = measure(line);
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
