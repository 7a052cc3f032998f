import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { NOT_XML } from '../test-support/xml.js';
import { xmlSafeText, xmlSafeValue } from './xmlText.js';

const strings = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : []);

describe('xmlSafeText', () => {
  it('writes each control and non-character as a space and a lone surrogate as U+FFFD, one for one', () => {
    const text = 'a\u0007b\u000bc\u000cd\u0000e\u001ff\ufffeg\uffffh\ud800i\udc00j';
    const safe = xmlSafeText(text);
    expect(safe).toBe('a b c d e f g h\ufffdi\ufffdj');
    expect(safe).toHaveLength(text.length);
    expect(NOT_XML.test(safe)).toBe(false);
  });

  it('keeps tab, line breaks and whole characters beyond the BMP', () => {
    const text = '𠀀 申请\t人\r\n😀 〇';
    expect(xmlSafeText(text)).toBe(text);
  });
});

describe('xmlSafeValue', () => {
  it('returns the value itself when nothing needs mending', () => {
    const value = { a: ['x', { b: 'y' }], c: 1, d: null };
    expect(xmlSafeValue(value)).toBe(value);
  });

  it('copies only the way down to what it mends, and leaves the given value as it was', () => {
    const clean = { k: 'z' };
    const value = { a: ['x', { b: 'y\u0007' }], clean };
    const mended: string[] = [];
    const safe = xmlSafeValue(value, (text) => mended.push(text));
    expect(safe).toEqual({ a: ['x', { b: 'y ' }], clean });
    expect(safe.clean).toBe(clean);
    expect(value.a[1]).toEqual({ b: 'y\u0007' });
    expect(mended).toEqual(['y\u0007']);
  });
});

describe('parse mends what Word and Excel cannot hold, and says where', () => {
  const example = readFileSync(new URL('../../../../examples/penghou-street-2024.txt', import.meta.url), 'utf8');
  const clean = parse(example);
  const lines = example.split('\n');
  const at = lines.findIndex((line) => line.includes('。') && line.length > 40);

  it('in pasted text: every character as before but the control, mended into a space, and a warning at its line', () => {
    const column = lines[at]!.indexOf('。') + 1;
    lines[at] = lines[at]!.slice(0, column) + '\u0007\u000b' + lines[at]!.slice(column);
    const result = parse(lines.join('\n'));
    expect(result.ok && clean.ok).toBe(true);
    if (!result.ok || !clean.ok) return;
    const finding = result.findings.find((f) => f.rule === 'reader.illegalCharacters');
    expect(finding).toMatchObject({ severity: 'warning', position: { line: at + 1 } });
    expect(finding?.messageZh).toContain('U+0007, U+000B');
    expect(strings(result.report).filter((s) => NOT_XML.test(s))).toEqual([]);
    // The figures and every other string are untouched.
    expect({ ...result.report, sections: {} }).toEqual({ ...clean.report, sections: {} });
    const joined = (r: typeof result.report) => Object.values(r.sections).join('\n');
    expect(joined(result.report).replace('。  ', '。')).toBe(joined(clean.report));
  });

  it('in a JSON model: mended, with a warning that has no position to give', () => {
    if (!clean.ok) throw new Error('the example did not parse');
    const model = { ...clean.report, meta: { ...clean.report.meta, agency: 'X\u0001局\ud800' } };
    const result = parse(JSON.stringify(model));
    expect(result.ok && result.report.meta.agency).toBe('X 局\ufffd');
    expect(result.ok && result.findings).toEqual([expect.objectContaining({ rule: 'reader.illegalCharacters', message: expect.stringContaining('2 invisible') })]);
    expect(result.ok && result.findings[0]!.position).toBeUndefined();
  });
});
