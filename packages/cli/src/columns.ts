import { stripVTControlCharacters } from 'node:util';

/** East Asian Wide and Fullwidth characters (Unicode UAX #11): Han, kana, Hangul, fullwidth punctuation, emoji. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}/u;

/** The terminal columns a string takes: a Chinese character or fullwidth mark two, a colour code none. */
export function displayWidth(text: string): number {
  let columns = 0;
  for (const ch of stripVTControlCharacters(text)) columns += WIDE.test(ch) ? 2 : 1;
  return columns;
}
