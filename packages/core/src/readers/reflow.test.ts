import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { joinWrapped, runningFurniture } from './reflow.js';
import { readTextDocument } from './text.js';

const paragraphs = (text: string) => readTextDocument(text, 'simplified').document.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

/** Lines as pdftotext -layout gives them from our toPdf (04-shuyang-county-2025): a page end and a two-line title. */
const COPIED = [
  '           沐阳县人民政府',
  '   2025 年 政府信息公开工作年度报告',
  '  依据《中华人民共和国政府信息公开条例》(以下简称《条',
  '例》)和《中华人民共和国政府信息公开工作年度报告格式》',
  '(国办公开办函〔2021〕30号)规定，编制本报告。',
  '  一、总体情况',
  '  2025年，我县坚持以习近平新时代中国特色社会主义思想',
  '为指导，以习近平法治思想为指引，认真贯彻国务院办公厅和',
  '省、市有关工作部署，严格遵守《政府信息公开条例》相关制',
  '度规定，紧紧围绕县委、县政府中心工作，通过系统化推进主',
  '动公开、规范化办理依申请公开、精细化建设公开平台、常态',
  '化开展监督管理，有效保障了群众的知情权、参与权和监督',
  '权，全年通过县政府门户网站主动公开各类政府信息共4511',
  '',
  '                             —1—',
  '\f条，开展意见征集9期。本年度报告电子版可从门户网站',
  '（www.shanghai.gov.cn）下载。全县各单位按要求及时公开。',
  '（一）主动公开方面。有序推进基层政务公开。',
  '  六、其他需要报告的事项',
  '  无。',
  '                  沐阳县人民政府',
  '                    2026年1月23日',
  '',
  '                            —2—',
  '\f',
].join('\n');

describe('text copied out of a PDF: paragraphs wrapped over lines', () => {
  it('joins wrapped lines into paragraphs, across a page end and a web address that did not fit, and drops the page numbers and form feeds', () => {
    // Paragraphs show their first-line indent here: （一） at the edge after a full line is a run-in heading.
    expect(paragraphs(COPIED)).toEqual([
      '沐阳县人民政府2025年政府信息公开工作年度报告',
      '依据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《中华人民共和国政府信息公开工作年度报告格式》(国办公开办函〔2021〕30号)规定，编制本报告。',
      '一、总体情况',
      '2025年，我县坚持以习近平新时代中国特色社会主义思想为指导，以习近平法治思想为指引，认真贯彻国务院办公厅和省、市有关工作部署，严格遵守《政府信息公开条例》相关制度规定，紧紧围绕县委、县政府中心工作，通过系统化推进主动公开、规范化办理依申请公开、精细化建设公开平台、常态化开展监督管理，有效保障了群众的知情权、参与权和监督权，全年通过县政府门户网站主动公开各类政府信息共4511条，开展意见征集9期。本年度报告电子版可从门户网站（www.shanghai.gov.cn）下载。全县各单位按要求及时公开。（一）主动公开方面。有序推进基层政务公开。',
      '六、其他需要报告的事项',
      '无。',
      '沐阳县人民政府',
      '2026年1月23日',
    ]);
  });

  it('keeps each paragraph at its first line', () => {
    const doc = readTextDocument(COPIED, 'simplified').document;
    expect(doc.blocks.slice(1, 4).map((b) => b.position)).toEqual([
      { line: 3, column: 3 },
      { line: 6, column: 3 },
      { line: 7, column: 3 },
    ]);
  });

  it('reads the agency from a two-line title and the date from a signature followed by a page number', () => {
    const result = parse(COPIED);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.meta).toMatchObject({ agency: '沐阳县人民政府', year: 2025, date: '2026-01-23' });
    expect(result.report.sections.otherMatters).toBe('无。');
  });

  it('where paragraphs show no first-line indent, a numbered heading at the edge starts one', () => {
    const flat = COPIED.split('\n').map((l) => l.replace(/^ {1,3}(?=\S)/, '')).join('\n');
    expect(paragraphs(flat)).toContain('（一）主动公开方面。有序推进基层政务公开。');
  });

  it('joins two Latin words with a space', () => {
    const latin = COPIED.replace('本年度报告电子版可从门户网站', '本年度报告电子版可从门户网站 Shanghai').replace('（www.shanghai.gov.cn）下载。', 'Portal 下载。');
    expect(paragraphs(latin).join('\n')).toContain('Shanghai Portal 下载');
  });

  it('leaves text with one paragraph per line alone, page numbers and all', () => {
    const pasted = ['一、总体情况', '2025年，我县坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻国务院办公厅和省、市有关工作部署。', '全年主动公开政府信息4511条。', '—1—', '二、主动公开政府信息情况', '无。'].join('\n');
    expect(paragraphs(pasted)).toEqual(pasted.split('\n'));
  });
});

/** Body lines of COPIED (its first page, without title and page number), to fill pages under running headers. */
const BODY = COPIED.split('\n').slice(2, 13);
const browserHeader = '2026/1/23 10:23          沐阳县人民政府2025年政府信息公开工作年度报告';
const browserFooter = (page: number) => `https://www.shuyang.gov.cn/art/2026/1/23/art_1234_5678.html                  ${page}/3`;
/** Three pages as a browser's "save as PDF" prints them: date and title on top, address and page at the foot of each. */
const BROWSER_PRINTED = [
  browserHeader,
  '',
  '           沐阳县人民政府',
  '   2025 年 政府信息公开工作年度报告',
  ...BODY,
  '',
  browserFooter(1),
  `\f${browserHeader}`,
  '',
  '条，开展意见征集9期。全县各单位按要求及时公开。',
  '  六、其他需要报告的事项',
  '  无。',
  '',
  browserFooter(2),
  `\f${browserHeader}`,
  '                  沐阳县人民政府',
  '                    2026年1月23日',
  '',
  browserFooter(3),
  '\f',
].join('\n');

describe('text copied out of a PDF: running headers and footers', () => {
  it('drops a header and a footer printed on every page, and joins the paragraph they interrupted', () => {
    const read = paragraphs(BROWSER_PRINTED);
    expect(read.filter((p) => /2026\/1\/23|shuyang\.gov\.cn/.test(p))).toEqual([]);
    expect(read[0]).toBe('沐阳县人民政府2025年政府信息公开工作年度报告');
    expect(read).toContain('2025年，我县坚持以习近平新时代中国特色社会主义思想为指导，以习近平法治思想为指引，认真贯彻国务院办公厅和省、市有关工作部署，严格遵守《政府信息公开条例》相关制度规定，紧紧围绕县委、县政府中心工作，通过系统化推进主动公开、规范化办理依申请公开、精细化建设公开平台、常态化开展监督管理，有效保障了群众的知情权、参与权和监督权，全年通过县政府门户网站主动公开各类政府信息共4511条，开展意见征集9期。全县各单位按要求及时公开。');
    expect(read.slice(-4)).toEqual(['六、其他需要报告的事项', '无。', '沐阳县人民政府', '2026年1月23日']);
    const result = parse(BROWSER_PRINTED);
    expect(result.ok && result.report.meta).toMatchObject({ title: '沐阳县人民政府2025年政府信息公开工作年度报告', agency: '沐阳县人民政府', year: 2025, date: '2026-01-23' });
  });

  it('keeps the signature that repeats a header of the agency name: it stands elsewhere on its page', () => {
    const agencyHeader = BROWSER_PRINTED.replaceAll(browserHeader, '                沐阳县人民政府').replace(/https:\S+ +(\d)\/3/g, '第 $1 页 共 3 页');
    const result = parse(agencyHeader);
    expect(result.ok && result.report.sections.signature).toBe('沐阳县人民政府\n2026年1月23日');
    expect(paragraphs(agencyHeader).filter((p) => p === '沐阳县人民政府')).toHaveLength(1);
  });

  it('keeps the title that opens the first page when later pages repeat it as their header', () => {
    const titleHeader = BROWSER_PRINTED.replace(`${browserHeader}\n\n`, '').replaceAll(browserHeader, '   沐阳县人民政府2025年政府信息公开工作年度报告');
    const noHeaderOnFirstPage = titleHeader.replace('           沐阳县人民政府\n   2025 年 政府信息公开工作年度报告', '   沐阳县人民政府2025年政府信息公开工作年度报告');
    expect(paragraphs(noHeaderOnFirstPage).filter((p) => p.startsWith('沐阳县人民政府2025'))).toEqual(['沐阳县人民政府2025年政府信息公开工作年度报告']);
  });

  it('removes no line that occurs at one page break only, no sentence, and no line of a table', () => {
    const pages = (tops: string[]) => tops.map((top, i) => `${i ? '\f' : ''}${top}\n${BODY.slice(2 + i, 5 + i).join('\n')}\n\n— ${i + 1} —`);
    const lines = (tops: string[]) => pages(tops).join('\n').split('\n');
    const everyPage = lines(['某某县人民政府', '某某县人民政府', '某某县人民政府']);
    // The first page's stays: with no other title there, it may be the title.
    expect([...runningFurniture(everyPage, () => false)].map((i) => everyPage[i])).toEqual(['\f某某县人民政府', '\f某某县人民政府']);
    expect(runningFurniture(lines(['某某县人民政府', '附件一', '某某县人民政府']), () => false).size).toBe(0);
    expect(runningFurniture(lines(['正文', '某某县人民政府', '附件一']), () => false).size).toBe(0);
    const sentences = lines(['无。', '无。', '无。']);
    expect(runningFurniture(sentences, () => false).size).toBe(0);
    const tableHeader = lines(Array(2).fill('信息内容     本年制发件数     本年废止件数     现行有效件数'));
    expect(runningFurniture(tableHeader, (i) => tableHeader[i]!.includes('信息内容')).size).toBe(0);
    expect(runningFurniture(tableHeader, () => false).size).toBe(1); // page 2's: the first page has no other title
  });
});

describe('text copied out of a PDF: lines joined', () => {
  it('joins a figure or a web address broken at a line end without a space, and two Latin words with one', () => {
    expect(joinWrapped('主动公开各类政府信息共45', '11条')).toBe('主动公开各类政府信息共4511条');
    expect(joinWrapped('（https://www.example.gov.cn/zheng', 'ce/index.html）下载')).toBe('（https://www.example.gov.cn/zhengce/index.html）下载');
    expect(joinWrapped('门户网站 Shanghai', 'Portal 下载')).toBe('门户网站 Shanghai Portal 下载');
  });

  it('reads the agency and the year from a title broken inside its year, and squeezes the spaces pdftotext puts around figures', () => {
    const broken = COPIED.replace('           沐阳县人民政府\n   2025 年 政府信息公开工作年度报告', '        沐阳县人民政府20\n   25 年 政府信息公开工作年度报告');
    const result = parse(broken);
    expect(result.ok && result.report.meta).toMatchObject({ title: '沐阳县人民政府2025年政府信息公开工作年度报告', agency: '沐阳县人民政府', year: 2025 });
  });

  it('reads a title printed on three lines, under a dated line', () => {
    const three = COPIED.replace('           沐阳县人民政府\n   2025 年 政府信息公开工作年度报告', '                    2026年1月23日\n\n          沐阳县人民政府\n       2025 年政府信息公开\n          工作年度报告');
    const result = parse(three);
    expect(result.ok && result.report.meta).toMatchObject({ title: '沐阳县人民政府2025年政府信息公开工作年度报告', agency: '沐阳县人民政府', year: 2025 });
    expect(result.ok && result.report.sections.preamble).toMatch(/^依据《中华人民共和国政府信息公开条例》/);
  });
});
