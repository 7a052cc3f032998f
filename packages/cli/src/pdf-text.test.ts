import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport, parse, type Finding, type Report } from '@report-convert/core';
import { toDocx } from '@report-convert/to-docx';
import { toPdf } from '@report-convert/to-pdf';
import { corpusEntries, expectedModel, mismatches } from '../../core/src/test-support/corpus.js';
import { hasCommands } from '../../core/src/test-support/tools.js';

/**
 * Report text copied out of a PDF: every corpus report written by toPdf, then extracted by
 * pdftotext with -layout (cells apart by runs of spaces) and without (one cell per line).
 */
const entries = corpusEntries();
const ROUTES = { layout: ['-layout'], raw: [] } as const;
type Route = keyof typeof ROUTES;
/** Words of the tables' headers that must not end up in the narrative (unless the source's narrative has them too). */
const FURNITURE = ['申请人情况', '本列数据的勾稽关系', '法人或其他组织', '信息内容', '本年制发件数', '未经复议直接起诉'];

/** What of the expected values a table copied as text keeps: the figures and layouts. */
function expectedFigures(name: string): Record<string, unknown> {
  const { layouts, activeDisclosure, applications, reviewLitigation, legacy } = expectedModel(entries.find((e) => e.name === name)!);
  return Object.fromEntries(Object.entries({ layouts, activeDisclosure, applications, reviewLitigation, legacy }).filter(([, v]) => v !== undefined));
}

/**
 * Every figure as expected, except where a blank cell printed nothing: then its row is left
 * blank with a cell-count finding. Never a figure in a wrong cell, and only a report with blank
 * cells may miss any figure.
 */
function expectFiguresOrFindings(expected: Record<string, unknown>, report: Report, findings: Finding[]): void {
  // A row whose cells are all blank prints no figure: absent is as blank as null.
  const missed = mismatches(expected, report).filter((m) => !m.endsWith('expected null, got undefined'));
  expect(missed.filter((m) => !/, got (null|undefined)$/.test(m))).toEqual([]);
  const unplaced = findings.filter((f) => f.rule === 'reader.cellCount' && f.severity === 'error');
  // A legacy row has no columns: its path ends at the row (legacy.requests.received: …).
  const covered = (m: string) => unplaced.some((f) => (f.table === 'reviewLitigation' ? [m.startsWith('reviewLitigation.')] : [`${f.table}.${f.row}.`, `${f.table}.${f.row}:`].map((p) => m.startsWith(p))).some(Boolean));
  expect(missed.filter((m) => !covered(m))).toEqual([]);
  if (!JSON.stringify(expected).includes('null')) expect(missed).toEqual([]);
}

function parseSource(path: string): Report {
  const parsed = parse(readFileSync(path));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.report;
}

function pdfText(dir: string, pdf: Uint8Array, name: string, route: Route): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...ROUTES[route], file, '-'], { encoding: 'utf8' });
}

/**
 * Reports without a blank cell whose every figure is expected back. Plain pdftotext reads their
 * tables partly column by column (table 三's 总计 column after the others, labels after a page's
 * figures, a page's header between a row's label and its figures), so those rows are left blank with
 * a reader.cellCount error each, as they must be: the figures cannot be placed without a guess.
 */
const RAW_OUT_OF_ORDER = new Set(['seeds/000_7b493fb4be35eb87', 'seeds/001_1c75c2c4e67cd3d7', 'seeds/002_09f8dcd14fce1942', 'seeds/003_315724d04121e9e1', 'seeds/004_b5b9a5615959bd1c', 'real/04-shuyang-county-2025']);
const RAW_FAILS = 'its tables come out of plain pdftotext partly column by column, so some rows are left blank with a finding';

const sources = new Map(entries.map((entry) => [entry.name, parseSource(entry.sourcePath)]));
const narrative = (report: Report) => Object.values(report.sections).join('\n');

/** The text reads to the expected figures and layouts, and the year, with no header words in the narrative. */
function expectReadsBack(name: string, text: string): void {
  const parsed = parse(Buffer.from(text));
  if (!parsed.ok) throw new Error(parsed.error.message);
  expectFiguresOrFindings(expectedFigures(name), parsed.report, parsed.findings);
  const year = (expectedModel(entries.find((e) => e.name === name)!).meta as { year?: number } | undefined)?.year;
  if (year) expect(parsed.report.meta.year).toBe(year);
  const own = narrative(sources.get(name)!);
  expect(FURNITURE.filter((word) => narrative(parsed.report).includes(word) && !own.includes(word))).toEqual([]);
}

/** A page's number on a line of its own, as the PDFs print them (— 5 —), and a form feed: never narrative. */
const PAGE_NUMBER_LINE = /^\s*(?:[—－-]\s*\d+\s*[—－-]|第\s*\d+\s*页.*|\d+\s*\/\s*\d+)\s*$/m;
/** What pdftotext may lose of a paragraph: spaces; and out of LibreOffice's PDFs, the punctuation it hangs past a line's end. */
const SPACES = /\s+/g;
const SPACES_AND_PUNCTUATION = /[\s\p{P}]+/gu;

/**
 * The narrative reads back as paragraphs, not as the PDF's lines: every paragraph of the source
 * whole within one paragraph of its section (but for what pdftotext loses), no page number,
 * and the agency and the date as the source has them (the date where the PDF prints it, in the 落款).
 */
function expectNarrativeReadsBack(name: string, text: string, lost = SPACES): void {
  const squeeze = (paragraph: string) => paragraph.replace(lost, '');
  const parsed = parse(Buffer.from(text));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const source = sources.get(name)!;
  const { sections, meta } = parsed.report;
  for (const [id, section] of Object.entries(sections)) expect(PAGE_NUMBER_LINE.test(section) || section.includes('\f'), `${id}: ${section}`).toBe(false);
  for (const [id, section] of Object.entries(source.sections)) {
    if (id === 'signature') continue;
    const read = (sections[id as keyof typeof sections] ?? '').split('\n').map(squeeze);
    const broken = section.split('\n').filter((p) => squeeze(p) && !read.some((r) => r.includes(squeeze(p))));
    expect(broken, id).toEqual([]);
  }
  if (source.meta.agency) expect(meta.agency).toBe(source.meta.agency);
  if (source.meta.date && source.sections.signature) expect(meta.date).toBe(source.meta.date);
}

describe.skipIf(!hasCommands(['pdftotext', '-v']))('report text copied out of a PDF written by toPdf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-text-'));
  const texts = new Map<string, string>();
  beforeAll(async () => {
    for (const entry of entries) {
      const pdf = await toPdf(sources.get(entry.name)!);
      for (const route of Object.keys(ROUTES) as Route[]) texts.set(`${route}:${entry.name}`, pdfText(dir, pdf, entry.name.replace('/', '_'), route));
    }
  }, 120_000);

  for (const route of Object.keys(ROUTES) as Route[])
    for (const entry of entries) {
      const why = route === 'raw' && RAW_OUT_OF_ORDER.has(entry.name) ? RAW_FAILS : undefined;
      (why ? it.fails : it)(`${route}: ${entry.name}: every figure, and no table furniture in the narrative${why ? ` (cannot: ${why})` : ''}`, () => {
        expectReadsBack(entry.name, texts.get(`${route}:${entry.name}`)!);
      });
    }

  for (const entry of entries)
    it(`raw: ${entry.name}: every table found, no figure in a wrong cell, and rows left blank only with a finding that says what to do`, () => {
      const parsed = parse(Buffer.from(texts.get(`raw:${entry.name}`)!));
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(parsed.findings.filter((f) => f.rule === 'reader.missingTable')).toEqual([]);
      const wrong = mismatches(expectedFigures(entry.name), parsed.report).filter((m) => !/, got (null|undefined)$/.test(m));
      expect(wrong).toEqual([]);
      const unplaced = parsed.findings.filter((f) => f.rule === 'reader.cellCount' && f.severity === 'error');
      const order = parsed.findings.filter((f) => f.rule === 'reader.cellOrder');
      if (unplaced.length) expect(order.length).toBeGreaterThan(0);
      for (const f of order) expect(f.messageZh).toContain('pdftotext -layout');
    });

  for (const entry of entries)
    it(`layout: ${entry.name}: paragraphs whole, no page numbers, the agency and the date`, () => {
      expectNarrativeReadsBack(entry.name, texts.get(`layout:${entry.name}`)!);
    });
});

describe.skipIf(!hasCommands(['pdftotext', '-v'], ['soffice', '--version']))('report text copied with pdftotext -layout out of a Word document exported to PDF by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docx-pdf-text-'));
  const file = (i: number, ext: string) => join(dir, `${i}.${ext}`);
  beforeAll(async () => {
    for (const [i, entry] of entries.entries()) writeFileSync(file(i, 'docx'), await toDocx(sources.get(entry.name)!));
    // One LibreOffice run for all, in a private profile so that it neither uses nor disturbs the user's.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...entries.map((_, i) => file(i, 'docx'))], { stdio: 'ignore', timeout: 300_000 });
  }, 300_000);

  const text = (i: number) => execFileSync('pdftotext', ['-layout', file(i, 'pdf'), '-'], { encoding: 'utf8' });
  entries.forEach((entry, i) =>
    it(`${entry.name}: every figure, and no table furniture in the narrative`, () => {
      expectReadsBack(entry.name, text(i));
    }),
  );
  entries.forEach((entry, i) =>
    it(`${entry.name}: paragraphs whole, no page numbers, the agency and the date`, () => {
      expectNarrativeReadsBack(entry.name, text(i), SPACES_AND_PUNCTUATION);
    }),
  );
});

/** Word's fields for the page's number and the number of pages, as `{PAGE}` and `{PAGES}` in a running header's text. */
const fieldRuns = (text: string) =>
  text
    .split(/(\{PAGES?\}|\t)/)
    .map((part) => {
      if (part === '\t') return '<w:r><w:tab/></w:r>';
      const field = { '{PAGE}': 'PAGE', '{PAGES}': 'NUMPAGES' }[part];
      if (field) return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${field}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
      return part ? `<w:r><w:t xml:space="preserve">${part.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r>` : '';
    })
    .join('');

/**
 * A toDocx document with one header and one footer on every page, as an agency's Word file or a
 * browser's "save as PDF" prints them (text apart by a tab goes to the left and right margins).
 */
function withRunningHeader(docx: Uint8Array, header: string, footer: string): Uint8Array {
  const files = unzipSync(docx);
  const edit = (name: string, change: (xml: string) => string) => (files[name] = strToU8(change(strFromU8(files[name]!))));
  const part = (tag: 'hdr' | 'ftr', text: string) =>
    strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${tag} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="8845"/></w:tabs>${text.includes('\t') ? '' : '<w:jc w:val="center"/>'}</w:pPr>${fieldRuns(text)}</w:p></w:${tag}>`);
  files['word/runningHeader.xml'] = part('hdr', header);
  files['word/runningFooter.xml'] = part('ftr', footer);
  const relation = (id: string, type: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${id}.xml"/>`;
  edit('word/_rels/document.xml.rels', (xml) => xml.replace('</Relationships>', `${relation('runningHeader', 'header')}${relation('runningFooter', 'footer')}</Relationships>`));
  const override = (id: string, type: string) => `<Override PartName="/word/${id}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`;
  edit('[Content_Types].xml', (xml) => xml.replace('</Types>', `${override('runningHeader', 'header')}${override('runningFooter', 'footer')}</Types>`));
  // In place of the document's own page-number footers (odd and even), one header and footer for all pages.
  edit('word/document.xml', (xml) => xml.replace(/<w:(header|footer)Reference [^>]*\/>/g, '').replace('<w:sectPr>', '<w:sectPr><w:headerReference w:type="default" r:id="runningHeader"/><w:footerReference w:type="default" r:id="runningFooter"/>'));
  edit('word/settings.xml', (xml) => xml.replace(/<w:evenAndOddHeaders[^>]*\/>/, ''));
  return zipSync(files);
}

/** Running headers and footers as PDFs print them: the agency over the page and 第 3 页 共 9 页 under it; a browser's date, title, address and 3/9; the title and — 3 —. */
const RUNNING = {
  agency: (report: Report) => [report.meta.agency ?? '', '第 {PAGE} 页 共 {PAGES} 页'],
  browser: (report: Report) => [`2026/1/23 10:23\t${report.meta.title ?? '政府信息公开工作年度报告'}`, 'https://www.example.gov.cn/art/2026/1/23/art_1234_567890.html\t{PAGE}/{PAGES}'],
  title: (report: Report) => [report.meta.title ?? '政府信息公开工作年度报告', '— {PAGE} —'],
} as const;
type Running = keyof typeof RUNNING;

describe.skipIf(!hasCommands(['pdftotext', '-v'], ['soffice', '--version']))('report text copied with pdftotext -layout out of a PDF with running headers and footers (Word, LibreOffice)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'running-pdf-text-'));
  const file = (running: Running, i: number, ext: string) => join(dir, `${running}-${i}.${ext}`);
  beforeAll(async () => {
    const docx: string[] = [];
    for (const [i, entry] of entries.entries()) {
      const source = sources.get(entry.name)!;
      for (const running of Object.keys(RUNNING) as Running[]) {
        const [header, footer] = RUNNING[running](source);
        writeFileSync(file(running, i, 'docx'), withRunningHeader(await toDocx(source), header!, footer!));
        docx.push(file(running, i, 'docx'));
      }
    }
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docx], { stdio: 'ignore', timeout: 600_000 });
  }, 600_000);

  const squeeze = (text: string) => text.replace(SPACES, '');
  for (const running of Object.keys(RUNNING) as Running[])
    entries.forEach((entry, i) =>
      it(`${running}: ${entry.name}: every figure, paragraphs whole, no header or footer in the narrative, the title, agency, year and date`, () => {
        const text = execFileSync('pdftotext', ['-layout', file(running, i, 'pdf'), '-'], { encoding: 'utf8' });
        expectReadsBack(entry.name, text);
        expectNarrativeReadsBack(entry.name, text, SPACES_AND_PUNCTUATION);
        const parsed = parse(Buffer.from(text));
        if (!parsed.ok) throw new Error(parsed.error.message);
        const source = sources.get(entry.name)!;
        const furniture = RUNNING[running](source).map((line) => squeeze(line.replace(/\{PAGES?\}/g, '')).replace(/\d+/g, '#'));
        const { signature: _signature, ...body } = parsed.report.sections;
        const left = Object.values(body).flatMap((section) => section.split('\n')).filter((p) => furniture.includes(squeeze(p).replace(/\d+/g, '#')) || /example\.gov\.cn|10:23/.test(p));
        expect(left).toEqual([]);
        if (source.meta.title) expect(squeeze(parsed.report.meta.title ?? '')).toBe(squeeze(source.meta.title));
        expect(parsed.report.meta.year).toBe(source.meta.year);
      }),
    );
});

/** Generated reports in every layout with blank cells (15% of them), whose blanks print nothing in the PDF's text. */
const generated = Array.from({ length: 12 }, (_, i) => generateReport(1000 + i, { blanks: true }));

describe.skipIf(!hasCommands(['pdftotext', '-v']))('generated reports with blank cells, copied out of their PDF with pdftotext, with -layout and without', () => {
  it.each(Object.keys(ROUTES) as Route[])(`${generated.length} reports, %s: every figure in its cell, or its row left blank with a finding`, async (route) => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-text-blanks-'));
    expect(generated.some((r) => r.legacy) && generated.some((r) => r.layouts.applications === '2019') && generated.some((r) => r.layouts.applications === '2021')).toBe(true);
    for (const [i, report] of generated.entries()) {
      const parsed = parse(Buffer.from(pdfText(dir, await toPdf(report), `generated-${i}`, route)));
      if (!parsed.ok) throw new Error(parsed.error.message);
      const { activeDisclosure, applications, reviewLitigation, legacy } = report;
      expectFiguresOrFindings(JSON.parse(JSON.stringify({ activeDisclosure, applications, reviewLitigation, legacy })), parsed.report, parsed.findings);
    }
  });
});
