import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';

const read = (text: string) => {
  const parsed = parse(Buffer.from(text));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed;
};
const lines = (...cells: (string | number)[]) => cells.join('\n\n');

const OVERVIEW = '一、总体情况\n本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年工作有序推进。';
const TABLE_2_HEAD = ['二、主动公开政府信息情况', '第二十条第（一）项', '信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];
/** The rest of table 二 (2021): a table's last row is read only where the layout prints no row after it. */
const TABLE_2_TAIL = ['第二十条第（五）项', '信息内容', '本年处理决定数量', '行政许可', 3, '第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', 4, '行政强制', 0, '第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '行政事业性收费', 0];

describe('tables copied one cell per line (plain pdftotext)', () => {
  it('reads rows that come through row by row, each label followed by as many figures as its columns', () => {
    const { report, findings } = read(`${OVERVIEW}\n${lines(...TABLE_2_HEAD, '规章', 1, 0, 5, '行政规范性文件', 8, 2, 18, ...TABLE_2_TAIL)}\n五、存在的主要问题及改进情况\n无。`);
    expect(report.activeDisclosure.regulations).toEqual({ issued: 1, repealed: 0, inForce: 5 });
    expect(report.activeDisclosure.normativeDocuments).toEqual({ issued: 8, repealed: 2, inForce: 18 });
    expect(report.activeDisclosure.punishment).toEqual({ decisions: 4 });
    expect(report.layouts.activeDisclosure.regulations).toBe('2021');
    expect(findings.filter((f) => f.rule.startsWith('reader.') && f.table === 'activeDisclosure')).toEqual([]);
  });

  it('leaves a row with a blank cell blank, with an error listing its figures', () => {
    const { report, findings } = read(`${OVERVIEW}\n${lines(...TABLE_2_HEAD, '规章', 1, 5, '行政规范性文件', 8, 2, 18, ...TABLE_2_TAIL)}\n五、存在的主要问题及改进情况\n无。`);
    expect(report.activeDisclosure.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    expect(report.activeDisclosure.normativeDocuments).toEqual({ issued: 8, repealed: 2, inForce: 18 });
    const error = findings.find((f) => f.rule === 'reader.cellCount' && f.row === 'regulations');
    expect(error?.severity).toBe('error');
    expect(error?.messageZh).toContain('1｜5');
  });

  it('places nothing in table 三 read column by column, and says to convert the PDF or copy with -layout', () => {
    const header = ['三、收到和处理政府信息公开申请情况', '申请人情况', '法人或其他组织', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
    // The 总计 column comes after the rows, so each row's run holds the next row's figures too.
    const text = `${OVERVIEW}\n${lines(...header, '一、本年新收政府信息公开申请数量', 5, 1, 0, 0, 0, 0, '二、上年结转政府信息公开申请数量', 2, 0, 0, 0, 0, 0, 3, '总计', 6, 2)}\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。`;
    const { report, findings } = read(text);
    expect(Object.values(report.applications.newReceived ?? {}).every((v) => v === null)).toBe(true);
    expect(Object.values(report.applications.carriedOver ?? {}).every((v) => v === null)).toBe(true);
    expect(findings.filter((f) => f.rule === 'reader.cellCount' && f.table === 'applications').map((f) => f.row)).toEqual(expect.arrayContaining(['newReceived', 'carriedOver']));
    const order = findings.find((f) => f.rule === 'reader.cellOrder');
    expect(order?.messageZh).toContain('pdftotext -layout');
    expect(order?.message).toContain('Convert the PDF file itself');
    expect(findings.some((f) => f.rule === 'reader.missingTable' && f.table === 'applications')).toBe(false);
  });

  it('keeps a number on its own line inside ordinary text in the narrative', () => {
    const text = `${OVERVIEW}\n二、主动公开政府信息情况\n本年度主动公开政府信息共计\n12\n条，较上年有所增长。\n五、存在的主要问题及改进情况\n无。`;
    const { report } = read(text);
    expect(report.sections.activeDisclosure).toContain('12');
    expect(report.activeDisclosure).toEqual({});
  });

  it('keeps header words and page numbers out of the narrative', () => {
    const { report } = read(`${OVERVIEW}\n${lines(...TABLE_2_HEAD, '规章', 1, 0, 5, '—2—', '\f行政规范性文件', 8, 2, 18)}\n五、存在的主要问题及改进情况\n无。`);
    expect(report.sections.activeDisclosure ?? '').not.toMatch(/信息内容|本年制发件数|—2—/);
  });
});
