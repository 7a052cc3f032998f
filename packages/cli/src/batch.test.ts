import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONT } from '@report-convert/to-pdf/fonts';
import { sharingFonts } from './batch.js';

describe('sharingFonts', () => {
  it('reads each PDF font once into memory the workers share, the default included', () => {
    const fonts = sharingFonts({ to: ['docx', 'pdf'], outDir: '/tmp/out', fonts: { heading: DEFAULT_FONT } }).fonts!;
    const body = fonts.body as Uint8Array;
    expect(body.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(body).equals(readFileSync(DEFAULT_FONT))).toBe(true);
    expect(fonts.heading).toBe(body); // one copy for a file given to two roles
  });

  it('leaves a face of a collection, an unreadable path and a batch without PDF as they are', () => {
    const fonts = { title: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular', heading: '/no/such/font.ttf' };
    const shared = sharingFonts({ to: ['pdf'], outDir: '/tmp/out', fonts }).fonts!;
    expect([shared.title, shared.heading]).toEqual([fonts.title, fonts.heading]);
    const docxOnly = { to: ['docx' as const], outDir: '/tmp/out', fonts };
    expect(sharingFonts(docxOnly)).toBe(docxOnly);
  });
});
