import { describe, expect, it } from 'vitest';
import { parseText } from '../parse.js';

/** A pasted report with only the given table, its cells separated by pipes. */
function report(...lines: string[]) {
  const result = parseText(['某某局2025年政府信息公开工作年度报告', ...lines].join('\n'));
  if (!result.ok) throw new Error(result.error.message);
  return result;
}
const orderFindings = (result: ReturnType<typeof report>) => result.findings.filter((f) => f.rule === 'reader.columnOrder');

const TABLE_3 = (legalPersons: string) => [
  '三、收到和处理政府信息公开申请情况',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况',
  '自然人 | 法人或其他组织 | 总计',
  legalPersons,
  '一、本年新收政府信息公开申请数量 | 1939 | 6 | 74 | 2 | 30 | 11 | 2062',
  '二、上年结转政府信息公开申请数量 | 97 | 0 | 6 | 1 | 3 | 2 | 109',
];

/** Table 四 with the given header rows under 行政复议 | 行政诉讼, then its row of figures. */
const TABLE_4 = (...rows: string[]) => ['四、政府信息公开行政复议、行政诉讼情况', '行政复议 | 行政诉讼', ...rows];

describe('columns read by the header that names them', () => {
  it('puts table 三 figures under the applicant the header prints above them, and says the order differs', () => {
    const result = report(...TABLE_3('科研机构 | 商业企业 | 社会公益组织 | 法律服务机构 | 其他'));
    expect(result.report.applications.newReceived).toEqual({ naturalPerson: 1939, commercial: 74, research: 6, publicInterest: 2, legalService: 30, other: 11, total: 2062 });
    expect(result.report.applications.carriedOver).toMatchObject({ commercial: 6, research: 0 });
    const [finding, ...more] = orderFindings(result);
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', table: 'applications', position: { line: 5 } });
    expect(finding!.messageZh).toContain('科研机构｜商业企业');
  });

  it('keeps the official order, and says nothing, where the header prints it or does not name every column', () => {
    for (const header of ['商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他', '科研机构 | 商业企业 | 公益组织 | 法律服务机构 | 其他']) {
      const result = report(...TABLE_3(header));
      expect(result.report.applications.newReceived).toMatchObject({ commercial: 6, research: 74 });
      expect(orderFindings(result)).toEqual([]);
    }
  });

  it('reads table 四 by its header when 复议后起诉 is printed before 未经复议直接起诉, or the fields in another order', () => {
    const result = report(
      ...TABLE_4(
        '结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计 | 复议后起诉 | 未经复议直接起诉',
        '结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计 | 结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计',
        '3 | 14 | 2 | 5 | 24 | 0 | 4 | 1 | 2 | 7 | 1 | 7 | 0 | 3 | 11',
      ),
    );
    expect(result.report.reviewLitigation).toEqual({
      review: { upheld: 14, corrected: 3, other: 2, pending: 5, total: 24 },
      litigationDirect: { upheld: 7, corrected: 1, other: 0, pending: 3, total: 11 },
      litigationAfterReview: { upheld: 4, corrected: 0, other: 1, pending: 2, total: 7 },
    });
    expect(orderFindings(result).map((f) => f.messageZh)).toEqual([expect.stringContaining('复议后起诉｜未经复议直接起诉'), expect.stringContaining('结果纠正｜结果维持')]);
  });

  it('takes the order from one row naming every field, not from labels gathered over rows where one of them is cut short', () => {
    const result = report(
      ...TABLE_4(
        '结果维持 | 结果纠正 | 其他 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉',
        '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计',
        '14 | 3 | 2 | 5 | 24 | 7 | 1 | 0 | 3 | 11 | 4 | 0 | 1 | 2 | 7',
      ),
    );
    expect(result.report.reviewLitigation.review).toEqual({ upheld: 14, corrected: 3, other: 2, pending: 5, total: 24 });
    expect(orderFindings(result)).toEqual([]);
  });

  it('reads a table 二 block by its header, and says so once for all the items under it', () => {
    const result = report(
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容 | 本年废止件数 | 本年制发件数 | 现行有效件数',
      '规章 | 1 | 2 | 17',
      '行政规范性文件 | 8 | 36 | 214',
    );
    expect(result.report.activeDisclosure.regulations).toEqual({ issued: 2, repealed: 1, inForce: 17 });
    expect(result.report.activeDisclosure.normativeDocuments).toEqual({ issued: 36, repealed: 8, inForce: 214 });
    expect(orderFindings(result)).toHaveLength(1);
  });
});
