import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { readTextDocument } from './text.js';

const paragraphs = (text: string) => readTextDocument(text, 'simplified').blocks.map((b) => (b.kind === 'paragraph' ? b.text : '[table]'));

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
      '沐阳县人民政府2025 年 政府信息公开工作年度报告',
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
    const doc = readTextDocument(COPIED, 'simplified');
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
