/** Reads one printed figure. */

export type Figure =
  /** `inexact`: more digits than a number holds (over 15 significant), so `value` is not what was printed. */
  | { kind: 'number'; value: number; unit?: string; plain: boolean; inexact?: true }
  | { kind: 'blank' }
  | { kind: 'notApplicable' };

const NOT_APPLICABLE = new Set(['/', '／', '—', '－', '-', '--', '——', '–', '无', '不适用', '/ ', '\\']);
/** The units a report prints beside a figure or in its own column (计量单位); the longer first, as a pattern tries them in order. */
const UNIT_WORDS = ['万元', '元', '条', '件', '次', '篇', '个', '人次', '人', '项', '份', '期', '家'];
const UNITS = UNIT_WORDS.join('|');
/** A unit alone: a cell of the legacy sheet's unit column, or the unit a PDF's text leaves beside a row's figures. */
export const UNIT_ALONE = new RegExp(`^(?:${UNITS})$`);
/** A unit after the figure, or in brackets after it (`12873（件）`, folded to `12873(件)`). */
const NUMBER = new RegExp(`^([+-]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(?:(${UNITS})|\\((${UNITS})\\))?$`);
/**
 * Characters Unicode folds to digits that no figure is printed with: circled numbers and super- and
 * subscripts are footnote marks (`36①` is 36 with note ①, not 361).
 */
const MARK_DIGIT_RANGES = '\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf';
const MARK_DIGITS = new RegExp(`[${MARK_DIGIT_RANGES}]`);

/** Returns null when the text is not a figure at all (a label). */
export function readFigure(raw: string): Figure | null {
  const text = raw.replace(/\u00a0/g, ' ').trim();
  if (text === '') return { kind: 'blank' };
  if (NOT_APPLICABLE.has(text)) return { kind: 'notApplicable' };
  // Digits apart by a space are two cells that lost their separator (`21 210`) as often as one grouped figure: neither is taken on trust.
  if (MARK_DIGITS.test(text) || /[0-9０-９][\s\u3000]+[0-9０-９]/.test(text)) return null;
  const folded = text.normalize('NFKC').replace(/\s+/g, '').replace(/[−－]/g, '-').replace(/＋/g, '+');
  const m = NUMBER.exec(folded);
  if (!m) return null;
  const [, sign, int, frac, plainUnit, bracketedUnit] = m;
  const unit = plainUnit ?? bracketedUnit;
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

/** A character no text about a number holds: anything but digits, marks, signs, separators and the words of approximations and units. */
const NOT_ABOUT_A_NUMBER = new RegExp(`[^\\s0-9０-９.．,，+＋\\-－−%％*＊（）()約约近共计合余多亿无${[...new Set(UNIT_WORDS.join(''))].join('')}〇Oo${MARK_DIGIT_RANGES}]`);

/**
 * Text in a figure's cell that is about a number but not one readFigure can take as printed:
 * `约3561`, `1200余`, `12.5万`, `36①`, `〇`, `21 210`. Read as blank with an error (never as a guess), where
 * dropping it as a label would move the row's later figures. Numbering (`1.`, `(1)`) and labels with
 * words (`1.当面申请数`, `2019年`) are not.
 */
export function looksLikeFigure(raw: string): boolean {
  const text = raw.trim();
  if (text.length > 16 || !/[0-9０-９〇]/.test(text.normalize('NFKC')) || /^[（(]?[0-9０-９]+[)）.．、]$/.test(text)) return false;
  return !NOT_ABOUT_A_NUMBER.test(text);
}
