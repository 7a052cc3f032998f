import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateReport, parse, reportTables, writeReportAs, type Finding, type GridCell, type PdfPage, type Report } from '@report-convert/core';
import { toDocx } from '@report-convert/to-docx';
import { toXlsx } from '@report-convert/to-xlsx';
import { toPdf } from '@report-convert/to-pdf';
import { CORPUS_DIR, corpusEntries, expectedModel, mismatches } from '../../core/src/test-support/corpus.js';
import { hasCommands } from '../../core/src/test-support/tools.js';
import { ruledTables } from '../../core/src/pdf/grid.js';
import { pdfPages, readPdf } from './pdf.js';

const entries = corpusEntries();
const sources = new Map(
  entries.map((entry) => {
    const parsed = parse(readFileSync(entry.sourcePath));
    if (!parsed.ok) throw new Error(`${entry.name}: ${parsed.error.message}`);
    return [entry.name, parsed];
  }),
);
const reports = new Map([...sources].map(([name, parsed]) => [name, parsed.report]));

/**
 * What a PDF keeps of the expected values: every figure and layout. The script is not among them:
 * our writers print Simplified text, so a Traditional source comes back Simplified.
 */
function expectedInPdf(name: string): Record<string, unknown> {
  const { sourceScript: _script, ...model } = expectedModel(entries.find((e) => e.name === name)!);
  return model;
}

/** The report read from a PDF of a corpus report, checked to have no reader finding (a cell count, an unknown row) its source has not. */
async function readBack(bytes: Uint8Array, name: string): Promise<Report> {
  const result = await readPdf(bytes);
  if (!result.ok) throw new Error(result.error.message);
  const count = (findings: Finding[]) => findings.reduce((n, f) => n.set(f.rule, (n.get(f.rule) ?? 0) + 1), new Map<string, number>());
  const before = count(sources.get(name)!.findings);
  for (const [rule, n] of count(result.findings)) expect(n, `${rule}: ${result.findings.map((f) => f.message).join('; ')}`).toBeLessThanOrEqual(before.get(rule) ?? 0);
  return result.report;
}

/** Generated reports in every layout with blank cells (15% of them): blank must come back blank, never shift a figure. */
const generated = [...Array.from({ length: 12 }, (_, i) => generateReport(1000 + i, { blanks: true })), withoutReviewFigures(generateReport(1012))];

/** Table 四 printed with no figure at all: its row of blank boxes, which the reader once dropped and then called the table missing. */
function withoutReviewFigures(report: Report): Report {
  const blank = structuredClone(report);
  for (const cells of Object.values(blank.reviewLitigation)) for (const field of Object.keys(cells)) (cells as Record<string, number | null>)[field] = null;
  return blank;
}
const figuresOf = ({ layouts, activeDisclosure, applications, reviewLitigation, legacy }: Report) => ({ layouts, activeDisclosure, applications, reviewLitigation, legacy });

async function readGenerated(bytes: Uint8Array, report: Report): Promise<void> {
  const result = await readPdf(bytes);
  if (!result.ok) throw new Error(result.error.message);
  expect(mismatches(figuresOf(report), result.report)).toEqual([]);
  expect(result.findings).toEqual([]);
}

describe('a PDF written by to-pdf reads back', () => {
  for (const entry of entries)
    it(`${entry.name}: figures, layouts and the year`, async () => {
      const report = await readBack(await toPdf(reports.get(entry.name)!), entry.name);
      expect(mismatches(expectedInPdf(entry.name), report)).toEqual([]);
      expect(report.meta.sourceFormat).toBe('pdf');
    });

  it(`${generated.length} generated reports with blank cells: every figure and every blank`, async () => {
    expect(generated.some((r) => r.legacy) && generated.some((r) => r.layouts.applications === '2019') && generated.some((r) => r.layouts.applications === '2021')).toBe(true);
    for (const report of generated) await readGenerated(await toPdf(report), report);
  });
});

describe.skipIf(!hasCommands(['soffice', '--version']))('a Word document exported to PDF by LibreOffice reads back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-from-docx-'));
  const documents = [...entries.map((entry) => reports.get(entry.name)!), ...generated];
  beforeAll(async () => {
    const files = await Promise.all(
      documents.map(async (report, i) => {
        const file = join(dir, `${i}.docx`);
        writeFileSync(file, await toDocx(report));
        return file;
      }),
    );
    // One LibreOffice run for all, in a private profile so that it neither uses nor disturbs the user's.
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'ignore', timeout: 300_000 });
  }, 300_000);
  const pdf = (i: number) => readFileSync(join(dir, `${i}.pdf`));

  entries.forEach((entry, i) =>
    it(`${entry.name}: figures, layouts and the year`, async () => {
      const report = await readBack(pdf(i), entry.name);
      expect(mismatches(expectedInPdf(entry.name), report)).toEqual([]);
    }),
  );

  it(`${generated.length} generated reports with blank cells: every figure and every blank`, async () => {
    for (const [i, report] of generated.entries()) await readGenerated(pdf(entries.length + i), report);
  });
});

/**
 * Table 三's row labels broken by a page: a run of text that is the end of a row label but not all of it,
 * with no figure above it on its page (so not the second line of a label wrapped within the page),
 * nor the start of a label (结果 of 结果维持, wrapped in table 四's header).
 */
function labelsBrokenByPages(pages: PdfPage[], report: Report): string[] {
  const labelsOf = (rows: GridCell[][]) => rows.flat().flatMap((cell) => (cell.kind === 'label' ? [cell.text] : []));
  const everyLabel = new Set(reportTables(report).flatMap((grid) => labelsOf(grid.rows)));
  const rowLabels = reportTables(report).flatMap((grid) => (grid.table === 'applications' ? labelsOf(grid.rows.slice(grid.headerRows)) : []));
  return pages.flatMap((page) => {
    const topFigure = Math.max(...page.texts.filter((t) => /^\d+$/.test(t.text.trim())).map((t) => t.y));
    return page.texts.filter((t) => t.y > topFigure && ![...everyLabel].some((label) => label.startsWith(t.text)) && rowLabels.some((label) => label.endsWith(t.text))).map((t) => t.text);
  });
}

describe.skipIf(!hasCommands(['soffice', '--version']))('a table whose rows may break across pages (a web page or a foreign document), printed by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-row-breaks-'));
  // More text before table 三 moves each of its rows past the foot of a page in turn, so that long labels break there.
  const cases = [generateReport(7, { layout: '2021', blanks: true }), generateReport(8, { layout: '2019', blanks: true })].flatMap((report, r) =>
    [false, true].flatMap((repeatHeader) =>
      Array.from({ length: 10 }, (_, lines) => {
        let html = writeReportAs(report, 'html').replace('<p>三、', '<p>通过政府门户网站主动公开各类政府信息。</p>\n'.repeat(lines) + '<p>三、');
        if (repeatHeader) html = html.replace(/(三、收到和处理政府信息公开申请情况<\/p>\n<table border="1">\n)((?:<tr>.*\n){3})/, '$1<thead>$2</thead>');
        return { report, name: `${r}-${repeatHeader ? 'header' : 'plain'}-${lines}`, html };
      }),
    ),
  );
  beforeAll(() => {
    for (const c of cases) writeFileSync(join(dir, `${c.name}.html`), c.html);
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...cases.map((c) => join(dir, `${c.name}.html`))], { stdio: 'ignore', timeout: 300_000 });
  }, 300_000);

  it(`${cases.length} PDFs: every figure in its cell and every blank, labels whole, no finding`, async () => {
    const broken: string[] = [];
    for (const { report, name, html } of cases) {
      const bytes = readFileSync(join(dir, `${name}.pdf`));
      const pages = await pdfPages(bytes);
      if (!Array.isArray(pages)) throw new Error(pages.message);
      broken.push(...labelsBrokenByPages(pages, report).map((text) => `${name}: ${text}`));
      if (name.includes('-header-')) expect(html).toContain('<thead>');
      const result = await readPdf(bytes);
      if (!result.ok) throw new Error(result.error.message);
      expect(mismatches(figuresOf(report), result.report), name).toEqual([]);
      expect(result.findings.filter((f) => f.severity !== 'info').map((f) => f.message), name).toEqual([]); // an info: the year taken from the date
    }
    // The PDFs must hold what this is about: labels broken by a page, with the header repeated and without.
    expect(broken.filter((b) => b.includes('-plain-')).length, broken.join('; ')).toBeGreaterThan(0);
    expect(broken.filter((b) => b.includes('-header-')).length, broken.join('; ')).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasCommands(['soffice', '--version']))('a report web page whose tables have no ruled lines, printed by LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-unruled-'));
  const report = generateReport(7, { layout: '2021' });
  const html = writeReportAs(report, 'html');
  const styles: Record<string, string> = {
    'no borders': '<table>',
    'rules between rows only': '<table rules="rows" frame="hsides" border="1">',
    '三线表 (rules above, below and under each row, none upright)': '<table style="border-collapse:collapse;border-top:1.5pt solid black;border-bottom:1.5pt solid black">',
  };
  const names = Object.keys(styles);
  beforeAll(() => {
    names.forEach((name, i) => writeFileSync(join(dir, `${i}.html`), html.replaceAll('<table border="1">', styles[name]!)));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names.map((_, i) => join(dir, `${i}.html`))], { stdio: 'ignore', timeout: 300_000 });
  }, 300_000);

  names.forEach((name, i) =>
    it(`${name}: a finding naming the page of each such table, and no figure in a cell`, async () => {
      const bytes = readFileSync(join(dir, `${i}.pdf`));
      const pages = await pdfPages(bytes);
      if (!Array.isArray(pages)) throw new Error(pages.message);
      expect(pages.flatMap((p) => ruledTables(p.rules)), 'the PDF has no boxed table').toEqual([]);
      const result = await readPdf(bytes);
      if (!result.ok) throw new Error(result.error.message);
      const unruled = result.findings.filter((f) => f.rule === 'reader.unruledTable');
      expect(unruled.length).toBeGreaterThan(0);
      for (const f of unruled) expect(f.messageZh).toContain(`第 ${(f.details as { page: number }).page} 页的表格没有框线`);
      const figures = [result.report.activeDisclosure, result.report.applications, result.report.reviewLitigation].flatMap((table) => Object.values(table).flatMap((row) => Object.values(row ?? {})));
      expect(figures.filter((v) => v !== null)).toEqual([]);
    }),
  );
});

describe.skipIf(!hasCommands(['soffice', '--version']))('a workbook printed to PDF by LibreOffice (the statistics sheet, our own workbook)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-from-xlsx-'));
  const workbooks = [generateReport(50, { layout: 'legacy', blanks: true }), generateReport(51, { layout: 'legacy', blanks: true }), generateReport(52, { layout: '2021', blanks: true }), generateReport(53, { layout: '2019', blanks: true })];
  beforeAll(async () => {
    for (const [i, report] of workbooks.entries()) writeFileSync(join(dir, `${i}.xlsx`), await toXlsx(report));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...workbooks.map((_, i) => join(dir, `${i}.xlsx`))], { stdio: 'ignore', timeout: 300_000 });
  }, 300_000);

  workbooks.forEach((report, i) =>
    it(`${report.layouts.legacy ? 'legacy sheet' : `${report.layouts.applications} tables`} ${i}: every figure and every blank; its sheet of text read column by column`, async () => {
      await readGenerated(readFileSync(join(dir, `${i}.pdf`)), report);
    }),
  );
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

/** What LibreOffice's web layout cannot print whole: the figures are not in the PDF, so no reader can find them. */
const CLIPPED_BY_LIBREOFFICE: Record<string, string> = {
  'real/01-shanghai-gov-office-2019': 'table 三 is wider than the page and its right-hand columns are cut off',
};

describe.skipIf(!hasCommands(['soffice', '--version']))('a report web page printed to PDF by LibreOffice reads back', () => {
  const pages = entries.filter((e) => e.sourcePath.endsWith('.html'));
  const dir = mkdtempSync(join(tmpdir(), 'pdf-from-html-'));
  beforeAll(() => {
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf:writer_web_pdf_Export', '--outdir', dir, ...pages.map((e) => e.sourcePath)], { stdio: 'ignore', timeout: 300_000 });
  }, 300_000);

  for (const entry of pages) {
    const test = CLIPPED_BY_LIBREOFFICE[entry.name] ? it.fails : it;
    test(`${entry.name}: figures and layouts${CLIPPED_BY_LIBREOFFICE[entry.name] ? ` (cannot: ${CLIPPED_BY_LIBREOFFICE[entry.name]})` : ''}`, async () => {
      const report = await readBack(readFileSync(join(dir, entry.name.replace(/^real\//, '') + '.pdf')), entry.name);
      // The page's <title> is not printed, and the title is where the reader finds the agency.
      const { meta: _meta, ...figures } = expectedInPdf(entry.name);
      expect(mismatches(figures, report)).toEqual([]);
    });
  }
});

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
    expect(result.ok || result.error.messageZh).toContain('实际是无法读取的 PDF（文件结构无效）。'); // not pdf.js's English
  });
});

describe('pdfPages', () => {
  const cellsOf = async (draw: (doc: PDFKit.PDFDocument) => void) => {
    // A figure in the lower left cell: pages without text are not searched for tables.
    const pages = await pdfPages(await pdfkitPdf((doc) => (draw(doc), doc.fontSize(8).text('1', 150, 125, { lineBreak: false }))));
    if (!Array.isArray(pages)) throw new Error(pages.message);
    return ruledTables(pages[0]!.rules).map((t) => t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan]));
  };
  // A table of two rows, the top one a single cell across both columns: x 100–300, y 100–140 from the top.
  const H = [[100, 300, 100], [100, 300, 120], [100, 300, 140]] as const;
  const V = [[100, 100, 140], [300, 100, 140], [200, 120, 140]] as const;

  it('finds the same table whether its borders are stroked, filled as hairline rectangles or filled as thin quadrilaterals', async () => {
    const stroked = await cellsOf((doc) => {
      for (const [x1, x2, y] of H) doc.moveTo(x1, y).lineTo(x2, y).stroke();
      for (const [x, y1, y2] of V) doc.moveTo(x, y1).lineTo(x, y2).stroke();
    });
    expect(stroked).toEqual([[[0, 0, 1, 2], [1, 0, 1, 1], [1, 1, 1, 1]]]);
    const rectangles = await cellsOf((doc) => {
      for (const [x1, x2, y] of H) doc.rect(x1, y - 0.25, x2 - x1, 0.5).fill();
      for (const [x, y1, y2] of V) doc.rect(x - 0.25, y1, 0.5, y2 - y1).fill();
    });
    const quadrilaterals = await cellsOf((doc) => {
      for (const [x1, x2, y] of H) doc.polygon([x1, y - 0.25], [x2, y - 0.25], [x2, y + 0.25], [x1, y + 0.25]).fill();
      for (const [x, y1, y2] of V) doc.polygon([x - 0.25, y1], [x + 0.25, y1], [x + 0.25, y2], [x - 0.25, y2]).fill();
    });
    expect(rectangles).toEqual(stroked);
    expect(quadrilaterals).toEqual(stroked);
  });

  it('reads a page with a filled shape of 200,000 points (a map, a seal drawn as a path), which overflowed Math.min(...points) and called the PDF unreadable', async () => {
    const pages = await pdfPages(
      await pdfkitPdf((doc) => {
        doc.moveTo(0, 0);
        for (let i = 0; i < 200_000; i++) doc.lineTo((i * 7) % 595, (i * 13) % 842);
        doc.fill().fontSize(8).text('1', 150, 125, { lineBreak: false });
      }),
    );
    expect(Array.isArray(pages) || pages.message).toBe(true);
  });

  it('takes shading (a filled cell) and a curved frame for no border', async () => {
    expect(await cellsOf((doc) => (doc.rect(100, 100, 200, 40).fill('#ddd'), doc.roundedRect(100, 200, 200, 40, 8).fill()))).toEqual([]);
  });

  it('places text set vertically in a tall cell by its middle', async () => {
    const pages = await pdfPages(
      await pdfkitPdf((doc) => {
        doc.save().rotate(-90, { origin: [120, 300] }).fontSize(12).text('ABCDEFGH', 120, 300, { lineBreak: false }).restore();
      }),
    );
    if (!Array.isArray(pages)) throw new Error(pages.message);
    const [run] = pages[0]!.texts;
    // Rotated about (120, 300) from the top, the run rises from y = 300 to 300 - its length, at x ≈ 120–132.
    expect(run).toMatchObject({ text: 'ABCDEFGH', width: 0 });
    expect(run!.x).toBeGreaterThan(115);
    expect(run!.x).toBeLessThan(140);
    expect(842 - (run!.y + run!.size * 0.3)).toBeLessThan(300);
    expect(842 - (run!.y + run!.size * 0.3)).toBeGreaterThan(240);
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
    expect(r.stderr).toContain('scan.pdf：应为政府信息公开工作年度报告（文本、网页、Markdown、.docx、.xlsx 或文字版 PDF），实际是扫描件/图片 PDF，没有可提取的文字（1 页，0 个字符）');
    expect(r.stderr).toContain('共 2 个文件：转换 1 个，失败 1 个');
    const fromPdf = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const fromText = JSON.parse(readFileSync(join(dir, '001_1c75c2c4e67cd3d7.json'), 'utf8'));
    expect(fromPdf.meta).toEqual({ ...fromText.meta, sourceFormat: 'pdf' });
    for (const table of ['activeDisclosure', 'applications', 'reviewLitigation']) expect(mismatches(fromText[table], fromPdf[table])).toEqual([]);
    const en = run('--lang', 'en', 'check', join(inputs, 'scan.pdf'), '--from', 'text'); // a PDF is read as one whatever --from says
    expect(en.stderr).toContain('a scanned or image-only PDF with no text to extract (1 page, 0 characters)');
  });
});
