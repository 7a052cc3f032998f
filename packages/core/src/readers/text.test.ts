import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate/report.js';
import { writeReportAs } from '../generate/write.js';
import { parse } from '../parse.js';

describe('text rows, cells apart by ` | ` or by a tab (a table copied out of a browser or Word)', () => {
  const parsed = (text: string) => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  it.each([
    ['rowPerLine', '3.要求提供公开出版物 | 5 |  |  |  |  |  | 5 |'],
    ['tabbed', '3.要求提供公开出版物\t5\t\t\t\t\t\t5\n'],
  ] as const)('keep a blank between two cells in its column: the later figures do not move left (%s)', (style, printed) => {
    const report = generateReport(7, { layout: '2021' });
    const row = { naturalPerson: 5, commercial: null, research: null, publicInterest: null, legalService: null, other: null, total: 5 };
    report.applications['notProcessed.publication'] = row;
    const text = writeReportAs(report, style);
    expect(text).toContain(printed);
    const { report: read, findings } = parsed(text);
    expect(read.applications).toEqual(report.applications);
    expect(read.sections.overview).toBe(report.sections.overview);
    expect(findings.filter((f) => f.rule.startsWith('reader.'))).toEqual([]);
  });

  it('still take the empty cells at a line’s end for a scraper’s padding', () => {
    const text = writeReportAs(generateReport(7, { layout: '2021' }), 'rowPerLine').replace(/^(3\.要求提供公开出版物 .*\|)$/m, '$1 | | |');
    expect(parsed(text).findings.filter((f) => f.rule.startsWith('reader.'))).toEqual([]);
  });

  it('leaves a tab that indents a line, or a lone one in a line, as white space', () => {
    const text = writeReportAs(generateReport(7, { layout: '2021' }), 'rowPerLine').replace(/^(一、总体情况)$/m, '\t$1').replace(/^(\d{4}年\d+月\d+日)$/m, '落款\t$1');
    expect(text).toMatch(/^\t一、总体情况$/m);
    expect(text).toMatch(/^落款\t\d{4}年/m);
    const { report } = parsed(text);
    expect(report.sections.overview).toBe(generateReport(7, { layout: '2021' }).sections.overview);
    expect(report.applications.newReceived?.total).toBe(generateReport(7, { layout: '2021' }).applications.newReceived?.total);
  });
});

describe('a row whose figures run together after its label', () => {
  it('is split by the row’s sum where that allows one way, with a warning, and left blank where it allows more', () => {
    const report = generateReport(7, { layout: '2021' });
    report.applications.granted = { naturalPerson: 1203, commercial: 41, research: 3, publicInterest: 2, legalService: 17, other: 5, total: 1271 };
    report.applications['otherDisposal.noCorrection'] = { naturalPerson: 44, commercial: 2, research: 0, publicInterest: 0, legalService: 0, other: 1, total: 47 };
    const glue = (text: string, label: string) => text.replace(new RegExp(`(${label}) \\| ([\\d |]+)$`, 'm'), (_, l: string, cells: string) => `${l} | ${cells.replace(/[ |]/g, '')} |`);
    const text = glue(glue(writeReportAs(report, 'rowPerLine'), '（一）予以公开'), '1\\.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请');
    expect(text).toContain('（一）予以公开 | 120341321751271 |');
    expect(text).toContain('不再处理其政府信息公开申请 | 442000147 |');
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.applications.granted).toEqual(report.applications.granted);
    expect(Object.values(result.report.applications['otherDisposal.noCorrection']!).every((v) => v === null)).toBe(true);
    const glued = result.findings.filter((f) => f.rule === 'reader.gluedDigits');
    expect(glued.map((f) => f.row)).toEqual(['granted', 'otherDisposal.noCorrection']);
    expect(glued[0]!.messageZh).toContain('1203｜41｜3｜2｜17｜5｜1271');
    expect(glued[1]!.messageZh).toContain('44｜2｜0｜0｜0｜1｜47');
    expect(result.findings.filter((f) => f.rule === 'reader.cellCount')).toEqual([]);
  });

  it('reads a row with no separator left between its label and its figures the same way, and never as one figure of table 二', () => {
    const report = generateReport(7, { layout: '2021' });
    report.applications['denied.prohibitedByLaw'] = { naturalPerson: 3, commercial: 1, research: 0, publicInterest: 0, legalService: 0, other: 0, total: 4 };
    report.activeDisclosure.regulations = { issued: 2, repealed: 1, inForce: 17 };
    report.applications.granted = { naturalPerson: 1203, commercial: 41, research: 3, publicInterest: 2, legalService: 17, other: 5, total: 1271 };
    const text = writeReportAs(report, 'rowPerLine')
      .replace(/^(2\.其他法律行政法规禁止公开) \|[\d |]+$/m, '$13100004')
      .replace(/^规章 \| 2 \| 1 \| 17 \|$/m, '规章2117')
      .replace(/^(.*（一）予以公开) \|[\d |]+$/m, '$1120341321751271');
    expect(text).toMatch(/^规章2117$/m);
    expect(text).toContain('| （一）予以公开120341321751271\n'); // in the last cell of a row with a group label
    expect(text).toMatch(/^2\.其他法律行政法规禁止公开3100004$/m);
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.applications['denied.prohibitedByLaw']).toEqual(report.applications['denied.prohibitedByLaw']);
    expect(result.report.applications.granted).toEqual(report.applications.granted);
    expect(result.report.activeDisclosure.regulations).toEqual({ issued: null, repealed: null, inForce: null }); // 21|1|7, 2|11|7, 2|1|17: no sums to choose by
    expect(result.findings.find((f) => f.rule === 'reader.gluedDigits' && f.row === 'regulations')?.messageZh).toContain('2｜1｜17');
  });
});

describe('text about a number in a figure’s cell', () => {
  it('is read as blank with an error at it, and the row’s later figures stay in their columns', () => {
    const report = generateReport(7, { layout: '2021' });
    report.activeDisclosure.normativeDocuments = { issued: 36, repealed: 8, inForce: 214 };
    report.applications.newReceived = { ...report.applications.newReceived!, naturalPerson: 3561 };
    const text = writeReportAs(report, 'rowPerLine').replace('| 36 | 8 | 214 |', '| 36① | 8 | 214 |').replace(/(一、本年新收政府信息公开申请数量 \| )3561 \|/, '$1约3561 |');
    expect(text).toContain('约3561');
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.report.activeDisclosure.normativeDocuments).toEqual({ issued: null, repealed: 8, inForce: 214 });
    expect(parsed.report.applications.newReceived).toEqual({ ...report.applications.newReceived, naturalPerson: null });
    expect(parsed.findings.filter((f) => f.rule === 'reader.notAFigure')).toEqual([
      expect.objectContaining({ severity: 'error', tableLabel: '二、主动公开政府信息情况', rowLabel: '行政规范性文件', columnLabel: '本年制发件数', messageZh: expect.stringMatching(/^“36①”不能确定为一个确切的数字/) }),
      expect.objectContaining({ severity: 'error', row: 'newReceived', column: 'naturalPerson', columnLabel: '自然人', messageZh: expect.stringMatching(/^“约3561”/) }),
    ]);
    expect(parsed.report.sources['activeDisclosure.normativeDocuments.issued']).toMatchObject({ text: '36①' });
  });
});

describe('a row of the official table the report leaves out', () => {
  it('is blank, with a warning naming the row as printed', () => {
    const text = writeReportAs(generateReport(3, { layout: '2021' }), 'rowPerLine');
    const parsed = parse(text.replace(/^3\.危及“三安全一稳定” .*\n/m, ''));
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.report.applications['denied.threeSecurities']).toBeUndefined();
    expect(parsed.findings.filter((f) => f.rule === 'reader.missingRow')).toEqual([
      expect.objectContaining({ severity: 'warning', table: 'applications', row: 'denied.threeSecurities', rowLabel: '（三）不予公开 3.危及“三安全一稳定”', messageZh: '报告中没有官方表格的“（三）不予公开 3.危及“三安全一稳定””行：该行留空。' }),
    ]);
    const whole = parse(text);
    expect(whole.ok && whole.findings.filter((f) => f.rule === 'reader.missingRow')).toEqual([]);
  });
});
