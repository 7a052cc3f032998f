import { describe, expect, it } from 'vitest';
import { displayWidth } from './columns.js';

describe('displayWidth', () => {
  it('counts Chinese characters and fullwidth punctuation as two columns, colour codes as none', () => {
    expect(displayWidth('report-convert')).toBe(14);
    expect(displayWidth('输出格式，以逗号分隔：docx')).toBe(26);
    expect(displayWidth('（例如 仿宋_GB2312）')).toBe(20);
    expect(displayWidth('\x1b[1m选项\x1b[22m')).toBe(4);
    // Narrow in a terminal though outside ASCII: the separator of a finding's table path, a dash.
    expect(displayWidth('表 › 行 — 列')).toBe(12);
  });
});
