// Prints parse speed: median per corpus seed, and how time grows with input size up to 5 MB.
import { readFileSync } from 'node:fs';
import { parse } from './dist/index.js';

const seedDir = new URL('../../../shared/corpus/seeds/', import.meta.url);
const seeds = ['000_7b493fb4be35eb87.txt', '001_1c75c2c4e67cd3d7.txt', '002_09f8dcd14fce1942.txt', '003_315724d04121e9e1.txt', '004_b5b9a5615959bd1c.txt'].map((f) => readFileSync(new URL(f, seedDir), 'utf8'));

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(input, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = parse(input);
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(r.error.message);
  }
  return median(times);
}

for (let i = 0; i < 50; i++) for (const s of seeds) parse(s); // warm up
console.log('core: parse, median of 200 runs per seed (goal < 2 ms)');
seeds.forEach((s, i) => console.log(`  seed ${i}: ${(s.length / 1024).toFixed(1)} KB  ${time(s, 200).toFixed(3)} ms`));

console.log('core: parse time by input size (narrative grown to size; goal: linear)');
const base = seeds[1];
const [head, tail] = [base.slice(0, base.indexOf('二、主动公开')), base.slice(base.indexOf('二、主动公开'))];
const paragraph = head.split('\n').filter((l) => l.length > 100)[0] + '\n';
let previous;
for (const kb of [8, 64, 512, 1024, 5120]) {
  const input = head + paragraph.repeat(Math.max(0, Math.ceil((kb * 1024 - base.length) / paragraph.length))) + tail;
  const ms = time(input, kb > 1000 ? 5 : 20);
  const perMb = ms / (input.length / 2 ** 20);
  console.log(`  ${(input.length / 2 ** 20).toFixed(2)} M chars: ${ms.toFixed(2)} ms (${perMb.toFixed(1)} ms per M chars${previous ? `, ${(perMb / previous).toFixed(2)}× the previous rate` : ''})`);
  previous = perMb;
}

const { benchGlued } = await import('./dist/glued/bench.js');
console.log('core: glued-digit splitting (crawler text with no cell separators)');
benchGlued((line) => console.log(`  ${line}`));
