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

describe('where a space-aligned table ends', () => {
  const parsed = (text: string) => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
    return result.report;
  };

  it('starts a new label at a table 二 block title printed flush left under a row, instead of joining it to that row', () => {
    const report = parsed(`××局2025年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容    本年制发件数    本年废止件数    现行有效件数
规章    2    1    17
行政规范性文件    36    8    214
第二十条第（五）项
信息内容    本年处理决定数量
行政许可    12873`);
    expect(report.activeDisclosure.normativeDocuments).toEqual({ issued: 36, repealed: 8, inForce: 214 });
    expect(report.activeDisclosure.licensing).toEqual({ decisions: 12873 });
  });

  it('ends table 四 at the section heading under its row of figures', () => {
    const report = parsed(`××局2025年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
行政复议    行政诉讼
结果维持    结果纠正    其他结果    尚未审结    总计    未经复议直接起诉    复议后起诉
结果维持    结果纠正    其他结果    尚未审结    总计    结果维持    结果纠正    其他结果    尚未审结    总计
14    3    2    5    24    7    1    0    3    11    4    0    1    2    7
五、存在的主要问题及改进情况
一是公开质量有待提升。`);
    expect(report.reviewLitigation.litigationAfterReview?.total).toBe(7);
    expect(report.sections.problems).toBe('一是公开质量有待提升。');
  });
});
