import type { Block } from '../ast.js';
import { toSimplifiedScript } from '../normalize/script.js';

/** Converts every text of a document at once (one script decision for the whole document). */
export function convertTexts(blocks: Block[]): { blocks: Block[]; script: 'simplified' | 'traditional' } {
  const texts: string[] = [];
  for (const b of blocks) if (b.kind === 'paragraph') texts.push(b.text);
  else for (const row of b.rows) for (const cell of row) texts.push(cell.text);
  const { text, script } = toSimplifiedScript(texts.map((t) => t.replace(/\n/g, ' ')).join('\n'));
  const converted = text.split('\n');
  let i = 0;
  const out = blocks.map((b): Block => (b.kind === 'paragraph' ? { ...b, text: converted[i++]! } : { ...b, rows: b.rows.map((row) => row.map((cell) => ({ ...cell, text: converted[i++]! }))) }));
  return { blocks: out, script };
}
