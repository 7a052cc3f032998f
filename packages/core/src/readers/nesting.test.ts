import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { MAX_NESTING } from './nesting.js';

describe('markup nested too deep', () => {
  it('refuses a page of 200,000 unclosed <div>s as damaged: htmlparser2 took 16 s over it and the reader then overflowed the stack', () => {
    const result = parse(`<p>一、总体情况</p>${'<div>'.repeat(200_000)}1`);
    expect(result.ok || result.error.code).toBe('damaged');
    expect(result.ok || result.error.messageZh).toContain(`元素嵌套超过${MAX_NESTING}层的网页`);
  });

  it('refuses tables nested 2,000 deep, whose cells overflowed the stack, and still reads them nested 300 deep', () => {
    const nested = (depth: number) => `<p>一、总体情况</p>${'<table><tr><td>'.repeat(depth)}1`;
    expect(parse(nested(2_000)).ok || 'damaged').toBe('damaged');
    expect(parse(nested(300)).ok).toBe(true);
  });
});
