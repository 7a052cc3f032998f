import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONT } from '@report-convert/to-pdf/fonts';
import { sharedFonts } from './sharedFonts.js';

describe('sharedFonts', () => {
  it('reads each PDF font once into memory the workers share, the default included', () => {
    const fonts = sharedFonts({ heading: DEFAULT_FONT });
    const body = fonts.body as Uint8Array;
    expect(body.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(body).equals(readFileSync(DEFAULT_FONT))).toBe(true);
    expect(fonts.heading).toBe(body); // one copy for a file given to two roles
  });

  it('leaves a face of a collection and an unreadable path as paths', () => {
    const paths = { title: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular', heading: '/no/such/font.ttf' };
    const fonts = sharedFonts(paths);
    expect([fonts.title, fonts.heading]).toEqual([paths.title, paths.heading]);
  });
});
