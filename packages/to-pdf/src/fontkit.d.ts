// The part of fontkit (pdfkit's own font engine) that we use: it ships no type declarations.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  export interface Subset {
    includeGlyph(gid: number): number;
    _addGlyph(gid: number): number;
    glyf: Uint8Array[];
    loca: { offsets: number[] };
    hmtx: { metrics: { advance: number; bearing: number }[] };
    offset: number;
  }
  export interface Font {
    layout(text: string): unknown;
    glyphsForString(text: string): Glyph[];
    getGlyph(gid: number): Glyph & { _getMetrics(): { leftBearing: number } };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    createSubset(): Subset;
    unitsPerEm: number;
    postscriptName: string;
    /** The name people know the font by (`Noto Serif SC`), null when the font has none. */
    familyName: string | null;
    loca?: { offsets: number[] };
    _variationProcessor?: unknown;
    _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  }
  export function create(buffer: Uint8Array): Font | { fonts: Font[] };
}
