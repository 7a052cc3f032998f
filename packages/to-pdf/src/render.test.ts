import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { documentBlocks, generateReport, keepWithNextRows, migrate, placeCells, reportTables, resolveBinding } from '@report-convert/core';
import { parsedCorpus } from '../../core/src/test-support/corpus.js';
import { hasCommands } from '../../core/src/test-support/tools.js';
import { findsInOrder } from '../../core/src/test-support/text.js';
import { badlyBrokenLabels, pageWords, printedLines, pushedDown, rowGroups, unlabelledGroups, type PrintedWord } from '../../core/src/test-support/printedGroups.js';
import { ReportModelError, type Finding, type Report, type TableGrid } from '@report-convert/core';
import { badModels } from '../../core/src/test-support/badModels.js';
import { writtenAtTwoTimes } from '../../core/src/test-support/reproducible.js';
import { BROKEN_PIECES, WIDE_FIGURES, wideFiguresReport } from '../../core/src/test-support/wideFigures.js';
import { FontError, fontProblem } from './fontProblem.js';
import { DEFAULT_FONT } from './fonts.js';
import { toPdf } from './index.js';
import { renderPdf } from './render.js';

// Installed with fonts-noto-cjk (CI installs it): a collection of CFF-outline faces, the Japanese one first.
const NOTO_CJK_TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
// No Chinese at all (CI installs it, as drawingFont.test.ts says).
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const corpus = parsedCorpus();

const poppler = hasCommands(['pdftotext', '-v']);
const dir = mkdtempSync(join(tmpdir(), 'to-pdf-'));
async function written(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, `${name.replace(/\W/g, '_')}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

describe.skipIf(!poppler)('renderPdf, read back with poppler', () => {
  it.each(corpus)('$name: pdftotext finds every figure and label, tables in order; only embedded subset fonts', async ({ name, report }) => {
    const { bytes, findings } = await renderPdf(report);
    expect(findings).toEqual([]);
    const path = await written(name, bytes);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    let from = 0;
    for (const grid of reportTables(report)) {
      const at = findsInOrder(text, grid.title, from);
      expect(at, grid.title).toBeGreaterThanOrEqual(from);
      from = at;
      for (const p of placeCells(grid)) {
        const shown = (p.cell.kind === 'label' ? p.cell.text : resolveBinding(report, p.cell.path).display).replace(/\s+/g, '');
        if (shown) expect(findsInOrder(text, shown, at), `${name}: ${shown}`).toBeGreaterThanOrEqual(0);
      }
    }
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, line).toMatch(/^[A-Z]{6}\+\S+.*\syes\s+yes\s+yes\s/);
  });

  it('writes the metadata: title, author = agency, subject, creator, language', async () => {
    const { report } = corpus.find((c) => c.name.includes('shanghai'))!;
    const path = await written('meta', (await renderPdf(report)).bytes);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+2019年上海市人民政府办公厅政府信息公开工作年度报告/);
    expect(info).toMatch(/Author:\s+上海市人民政府办公厅/);
    expect(info).toMatch(/Subject:\s+政府信息公开工作年度报告/);
    expect(info).toMatch(/Creator:\s+report-convert/);
    expect(readFileSync(path, 'latin1')).toMatch(/\/Lang \(zh-CN\)|\/Lang <feff/);
  });

  it('keeps the XMP metadata well-formed XML when the title or agency holds & or <', async () => {
    const { report } = corpus[0]!;
    const odd = { ...report, meta: { ...report.meta, title: '甲&乙<市>2019年政府信息公开工作年度报告', agency: 'A&B 委员会' } };
    const path = await written('xmp', (await renderPdf(odd, { pdfa: true })).bytes);
    const xmp = execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
    const parser = new SaxesParser();
    parser.on('error', (error) => {
      throw error;
    });
    expect(() => parser.write(xmp).close()).not.toThrow();
    expect(xmp).toContain('甲＆乙＜市＞2019年政府信息公开工作年度报告');
    expect(execFileSync('pdfinfo', [path], { encoding: 'utf8' })).toMatch(/Author:\s+A＆B 委员会/);
  });

  it('with pdfa, declares PDF/A-2b in its XMP metadata, carries an output intent and embeds every font', async () => {
    const path = await written('pdfa', (await renderPdf(corpus[0]!.report, { pdfa: true })).bytes);
    const meta = execFileSync('pdfinfo', ['-meta', path], { encoding: 'utf8' });
    expect(meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(readFileSync(path, 'latin1')).toContain('/OutputIntents');
    for (const line of execFileSync('pdffonts', [path], { encoding: 'utf8' }).trim().split('\n').slice(2)) expect(line).toMatch(/\syes\s+yes\s+yes\s/);
  });

  it.skipIf(!existsSync(NOTO_CJK_TTC))('draws in one named face of a font collection (CFF outlines), and says which faces there are when none is named', async () => {
    const { name, report } = corpus[0]!;
    const { bytes, findings } = await renderPdf(report, { fonts: { body: `${NOTO_CJK_TTC}#NotoSerifCJKsc-Regular` } });
    expect(findings).toEqual([]);
    const path = await written(`${name}-ttc`, bytes);
    expect(execFileSync('pdffonts', [path], { encoding: 'utf8' })).toMatch(/[A-Z]{6}\+NotoSerifCJKsc-Regular\s.*yes\s+yes\s+yes/);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(reportTables(report)[0]!.title.replace(/\s+/g, ''));
    expect(fontProblem(NOTO_CJK_TTC)?.message).toMatch(/name one of its faces as FILE#FACE \(.*NotoSerifCJKsc-Regular/);
    expect(fontProblem(NOTO_CJK_TTC)?.messageZh).toMatch(/这是字体集.*NotoSerifCJKsc-Regular/);
    expect(fontProblem(`${NOTO_CJK_TTC}#NoSuchFace`)?.message).toMatch(/no face NoSuchFace in this collection/);
  });

  it.skipIf(!hasCommands(['pdftohtml', '-v']))('bookmarks the six sections, sub-headings under them, each on the page it is printed on', async () => {
    const { report } = corpus.find((c) => c.name.includes('shuyang-drc'))!;
    const path = await written('outline', (await renderPdf(report)).bytes);
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', path], { encoding: 'utf8' });
    const outline = xml.slice(xml.indexOf('<outline>') + '<outline>'.length);
    const topLevel = outline.replace(/<outline>[\s\S]*?<\/outline>/g, ''); // the nested outlines of sub-headings left out
    const top = [...topLevel.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)];
    const headings = documentBlocks(report).filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b as { text: string }).text);
    expect(top.map((m) => m[2])).toEqual(headings);
    for (const [, page, text] of top) expect(execFileSync('pdftotext', ['-f', page!, '-l', page!, path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''), text).toContain(text!.replace(/\s+/g, ''));
    expect(outline).toContain('（一）主动公开政府信息情况'); // a sub-heading, nested
  });

  it('breaks a long title after the agency, as official documents do', async () => {
    const { report } = corpus.find((c) => c.name.includes('shuyang-drc'))!;
    const path = await written('title', (await renderPdf(report)).bytes);
    const [first, second] = execFileSync('pdftotext', ['-l', '1', path, '-'], { encoding: 'utf8' }).split('\n');
    expect([first, second]).toEqual(['沭阳县发展和改革局', '2023年政府信息公开年度报告']);
  });

  it('ends no page with a table heading, a block title or column headings: they go with the rows they introduce', async () => {
    const legacy = corpus.find((c) => c.name.includes('seeds/004'))!.report;
    const reports = [
      ...corpus.filter((c) => /shanghai|seeds\/000/.test(c.name)).map((c) => [c.name, c.report] as const),
      ['seeds/004 migrated to 2021', migrate(legacy, { to: '2021' }).report] as const,
    ];
    for (const [name, report] of reports) {
      const introducers = reportTables(report).flatMap((grid) => {
        const keep = keepWithNextRows(grid);
        const rows = grid.rows.flatMap((_, r) => (keep[r] ? [placeCells(grid).filter((p) => p.row === r).map((p) => (p.cell.kind === 'label' ? p.cell.text : '')).join('')] : []));
        return [grid.title, ...rows].map((t) => t.replace(/\s+/g, ''));
      });
      const path = await written(`keep-${name}`, (await renderPdf(report)).bytes);
      const pages = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
      expect(pages.length, name).toBeGreaterThan(3);
      for (const [i, page] of pages.entries()) {
        const body = page.replace(/\s+/g, '').replace(/—\d+—$/, '');
        for (const text of introducers) expect(body.endsWith(text), `${name}, page ${i + 1} ends with ${text}`).toBe(false);
      }
    }
  });

  /** The lines pdftotext finds on each page, with their boxes, in reading order. */
  const pageLines = (path: string) =>
    execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8' })
      .split('<page ')
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/line>/gs)].map(([, x0, y0, x1, y1, words]) => ({
          x0: Number(x0),
          y0: Number(y0),
          x1: Number(x1),
          y1: Number(y1),
          text: [...words!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
        })),
      );
  const typeArea = { left: 28 * (72 / 25.4), right: 595.28 - 26 * (72 / 25.4), bottom: 841.89 - 35 * (72 / 25.4) };
  const char = 16; // a body character, 三号

  it('keeps every figure on one line, setting one too wide for its cell smaller: 123456 never prints as 1234 over 56', async () => {
    const path = await written('wide-figures', (await renderPdf(wideFiguresReport())).bytes);
    const words = [...execFileSync('pdftotext', ['-bbox-layout', path, '-'], { encoding: 'utf8' }).matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!);
    for (const figure of WIDE_FIGURES) expect(words, figure).toContain(figure);
    for (const piece of BROKEN_PIECES) expect(words, piece).not.toContain(piece);
  });

  it('justifies body text as the Word copy does: a line followed by more of its paragraph ends at the right margin', async () => {
    const { report } = corpus.find((c) => c.name.includes('seeds/003'))!; // half-width commas: lines of unequal natural width
    const { left, right } = typeArea;
    let checked = 0;
    for (const page of pageLines(await written('justify', (await renderPdf(report)).bytes))) {
      // Body lines: 16 pt text (taller boxes than the tables' 10.5 pt), in reading order.
      const lines = page.filter((l) => l.y1 - l.y0 > 20);
      for (let i = 0; i + 1 < lines.length; i++) {
        if (Math.abs(lines[i + 1]!.x0 - left) > 0.5) continue; // the next line starts a paragraph (indented) or is no body text
        expect(lines[i]!.x1, `page line ${i + 1}`).toBeGreaterThanOrEqual(right - 0.5);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('numbers pages — N — below the type area, odd pages at the right and even pages at the left, one character in (GB/T 9704 §7.5)', async () => {
    const { report } = corpus[0]!;
    const pages = pageLines(await written('pages', (await renderPdf(report)).bytes));
    expect(pages.length).toBeGreaterThan(3);
    for (const [i, lines] of pages.entries()) {
      const number = lines.find((l) => l.y0 > typeArea.bottom)!;
      expect(number.text).toBe(`—${i + 1}—`);
      if (i % 2 === 0) expect(number.x1, `page ${i + 1}`).toBeCloseTo(typeArea.right - char, 1);
      else expect(number.x0, `page ${i + 1}`).toBeCloseTo(typeArea.left + char, 1);
    }
  });

  it('signs as §7.3.5.2 sets it: the agency two characters in, the date starting two characters right of the agency and never nearer the edge than two', async () => {
    const { report } = corpus.find((c) => c.name.includes('shuyang-drc'))!; // signed 沭阳县发展和改革局 / 2024年1月17日
    const last = pageLines(await written('signature', (await renderPdf(report)).bytes)).at(-1)!;
    const agency = last.findLast((l) => l.text === '沭阳县发展和改革局')!;
    const date = last.find((l) => l.text === '2024年1月17日')!;
    expect(date.y0).toBeGreaterThan(agency.y1 - 1); // the line below
    expect(agency.x1).toBeCloseTo(typeArea.right - 2 * char, 1);
    expect(date.x0).toBeCloseTo(agency.x0 + 2 * char, 1);
    expect(date.x1).toBeLessThanOrEqual(typeArea.right - 2 * char);
  });
});

describe.skipIf(!poppler)('table 三 across pages', () => {
  const reports = corpus.filter((c) => /shuyang-drc|shanghai/.test(c.name)); // 2021 and 2019
  let rendered: Promise<{ at: string; grid: TableGrid; pages: PrintedWord[][] }[]> | undefined;
  const printed = () =>
    (rendered ??= Promise.all(
      reports.flatMap(({ name, report }) =>
        Array.from({ length: 24 }, async (_, lines) => {
          const grid = reportTables(report).find((g) => g.table === 'applications')!;
          const pages = pageWords(await written(`groups-${name}-${lines}`, (await renderPdf(pushedDown(report, lines))).bytes));
          return { at: `${name} pushed down ${lines} lines`, grid, pages };
        }),
      ),
    ));

  it('prints every group of rows with its label on each page they are on, continued; a group that holds no other on one page', async () => {
    for (const { at, grid, pages } of await printed()) {
      const groups = rowGroups(grid);
      expect(unlabelledGroups(pages, groups), at).toEqual([]);
      for (const group of groups.filter((g) => !g.holdsGroups)) expect(pages.filter((words) => group.rows.some((row) => printedLines(words, row))), `${at}: ${group.label}`).toHaveLength(1);
    }
  });

  it("breaks a group's name after its numbering (（三）/不予公开, never 不予公/开), and leaves no label a character alone on its last line", async () => {
    for (const { at, grid, pages } of await printed()) expect(badlyBrokenLabels(pages, grid), at).toEqual([]);
  });
});

describe('glyph check', () => {
  const missing = (f: Finding) => (f.details as { characters: { character: string; where: string }[] }).characters;

  it('refuses a font that cannot print Chinese, in every role, with a typed error before drawing anything', async () => {
    expect(fontProblem(DEJAVU)).toEqual({
      message: 'not a simplified Chinese font: it lacks 12 of the 12 characters of 政府信息公开工作年度报告, which every report prints',
      messageZh: '不是简体中文字体：每份报告都印的“政府信息公开工作年度报告”12 个字，它缺少 12 个',
    });
    expect(fontProblem(DEFAULT_FONT)).toBeUndefined();
    const { report } = corpus[0]!;
    for (const role of ['body', 'title', 'heading'] as const) {
      const refused = renderPdf(report, { fonts: { [role]: DEJAVU } });
      await expect(refused).rejects.toBeInstanceOf(FontError);
      await expect(refused).rejects.toMatchObject({ role, messageZh: expect.stringMatching(/^不是简体中文字体/) });
    }
    await expect(toPdf(report, { fonts: { title: DEJAVU } })).rejects.toMatchObject({ role: 'title', message: expect.stringMatching(/^not a simplified Chinese font/) });
  });

  it('says in one finding per font how many characters it lacks, the first twenty of them, and where the first is', async () => {
    const { report } = corpus[0]!;
    const faces = Array.from({ length: 25 }, (_, i) => String.fromCodePoint(0x1f600 + i));
    const odd = { ...report, meta: { ...report.meta, title: `${report.meta.title}${faces[3]}` }, sections: { ...report.sections, otherMatters: `特殊字符${faces.slice(0, 12).join('')}。\n又有${faces.join('')}。` } };
    const { findings } = await renderPdf(odd);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'pdf.missingGlyph', severity: 'error' });
    expect(missing(findings[0]!).map((c) => c.character).sort()).toEqual([...faces].sort());
    const listed = [faces[3]!, ...faces.filter((f) => f !== faces[3])].slice(0, 20);
    expect(findings[0]!.messageZh).toBe(`字体 Noto Serif SC 缺少 25 个字：${listed.join('、')}…，第一个（U+1F603）位于标题，将印成空框。请改用包含这些字的字体。`);
    expect(findings[0]!.message).toBe(`The font Noto Serif SC has no glyph for 25 characters: ${listed.join(' ')} …; the first (U+1F603) is in the title. They would print as blank boxes: use a font that has them.`);
  });

  it.skipIf(!existsSync(NOTO_CJK_TTC))('names each font that lacks characters apart: the title\'s and the body\'s', async () => {
    const { report } = corpus[0]!;
    const odd = { ...report, meta: { ...report.meta, title: `${report.meta.title}😀` }, sections: { ...report.sections, otherMatters: '特殊字符😁。' } };
    const { findings } = await renderPdf(odd, { fonts: { title: `${NOTO_CJK_TTC}#NotoSerifCJKsc-Regular` } });
    expect(findings.map((f) => [f.messageZh.match(/^字体 (.+?) 缺少/)?.[1], missing(f).map((c) => c.character)])).toEqual([
      ['Noto Serif CJK SC', ['😀']],
      ['Noto Serif SC', ['😁']],
    ]);
  });

  it('finds a missing character in a table figure: its path in the details, its table as printed in the sentences', async () => {
    const { report } = corpus[0]!;
    const grid = reportTables(report)[1]!;
    const { path } = placeCells(grid).find((p) => p.cell.kind === 'value')!.cell as { path: string };
    // A figure printed with more than its number (a unit) is shown as printed.
    const odd = { ...report, sources: { ...report.sources, [path]: { ...report.sources[path]!, unit: '件', text: '12😀件' } } };
    const { findings } = await renderPdf(odd);
    expect(findings.map(missing)).toEqual([[expect.objectContaining({ character: '😀', where: path })]]);
    expect(findings[0]!.messageZh).toContain(`位于表格“${grid.title}”`);
    expect(findings[0]!.message).toContain(`in table “${grid.title}”`);
  });

  it('finds a missing character in every report that has it, not only the first a process renders', async () => {
    const { report } = corpus[0]!;
    const odd = { ...report, sections: { ...report.sections, otherMatters: '特殊字符😀。' } };
    await renderPdf(report);
    const first = (await renderPdf(odd)).findings;
    expect(first.map(missing)).toEqual([[expect.objectContaining({ character: '😀' })]]);
    expect((await renderPdf(odd)).findings).toEqual(first);
  });
});

describe('a value that is not a report model', () => {
  it.each(badModels())('is refused with a ReportModelError naming where: $why', async ({ value, path }) => {
    await expect(toPdf(value as Report)).rejects.toThrow(path);
    await expect(toPdf(value as Report)).rejects.toBeInstanceOf(ReportModelError);
  });
});

describe('options', () => {
  const { report } = corpus[0]!;

  it.each([
    ['a font role it does not know', { fonts: { bodyy: DEFAULT_FONT } }, /options: fonts: Unrecognized key: "bodyy" \(known keys: body, title, heading\)$/],
    ['a font that is no path or bytes', { fonts: { body: 12 } }, /options: fonts\.body: Invalid input: expected string or Uint8Array, received number$/],
    ['pdfa as text', { pdfa: 'yes' }, /options: pdfa: Invalid input: expected boolean, received string$/],
    ['a date given as text', { date: '2024-01-01' }, /options: date: Invalid input: expected date, received string$/],
    ['a misspelt option', { font: DEFAULT_FONT }, /options: Unrecognized key: "font" \(known keys: fonts, pdfa, date\)$/],
  ])('refuses %s with a TypeError naming the option, what was given and what is allowed, naming the function called', async (_, options, said) => {
    await expect(toPdf(report, options as never)).rejects.toThrow(new RegExp(`^toPdf ${said.source}`));
    await expect(renderPdf(report, options as never)).rejects.toThrow(new RegExp(`^renderPdf ${said.source}`));
    await expect(toPdf(report, options as never)).rejects.toBeInstanceOf(TypeError);
  });

  it('takes fonts as bytes of any buffer, and an option left undefined as not given', async () => {
    const bytes = readFileSync(DEFAULT_FONT);
    expect((await renderPdf(report, { fonts: { body: bytes, title: undefined }, pdfa: undefined, date: undefined })).findings).toEqual([]);
  });
});

describe('a table row taller than a page', () => {
  it('is said once per table, as an error: what does not fit the page is not printed', async () => {
    const report = generateReport(4, { layout: '2021' });
    const paragraph = '本机关认真贯彻落实政府信息公开条例，'.repeat(250); // 4,500 characters kept as an unrecognised row's label
    const tall = { ...report, extraRows: [...report.extraRows, { table: 'applications' as const, label: paragraph, unit: null, values: ['1'], position: { line: 1, column: 1 } }] };
    const { findings } = await renderPdf(tall);
    expect(findings.filter((f) => f.rule === 'pdf.rowTooTall')).toEqual([expect.objectContaining({ severity: 'error', tableLabel: '未识别的行', rowLabel: `${paragraph.slice(0, 20)}…` })]);
    expect((await renderPdf(report)).findings.filter((f) => f.rule === 'pdf.rowTooTall')).toEqual([]);
  });
});

describe('the date option', () => {
  it('gives the same bytes whenever it is written (the file ID is a hash of it), PDF/A too; without it, the time of writing', async () => {
    const report = generateReport(4, { layout: '2021' });
    const date = new Date('2024-01-20T02:00:00Z');
    for (const pdfa of [false, true]) {
      const [a, b] = await writtenAtTwoTimes(() => toPdf(report, { date, pdfa }));
      expect(Buffer.from(a).equals(Buffer.from(b)), `pdfa ${pdfa}`).toBe(true);
      expect(Buffer.from(a).toString('latin1')).toContain('(D:20240120020000Z)');
    }
    const [c, d] = await writtenAtTwoTimes(() => toPdf(report));
    expect(Buffer.from(c).equals(Buffer.from(d))).toBe(false);
  });
});
