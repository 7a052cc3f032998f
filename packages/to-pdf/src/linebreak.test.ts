import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START, wrapLines } from './linebreak.js';

const measure = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) < 128 ? 5 : 10), 0);

describe('wrapLines', () => {
  it('breaks Chinese by character and keeps every character', () => {
    const text = '认真贯彻落实《中华人民共和国政府信息公开条例》，不断完善制度建设。';
    const lines = wrapLines(text, 100, measure);
    expect(lines.join('')).toBe(text);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('never starts a line with closing punctuation nor ends one with an opening mark', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'政府信息公开，。、；：？！）」”（「“《》abc 123'.split('')), { maxLength: 200 }), fc.integer({ min: 20, max: 200 }), (chars, width) => {
        const text = chars.join('');
        const lines = wrapLines(text, width, measure);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        for (const [i, line] of lines.entries()) {
          if (i > 0 && line) expect(NO_LINE_START.has(line[0]!), JSON.stringify(lines)).toBe(false);
          if (i < lines.length - 1 && line.length > 1) expect(NO_LINE_END.has(line.at(-1)!), JSON.stringify(lines)).toBe(false);
        }
      }),
    );
  });

  it('fills no line past the width, but for hanging punctuation or a unit that does not fit with its opening mark', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'政府信息公开，。（「abc 123'.split('')), { maxLength: 200 }), fc.integer({ min: 20, max: 200 }), fc.integer({ min: 0, max: 20 }), (chars, width, indent) => {
        const lines = wrapLines(chars.join(''), width, measure, indent);
        lines.forEach((line, i) => {
          const room = i === 0 ? width - indent : width;
          const hanging = line.replace(/[，。]+$/, '');
          // An opening mark goes down with the unit after it, even when the two overflow together.
          const units = [...hanging.replace(/^[（「]+/, '').matchAll(/[A-Za-z0-9]+|\s+|./gu)];
          if (units.length > 1) expect(measure(hanging), JSON.stringify(lines)).toBeLessThanOrEqual(room);
        });
      }),
    );
  });

  it('keeps numbers and Latin words whole', () => {
    expect(wrapLines('统计期限为2024年1月1日至www.example.gov.cn', 60, measure).some((l) => l.includes('www.example.gov.cn'))).toBe(true);
  });
});
