import { child, children, type XmlElement } from './xml.js';

/** The label of the next paragraph with these properties, counting it. */
export type ListLabels = (pPr: XmlElement | undefined) => string;

interface Level {
  start: number;
  format: string;
  text: string;
  /** What follows the label: a tab (shown as a space, as w:tab is read), a space or nothing. */
  suffix: string;
  /** isLgl: every level's number in Arabic digits (1.1 under 一). */
  legal: boolean;
}

interface ListInstance {
  abstractId: string;
  /** Levels this instance restarts or redefines (lvlOverride): it counts on its own. */
  overrides: Map<number, Partial<Level>>;
}

/**
 * Word's automatic numbering: the label (一、 （一） 1.) a numbered paragraph shows, which is not in its
 * text (Word's AutoFormat turns a typed 一、 into a list). Numbers are counted in document order, so
 * call it for every paragraph in that order. Lists that share a definition count on together, as Word
 * counts them, unless one restarts.
 */
export function listLabels(numbering: XmlElement | undefined, styles: XmlElement | undefined): ListLabels {
  const styleNumbering = new Map<string, { numId?: string; ilvl?: string; basedOn?: string }>();
  for (const style of styles ? children(styles, 'w:style') : []) {
    const numPr = child(child(style, 'w:pPr') ?? style, 'w:numPr');
    styleNumbering.set(style.attribs['w:styleId'] ?? '', { numId: val(numPr, 'w:numId'), ilvl: val(numPr, 'w:ilvl'), basedOn: val(style, 'w:basedOn') });
  }
  /** A style's numbering, or the one it is based on (a chain of at most ten, against loops). */
  const styled = (styleId: string | undefined, key: 'numId' | 'ilvl') => {
    for (let i = 0, id = styleId; id && i < 10; i++, id = styleNumbering.get(id)?.basedOn) if (styleNumbering.get(id)?.[key]) return styleNumbering.get(id)![key];
    return undefined;
  };
  const abstracts = new Map<string, XmlElement>();
  const instances = new Map<string, ListInstance>();
  for (const el of numbering ? children(numbering) : []) {
    if (el.name === 'w:abstractNum') abstracts.set(el.attribs['w:abstractNumId'] ?? '', el);
    if (el.name === 'w:num')
      instances.set(el.attribs['w:numId'] ?? '', {
        abstractId: val(el, 'w:abstractNumId') ?? '',
        overrides: new Map(children(el, 'w:lvlOverride').map((o) => [Number(o.attribs['w:ilvl'] ?? 0), { ...readLevel(child(o, 'w:lvl')), ...(val(o, 'w:startOverride') ? { start: Number(val(o, 'w:startOverride')) } : {}) }])),
      });
  }
  const definitions = new Map<string, Map<number, Level>>();
  /** The levels of a list definition, following a numStyleLink (a list style) to the definition it names. */
  const levelsOf = (abstractId: string): Map<number, Level> => {
    let abstract = abstracts.get(abstractId);
    const link = abstract && val(abstract, 'w:numStyleLink');
    if (link) abstract = abstracts.get(instances.get(styled(link, 'numId') ?? '')?.abstractId ?? '') ?? abstract;
    const levels = new Map((abstract ? children(abstract, 'w:lvl') : []).map((l) => [Number(l.attribs['w:ilvl'] ?? 0), { start: 0, format: 'decimal', text: '', suffix: ' ', legal: false, ...readLevel(l) }]));
    definitions.set(abstractId, levels);
    return levels;
  };
  const counters = new Map<string, number[]>();

  return (pPr) => {
    const numPr = pPr && child(pPr, 'w:numPr');
    const styleId = val(pPr, 'w:pStyle');
    const numId = val(numPr, 'w:numId') ?? styled(styleId, 'numId');
    const instance = numId && numId !== '0' ? instances.get(numId) : undefined;
    if (!instance) return '';
    const ilvl = Number(val(numPr, 'w:ilvl') ?? styled(styleId, 'ilvl') ?? 0);
    const defined = definitions.get(instance.abstractId) ?? levelsOf(instance.abstractId);
    const level = (l: number): Level | undefined => {
      const own = defined.get(l);
      return own && { ...own, ...instance.overrides.get(l) };
    };
    const key = instance.overrides.size ? `num ${numId}` : `abstract ${instance.abstractId}`;
    const counts = counters.get(key) ?? [];
    counters.set(key, counts);
    const shown = level(ilvl);
    if (!shown) return '';
    counts[ilvl] = (counts[ilvl] ?? shown.start - 1) + 1;
    counts.length = ilvl + 1; // a deeper level starts again under the next number of this one
    if (shown.format === 'bullet') return ''; // a bullet is no part of the text
    const label = shown.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const at = level(l);
      return at ? formatNumber(counts[l] ?? at.start, shown.legal ? 'decimal' : at.format) : '';
    });
    return label && label + shown.suffix;
  };
}

const val = (el: XmlElement | undefined, name: string) => (el && child(el, name)?.attribs['w:val']) ?? undefined;

function readLevel(lvl: XmlElement | undefined): Partial<Level> {
  if (!lvl) return {};
  const level: Partial<Level> = {};
  if (val(lvl, 'w:start') !== undefined) level.start = Number(val(lvl, 'w:start'));
  if (val(lvl, 'w:numFmt') !== undefined) level.format = val(lvl, 'w:numFmt')!;
  if (val(lvl, 'w:lvlText') !== undefined) level.text = val(lvl, 'w:lvlText')!;
  if (val(lvl, 'w:suff') !== undefined) level.suffix = val(lvl, 'w:suff') === 'nothing' ? '' : ' ';
  if (child(lvl, 'w:isLgl')) level.legal = val(lvl, 'w:isLgl') !== '0' && val(lvl, 'w:isLgl') !== 'false';
  return level;
}

const COUNTING_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SERIES: Record<string, string> = { ideographTraditional: '甲乙丙丁戊己庚辛壬癸', ideographZodiac: '子丑寅卯辰巳午未申酉戌亥' };

/** A list number as Word prints it in a numbering format (ST_NumberFormat); formats not known here print as 1, 2, 3. */
export function formatNumber(n: number, format: string): string {
  if (format in SERIES) return SERIES[format]![(n - 1) % SERIES[format]!.length] ?? String(n);
  if (format === 'chineseCounting' || format === 'chineseCountingThousand' || format === 'japaneseCounting' || format === 'taiwaneseCounting') return chineseCount(n, COUNTING_DIGITS, '十', '百');
  if (format === 'chineseLegalSimplified') return chineseCount(n, LEGAL_DIGITS, '拾', '佰', true);
  if (format === 'ideographDigital') return [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
  if (format === 'none') return '';
  if (format === 'decimalZero') return String(n).padStart(2, '0');
  if (format.startsWith('decimalFullWidth')) return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const enclosed = { decimalEnclosedCircle: 0x2460, decimalEnclosedCircleChinese: 0x2460, decimalEnclosedParen: 0x2474, decimalEnclosedFullstop: 0x2488 }[format];
  if (enclosed !== undefined && n >= 1 && n <= 20) return String.fromCharCode(enclosed + n - 1);
  if (format === 'upperLetter' || format === 'lowerLetter') {
    const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    return format === 'upperLetter' ? letter : letter.toLowerCase();
  }
  if (format === 'upperRoman' || format === 'lowerRoman') return format === 'upperRoman' ? roman(n) : roman(n).toLowerCase();
  return String(n);
}

/** 1–999 in counting numerals: 十, 十一, 二十, 一百零五; in financial ones (大写) 壹拾贰 keeps its 壹. */
function chineseCount(n: number, digits: string, ten: string, hundred: string, tenCounted = false): string {
  if (n < 1 || n > 999) return String(n);
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const tens = t ? `${t === 1 && !h && !tenCounted ? '' : digits[t]}${ten}` : h && u ? digits[0]! : '';
  return `${h ? digits[h]! + hundred : ''}${tens}${u ? digits[u] : ''}`;
}

function roman(n: number): string {
  let out = '';
  for (const [value, numeral] of [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']] as const)
    for (; n >= value; n -= value) out += numeral;
  return out;
}
