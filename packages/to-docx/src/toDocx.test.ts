import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { documentBlocks, placeCells, reportTables, resolveBinding, signatureLines } from '@report-convert/core';
import { parsedCorpus } from '../../core/src/test-support/corpus.js';
import { hasCommands } from '../../core/src/test-support/tools.js';
import { BROKEN_PIECES, WIDE_FIGURES, wideFiguresReport } from '../../core/src/test-support/wideFigures.js';
import { findsInOrder } from '../../core/src/test-support/text.js';
import { badlyBrokenLabels, pageWords, printedLines, pushedDown, rowGroups, unlabelledGroups, type PrintedWord } from '../../core/src/test-support/printedGroups.js';
import { GB_T_9704 } from './styles.js';
import { DocxOptionsError, toDocx } from './toDocx.js';
import { writtenAtTwoTimes } from '../../core/src/test-support/reproducible.js';

const corpus = parsedCorpus();

/** Well-formedness errors of an XML part, from a strict (non-validating) XML parser. */
function wellFormed(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => problems.push(e.message));
  parser.write(xml).close();
  return problems;
}

describe('toDocx', () => {
  it.each(corpus)('$name: every XML part of the package is well-formed', async ({ report }) => {
    const parts = unzipSync(await toDocx(report));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['word/document.xml', '[Content_Types].xml', 'word/footer1.xml']));
    for (const [name, bytes] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) expect(wellFormed(strFromU8(bytes)), name).toEqual([]);
  });

  it('refuses a margin of NaN, Infinity or null, which JSON would write alike (a style key by JSON alone once gave the NaN style the null one\'s margins)', async () => {
    for (const top of [NaN, Infinity, null]) await expect(toDocx(corpus[0]!.report, { style: { margins: { top: top as number } } })).rejects.toBeInstanceOf(DocxOptionsError);
  });

  it('names the official fonts for East Asian text, sets zh-CN, and puts — N — page numbers in the footer', async () => {
    const parts = unzipSync(await toDocx(corpus[0]!.report));
    const document = strFromU8(parts['word/document.xml']!);
    const styles = strFromU8(parts['word/styles.xml']!);
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋_GB2312".*w:eastAsia="zh-CN".*<\/w:docDefaults>/s); // body text's defaults
    expect(styles).toMatch(/w:styleId="rc-table-wide".*w:eastAsia="仿宋_GB2312".*<w:sz w:val="16"\/>/s); // table 四 in 8 pt
    expect(document).toContain('<w:pStyle w:val="rc-table"/>');
    expect(document).toContain('w:eastAsia="方正小标宋简体"');
    expect(document).toContain('w:eastAsia="黑体"');
    expect(document).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(document).toContain('<w:tblHeader'); // header rows repeat across pages
    expect(document).toContain('<w:cantSplit'); // rows never split
    expect(strFromU8(parts['word/footer1.xml']!)).toMatch(/— .*PAGE.* —/s);
  });

  it('centres every table cell vertically through one table style, declared once, not cell by cell', async () => {
    const parts = unzipSync(await toDocx(corpus[0]!.report));
    const document = strFromU8(parts['word/document.xml']!);
    const styles = strFromU8(parts['word/styles.xml']!);
    expect(styles).toMatch(/<w:style w:type="table" w:styleId="rc-grid">(?:(?!<\/w:style>).)*<w:tcPr><w:vAlign w:val="center"\/><\/w:tcPr><\/w:style>/s);
    const tables = document.match(/<w:tbl>/g)!.length;
    expect(document.match(/<w:tblPr><w:tblStyle w:val="rc-grid"\/>/g)).toHaveLength(tables);
    expect(document.match(/<w:tblBorders>(?:<w:(?:top|left|bottom|right|insideH|insideV) w:val="single" w:color="auto" w:sz="4"\/>){6}<\/w:tblBorders>/g)).toHaveLength(tables);
    expect(document).not.toContain('<w:vAlign');
  });

  it('keeps every row of a block of table 二, and of a group of table 三 that holds no other, with the next but the last: each paragraph of it, those of merged cells too', async () => {
    const { report } = corpus.find((c) => c.name.includes('shanghai'))!; // 2019
    const document = strFromU8(unzipSync(await toDocx(report))['word/document.xml']!);
    const [active, applications] = [...document.matchAll(/<w:tbl>(?:(?!<\/w:tbl>).)*<\/w:tbl>/gs)].map((table) => [...table[0].matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/gs)].map((m) => m[0]));
    const kept = (rows: string[]) =>
      rows.flatMap((row) => {
        const paragraphs = row.match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)!;
        const keeping = paragraphs.filter((p) => p.includes('<w:keepNext/>')).length;
        expect(keeping === 0 || keeping === paragraphs.length, row).toBe(true);
        return keeping ? [paragraphs.map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))] : [];
      });
    const blocks = { '（一）': ['规章'], '（五）': ['行政许可'], '（六）': ['行政处罚'], '（八）': [], '（九）': [] };
    expect(kept(active!).map((texts) => texts[0])).toEqual(Object.entries(blocks).flatMap(([block, items]) => [`第二十条第${block}项`, '信息内容', ...items]));
    expect(kept(applications!).map((texts) => texts.find((t) => /^\d\./.test(t)))).toEqual([
      ...['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷'],
      ...['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作'],
      ...['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请'],
    ]);
  });

  it('fits two characters of table 四\'s 8 pt headers on a line of a column, not three: 结果/维持, never 结果维/持', async () => {
    const document = strFromU8(unzipSync(await toDocx(corpus[0]!.report))['word/document.xml']!);
    const wide = [...document.matchAll(/<w:tbl>(?:(?!<\/w:tbl>).)*<\/w:tbl>/gs)].map((m) => m[0]).find((t) => (t.match(/<w:gridCol /g) ?? []).length === 15)!;
    const column = Number(/<w:gridCol w:w="(\d+)"/.exec(wide)![1]);
    const margin = (side: string) => Number(new RegExp(`<w:tblCellMar>.*<w:${side} w:type="dxa" w:w="(\\d+)"/>.*</w:tblCellMar>`, 's').exec(wide)![1]);
    const room = column - margin('left') - margin('right');
    const char = GB_T_9704.sizes.wideTable * 20; // twips
    expect(room).toBeGreaterThanOrEqual(2 * char);
    expect(room).toBeLessThan(3 * char);
  });

  it('breaks a long title after the agency, as official documents do', async () => {
    const { report } = corpus.find((c) => c.name.includes('shuyang-drc'))!;
    const document = strFromU8(unzipSync(await toDocx(report))['word/document.xml']!);
    expect(document).toMatch(/<w:t xml:space="preserve">沭阳县发展和改革局<\/w:t><\/w:r><w:r>(?:(?!<\/w:p>).)*<w:br\/><w:t xml:space="preserve">2023年政府信息公开年度报告<\/w:t>/s);
  });

  it('gives the six section headings outline level 1 and sub-headings level 2, for the navigation pane', async () => {
    const { report } = corpus.find((c) => c.name.includes('shuyang-drc'))!;
    const document = strFromU8(unzipSync(await toDocx(report))['word/document.xml']!);
    const outlined = [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:outlineLvl w:val="(\d)"\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) => [Number(m[1]), [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')]);
    const headings = documentBlocks(report).flatMap((b) => (b.kind === 'heading' ? [[b.level - 1, b.text]] : []));
    expect(outlined).toEqual(headings);
    expect(headings.filter(([level]) => level === 0)).toHaveLength(6);
  });
});

describe('GB/T 9704 page numbers and signature', () => {
  /** The footer part each footer reference of the section names, by type (default = odd pages, even). */
  const footers = (parts: Record<string, Uint8Array>) => {
    const rels = strFromU8(parts['word/_rels/document.xml.rels']!);
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
    const refs = [...strFromU8(parts['word/document.xml']!).matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    return Object.fromEntries(refs.map(([, type, id]) => [type, strFromU8(parts[`word/${target(id!)}`]!)]));
  };
  const paragraphLayout = (xml: string) => ({ jc: /<w:jc w:val="(\w+)"\/>/.exec(xml)?.[1], ind: /<w:ind ([^/]*)\/>/.exec(xml)?.[1] ?? '' });
  const char = GB_T_9704.sizes.body * 20; // twips

  it('numbers odd pages at the right and even pages at the left, one character in, in footers Word tells apart', async () => {
    const parts = unzipSync(await toDocx(corpus[0]!.report));
    expect(strFromU8(parts['word/settings.xml']!)).toContain('<w:evenAndOddHeaders/>');
    const { default: odd, even } = footers(parts);
    for (const footer of [odd!, even!]) expect(footer).toMatch(/— .*PAGE.* —/s);
    expect(paragraphLayout(odd!)).toEqual({ jc: 'right', ind: `w:right="${char}"` });
    expect(paragraphLayout(even!)).toEqual({ jc: 'left', ind: `w:left="${char}"` });
  });

  it('still centres the number on every page when the caller asks', async () => {
    const parts = unzipSync(await toDocx(corpus[0]!.report, { style: { pageNumbers: 'centred' } }));
    expect(strFromU8(parts['word/settings.xml']!)).not.toContain('<w:evenAndOddHeaders/>');
    const all = footers(parts);
    expect(Object.keys(all)).toEqual(['default']);
    expect(paragraphLayout(all.default!).jc).toBe('center');
  });

  it('sets the date two characters in from the right, starting two characters right of the agency (§7.3.5.2)', async () => {
    const { report } = corpus.find((c) => c.name.includes('shuyang-drc'))!; // signed 沭阳县发展和改革局 / 2024年1月17日
    const document = strFromU8(unzipSync(await toDocx(report))['word/document.xml']!);
    // The last paragraph that holds the text: the agency also stands in the title.
    const paragraph = (text: string) => paragraphLayout(document.split('<w:p>').findLast((p) => p.includes(`>${text}<`))!);
    const rightIndent = (text: string) => Number(/w:right="(\d+)"/.exec(paragraph(text).ind)![1]) / char;
    expect(paragraph('2024年1月17日').jc).toBe('right');
    expect(paragraph('沭阳县发展和改革局').jc).toBe('right');
    // 9 characters over a date 7½ as set (digits half a character, a fifth more at each of 5 script changes):
    // the date would end 1½ in, so it stands 右空二字 and the agency moves left to keep the two.
    expect(rightIndent('2024年1月17日')).toBe(2);
    expect(rightIndent('沭阳县发展和改革局')).toBe(2.5);
  });
});

const soffice = hasCommands(['soffice', '--version'], ['pdftotext', '-v']);

describe.skipIf(!soffice)('a real client (LibreOffice) opens each document', () => {
  it('converts every corpus report to PDF in which pdftotext finds every figure and label, in table order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
    for (const [i, { report }] of corpus.entries()) writeFileSync(join(dir, `r${i}.docx`), await toDocx(report));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...corpus.map((_, i) => join(dir, `r${i}.docx`))], { stdio: 'ignore', timeout: 300_000 });
    for (const [i, { report, name }] of corpus.entries()) {
      const printed = execFileSync('pdftotext', [join(dir, `r${i}.pdf`), '-'], { encoding: 'utf8' });
      // A number in the text is never broken over two lines (3044 printed as 304 / 4 条).
      const lines = printed.split('\n');
      for (const [l, line] of lines.slice(0, -1).entries())
        expect(`${line}⏎${lines[l + 1]}`, name).not.toMatch(/[\u4e00-\u9fff，。] ?[0-9]+⏎[0-9.]+ ?[\u4e00-\u9fff%]/);
      // The 落款 as set: the date starts two characters (32 pt) right of the agency and ends at least two in.
      const signature = signatureLines(report);
      if (signature.length === 2) {
        const lines = [...execFileSync('pdftotext', ['-bbox-layout', join(dir, `r${i}.pdf`), '-'], { encoding: 'utf8' }).matchAll(/<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)<\/line>/gs)];
        const box = (text: string) => lines.findLast((l) => l[3]!.replace(/<[^>]+>|\s/g, '') === text)!.slice(1, 3).map(Number);
        const [[agencyLeft], [dateLeft, dateRight]] = signature.map(box) as [number[], number[]];
        expect(dateLeft! - agencyLeft!, name).toBeCloseTo(32, 0);
        expect(dateRight, name).toBeLessThanOrEqual(595.28 - 26 * (72 / 25.4) - 32 + 0.5);
      }
      // Tables wrap labels inside narrow cells: compare without white space.
      const text = printed.replace(/\s+/g, '');
      let from = 0;
      for (const grid of reportTables(report)) {
        const start = findsInOrder(text, grid.title.replace(/\s+/g, ''), from);
        expect(start, `${name}: ${grid.title}`).toBeGreaterThanOrEqual(0);
        from = start;
        for (const p of placeCells(grid)) {
          const shown = (p.cell.kind === 'label' ? p.cell.text : resolveBinding(report, p.cell.path).display).replace(/\s+/g, '');
          if (shown) expect(findsInOrder(text, shown, start), `${name}: ${shown}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });
});

describe.skipIf(!soffice)('table 三 across pages, through LibreOffice', () => {
  const { report } = corpus.find((c) => c.name.includes('shuyang-drc'))!;
  const grid = reportTables(report).find((g) => g.table === 'applications')!;
  const shifts = [...Array(24).keys()];
  let rendered: Promise<PrintedWord[][][]> | undefined;
  const printed = () =>
    (rendered ??= (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'docx-groups-'));
      for (const lines of shifts) writeFileSync(join(dir, `${lines}.docx`), await toDocx(pushedDown(report, lines)));
      execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...shifts.map((lines) => join(dir, `${lines}.docx`))], { stdio: 'ignore', timeout: 300_000 });
      return shifts.map((lines) => pageWords(join(dir, `${lines}.pdf`)));
    })());

  // Word and LibreOffice place page breaks themselves, so a merged cell's text cannot be printed again where its
  // rows continue: 三、本年度办理结果, too tall to keep whole, is left out (the PDF prints it again, continued).
  it('keeps each group of rows that holds no other on one page, beside its label', async () => {
    const groups = rowGroups(grid).filter((g) => !g.holdsGroups);
    for (const [lines, pages] of (await printed()).entries()) {
      expect(unlabelledGroups(pages, groups), `pushed down ${lines} lines`).toEqual([]);
      for (const group of groups) expect(pages.filter((words) => group.rows.some((row) => printedLines(words, row))), `pushed down ${lines} lines: ${group.label}`).toHaveLength(1);
    }
  });

  it("breaks a group's name after its numbering (（三）/不予公开, never 不予公/开), and leaves no label a character alone on its last line", async () => {
    for (const [lines, pages] of (await printed()).entries()) expect(badlyBrokenLabels(pages, grid), `pushed down ${lines} lines`).toEqual([]);
  });
});

describe.skipIf(!soffice)('figures in narrow cells, through LibreOffice', () => {
  it('keep one line each, set smaller where the cell is too narrow: 123456 never prints as 12345 over 6', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-wide-'));
    writeFileSync(join(dir, 'wide.docx'), await toDocx(wideFiguresReport()));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'wide.docx')], { stdio: 'ignore', timeout: 300_000 });
    const words = [...execFileSync('pdftotext', ['-bbox-layout', join(dir, 'wide.pdf'), '-'], { encoding: 'utf8' }).matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]!);
    for (const figure of WIDE_FIGURES) expect(words, figure).toContain(figure);
    for (const piece of BROKEN_PIECES) expect(words, piece).not.toContain(piece);
  });
});

describe('style options', () => {
  const { report } = parsedCorpus()[0]!;

  it.each([
    ['margins that leave no room for the text', { margins: { left: 80, right: 80 } }, /^toDocx options: style\.margins: .*60 mm/],
    ['a margin wider than a margin can be', { margins: { left: 150 } }, /style\.margins\.left: /],
    ['a NaN size', { sizes: { table: NaN } }, /style\.sizes\.table: /],
    ['a negative size', { sizes: { body: -3 } }, /style\.sizes\.body: /],
    ['a line spacing of 0', { lineSpacing: 0 }, /style\.lineSpacing: /],
    ['a line spacing below the body text', { lineSpacing: 12 }, /style\.lineSpacing: an exact line spacing of 12 pt, smaller than the 16 pt body text/],
    ['an empty font name', { fonts: { body: '' } }, /style\.fonts\.body: /],
    ['an unknown page-number place', { pageNumbers: 'left' }, /style\.pageNumbers: /],
  ])('refuses %s with a DocxOptionsError naming the option, in both languages', async (_, style, said) => {
    const refused = toDocx(report, { style: style as never });
    await expect(refused).rejects.toBeInstanceOf(DocxOptionsError);
    await expect(refused).rejects.toThrow(said);
    await expect(refused).rejects.toMatchObject({ messageZh: expect.stringMatching(/^toDocx 选项有误：/) });
  });

  it.each([
    ['a misspelt option', { misspeltKey: 1 }, /^toDocx options: Unrecognized key: "misspeltKey" \(known keys: style, date\)$/],
    ['a font role Word has not', { style: { fonts: { bodyy: '仿宋' } } }, /^toDocx options: style\.fonts: Unrecognized key: "bodyy" \(known keys: title, heading1, heading2, body, table, latin\)$/],
    ['a misspelt style', { style: { margin: { top: 30 } } }, /^toDocx options: style: Unrecognized key: "margin" /],
    ['a date given as text', { date: '2024-01-01' }, /^toDocx options: date: Invalid input: expected date, received string$/],
  ])('refuses %s with a TypeError naming the option, what was given and what is allowed', async (_, options, said) => {
    const refused = toDocx(report, options as never);
    await expect(refused).rejects.toBeInstanceOf(TypeError);
    await expect(refused).rejects.toThrow(said);
  });

  it('takes an override left undefined as not given', async () => {
    const date = new Date('2024-01-20T02:00:00Z');
    const undefinedOverrides = await toDocx(report, { style: { fonts: { body: undefined }, margins: { top: undefined }, lineSpacing: undefined }, date });
    expect(Buffer.from(undefinedOverrides).equals(Buffer.from(await toDocx(report, { date })))).toBe(true);
  });

  it('takes the documented overrides, and GB/T 9704 itself cannot be changed by a caller', async () => {
    expect((await toDocx(report, { style: { fonts: { body: '仿宋' }, sizes: { table: 9 }, margins: { top: 30 }, lineSpacing: 26, pageNumbers: 'centred' } })).length).toBeGreaterThan(1000);
    expect(() => ((GB_T_9704.fonts as { body: string }).body = 'X')).toThrow(TypeError);
    expect(GB_T_9704.fonts.body).toBe('仿宋_GB2312');
  });
});

describe('the date option', () => {
  it('gives the same bytes whenever it is written, the date in core.xml; without it, the time of writing', async () => {
    const { report } = parsedCorpus()[0]!;
    const date = new Date('2024-01-20T02:00:00Z');
    const [a, b] = await writtenAtTwoTimes(() => toDocx(report, { date }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(strFromU8(unzipSync(a)['docProps/core.xml']!)).toMatch(/<dcterms:created [^>]*>2024-01-20T02:00:00Z<\/dcterms:created><dcterms:modified [^>]*>2024-01-20T02:00:00Z</);
    const [c, d] = await writtenAtTwoTimes(() => toDocx(report));
    expect(Buffer.from(c).equals(Buffer.from(d))).toBe(false);
  });
});
