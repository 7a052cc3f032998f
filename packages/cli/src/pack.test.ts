import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../core/src/test-support/corpus.js';

const PACKAGES = ['core', 'to-docx', 'to-xlsx', 'to-pdf', 'cli'].map((p) => fileURLToPath(new URL(`../../${p}`, import.meta.url)));
const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', timeout: 300_000 });

/** A consumer's view: the packed tarballs installed in a new project, used as documented. */
describe('the published packages', () => {
  const project = mkdtempSync(join(tmpdir(), 'consumer-'));
  beforeAll(() => {
    const tarballs = mkdtempSync(join(tmpdir(), 'tarballs-'));
    for (const dir of PACKAGES) npm(['pack', '--pack-destination', tarballs], dir);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    npm(['install', '--prefer-offline', ...readdirSync(tarballs).map((t) => join(tarballs, t))], project);
  }, 300_000);

  it('convert a report through each converter by its documented API', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { parse, check } from '@report-convert/core';
      import { toXlsx, fromXlsx } from '@report-convert/to-xlsx';
      import { toDocx } from '@report-convert/to-docx';
      import { toPdf } from '@report-convert/to-pdf';
      const result = parse(readFileSync(${JSON.stringify(join(CORPUS_DIR, 'seeds', '003_315724d04121e9e1.txt'))}));
      if (!result.ok) throw new Error(result.error.message);
      const xlsx = await toXlsx(result.report, { findings: check(result.report) });
      const back = await fromXlsx(xlsx);
      const docx = await toDocx(result.report);
      const pdf = await toPdf(result.report);
      console.log(JSON.stringify({ xlsx: xlsx.length, docx: docx.length, pdf: pdf.length, fees: back.ok && back.report.activeDisclosure.fees.amount }));
    `;
    writeFileSync(join(project, 'use.mjs'), script);
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(out.fees).toBe(12.39205);
    expect(Math.min(out.xlsx, out.docx, out.pdf)).toBeGreaterThan(1000);
    expect(readFileSync(join(project, 'node_modules/@report-convert/core/schema/report.schema.json'), 'utf8')).toContain('"activeDisclosure"');
  });

  it('type-checks a TypeScript consumer of the documented API, strict and without skipLibCheck', () => {
    writeFileSync(
      join(project, 'use.ts'),
      `
      import { parse, check } from '@report-convert/core';
      import { toXlsx, fromXlsx, locateFindings } from '@report-convert/to-xlsx';
      import { toDocx } from '@report-convert/to-docx';
      import { toPdf, renderPdf, FontError } from '@report-convert/to-pdf';
      export async function sizes(html: string): Promise<number[]> {
        const result = parse(html);
        if (!result.ok) return [];
        const back = await fromXlsx(await toXlsx(result.report, { findings: check(result.report) }));
        const cells = back.ok ? locateFindings(back.report, back.findings).map((f) => f.cell?.address ?? '') : [];
        const { bytes, findings } = await renderPdf(result.report).catch((e: unknown) => { if (e instanceof FontError) throw new Error(e.messageZh); throw e; });
        return [(await toDocx(result.report)).length, (await toPdf(result.report)).length, bytes.length, findings.length, cells.length];
      }
      `,
    );
    const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
    const typeRoots = fileURLToPath(new URL('../../../node_modules/@types', import.meta.url));
    const r = spawnSync(process.execPath, [tsc, '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--noEmit', '--typeRoots', typeRoots, '--types', 'node', 'use.ts'], { cwd: project, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is required from CommonJS too (Node 20.19 loads these ES modules by require)', () => {
    writeFileSync(join(project, 'use.cjs'), `const { toXlsx } = require('@report-convert/to-xlsx'); const { parse } = require('@report-convert/core'); console.log(typeof toXlsx, typeof parse);`);
    expect(execFileSync(process.execPath, ['use.cjs'], { cwd: project, encoding: 'utf8' }).trim()).toBe('function function');
  });

  it('ships the sources its source maps point to, and none of its tests', () => {
    for (const name of ['core', 'to-docx', 'to-xlsx', 'to-pdf', 'cli']) {
      const dist = join(project, 'node_modules', '@report-convert', name, 'dist');
      for (const map of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.map')))
        for (const source of (JSON.parse(readFileSync(join(dist, map), 'utf8')) as { sources: string[] }).sources) expect(existsSync(join(dist, dirname(map), source)), `${name}/dist/${map} → ${source}`).toBe(true);
      expect(readdirSync(join(dist, '..', 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts') || f.startsWith('test-support'))).toEqual([]);
    }
  });

  it('runs the packed CLI', () => {
    const bin = join(project, 'node_modules', '.bin', 'report-convert');
    expect(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const r = spawnSync(bin, ['convert', join(CORPUS_DIR, 'seeds', '001_1c75c2c4e67cd3d7.txt'), '--to', 'pdf,json', '--out-dir', join(project, 'out')], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(project, 'out')).sort()).toEqual(['001_1c75c2c4e67cd3d7.json', '001_1c75c2c4e67cd3d7.pdf']);
    // …and reads the PDF back, pdf.js and its CMaps found where npm installed them.
    const back = spawnSync(bin, ['convert', join(project, 'out', '001_1c75c2c4e67cd3d7.pdf'), '--to', 'json', '--out-dir', '-'], { encoding: 'utf8', timeout: 60_000 });
    expect(back.status, back.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(project, 'out', '001_1c75c2c4e67cd3d7.json'), 'utf8'));
    expect(JSON.parse(back.stdout).applications).toEqual(written.applications);
  });
});
