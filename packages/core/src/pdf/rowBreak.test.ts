import { describe, expect, it } from 'vitest';
import { parsePdfPages } from './index.js';
import type { PdfPage } from './page.js';
import { a4Page, readPages, run, ruledRows, type PrintedCell } from '../test-support/pdfPages.js';

/** Table 三 as label | seven figures; table 二 (2021) as label | three figures. */
const APPLICATIONS_XS = [80, 280, 320, 360, 400, 440, 480, 520, 560];
const ACTIVE_XS = [80, 280, 380, 480, 560];

const row = (label: string[], figures: string[]): PrintedCell[] => [{ lines: label }, ...figures.map((f) => ({ lines: [f] }))];
const BLANKS = ['', '', '', '', '', '', ''];

/** Two A4 pages: a heading and the first rows of a table at the foot of one, the rest of the table at the head of the next. */
function twoPages(heading: string, xs: number[], foot: PrintedCell[][], head: PrintedCell[][]): PdfPage[] {
  const before = Array.from({ length: 20 }, (_, i) => run(`第${i + 1}段正文。`, 112, 780 - i * 28));
  // The first part ends at the foot of the page, as a row broken by the page does.
  const footTable = ruledRows(xs, 0, foot);
  const first = ruledRows(xs, 84 - footTable.bottom, foot);
  const second = ruledRows(xs, 770, head);
  return [
    a4Page([run('测试县2023年政府信息公开工作年度报告', 120, 800, 16), ...before.slice(0, 1), run(heading, 112, 100 - footTable.bottom + 20), ...first.texts], first.rules),
    a4Page([...second.texts, run('四、政府信息公开行政复议、行政诉讼情况', 112, second.bottom - 30)], second.rules),
  ];
}

const applications = (foot: PrintedCell[][], head: PrintedCell[][]) => readPages(twoPages('三、收到和处理政府信息公开申请情况', APPLICATIONS_XS, foot, head));

const NEW_RECEIVED = row(['一、本年新收政府信息公开申请数量'], ['5', '1', '', '0', '0', '0', '6']);
const STATE_SECRET = row(['（三）不予公开 1.属于国家秘密'], ['2', '', '', '', '', '', '2']);

describe('a table row broken across a page', () => {
  it('joins the label broken by the page, its figures above the break', () => {
    const { report, findings } = applications(
      [NEW_RECEIVED, row(['（四）无法提供 1.本机关不掌握相关', '政府信息'], ['3', '', '', '', '', '', '3']), row(['2.没有现成信息需要另行制作'], BLANKS), row(['3.补正后申请内容仍不'], ['7', '0', '', '', '', '1', '8'])],
      [row(['明确'], BLANKS), row(['（五）不予处理 1.信访举报投诉类申请'], ['4', '', '', '', '', '', '4'])],
    );
    expect(report.applications['unavailable.stillUnclear']).toEqual({ naturalPerson: 7, commercial: 0, research: null, publicInterest: null, legalService: null, other: 1, total: 8 });
    expect(report.applications['notProcessed.petition']?.total).toBe(4);
    expect(findings.filter((f) => f.rule.startsWith('reader.') && !['reader.missingTable', 'reader.missingRow', 'reader.noYear'].includes(f.rule)).map((f) => f.message)).toEqual([]);
    expect(report.extraRows).toEqual([]);
  });

  it('puts figures printed below the break in the row whose label began above it', () => {
    const { report, findings } = applications(
      [NEW_RECEIVED, row(['（二）部分公开（区分处理的，只计这', '一情形，'], BLANKS)],
      [row(['不计其他情形）'], ['9', '', '1', '', '', '', '10']), STATE_SECRET],
    );
    expect(report.applications.partiallyGranted).toEqual({ naturalPerson: 9, commercial: null, research: 1, publicInterest: null, legalService: null, other: null, total: 10 });
    expect(report.applications['denied.stateSecret']?.total).toBe(2);
    expect(findings.filter((f) => f.rule.startsWith('reader.') && !['reader.missingTable', 'reader.missingRow', 'reader.noYear'].includes(f.rule)).map((f) => f.message)).toEqual([]);
  });

  it('leaves out, with a finding giving the page and the text, a part below the break that puts figures where the row above has them', () => {
    const { report, findings } = applications(
      [NEW_RECEIVED, row(['（二）部分公开（区分处理的，只计这', '一情形，'], ['9', '', '1', '', '', '', '10'])],
      [row(['不计其他情形）'], ['8', '', '', '', '', '', '8']), STATE_SECRET],
    );
    const finding = findings.find((f) => f.rule === 'reader.rowAcrossPages');
    expect(finding).toMatchObject({ severity: 'error', details: { page: 2, printed: '不计其他情形） | 8 | 8' } });
    expect(finding?.messageZh).toContain('第 2 页顶部的“不计其他情形） | 8 | 8”');
    // The 8s are nowhere: not in the row, not in the next one.
    expect(report.applications.partiallyGranted).toEqual({ naturalPerson: 9, commercial: null, research: 1, publicInterest: null, legalService: null, other: null, total: 10 });
    expect(report.applications['denied.stateSecret']?.total).toBe(2);
    expect(JSON.stringify(report.extraRows)).not.toContain('8');
  });

  it('keeps a row that starts at the head of the page apart from the one above, numbered or not', () => {
    const { report } = applications([NEW_RECEIVED, row(['二、上年结转政府信息公开申请数量'], BLANKS)], [row(['三、本年度办理结果 （一）予以公开'], ['1', '', '', '', '', '', '1'])]);
    expect(report.applications.carriedOver).toEqual({ naturalPerson: null, commercial: null, research: null, publicInterest: null, legalService: null, other: null, total: null });
    expect(report.applications.granted?.total).toBe(1);
    const active = parsePdfPages(
      twoPages(
        '二、主动公开政府信息情况',
        ACTIVE_XS,
        [[{ lines: ['第二十条第（一）项'], span: 4 }], row(['信息内容'], ['本年制发件数', '本年废止件数', '现行有效件数']), row(['规章'], ['', '', ''])],
        [row(['行政规范性文件'], ['1', '2', '3'])],
      ),
    );
    if (!active.ok) throw new Error(active.error.message);
    expect(active.report.activeDisclosure.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    expect(active.report.activeDisclosure.normativeDocuments).toEqual({ issued: 1, repealed: 2, inForce: 3 });
  });
});
