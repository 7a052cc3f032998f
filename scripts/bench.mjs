// npm run bench: prints speed and memory figures for every package. Not a test: it asserts nothing.
// Flags: --quick (batches of 100 and 1,000 instead of up to 5,000), --no-libreoffice.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { generateReport, parse, writeReportAs } from '../packages/core/dist/index.js';
import { toDocx } from '../packages/to-docx/dist/index.js';
import { toXlsx } from '../packages/to-xlsx/dist/index.js';
import { toPdf } from '../packages/to-pdf/dist/index.js';

const quick = process.argv.includes('--quick');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const corpusDir = new URL('../../shared/corpus/', import.meta.url);
const corpus = ['seeds', 'real'].flatMap((g) => readdirSync(new URL(g + '/', corpusDir)).filter((f) => !f.endsWith('.json')).map((f) => parse(readFileSync(new URL(`${g}/${f}`, corpusDir))))).filter((r) => r.ok).map((r) => r.report);

execFileSync(process.execPath, [new URL('../packages/core/bench.mjs', import.meta.url).pathname], { stdio: 'inherit' });

async function writer(name, convert, goalMs) {
  const t0 = performance.now();
  await convert(corpus[0]);
  const first = performance.now() - t0;
  for (const r of corpus) await convert(r); // warm
  const times = [];
  const sizes = [];
  for (let round = 0; round < 5; round++)
    for (const r of corpus) {
      const t = performance.now();
      const bytes = await convert(r);
      times.push(performance.now() - t);
      sizes.push(bytes.length);
    }
  console.log(`${name}: first report ${first.toFixed(0)} ms; warm median ${median(times).toFixed(1)} ms and ${(median(sizes) / 1024).toFixed(0)} KB per corpus report (goal < ${goalMs} ms)`);
  return median(times);
}
await writer('to-xlsx', (r) => toXlsx(r), 30);
await writer('to-docx', (r) => toDocx(r), 50);
const pdfMs = await writer('to-pdf', (r) => toPdf(r), 40);

if (!process.argv.includes('--no-libreoffice')) {
  try {
    const dir = mkdtempSync(join(tmpdir(), 'bench-lo-'));
    for (const [i, r] of corpus.entries()) writeFileSync(join(dir, `r${i}.docx`), await toDocx(r));
    const t = performance.now();
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...corpus.map((_, i) => join(dir, `r${i}.docx`))], { stdio: 'ignore' });
    const perReport = (performance.now() - t) / corpus.length;
    console.log(`LibreOffice .docx → PDF: ${perReport.toFixed(0)} ms per report (one soffice run for the corpus); to-pdf is ${(perReport / pdfMs).toFixed(0)}× faster`);
    rmSync(dir, { recursive: true, force: true });
  } catch {
    console.log('LibreOffice not installed: comparison skipped');
  }
}

const sizes = quick ? [100, 1000] : [100, 1000, 5000];
const cli = new URL('../packages/cli/dist/bin.js', import.meta.url).pathname;
console.log(`batch: generated reports → docx+xlsx+pdf by the report-convert CLI (a child process) on ${availableParallelism()} cores`);
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `bench-batch-${n}-`));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `r${i}.txt`), writeReportAs(generateReport(i, { layout: ['2019', '2021', 'mixed', 'legacy'][i % 4] }), 'rowPerLine'));
  const t = performance.now();
  const { peakRss, cpuSeconds, code, stderr, rssAtTenths, firstResultMs } = await runMeasured(process.execPath, [cli, 'convert', dir, '--to', 'docx,xlsx,pdf', '--out-dir', join(dir, 'out')], n);
  const seconds = (performance.now() - t) / 1000;
  const failed = Number(/失败 (\d+) 个/.exec(stderr)?.[1] ?? NaN);
  console.log(`  ${String(n).padStart(5)} reports: ${(n / seconds).toFixed(1)} reports/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB, CPU ${((cpuSeconds / n) * 1000).toFixed(1)} ms per report${failed || code > 1 ? `, ${failed} failed (exit ${code})` : ''} (goals ≥ 40/s, < 400 MB, flat)`);
  console.log(`         first result after ${(firstResultMs / 1000).toFixed(2)} s (start-up); resident memory when 10/30/50/70/90% were done: ${rssAtTenths.map((b) => (b / 2 ** 20).toFixed(0)).join(' / ')} MB`);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs a batch. From /proc while it runs (Linux): its peak resident set (VmHWM), its CPU time (all
 * threads, user + system), and its resident set (VmRSS) as a tenth, three tenths … nine tenths of the
 * `n` reports are done (from the CLI's progress lines; at the end the workers have stopped). Also when
 * the first result came: the start-up a short batch pays. CPU per report varies less than wall time on
 * a shared machine; the resident set by progress shows whether memory stays flat or grows.
 */
function runMeasured(command, args, n) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let done = 0;
    let peakRss = 0;
    let cpuSeconds = 0;
    const rssAtTenths = [];
    const started = performance.now();
    let firstResultMs;
    child.stderr.on('data', (d) => {
      stderr += d;
      for (const m of String(d).matchAll(/\[(\d+)\/\d+\]/g)) done = Number(m[1]);
      if (done && firstResultMs === undefined) firstResultMs = performance.now() - started;
    });
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peakRss = Math.max(peakRss, kb * 1024);
        while (rssAtTenths.length < 5 && done >= (n * (2 * rssAtTenths.length + 1)) / 10) rssAtTenths.push(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
        const [utime, stime] = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).map(Number);
        cpuSeconds = (utime + stime) / 100; // clock ticks: USER_HZ is 100 on Linux
      } catch {
        // the process has just ended
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(sample);
      resolve({ peakRss, cpuSeconds, code, stderr, rssAtTenths, firstResultMs });
    });
  });
}
