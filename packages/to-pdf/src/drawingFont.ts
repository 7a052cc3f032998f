import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** The font pdfkit draws with: fontkit's, laid out as we measure it (see drawingFont). */
export type DrawingFont = fontkit.Font;

/** By path for the process; by bytes only while the caller holds them (a service given a font per request). */
const loadedByPath = new Map<string, DrawingFont>();
const loadedByBytes = new WeakMap<Uint8Array, DrawingFont>();

/**
 * A font read, parsed and adapted once per process: a CJK font is megabytes, parsing it costs more
 * than laying out a report, and a batch renders thousands.
 */
export function loadFont(source: string | Uint8Array): DrawingFont {
  let font = typeof source === 'string' ? loadedByPath.get(source) : loadedByBytes.get(source);
  if (!font) {
    font = drawingFont(openFace(source));
    if (typeof source === 'string') loadedByPath.set(source, font);
    else loadedByBytes.set(source, font);
  }
  return font;
}

/**
 * One face of a font file. A collection (.ttc: 宋体's simsun.ttc, Noto CJK) needs its face named as
 * `file.ttc#PostScriptName`: its first face is often not the Chinese one (Noto CJK's is Japanese).
 */
function openFace(source: string | Uint8Array): fontkit.Font {
  const named = typeof source === 'string' && !existsSync(source) ? /^(.*)#([^#/\\]+)$/.exec(source) : null;
  const file = named ? named[1]! : source;
  // Bytes are viewed, not copied: a batch's workers share one copy of a font of megabytes.
  const opened = fontkit.create(typeof file === 'string' ? readFileSync(file) : Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  if ('layout' in opened) return opened;
  const faces = opened.fonts.map((face) => face.postscriptName).join(', ');
  const face = named && opened.fonts.find((f) => f.postscriptName === named[2]);
  if (face) return face;
  throw named
    ? new FontFileError(`no face ${named[2]} in this collection (it has ${faces})`, `字体集中没有 ${named[2]}（其中有 ${faces}）`)
    : new FontFileError(`a font collection: name one of its faces as FILE#FACE (${faces})`, `这是字体集：请以“文件#字体名”指定其中一款（${faces}）`);
}

/** A font file the user gave that cannot be used, said in both languages (fontProblem). */
export class FontFileError extends Error {
  constructor(message: string, readonly messageZh: string) {
    super(message);
  }
}

/** A character that picks another glyph for the one before it: such text keeps fontkit's own lookup. */
const VARIATION_SELECTOR = /[\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]/u;
const setGet = <K, V>(map: Map<K, V>, key: K, value: V) => (map.set(key, value), value);

/**
 * fontkit's font as pdfkit should use it for Chinese official text, delegating everything else:
 *
 * - `layout` maps characters to glyphs through the cmap and advances each by its own width. Chinese
 *   needs no OpenType shaping (no ligatures, no kerning), full shaping was a fifth of the time per
 *   report, and the text is then drawn exactly as wide as our line breaker measured it.
 * - the subset copies a simple TrueType glyph's bytes without decoding its outline. fontkit decodes
 *   every outline only to learn whether the glyph is composite, which the header's sign tells; that
 *   was another fifth. Composite and variable glyphs still take fontkit's own path.
 * - each character's glyph is looked up in the cmap once a process, not in every line drawn (3 % of a PDF).
 */
function drawingFont(font: fontkit.Font): DrawingFont {
  const adapted: DrawingFont = Object.create(font);
  const glyphByCharacter = new Map<string, fontkit.Glyph>();
  adapted.layout = (text: string) => {
    const glyphs = VARIATION_SELECTOR.test(text) ? font.glyphsForString(text) : [...text].map((ch) => glyphByCharacter.get(ch) ?? setGet(glyphByCharacter, ch, font.glyphForCodePoint(ch.codePointAt(0)!)));
    const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    // pdfkit scales the positions in place before it reads the run's width, as with fontkit's GlyphRun.
    return { glyphs, positions, get advanceWidth() { return positions.reduce((sum, p) => sum + p.xAdvance, 0); } };
  };
  adapted.createSubset = () => {
    const subset = font.createSubset();
    const offsets = font.loca?.offsets;
    if (!offsets || font._variationProcessor) return subset;
    const addByDecoding = subset._addGlyph.bind(subset);
    subset._addGlyph = (gid: number) => {
      const stream = font._getTableStream('glyf');
      stream.pos += offsets[gid]!;
      const bytes = stream.readBuffer(offsets[gid + 1]! - offsets[gid]!);
      if (bytes.length >= 2 && bytes[0]! & 0x80) return addByDecoding(gid); // numberOfContours < 0: composite
      const glyph = font.getGlyph(gid);
      subset.glyf.push(bytes);
      subset.loca.offsets.push(subset.offset);
      subset.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
      subset.offset += bytes.length;
      return subset.glyf.length - 1;
    };
    return subset;
  };
  return adapted;
}
