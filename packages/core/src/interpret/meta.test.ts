import { describe, expect, it } from 'vitest';
import { parse } from '../parse.js';
import { agencyFromTitle } from './meta.js';

describe('agencyFromTitle', () => {
  it('takes the agency before the year, or after a leading year, and none when the title names none', () => {
    expect(agencyFromTitle('重庆市万州区郭村镇人民政府2021年政府信息公开工作年度报告')).toBe('重庆市万州区郭村镇人民政府');
    expect(agencyFromTitle('2023年度沭阳县发展和改革局政府信息公开工作年度报告')).toBe('沭阳县发展和改革局');
    expect(agencyFromTitle('2020年政府信息公开工作年度报告')).toBeNull();
    expect(agencyFromTitle('2020年度政府信息公开工作年度报告')).toBeNull();
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
