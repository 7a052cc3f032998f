import { describe, expect, it } from 'vitest';
import { formatNumber } from './numbering.js';

describe('list numbers as Word prints them', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCounting', '二十'],
    [105, 'chineseCounting', '一百零五'],
    [110, 'chineseCounting', '一百一十'],
    [12, 'chineseLegalSimplified', '壹拾贰'],
    [3, 'ideographTraditional', '丙'],
    [2, 'decimalEnclosedCircle', '②'],
    [21, 'decimalEnclosedCircle', '21'],
    [7, 'decimalFullWidth', '７'],
    [4, 'decimalZero', '04'],
    [28, 'upperLetter', 'BB'],
    [14, 'lowerRoman', 'xiv'],
    [5, 'someFormatOfLater', '5'],
  ])('%i in %s is %s', (n, format, printed) => expect(formatNumber(n, format)).toBe(printed));
});
