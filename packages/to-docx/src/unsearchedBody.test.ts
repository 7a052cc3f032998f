import { describe, expect, it } from 'vitest';
import { unsearchedBody } from './unsearchedBody.js';

describe('unsearchedBody', () => {
  const children = [{ 'w:p': [] }, { 'w:tbl': [] }, { 'w:sectPr': [] }];

  it("gives the body's children inside one element without a name (the pack test compares what docx writes of it with Packer's)", () => {
    expect(unsearchedBody('w:body', children)).toEqual([{ '': children }]);
  });

  it('leaves any other element, and a body with attributes, as it is', () => {
    expect(unsearchedBody('w:tbl', children)).toBe(children);
    const attributed = [{ _attr: { 'w:id': 1 } }, ...children];
    expect(unsearchedBody('w:body', attributed)).toBe(attributed);
  });
});
