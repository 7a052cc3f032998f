import { describe, expect, it } from 'vitest';
import { progress, timeLeft } from './progress.js';

describe('progress', () => {
  it('prints a plain line per input when not on a terminal', () => {
    const lines: string[] = [];
    progress(2, false, (s) => lines.push(s))(1, 'a.html');
    expect(lines).toEqual(['[1/2] a.html\n']);
  });

  it('says how long is left from the rate so far, once the batch has run a few seconds', () => {
    let clock = 0;
    const out: string[] = [];
    const show = progress(1000, true, (s) => out.push(s), 'zh', () => clock);
    clock = 1000;
    show(10, 'r10.txt');
    expect(out.at(-1)).not.toContain('约剩');
    clock = 10_000;
    show(100, 'r100.txt'); // 100 in 10 s: 900 more take 90 s
    expect(out.at(-1)).toMatch(/^\r\[##\.{18}\] 100\/1000 约剩 1 分 30 秒 r100\.txt {16}$/);
    clock = 20_000;
    show(1000, 'r999.txt');
    expect(out.at(-1)).not.toContain('约剩');
    expect(out.at(-1)).toMatch(/\n$/);
  });

  it('keeps the end of a long label within the line, a Chinese character taking two columns', () => {
    const out: string[] = [];
    progress(3, true, (s) => out.push(s))(1, '/archive/2016/沭阳县发展和改革局政府信息公开工作年度报告.docx');
    expect(out[0]).toBe('\r[#######.............] 1/3 息公开工作年度报告.docx '); // 23 columns and a space
  });

  it('rounds the time left as a person would say it, in either language', () => {
    expect(timeLeft(0.2, 'zh')).toBe('约剩 1 秒');
    expect(timeLeft(59.4, 'en')).toBe('about 59 s left');
    expect(timeLeft(3725, 'zh')).toBe('约剩 1 小时 2 分');
    expect(timeLeft(125, 'en')).toBe('about 2 min 5 s left');
  });
});
