import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate/report.js';
import { resolveBinding } from './binding.js';

describe('resolveBinding: what a person sees', () => {
  const report = generateReport(1, { layout: '2019' });
  const path = 'activeDisclosure.licensing.change';
  const shown = (value: number | null, source?: { text: string; unit?: string; notApplicable?: true }) => {
    const withFigure = structuredClone(report);
    withFigure.activeDisclosure.licensing = { ...withFigure.activeDisclosure.licensing, change: value };
    if (source) withFigure.sources[path] = { ...source, line: 1, column: 1 };
    else delete withFigure.sources[path];
    return resolveBinding(withFigure, path).display;
  };

  it('shows a plain figure with every digit, and a blank as nothing', () => {
    expect(shown(12.39205, { text: '12.39205' })).toBe('12.39205');
    expect(shown(12, { text: '１２' })).toBe('12');
    expect(shown(null)).toBe('');
  });

  it('keeps what the print said beyond the number: a plus sign, a unit, a mark', () => {
    expect(shown(1036, { text: '+1036' })).toBe('+1036');
    expect(shown(1036, { text: '＋1,036' })).toBe('+1036');
    expect(shown(-5, { text: '-5' })).toBe('-5');
    expect(shown(251000, { text: '251000元', unit: '元' })).toBe('251000元');
    expect(shown(2510, { text: '2510', unit: '元' })).toBe('2510元'); // the unit from the legacy sheet's unit column
    expect(shown(null, { text: '/', notApplicable: true })).toBe('/');
  });
});
