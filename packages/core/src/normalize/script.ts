import { Converter } from 'opencc-js/t2cn';

// Built on first use: most reports are in Simplified script and never need the dictionaries.
let toSimplified: ((text: string) => string) | undefined;

/**
 * Characters that are frequent in these reports and exist only in Traditional script. Converting
 * costs about as much as reading the report, so it runs only when one of these appears.
 */
const TRADITIONAL_MARKERS = /[國開關為與機發實權區條應報據將數處務總辦項當點統計資訊們個這來時會說請過據處後讓從對問題員體門單級導縣]/;

/**
 * Pinyin inserted after a character by some scrapers: 根據(jù) → 根據. A tone mark makes it pinyin
 * whatever precedes it (mojibake may have eaten the character: `c(diǎn)`); toneless syllables
 * are taken only right after a Chinese character.
 */
const TONED = '[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*';
const PINYIN_ANNOTATION = new RegExp(`(?<=\\S)\\(${TONED}\\)|(?<=[\\u3400-\\u9fff])\\([a-zü]{1,6}[1-5]\\)`, 'g');

export interface ScriptResult {
  text: string;
  script: 'simplified' | 'traditional';
}

/**
 * Removes pinyin annotations and converts Traditional to Simplified. Line breaks are kept, so a
 * line number in the result is a line number in the source.
 */
export function toSimplifiedScript(input: string): ScriptResult {
  const withoutPinyin = input.replace(PINYIN_ANNOTATION, '');
  if (!TRADITIONAL_MARKERS.test(withoutPinyin)) return { text: withoutPinyin, script: withoutPinyin === input ? 'simplified' : 'traditional' };
  const text = (toSimplified ??= Converter({ from: 't', to: 'cn' }))(withoutPinyin);
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== withoutPinyin.charCodeAt(i)) changed++;
  // A simplified report may hold a stray traditional character or two (a quoted name): not a traditional source.
  return { text, script: changed >= 5 ? 'traditional' : 'simplified' };
}
