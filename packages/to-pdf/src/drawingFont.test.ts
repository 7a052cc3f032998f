import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFont } from './drawingFont.js';
import { DEFAULT_FONT } from './fonts.js';

// DejaVu Sans builds accented letters from components: the subset's composite path. CI installs it.
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

function subsetBytes(font: fontkit.Font, text: string): Uint8Array {
  const subset = font.createSubset();
  for (const glyph of font.glyphsForString(text)) subset.includeGlyph(glyph.id);
  return (subset as unknown as { encode(): Uint8Array }).encode();
}

function fontkitFont(path: string): fontkit.Font {
  const font = fontkit.create(readFileSync(path));
  if (!('layout' in font)) throw new Error('a collection');
  return font;
}

describe('the drawing font', () => {
  it('subsets simple glyphs to exactly the bytes fontkit writes', () => {
    const text = '政府信息公开工作年度报告，（一）“三安全一稳定”251000元 Word';
    expect(Buffer.from(subsetBytes(loadFont(DEFAULT_FONT), text)).equals(Buffer.from(subsetBytes(fontkitFont(DEFAULT_FONT), text)))).toBe(true);
  });

  it.skipIf(!existsSync(DEJAVU))('subsets composite glyphs to exactly the bytes fontkit writes', () => {
    const text = 'café Ångström ñ ü';
    const composite = fontkitFont(DEJAVU).glyphsForString('é')[0] as unknown as { _decode(): { numberOfContours: number } };
    expect(composite._decode().numberOfContours).toBeLessThan(0);
    expect(Buffer.from(subsetBytes(loadFont(DEJAVU), text)).equals(Buffer.from(subsetBytes(fontkitFont(DEJAVU), text)))).toBe(true);
  });

  it('lays a line out glyph by glyph, each advancing by its own width', () => {
    const font = loadFont(DEFAULT_FONT);
    const run = font.layout('报告 2025年') as { glyphs: fontkit.Glyph[]; positions: { xAdvance: number }[]; advanceWidth: number };
    expect(run.glyphs.map((g) => g.codePoints[0])).toEqual([...'报告 2025年'].map((c) => c.codePointAt(0)));
    expect(run.positions.map((p) => p.xAdvance)).toEqual(run.glyphs.map((g) => g.advanceWidth));
    expect(run.advanceWidth).toBe(run.glyphs.reduce((sum, g) => sum + g.advanceWidth, 0));
  });

  it('picks the glyphs fontkit picks, each character looked up once: Chinese, Latin, characters outside the BMP, a variation selector', () => {
    const ids = (font: fontkit.Font, text: string) => (font.layout(text) as { glyphs: fontkit.Glyph[] }).glyphs.map((g) => g.id);
    for (const text of ['政府信息公开，（一）251000元 Word 𪚥😀', '葛\u{E0100}葛']) {
      const once = ids(loadFont(DEFAULT_FONT), text);
      expect(once).toEqual(fontkitFont(DEFAULT_FONT).glyphsForString(text).map((g) => g.id));
      expect(ids(loadFont(DEFAULT_FONT), text)).toEqual(once);
    }
  });

  it('parses a font once by path, and once by bytes while the caller holds those bytes', () => {
    expect(loadFont(DEFAULT_FONT)).toBe(loadFont(DEFAULT_FONT));
    const bytes = readFileSync(DEFAULT_FONT);
    expect(loadFont(bytes)).toBe(loadFont(bytes));
    expect(loadFont(bytes)).not.toBe(loadFont(DEFAULT_FONT));
  });
});
