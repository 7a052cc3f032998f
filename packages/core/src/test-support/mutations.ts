/**
 * Damage as real files suffer it, for property tests of the readers: cut short, lines moved or
 * repeated, cells dropped or doubled, figures replaced by odd ones, stray bytes, other line ends and
 * encodings; zip packages with parts removed, renamed, cut short, doubled or their XML altered.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import fc from 'fast-check';
import { placeCells, reportTables } from '../layouts/index.js';
import { resolveBinding } from '../layouts/binding.js';
import type { Report } from '../model.js';
import { readFigure } from '../normalize/figure.js';
import { toSimplifiedScript } from '../normalize/script.js';

const ODD_FIGURES = ['1e30', '99999999999999999999', '-5', '-0', '１２３', 'NaN', 'Infinity', '0x1F', '1,2,3', '3.', '.5', '—', '', '٣', '12件件', '9'.repeat(400)];
const ODD_INSERTS = ['\0', '\uFEFF', '\uFFFD', '<table><tr><td rowspan="-3" colspan="99999999">', '</table>', '<td>', '<tr>', ' | | | ', '|', '\r', '<!--', '<![CDATA[', '&#0;', '&#x110000;', '一、总体情况', '（二）', '國開關為與機發實權', '\u202e', '\ud800',
  // Office XML: spans and merges without their cells or beyond the grid, a shared string that is not there
  '<w:gridSpan w:val="-5"/>', '<w:gridSpan w:val="99999999"/>', '<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:gridBefore w:val="1e9"/>', '<w:tc>', '</w:tr>',
  '<c r="XFD1048576" t="s"><v>999999</v></c>', '<c t="s"><v>-1</v></c>', '<row r="1048576">', '<mergeCell ref="B2:A1"/>', '<mergeCell ref="A1:XFD1048576"/>', '<col min="1" max="99999999999"/>'];

export type Mutation = { kind: number; at: number; to: number; pick: number };
/** A mutation as numbers: which damage, where (fractions of the text) and which odd value. */
export const mutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.nat(11), at: fc.double({ min: 0, max: 1, noNaN: true }), to: fc.double({ min: 0, max: 1, noNaN: true }), pick: fc.nat(1000) });

/** Applies one mutation to a text. */
export function mutateText(text: string, { kind, at, to, pick }: Mutation): string {
  const i = Math.floor(at * text.length);
  const j = Math.floor(to * text.length);
  const [lo, hi] = i < j ? [i, j] : [j, i];
  const lines = text.split('\n');
  const line = Math.floor(at * lines.length);
  const other = Math.floor(to * lines.length);
  switch (kind) {
    case 0: // cut short anywhere: mid-tag, mid-table, mid-surrogate pair
      return text.slice(0, i);
    case 1: // a stretch lost
      return text.slice(0, lo) + text.slice(hi);
    case 2: // a stretch doubled (a table's rows repeated)
      return text.slice(0, hi) + text.slice(lo, hi) + text.slice(hi);
    case 3: // two lines swapped
      [lines[line], lines[other]] = [lines[other]!, lines[line]!];
      return lines.join('\n');
    case 4: // a line repeated
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 5: {
      // a cell dropped or doubled: the text between two separators
      const cells = text.split(pick % 2 ? '|' : '<td');
      const c = Math.floor(at * cells.length);
      if (pick % 4 < 2) cells.splice(c, 1);
      else cells.splice(c, 0, cells[c] ?? '');
      return cells.join(pick % 2 ? '|' : '<td');
    }
    case 6: {
      // a figure replaced by an odd one
      let n = 0;
      const target = pick % 50;
      return text.replace(/\d+/g, (d) => (n++ === target ? ODD_FIGURES[pick % ODD_FIGURES.length]! : d));
    }
    case 7: // something odd inserted
      return text.slice(0, i) + ODD_INSERTS[pick % ODD_INSERTS.length]! + text.slice(i);
    case 8: // other line ends
      return pick % 2 ? text.replace(/\r?\n/g, '\r\n') : text.replace(/\r?\n/g, '\r');
    case 9: // only the headings, or nothing but one section
      return lines.filter((l) => (pick % 2 ? /^[一二三四五六七八]、|^#/.test(l.trim()) : !/\d/.test(l))).join('\n');
    case 10: // every character of a stretch repeated (a stuck key, a long line without a break)
      return text.slice(0, lo) + text.slice(lo, Math.min(hi, lo + 50)).repeat(1 + (pick % 200)) + text.slice(hi);
    default: // every digit fullwidth
      return text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  }
}

/** Applies one mutation to bytes: the text mutations, plus cuts inside a UTF-8 sequence and half the file in GB18030. */
export function mutateBytes(bytes: Uint8Array, m: Mutation): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  if (m.kind === 0) return bytes.subarray(0, Math.floor(m.at * bytes.length));
  if (m.kind === 11) {
    const half = Math.floor(m.at * text.length);
    return concat(strToU8(text.slice(0, half)), gb18030(text.slice(half)));
  }
  return strToU8(mutateText(text, m));
}

/** GB18030 bytes for the common characters, from the decoder's own table (Node has no GB18030 encoder). */
function gb18030(text: string): Uint8Array {
  const out: number[] = [];
  const decoder = new TextDecoder('gb18030');
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(gbCode(ch, decoder) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

let gbTable: Map<string, number[]> | undefined;
function gbCode(ch: string, decoder: { decode(bytes: Uint8Array): string }): number[] | undefined {
  if (!gbTable) {
    gbTable = new Map();
    for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) gbTable.set(decoder.decode(Uint8Array.of(a, b)), [a, b]);
  }
  return gbTable.get(ch);
}

const concat = (a: Uint8Array, b: Uint8Array) => {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
};

/** Damage to a zip package: a part removed, renamed, cut short, doubled, or its XML mutated as text. */
export function mutateZip(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 11) return bytes.subarray(0, Math.floor(m.at * bytes.length)); // the package itself cut short
  let parts: ReturnType<typeof unzipSync>;
  try {
    parts = unzipSync(bytes);
  } catch {
    return bytes; // already past repair by an earlier mutation
  }
  const names = Object.keys(parts).sort();
  const name = names[m.pick % names.length]!;
  const part = parts[name]!;
  if (m.kind === 0) delete parts[name];
  else if (m.kind === 1) (parts[`${name}.renamed`] = part), delete parts[name];
  else if (m.kind === 2) parts[name] = part.subarray(0, Math.floor(m.at * part.length));
  else if (m.kind === 3) parts[name.replace(/(\d*)\.xml$/, (_, n: string) => `${Number(n || 0) + 1}.xml`)] = part;
  else parts[name] = strToU8(mutateText(strFromU8(part), { ...m, kind: m.kind - 4 }));
  return zipSync(parts);
}

/**
 * The figures of a report that do not trace back to the input: each must have its printed text
 * recorded, that text must read as the figure, and it must stand in the input when one is given
 * (not for a PDF, whose reader joins runs by where they stand: 208 and 96 side by side are 20896).
 */
export function inventedFigures(report: Report, input?: string): string[] {
  const simplified = input === undefined ? undefined : toSimplifiedScript(input).text;
  const invented: string[] = [];
  for (const grid of reportTables(report))
    for (const { cell } of placeCells(grid)) {
      if (cell.kind !== 'value') continue;
      const { value, source } = resolveBinding(report, cell.path);
      if (value === null) continue;
      const printed = source && readFigure(source.text);
      if (!source || printed?.kind !== 'number' || printed.value !== value || !(input === undefined || input.includes(source.text) || simplified!.includes(source.text))) invented.push(`${cell.path} = ${value} (printed ${JSON.stringify(source?.text)})`);
    }
  return invented;
}
