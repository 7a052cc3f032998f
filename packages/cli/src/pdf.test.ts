import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, type Report } from '@report-convert/core';
import { toDocx } from '@report-convert/to-docx';
import { toPdf } from '@report-convert/to-pdf';
import { CORPUS_DIR, corpusEntries, expectedModel, mismatches } from '../../core/src/test-support/corpus.js';
import { hasCommands } from '../../core/src/test-support/tools.js';
import { readPdf } from './pdf.js';

const entries = corpusEntries();
const reports = new Map(
  entries.map((entry) => {
    const parsed = parse(readFileSync(entry.sourcePath));
    if (!parsed.ok) throw new Error(`${entry.name}: ${parsed.error.message}`);
    return [entry.name, parsed.report];
  }),
);

/**
 * What a PDF keeps of the expected values: every figure and layout. The script is not among them:
 * our writers print Simplified text, so a Traditional source comes back Simplified.
 */
function expectedInPdf(name: string): Record<string, unknown> {
  const { sourceScript: _script, ...model } = expectedModel(entries.find((e) => e.name === name)!);
  return model;
}

async function readBack(bytes: Uint8Array): Promise<Report> {
  const result = await readPdf(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

describe('a PDF written by to-pdf reads back', () => {
  for (const entry of entries)
    it(`${entry.name}: figures, layouts and the year`, async () => {
      const report = await readBack(await toPdf(reports.get(entry.name)!));
      expect(mismatches(expectedInPdf(entry.name), report)).toEqual([]);
      expect(report.meta.sourceFormat).toBe('pdf');
    });
});

describe.skipIf(!hasCommands(['soffice', '--version']))('a Word document exported to PDF by LibreOffice reads back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-from-docx-'));
  const pdfs = new Map<string, Uint8Array>();
  beforeAll(async () => {
    const files = await Promise.all(
      entries.map(async (entry, i) => {
        const file = join(dir, `${i}.docx`);
        writeFileSync(file, await toDocx(reports.get(entry.name)!));
        return file;
      }),
    );
    // One LibreOffice run for all, in a private profile so that it neither uses nor disturbs the user's.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 300_000 });
    entries.forEach((entry, i) => pdfs.set(entry.name, readFileSync(join(dir, `${i}.pdf`))));
  }, 300_000);

  for (const entry of entries)
    it(`${entry.name}: figures, layouts and the year`, async () => {
      const report = await readBack(pdfs.get(entry.name)!);
      expect(mismatches(expectedInPdf(entry.name), report)).toEqual([]);
    });
});

/** A PDF drawn with pdfkit: `draw` fills its one page. */
async function pdfkitPdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('a PDF without text', () => {
  it.skipIf(!hasCommands(['pdftoppm', '-v']))('a scan (each page an image of a report) says so in Chinese and English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-scan-'));
    writeFileSync(join(dir, 'report.pdf'), await toPdf(reports.get(entries[0]!.name)!));
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', join(dir, 'report.pdf'), join(dir, 'page')]);
    const images = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    expect(images).toHaveLength(2);
    const scan = await pdfkitPdf((doc) => images.forEach((image, i) => (i && doc.addPage(), doc.image(join(dir, image), 0, 0, { width: 595 }))), { margin: 0 });
    const result = await readPdf(scan);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('noText');
    expect(result.error.messageZh).toContain('扫描件/图片 PDF，没有可提取的文字（2 页，0 个字符）');
    expect(result.error.message).toContain('a scanned or image-only PDF with no text to extract (2 pages, 0 characters)');
  });

  it('a password-protected PDF asks for the password to be removed', async () => {
    const locked = await pdfkitPdf((doc) => doc.text('2024年政府信息公开工作年度报告'), { userPassword: 'secret' });
    const result = await readPdf(locked);
    expect(result.ok || result.error.code).toBe('encrypted');
    expect(result.ok || result.error.messageZh).toContain('有密码保护的 PDF');
  });

  it('a truncated PDF is damaged, not a crash', async () => {
    const whole = await toPdf(reports.get(entries[0]!.name)!);
    const result = await readPdf(whole.subarray(0, 2000));
    expect(result.ok || result.error.code).toBe('damaged');
  });
});

describe('report-convert and PDFs', () => {
  const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('finds PDFs in a directory by their ending and reads them by their %PDF- start; a scan fails with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-pdf-'));
    const seed = join(CORPUS_DIR, 'seeds', '001_1c75c2c4e67cd3d7.txt');
    expect(run('convert', seed, '--to', 'pdf,json', '--out-dir', dir).status).toBe(0);
    const inputs = join(dir, 'inputs');
    mkdirSync(inputs);
    renameSync(join(dir, '001_1c75c2c4e67cd3d7.pdf'), join(inputs, 'report.pdf'));
    writeFileSync(join(inputs, 'scan.pdf'), await pdfkitPdf((doc) => doc.rect(50, 50, 400, 600).fill('#888')));
    const out = join(dir, 'out');
    const r = run('convert', inputs, '--to', 'json', '--out-dir', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('scan.pdf: 应为政府信息公开工作年度报告（文本、网页、Markdown、.docx、.xlsx 或文字版 PDF），实际是扫描件/图片 PDF，没有可提取的文字（1 页，0 个字符）');
    expect(r.stderr).toContain('完成：转换 1 个');
    const fromPdf = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const fromText = JSON.parse(readFileSync(join(dir, '001_1c75c2c4e67cd3d7.json'), 'utf8'));
    expect(fromPdf.meta).toEqual({ ...fromText.meta, sourceFormat: 'pdf' });
    for (const table of ['activeDisclosure', 'applications', 'reviewLitigation']) expect(mismatches(fromText[table], fromPdf[table])).toEqual([]);
    const en = run('--lang', 'en', 'check', join(inputs, 'scan.pdf'), '--from', 'pdf');
    expect(en.stderr).toContain('a scanned or image-only PDF with no text to extract (1 page, 0 characters)');
  });
});
