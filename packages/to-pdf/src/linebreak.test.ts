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

  it('takes an opening mark down when the line would break at a space after it, the space dropped as at any break (fast-check found c「 政)', () => {
    expect(wrapLines('c「 政', 20, measure)).toEqual(['c', '「政']);
    expect(wrapLines('政“ 政，', 35, measure)).toEqual(['政', '“政，']);
    expect(wrapLines('政府「 信息', 40, measure)).toEqual(['政府', '「信息']);
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

  it('fills no line past the width, even with words wider than a line: a closing mark takes the character before it down instead of hanging', () => {
    const pieces = [...'政府信息公开，。（「abc 123'.split(''), 'www.gov.cn/zwgk/2025/t20250310_97791.htm'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 200 }), fc.integer({ min: 20, max: 200 }), fc.integer({ min: 0, max: 20 }), (chars, width, indent) => {
        const text = chars.join('');
        const lines = wrapLines(text, width, measure, indent);
        expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        lines.forEach((line, i) => {
          const room = i === 0 ? width - indent : width;
          // Only a line of a single character or word and its marks has nothing to take down, and may hang.
          const words = line.replace(/[，。.]+$/, '').replace(/^[（「]+/, '').match(/[A-Za-z0-9][A-Za-z0-9.,:/%@_\-+]*|\s+|./gsu) ?? [];
          if (words.length > 1) expect(measure(line), JSON.stringify(lines)).toBeLessThanOrEqual(room);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the characters before closing marks down with them, as Word does, rather than hang the marks', () => {
    // 10 characters fit; the 11th and 12th are closing marks.
    expect(wrapLines('一二三四五六七八九十）。再起一行', 100, measure)).toEqual(['一二三四五六七八九', '十）。再起一行']);
    expect(wrapLines('一二三四五六七八九十，下一行', 100, measure)).toEqual(['一二三四五六七八九', '十，下一行']);
    expect(wrapLines('电话：0527—83593059）。', 100, measure)).toEqual(['电话：0527—', '83593059）。']);
  });

  it('keeps numbers and Latin words whole where they fit a line, and breaks one that fits none by character', () => {
    expect(wrapLines('统计期限为2024年1月1日至www.example.gov.cn', 100, measure).some((l) => l.includes('www.example.gov.cn'))).toBe(true);
    const url = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202503/t20250310_97791.htm';
    const lines = wrapLines(`全文见${url}，欢迎查阅。`, 100, measure);
    expect(lines.join('')).toBe(`全文见${url}，欢迎查阅。`);
    expect(lines[0]).toMatch(/^全文见https:/); // the URL starts where there is room, not on a line of its own
    expect(Math.max(...lines.map(measure))).toBeLessThanOrEqual(100);
  });

  it('breaks a run of letters longer than a call takes arguments (a pasted blob of 300,000) by character', () => {
    const lines = wrapLines('a'.repeat(300_000), 100, (s) => s.length * 10);
    expect(lines).toHaveLength(30_000);
    expect(lines.every((line) => line === 'a'.repeat(10))).toBe(true);
  });
});
