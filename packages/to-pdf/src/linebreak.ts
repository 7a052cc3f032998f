/** Chinese line breaking: by character, with the rules for punctuation (禁则). */

/** May not start a line. */
export const NO_LINE_START = new Set('，。、；：？！）」』”’》〉】〕…—,.;:?!)]}%'.split(''));
/** May not end a line. */
export const NO_LINE_END = new Set('（「『“‘《〈【〔([{'.split(''));

/**
 * Breaks text into lines no wider than `width`, measuring with `measure`. Latin words and numbers
 * stay whole unless one is wider than a line (a long URL), which breaks by character rather than
 * running off the page; a punctuation mark that may not start a line takes the character before it down
 * with it (推出, as Word and WPS do: the shorter line is then justified), and hangs past the width only
 * where that would leave a line empty; an opening mark that may not end a line moves down with the
 * character after it. Widths add up unit by
 * unit, as they do when glyphs are drawn unshaped (see drawingFont), so each unit is measured once.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number, firstLineIndent = 0): string[] {
  let units: string[] = text.match(/[A-Za-z0-9][A-Za-z0-9.,:/%@_\-+]*|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  let lineUnits: string[] = []; // the units of `line`, to take some back when a closing mark pushes them down
  let lineWidth = 0;
  let available = width - firstLineIndent;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (line === '' && /^\s+$/.test(unit) && lines.length) continue; // no leading space on a continued line
    const unitWidth = measure(unit);
    if (unit.length > 1 && unitWidth > available && (line === '' || unitWidth > width)) {
      // Fits no line whole: its characters go one by one (not splice(i, 1, ...unit): a run of a hundred thousand letters is as many arguments).
      units = [...units.slice(0, i), ...unit, ...units.slice(i + 1)];
      i--;
      continue;
    }
    if (lineWidth + unitWidth <= available || line === '') {
      line += unit;
      lineUnits.push(unit);
      lineWidth += unitWidth;
      continue;
    }
    if (/^\s+$/.test(unit)) continue; // a space that does not fit is where the line breaks
    // What goes down with `unit`: the characters before a closing mark, up to one that may start a line;
    // the opening marks before anything else.
    let taken = 0;
    if (NO_LINE_START.has(unit[0]!)) {
      taken = lineUnits.length;
      while (taken > 0 && NO_LINE_START.has(lineUnits[taken - 1]![0]!)) taken--;
      taken = taken > 1 ? lineUnits.length - taken + 1 : 0;
      if (!taken) {
        line += unit; // a line of one character and its marks: they hang past the width
        lineUnits.push(unit);
        lineWidth += unitWidth;
        continue;
      }
    }
    // Opening marks go down too, past the spaces after them, which are dropped as a space at a break is.
    for (let k = taken; k < lineUnits.length - 1; k++) {
      const at = lineUnits.length - 1 - k;
      if (/^\s+$/.test(lineUnits[at]!)) continue;
      if (!NO_LINE_END.has(lineUnits[at]!.at(-1)!)) break;
      lineUnits.splice(at + 1, k - taken);
      k = taken++;
    }
    const carried = lineUnits.splice(lineUnits.length - taken, taken);
    lines.push(lineUnits.join('').trimEnd());
    available = width;
    lineUnits = [...carried, unit];
    line = lineUnits.join('');
    lineWidth = measure(line);
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
