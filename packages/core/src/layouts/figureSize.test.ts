import { describe, expect, it } from 'vitest';
import { MIN_FIGURE_SIZE, oneLineFigureSize } from './figureSize.js';

describe('oneLineFigureSize', () => {
  it('leaves a figure that fits at its size', () => {
    expect(oneLineFigureSize(30, 30, 10.5)).toBeUndefined();
  });

  it('sets one too wide at the size that fits its room', () => {
    expect(oneLineFigureSize(60, 40, 10.5)).toBeCloseTo(7, 10);
  });

  it('lets one that would need less than the smallest size wrap', () => {
    expect(oneLineFigureSize(100, 40, 10.5)).toBeUndefined(); // 4.2 pt
    expect(oneLineFigureSize(70, 40, 10.5)).toBeCloseTo(6, 10); // just above MIN_FIGURE_SIZE
    expect(MIN_FIGURE_SIZE).toBe(5.5);
  });
});
