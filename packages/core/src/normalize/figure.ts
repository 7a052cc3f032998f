/** Reads one printed figure. */

export type Figure =
  /** `inexact`: more digits than a number holds (over 15 significant), so `value` is not what was printed. */
  | { kind: 'number'; value: number; unit?: string; plain: boolean; inexact?: true }
  | { kind: 'blank' }
  | { kind: 'notApplicable' };

const NOT_APPLICABLE = new Set(['/', '／', '—', '－', '-', '--', '——', '–', '无', '不适用', '/ ', '\\']);
const UNITS = '万元|元|条|件|次|篇|个|人次|人|项|份|期|家';
const NUMBER = new RegExp(`^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(${UNITS})?$`);

/** Returns null when the text is not a figure at all (a label). */
export function readFigure(raw: string): Figure | null {
  const text = raw.replace(/\u00a0/g, ' ').trim();
  if (text === '') return { kind: 'blank' };
  if (NOT_APPLICABLE.has(text)) return { kind: 'notApplicable' };
  const folded = text.normalize('NFKC').replace(/\s+/g, '').replace(/[−－]/g, '-').replace(/＋/g, '+');
  const m = NUMBER.exec(folded);
  if (!m) return null;
  const [, sign, int, frac, unit] = m;
  const value = Number(`${sign}${int!.replace(/,/g, '')}${frac ?? ''}`);
  if (!Number.isFinite(value)) return null;
  const plain = text === String(value) || (text === `${int}${frac ?? ''}` && !int!.includes(',') && String(value) === text);
  const inexact = !holdsExactly(int!.replace(/,/g, ''), frac?.slice(1) ?? '', Math.abs(value));
  return { kind: 'number', value, ...(unit ? { unit } : {}), plain, ...(inexact ? { inexact: true as const } : {}) };
}

/**
 * Whether `value` is exactly the printed digits. Up to 15 significant digits always are (a double
 * holds any such decimal); beyond, the digits are compared with the value's own.
 */
function holdsExactly(int: string, frac: string, value: number): boolean {
  const digits = `${int}${frac}`.replace(/^0+/, '').replace(/0+$/, '');
  if (digits.length <= 15) return true;
  const printed = `${int.replace(/^0+(?=\d)/, '')}${frac.replace(/0+$/, '') ? `.${frac.replace(/0+$/, '')}` : ''}`;
  const held = Number.isInteger(value) ? BigInt(value).toString() : String(value);
  return printed === held;
}
