import { inflateRawSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { partBytes } from './repeatedParts.js';

it('deflates a repeating part once per text and level, and gives every other part its bytes alone', () => {
  const first = partBytes('xl/styles.xml', '<styleSheet/>', 3);
  expect(inflateRawSync(first.deflated!).toString()).toBe('<styleSheet/>');
  expect(partBytes('xl/styles.xml', '<styleSheet/>', 3)).toBe(first);
  expect(partBytes('xl/styles.xml', '<styleSheet/>', 1)).not.toBe(first);
  expect(partBytes('xl/styles.xml', '<styleSheet a="1"/>', 3)).not.toBe(first);
  expect(partBytes('xl/worksheets/sheet1.xml', '<worksheet/>', 3)).toEqual({ bytes: Buffer.from('<worksheet/>') });
});

it('keeps at most 16 variants of a part, dropping the oldest', () => {
  const first = partBytes('docProps/app.xml', 'variant 0', 3);
  for (let i = 1; i <= 16; i++) partBytes('docProps/app.xml', `variant ${i}`, 3);
  expect(partBytes('docProps/app.xml', 'variant 16', 3)).toBe(partBytes('docProps/app.xml', 'variant 16', 3));
  expect(partBytes('docProps/app.xml', 'variant 0', 3)).not.toBe(first);
});
