import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';

/** XML 1.0's Char production, the other way round: what no XML file may hold, escaped or not. */
export const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** The parts of an Office package holding a character no XML file may hold, each with the first such character's code. */
export function partsNotXml(zip: Uint8Array): string[] {
  return Object.entries(unzipSync(zip))
    .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
    .flatMap(([name, bytes]) => {
      const bad = NOT_XML.exec(strFromU8(bytes));
      return bad ? [`${name}: U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}`] : [];
    });
}

/** Text with anything in it: controls, U+FFFE/U+FFFF, lone surrogates, pairs, 汉字. */
export const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('\u0007', '\u000b', '\u0000', '\ufffe', '\uffff', '\ud800', '\udfff', '𠀀', '汉', ' '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 12 });
