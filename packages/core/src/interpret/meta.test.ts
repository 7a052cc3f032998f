import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { agencyFromTitle, yearFromOpening } from './meta.js';

describe('agencyFromTitle', () => {
  it('takes the agency before the year, or after a leading year, and none when the title names none', () => {
    expect(agencyFromTitle('重庆市万州区郭村镇人民政府2021年政府信息公开工作年度报告')).toBe('重庆市万州区郭村镇人民政府');
    expect(agencyFromTitle('2023年度沭阳县发展和改革局政府信息公开工作年度报告')).toBe('沭阳县发展和改革局');
    expect(agencyFromTitle('2020年政府信息公开工作年度报告')).toBeNull();
    expect(agencyFromTitle('2020年度政府信息公开工作年度报告')).toBeNull();
    expect(agencyFromTitle('政府信息公开工作年度报告')).toBeNull();
  });

  it('takes the agency before 政府信息公开 in a title without a year, the government whole', () => {
    expect(agencyFromTitle('彭后街道办事处政府信息公开工作年度报告')).toBe('彭后街道办事处');
    expect(agencyFromTitle('沭阳县人民政府信息公开工作年度报告')).toBe('沭阳县人民政府');
    expect(agencyFromTitle('沭阳县政府信息公开工作年度报告')).toBe('沭阳县政府');
    expect(agencyFromTitle('沭阳县发展和改革局政务公开工作年度报告')).toBe('沭阳县发展和改革局');
  });

  it('leaves the agency to the signature when the title names none', () => {
    const text = `2024年政府信息公开工作年度报告
一、总体情况
本街道认真贯彻落实《中华人民共和国政府信息公开条例》。
六、其他需要报告的事项
无。
彭后街道办事处
2025年1月20日`;
    const result = parse(text);
    expect(result.ok && result.report.meta.agency).toBe('彭后街道办事处');
  });
});

describe('the year a report states', () => {
  const body = (lines: string[]) => ['一、总体情况', ...lines, '六、其他需要报告的事项', '无。'].join('\n');
  const read = (text: string) => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
    return { year: result.report.meta.year, findings: result.findings.filter((f) => /year/i.test(f.rule)) };
  };

  it('reads it from the opening words when the title has none, but not from a document the report cites', () => {
    expect(yearFromOpening(['现将沭阳县人民政府2025年政府信息公开年度报告向社会公布。'])).toBe(2025);
    expect(yearFromOpening(['2024年，平潭综合实验区坚持以习近平新时代中国特色社会主义思想为指导。'])).toBe(2024);
    expect(yearFromOpening(['本报告反映本机关2023年度政府信息公开工作情况。'])).toBe(2023);
    expect(yearFromOpening(['认真贯彻落实《关于做好2020年度政府信息公开工作年度报告编制及发布工作》的要求。'])).toBeNull();
    expect(yearFromOpening(['（国办公开办函〔2021〕30号）规定，编制本报告。', '根据2019年修订的《条例》，编制本报告。'])).toBeNull();
    // Two years stated: neither is taken.
    expect(yearFromOpening(['现将2024年政府信息公开年度报告向社会公布。', '2023年，我局坚持…'])).toBeNull();
    const { year, findings } = read(['政府信息公开工作年度报告', '现将本局2024年政府信息公开工作年度报告公布如下。', body(['2024年，我局认真贯彻落实《条例》。'])].join('\n'));
    expect(year).toBe(2024);
    expect(findings).toEqual([]);
  });

  it('takes the year before a 落款 date of January to March, and says so where the date is', () => {
    const { year, findings } = read(['政府信息公开工作年度报告', body(['本街道认真贯彻落实《条例》。']), '彭后街道办事处', '2025年1月20日'].join('\n'));
    expect(year).toBe(2024);
    expect(findings).toMatchObject([{ severity: 'info', rule: 'reader.yearFromDate', position: { line: 7, column: 1 } }]);
    expect(read(['政府信息公开工作年度报告', body(['本街道认真贯彻落实《条例》。']), '彭后街道办事处', '2025年6月20日'].join('\n')).year).toBeNull();
  });

  it('leaves a year the report does not state empty, with a warning at its title', () => {
    const { year, findings } = read(['', '彭后街道政府信息公开工作年度报告', body(['本街道认真贯彻落实《关于做好2020年度政府信息公开工作的通知》。'])].join('\n'));
    expect(year).toBeNull();
    expect(findings).toMatchObject([{ severity: 'warning', rule: 'reader.noYear', position: { line: 2, column: 1 } }]);
  });

  it('says so at the 发布时间 line of a crawled page whose year comes from that date', () => {
    const { year, findings } = read(['标题：彭后街道办事处政府信息公开工作年度报告', '发布机构：彭后街道办事处', '发布时间：2025-02-10', body(['本街道认真贯彻落实《条例》。'])].join('\n'));
    expect(year).toBe(2024);
    expect(findings).toMatchObject([{ severity: 'info', rule: 'reader.yearFromDate', position: { line: 3, column: 1 } }]);
  });

  it('gives the warning at the 标题 line of a crawled page that states no year', () => {
    const { year, findings } = read(['来源：彭后街道', '标题：彭后街道办事处政府信息公开工作年度报告', body(['本街道认真贯彻落实《条例》。'])].join('\n'));
    expect(year).toBeNull();
    expect(findings).toMatchObject([{ severity: 'warning', rule: 'reader.noYear', position: { line: 2, column: 1 } }]);
  });

  it('gives the warning at the title, not at the agency line printed above it', () => {
    const { year, findings } = read(['彭后街道办事处', '彭后街道办事处政府信息公开工作年度报告', body(['本街道认真贯彻落实《条例》。'])].join('\n'));
    expect(year).toBeNull();
    expect(findings).toMatchObject([{ severity: 'warning', rule: 'reader.noYear', position: { line: 2, column: 1 } }]);
  });

  it('reads the example whose year is only in its file name (penghou-street-2024.txt) as 2024, from its date', () => {
    const result = parse(readFileSync(new URL('../../../../examples/penghou-street-2024.txt', import.meta.url)));
    expect(result.ok && result.report.meta.year).toBe(2024);
    expect(result.ok && result.findings.map((f) => f.rule)).toContain('reader.yearFromDate');
  });
});
