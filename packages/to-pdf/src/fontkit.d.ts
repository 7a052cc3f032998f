// The part of fontkit (pdfkit's own font engine) that we use: it ships no type declarations.
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { advanceWidth: number };
    unitsPerEm: number;
  }
  export function create(buffer: Uint8Array): Font | { fonts: Font[] };
}
