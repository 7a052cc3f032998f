import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applicationsGrid, placeCells, type TableGrid } from '../layouts/index.js';
import { parse } from '../parse.js';
import { corpusEntries, expectedModel, mismatches } from '../test-support/corpus.js';
import { hasCommands } from '../test-support/tools.js';
import { parseDocx } from './docx.js';
import { truncatedParts } from './xml.js';

const WORD_DOCUMENT = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
const docx = (documentXml: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(documentXml) });

describe.skipIf(!hasCommands(['soffice', '--version']))('Word files and workbooks saved by LibreOffice from the corpus pages', () => {
  const html = corpusEntries().filter((e) => e.sourcePath.endsWith('.html'));
  // A workbook saved from a web page is as wide as its widest row's spans, and merges cells irregularly.
  const saved = [
    { format: 'docx', filter: 'docx:MS Word 2007 XML', options: [] },
    { format: 'xlsx', filter: 'xlsx:Calc MS Excel 2007 XML', options: ['--infilter=HTML (StarCalc)'] },
  ] as const;
  it.each(saved.flatMap((s) => html.map((entry) => ({ ...s, entry, name: entry.name }))))('$name saved as .$format parses back to its expected values', ({ format, filter, options, entry }) => {
    const dir = mkdtempSync(join(tmpdir(), 'office-lo-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', ...options, '--convert-to', filter, '--outdir', dir, entry.sourcePath], { stdio: 'ignore', timeout: 120_000 });
    const name = entry.sourcePath.split('/').at(-1)!.replace(/\.html$/, `.${format}`);
    const result = parse(readFileSync(join(dir, name)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.meta.sourceFormat).toBe(format);
    expect(mismatches(expectedModel(entry), result.report)).toEqual([]);
  });
});

describe('untrusted packages', () => {
  it('refuses a zip bomb before inflating it', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(200 * 2 ** 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(2 ** 20);
    const result = parse(bomb);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'tooLarge' });
  });

  it('refuses a package with too many parts', () => {
    const parts = Object.fromEntries(Array.from({ length: 2_500 }, (_, i) => [`word/p${i}.xml`, strToU8('<a/>')]));
    const result = parse(zipSync(parts));
    expect(!result.ok && result.error.code).toBe('tooLarge');
  });

  it('gives a clear error for damaged packages, foreign zips and old binary files', () => {
    const good = docx(WORD_DOCUMENT('<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>'));
    expect(!parse(good.slice(0, 40)).ok && (parse(good.slice(0, 40)) as { error: { code: string } }).error.code).toBe('damaged');
    expect((parse(zipSync({ 'hello.txt': strToU8('hi') })) as { error: { code: string } }).error.code).toBe('unsupportedFormat');
    const doc = parse(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(!doc.ok && doc.error.messageZh).toContain('另存为 .docx 或 .xlsx');
  });

  it('does not expand XML entities declared in a DTD (billion laughs)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`;
    const xml = laughs + WORD_DOCUMENT('<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>').replace(/^<\?xml[^>]*\?>/, '');
    const result = parseDocx(docx(xml));
    if (!result.ok) throw new Error(result.error.message);
    expect(JSON.stringify(result.report.sections)).not.toContain('lollol');
  });
});

describe('odd and damaged parts', () => {
  const sheet = (data: string, merges = '') => zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${data}</sheetData>${merges}</worksheet>`) });
  const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const heading = `<row r="1">${text('A1', '一、总体情况')}</row>`;

  it('reads a sheet with a cell at XFD1048576, the last of the grid, without walking the 17 billion cells before it', () => {
    const result = parse(sheet(`${heading}<row r="1048576">${text('XFD1048576', '注')}</row>`));
    expect(result.ok && result.report.sections.overview).toBe('注');
  });

  it('reads a sheet merged over the whole grid (A1:XFD1048576), which filled a Set past its maximum size', () => {
    expect(parse(sheet(heading, '<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>')).ok).toBe(true);
  });

  it('skips references beyond the grid (row 99999999999999999999), which it walked row by row, and merges drawn backwards', () => {
    const result = parse(sheet(`${heading}<row>${text('A99999999999999999999', '2')}${text('AAAAAAAAAAAAAAAAAAAA5', '3')}</row>`, '<mergeCells><mergeCell ref="C3:A1"/><mergeCell/></mergeCells>'));
    expect(result.ok).toBe(true);
  });

  it('refuses a sheet whose rows of text span more than two million cells', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<row r="${i + 2}">${text(`XFD${i + 2}`, '1')}</row>`).join('');
    const result = parse(sheet(heading + rows));
    expect(result.ok || result.error.code).toBe('tooLarge');
    expect(result.ok || result.error.messageZh).toContain('201 行 × 16384 列的工作表');
  });

  it('refuses a Word document nested 100,000 elements deep as damaged, which overflowed the stack', () => {
    const deep = WORD_DOCUMENT(`<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>${'<w:sdt><w:sdtContent>'.repeat(50_000)}`);
    const result = parse(zipSync({ 'word/document.xml': strToU8(deep) }, { level: 0 })); // stored: compressed, it would be refused as a zip bomb first
    expect(result.ok || result.error.messageZh).toContain('元素嵌套超过1000层的Office 部件（word/document.xml）');
  });
});

const cell = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const REVIEW_FIELD_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table 四 under its heading, official header rows, then `dataRows` (each row's cells as given). */
function reviewTableDocument(...dataRows: string[]): string {
  const restart = '<w:vMerge w:val="restart"/>';
  const table = `<w:tbl>${[
    row(cell('行政复议', '<w:gridSpan w:val="5"/>'), cell('行政诉讼', '<w:gridSpan w:val="10"/>')),
    row(...REVIEW_FIELD_LABELS.map((t) => cell(t, restart)), cell('未经复议直接起诉', '<w:gridSpan w:val="5"/>'), cell('复议后起诉', '<w:gridSpan w:val="5"/>')),
    row(...Array.from({ length: 5 }, () => cell('', '<w:vMerge/>')), ...[...REVIEW_FIELD_LABELS, ...REVIEW_FIELD_LABELS].map((t) => cell(t))),
    ...dataRows,
  ].join('')}</w:tbl>`;
  const body = ['一、总体情况', '四、政府信息公开行政复议、行政诉讼情况'].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('') + table;
  return WORD_DOCUMENT(body);
}

/** A data row of table 四 whose cells hold these paragraph contents (runs and whatever wraps them). */
const reviewDataRow = (...contents: string[]) => `<w:tr>${contents.map((c) => `<w:tc><w:p>${c}</w:p></w:tc>`).join('')}</w:tr>`;
const run = (text: string, props = '') => `<w:r>${props && `<w:rPr>${props}</w:rPr>`}<w:t>${text}</w:t></w:r>`;
const paragraphs = (...lines: string[]) => lines.map((t) => `<w:p>${run(t)}</w:p>`).join('');

/** An official grid as Word writes it: a merge across as gridSpan, a merge down as a vMerge restart over continue cells; every figure `figure`. */
function wordRows(grid: TableGrid, figure: string): string[] {
  const placed = placeCells(grid);
  return grid.rows.map((_, r) =>
    row(
      ...placed
        .filter((p) => p.row <= r && r < p.row + p.rowSpan)
        .sort((a, b) => a.col - b.col)
        .map((p) => {
          const props = (p.colSpan > 1 ? `<w:gridSpan w:val="${p.colSpan}"/>` : '') + (p.rowSpan > 1 ? `<w:vMerge${p.row === r ? ' w:val="restart"' : ''}/>` : '');
          return cell(p.row !== r ? '' : p.cell.kind === 'label' ? p.cell.text : figure, props);
        }),
    ),
  );
}

describe('Word tables', () => {
  it('turns gridSpan into colSpan and vMerge into rowSpan, and reads the table as the official one', () => {
    const result = parseDocx(docx(reviewTableDocument(row(...['1', '0', '0', '1', '2', '0', '0', '0', '0', '0', '', '', '', '', ''].map((t) => cell(t))))));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(result.report.reviewLitigation.litigationAfterReview).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
  });

  it("keeps a cell's paragraphs apart: figures on two lines (1 / 2) are not the figure 12, and a label over two lines is one label", () => {
    const textBox = `<w:r><w:drawing><wps:txbx><w:txbxContent>${paragraphs('1', '2')}</w:txbxContent></wps:txbx></w:drawing></w:r>`;
    const figures = `<w:tr><w:tc>${paragraphs('1', '2')}</w:tc><w:tc><w:p>${textBox}</w:p></w:tc>${['0', '1', '2', ...Array.from({ length: 10 }, () => '')].map((t) => cell(t)).join('')}</w:tr>`;
    const result = parseDocx(docx(reviewTableDocument(figures).replace(cell('结果维持', '<w:vMerge w:val="restart"/>'), `<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>${paragraphs('结果', '维持')}</w:tc>`)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.reviewLitigation.review).toEqual({ upheld: null, corrected: null, other: 0, pending: 1, total: 2 });
    expect(result.findings.filter((f) => f.table === 'reviewLitigation').map((f) => [f.rule, f.columnLabel])).toEqual([
      ['reader.notAFigure', '结果维持'],
      ['reader.notAFigure', '结果纠正'],
    ]);
  });

  it('reads an old horizontal merge (hMerge restart, then continue) as one cell, as gridSpan is read', () => {
    const merged = (text: string, width: number) => cell(text, '<w:hMerge w:val="restart"/>') + cell('', '<w:hMerge/>').repeat(width - 1);
    const header = row(cell('信息内容'), cell('本年新制作数量'), merged('本年新公开数量', 2), cell('对外公开总数量'));
    const figures = (label: string, made: string, published: string, total: string) => row(cell(label), cell(made), merged(published, 2), cell(total));
    const table = `<w:tbl>${[row(merged('第二十条第（一）项', 5)), header, figures('规章', '5', '4', '30'), figures('规范性文件', '2', '2', '17')].join('')}</w:tbl>`;
    const result = parseDocx(docx(WORD_DOCUMENT(paragraphs('一、总体情况', '二、主动公开政府信息情况') + table)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.activeDisclosure.regulations).toEqual({ newlyMade: 5, newlyPublished: 4, totalPublished: 30 });
    expect(result.report.activeDisclosure.normativeDocuments).toEqual({ newlyMade: 2, newlyPublished: 2, totalPublished: 17 });
    expect(result.findings.filter((f) => f.table === 'activeDisclosure')).toEqual([]);
  });

  it("reads a table holding tables (a web page's layout copied into Word) as a frame: its cells as the body, its inner tables as tables", () => {
    const figures = row(...['1', '0', '0', '1', '2', ...Array.from({ length: 10 }, () => '')].map((t) => cell(t)));
    const framed = reviewTableDocument(figures).replace(/<w:body>(.*)<\/w:body>/s, (_, body: string) => `<w:body><w:tbl>${row(cell('首页 > 政务公开'), `<w:tc>${body}</w:tc>`)}</w:tbl></w:body>`);
    const result = parseDocx(docx(framed));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(result.report.sections.preamble).toBe('首页 > 政务公开');
    expect(result.findings.filter((f) => f.table === 'reviewLitigation' || f.rule === 'reader.foreignTable')).toEqual([]);
  });

  it('goes on with a vertical merge across a table cut in two at a page break, instead of a blank before the next label', () => {
    const rows = wordRows(applicationsGrid('2021'), '1');
    const cut = rows.findIndex((r) => r.includes('5.属于三类内部事务信息'));
    const body = paragraphs('三、收到和处理政府信息公开申请情况') + `<w:tbl>${rows.slice(0, cut).join('')}</w:tbl>` + paragraphs('续表') + `<w:tbl>${rows.slice(cut).join('')}</w:tbl>`;
    const result = parseDocx(docx(WORD_DOCUMENT(body)));
    if (!result.ok) throw new Error(result.error.message);
    expect(Object.values(result.report.applications).every((r) => Object.values(r).every((figure) => figure === 1))).toBe(true);
    expect(result.findings.filter((f) => f.table === 'applications')).toEqual([]);
  });
});

describe('Word text that is not shown', () => {
  it('reads a figure as Word shows it with all tracked changes accepted, leaving out deleted, moved-away, hidden and repeated text', () => {
    const field = (instructions: string, result: string) => `<w:r><w:fldChar w:fldCharType="begin"/></w:r>${instructions}<w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const figures = reviewDataRow(
      `<w:del w:id="1" w:author="a"><w:r><w:delText>9</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">${run('1')}</w:ins>`,
      `<w:moveFrom w:id="3" w:author="a">${run('7')}</w:moveFrom><w:moveTo w:id="4" w:author="a">${run('0')}</w:moveTo>`,
      // IF { MERGEFIELD 件数 } > 0 …: the inner field's result (5) is part of the outer one's instructions.
      field(`<w:r><w:instrText> IF </w:instrText></w:r>${field('<w:r><w:instrText> MERGEFIELD 件数 </w:instrText></w:r>', run('5'))}<w:r><w:instrText> &gt; 0 "0" "" </w:instrText></w:r>`, run('0')),
      `${run('1')}${run('3', '<w:vanish/>')}${run('', '<w:vanish w:val="0"/>')}`,
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${paragraphs('2')}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>${paragraphs('2')}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      `<w:ruby><w:rt>${run('8')}</w:rt><w:rubyBase>${run('0')}</w:rubyBase></w:ruby>`,
      ...Array.from({ length: 9 }, () => ''),
    );
    const deletedRow = `<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>${Array.from({ length: 15 }, () => `<w:tc><w:p><w:del w:id="6" w:author="a"><w:r><w:delText>4</w:delText></w:r></w:del></w:p></w:tc>`).join('')}</w:tr>`;
    const result = parseDocx(docx(reviewTableDocument(deletedRow, figures)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(result.report.reviewLitigation.litigationDirect?.upheld).toBe(0);
    expect(result.findings.filter((f) => f.table === 'reviewLitigation')).toEqual([]);
  });
});

describe('Word content controls', () => {
  it('reads rows, cells and paragraphs inside content controls and custom XML, and a control left empty as blank, not as its placeholder text', () => {
    const control = (inner: string, props = '') => `<w:sdt><w:sdtPr>${props}</w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const placeholder = '单击或点击此处输入文字。';
    const filled = ['1', '0', '0', '1', '2'].map((t, i) => (i % 2 ? control(cell(t)) : `<w:tc>${control(`<w:p>${run(t)}</w:p>`)}</w:tc>`));
    const empty = [
      ...Array.from({ length: 5 }, () => `<w:tc><w:p>${control(run(placeholder), '<w:showingPlcHdr/>')}</w:p></w:tc>`),
      ...Array.from({ length: 5 }, () => control(cell(placeholder), '<w:showingPlcHdr/>')),
    ];
    const dataRow = `<w:customXml w:element="row"><w:tr>${[...filled, ...empty].join('')}</w:tr></w:customXml>`;
    const result = parseDocx(docx(reviewTableDocument(control(control(dataRow), '<w15:repeatingSection/>'))));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(result.report.reviewLitigation.litigationDirect).toEqual({ upheld: null, corrected: null, other: null, pending: null, total: null });
    expect(result.findings.filter((f) => f.table === 'reviewLitigation')).toEqual([]);
  });
});

describe('Word documents not written by Word', () => {
  const table = row(...['1', '0', '0', '1', '2', ...Array.from({ length: 10 }, () => '')].map((t) => cell(t)));
  const withPrefix = (prefix: string, xml: string) => xml.replace(/<(\/?)w:/g, `<$1${prefix}`).replace(/ w:(?=\w+=)/g, ` ${prefix ? prefix : 'w:'}`);

  it.each([
    ['another prefix for the main namespace (ns0:)', withPrefix('ns0:', reviewTableDocument(table)).replace('xmlns:w=', 'xmlns:ns0=')],
    ['the main namespace as the default one', withPrefix('', reviewTableDocument(table)).replace('xmlns:w="', 'xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w="')],
    ['a Strict document', reviewTableDocument(table).replace('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main')],
  ])('reads elements by namespace, not by prefix: %s', (_, xml) => {
    const result = parse(docx(xml));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(result.findings.filter((f) => f.table === 'reviewLitigation' || f.rule === 'reader.truncatedPart')).toEqual([]);
  });

  it('reads the document part the package names (Word Online writes word/document2.xml)', () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`;
    const result = parse(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8(rels), 'word/document2.xml': strToU8(reviewTableDocument(table)) }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
  });
});

describe('Word list numbering', () => {
  it('reads the label automatic numbering shows (一、 （一） 1.), counted as Word counts: lists of one definition go on, a paragraph style may number', () => {
    const level = (ilvl: number, format: string, text: string) => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}</w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const styles = `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:basedOn w:val="1"/></w:style></w:styles>`;
    const numbered = (text: string, numId: string, ilvl = 0) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${run(text)}</w:p>`;
    const styled = (text: string) => `<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr>${run(text)}</w:p>`;
    const body = [
      numbered('总体情况', '1'),
      numbered('主动公开政府信息情况', '1', 1),
      paragraphs('本年度主动公开政府信息120条。'),
      numbered('主动公开政府信息情况', '1'),
      numbered('收到和处理政府信息公开申请情况', '2'),
      styled('政府信息公开行政复议、行政诉讼情况'),
      styled('存在的主要问题及改进情况'),
      paragraphs('公开内容有待进一步充实。'),
      `<w:p><w:pPr><w:pStyle w:val="2"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>${run('其他需要报告的事项')}</w:p>`,
    ].join('');
    const parts = { 'word/document.xml': WORD_DOCUMENT(body), 'word/numbering.xml': numbering, 'word/styles.xml': styles };
    const result = parseDocx(zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)]))));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.sections).toMatchObject({ overview: '（一） 主动公开政府信息情况\n本年度主动公开政府信息120条。', problems: '公开内容有待进一步充实。\n其他需要报告的事项' });
  });
});

describe('Word documents embedding a web page (w:altChunk)', () => {
  it('reads a page embedded as a web archive, as html-docx-js writes a whole report, and says which embedded part it cannot read', () => {
    const labels = REVIEW_FIELD_LABELS.map((t) => `<td>${t}</td>`).join('');
    const figures = ['1', '0', '0', '1', '2', ...Array.from({ length: 10 }, () => '')].map((t) => `<td>${t}</td>`).join('');
    const html = `<html><body><p>一、总体情况</p><p>本年度主动公开政府信息120条。</p><p>四、政府信息公开行政复议、行政诉讼情况</p><table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr><tr>${labels.replace(/<td>/g, '<td rowspan="2">')}<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr><tr>${labels}${labels}</tr><tr>${figures}</tr></table></body></html>`;
    const quotedPrintable = [...new TextEncoder().encode(html)].map((b) => (b < 128 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase()}`)).join('');
    const archive = `MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="----=mhtDocumentPart"\r\n\r\n------=mhtDocumentPart\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///C:/fake/document.html\r\n\r\n${quotedPrintable}\r\n------=mhtDocumentPart--\r\n`;
    const rel = (id: string, target: string) => `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}" Id="${id}"/>`;
    const body = '<w:altChunk r:id="htmlChunk"/><w:altChunk r:id="rtfChunk"/>';
    const parts = {
      'word/document.xml': WORD_DOCUMENT(body).replace('<w:document ', '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '),
      'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('htmlChunk', '/afchunk.mht')}${rel('rtfChunk', 'part2.rtf')}</Relationships>`,
      'afchunk.mht': archive,
      'word/part2.rtf': '{\\rtf1 12}',
    };
    const result = parse(zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)]))));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.sections.overview).toBe('本年度主动公开政府信息120条。');
    expect(result.report.reviewLitigation.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(result.report.sources['reviewLitigation.review.total']).toMatchObject({ text: '2', line: 4, column: 5 });
    expect(result.findings.filter((f) => f.table === 'reviewLitigation' || f.rule === 'reader.embeddedContent')).toMatchObject([
      { severity: 'error', rule: 'reader.embeddedContent', position: { line: 5 }, details: { part: 'word/part2.rtf' } },
    ]);
  });
});

describe('Word paragraphs', () => {
  it("leaves out a table of contents (a TOC field's result, the headings again with page numbers), which made every heading after it out of order", () => {
    const field = (code: string, result: string) => `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${code}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${result}`;
    const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const headings = ['一、总体情况', '二、主动公开政府信息情况', '五、存在的主要问题及改进情况'];
    const entry = (heading: string, i: number) => `<w:p>${i ? '' : field(' TOC \\o "1-3" \\h \\z \\u ', '')}<w:hyperlink w:anchor="_Toc${i}">${run(heading)}<w:r><w:tab/></w:r>${field(` PAGEREF _Toc${i} \\h `, run(String(i + 1)))}${end}</w:hyperlink></w:p>`;
    const contents = `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>${paragraphs('目录')}${headings.map(entry).join('')}<w:p>${end}</w:p></w:sdtContent></w:sdt>`;
    const body = paragraphs('某县2024年政府信息公开工作年度报告') + contents + paragraphs('一、总体情况', '本年度主动公开政府信息120条。', '五、存在的主要问题及改进情况', '公开内容有待进一步充实。');
    const result = parseDocx(docx(WORD_DOCUMENT(body)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.sections).toMatchObject({ preamble: '目录', overview: '本年度主动公开政府信息120条。', problems: '公开内容有待进一步充实。' });
  });

  it('joins a title set on two lines without a space between Chinese, and Latin words with one', () => {
    const p = (...runs: string[]) => `<w:p>${runs.map((r) => `<w:r>${r}</w:r>`).join('')}</w:p>`;
    const body = [
      p('<w:t>沭阳县发展和改革局</w:t>', '<w:br/><w:t>2023年政府信息公开工作年度报告</w:t>'),
      p('<w:t>一、总体情况</w:t>'),
      p('<w:t>Annual</w:t><w:br/><w:t>report</w:t>'),
    ].join('');
    const result = parseDocx(docx(WORD_DOCUMENT(body)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.meta.title).toBe('沭阳县发展和改革局2023年政府信息公开工作年度报告');
    expect(result.report.sections.overview).toContain('Annual report');
  });
});

describe('parts cut short', () => {
  const body = ['一、总体情况', '本年度共主动公开政府信息120条。', '二、主动公开政府信息情况'].map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');

  it('says so when word/document.xml stops early, as well as reading what is there', () => {
    const whole = WORD_DOCUMENT(body);
    const cut = whole.slice(0, whole.indexOf('二、主动公开') + 4);
    const result = parseDocx(docx(cut));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.sections.overview).toContain('120条');
    expect(result.findings[0]).toMatchObject({ severity: 'error', rule: 'reader.truncatedPart', details: { part: 'word/document.xml' } });
    const complete = parseDocx(docx(whole + '\n'));
    expect(complete.ok && complete.findings.some((f) => f.rule === 'reader.truncatedPart')).toBe(false);
  });

  it('names each part of a workbook that stops early', () => {
    const sheet = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
    const found = truncatedParts([
      { name: 'xl/sharedStrings.xml', xml: '<sst><si><t>总计</t></si></sst>', root: 'sst' },
      { name: 'xl/worksheets/sheet1.xml', xml: sheet('<row r="1"/>'), root: 'worksheet' },
      { name: 'xl/worksheets/sheet2.xml', xml: sheet('<row r="1"/>').slice(0, -20), root: 'worksheet' },
    ]);
    expect(found.map((f) => f.details)).toEqual([{ part: 'xl/worksheets/sheet2.xml' }]);
    expect(found[0]!.messageZh).toContain('xl/worksheets/sheet2.xml 不完整');
  });
});
