/** Reads one printed figure. */

export type Figure =
  | { kind: 'number'; value: number; unit?: string; plain: boolean }
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
  return { kind: 'number', value, ...(unit ? { unit } : {}), plain };
}
