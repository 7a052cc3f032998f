import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';

/** Lines as pdftotext -layout gives them from our toPdf's table 三 (04-shuyang-county-2025), with a narrative around. */
const COPIED = `  一、总体情况
  全年共受理申请 26 件，办结 25 件
  三、收到和处理政府信息公开申请情况
                                           申请人情况
（本列数据的勾稽关系为：第一项加第二
 项之和，等于第三项加第四项之和）         自然                社会      法律
一、本年新收政府信息公开申请数量          705    3     0        0   5    0    713
      （一）予以公开             290    1       3    294
      （二）部分公开（区分处理的，只
                          99     0     0        0   2    0    101
      计这一情形，不计其他情形）
          1.属于国家秘密         0     0     0        0   0    0     0
          2.其他法律行政法规禁止
                           0     0     0        0   0    0     0
          公开
  四、政府信息公开行政复议、行政诉讼情况`;

describe('a table copied out of a PDF: cells apart by runs of spaces', () => {
  const result = parse(COPIED);
  if (!result.ok) throw new Error(result.error.message);
  const { report, findings } = result;

  it('joins a label wrapped around its figures, above and below', () => {
    expect(report.applications.newReceived?.total).toBe(713);
    expect(report.applications.partiallyGranted).toMatchObject({ naturalPerson: 99, legalService: 2, total: 101 });
    expect(report.applications['denied.prohibitedByLaw']?.total).toBe(0);
  });

  it('leaves a row short of figures (its blank cells printed nothing) blank, with an error that shows the figures', () => {
    expect(Object.values(report.applications.granted ?? {}).every((v) => v === null)).toBe(true);
    const finding = findings.find((f) => f.rule === 'reader.cellCount' && f.row === 'granted');
    expect(finding?.severity).toBe('error');
    expect(finding?.messageZh).toContain('290｜1｜3｜294');
  });

  it('keeps a sentence with figures in the narrative and the header words out of it', () => {
    expect(report.sections.overview).toBe('全年共受理申请 26 件，办结 25 件');
    expect(report.sections.applications ?? '').not.toMatch(/申请人情况|勾稽关系|自然/);
  });
});
