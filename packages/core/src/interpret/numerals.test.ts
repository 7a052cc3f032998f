import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate/report.js';
import { writeReportAs } from '../generate/write.js';
import { parse } from '../parse.js';
import { legacySheetHeader } from './meta.js';

/** A generated report as pasted text, its title and date printed as `title` and `date`. */
function printed(title: string, date: string, layout: '2021' | 'legacy' = '2021') {
  const report = generateReport(11, { layout });
  const text = writeReportAs(report, 'rowPerLine').replace(report.meta.title!, title).replace(/\d{4}年\d{1,2}月\d{1,2}日\s*$/, date);
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed;
}

describe('years and dates in Chinese numerals or full-width digits', () => {
  it('read in a title as in Arabic digits', () => {
    for (const title of ['某某市人民政府办公室二〇一七年政府信息公开工作年度报告', '某某市人民政府办公室２０１７年政府信息公开工作年度报告', '某某市人民政府办公室二零一七年度政府信息公开工作年度报告']) {
      const { report, findings } = printed(title, '2018年1月20日');
      expect(report.meta, title).toMatchObject({ year: 2017, agency: '某某市人民政府办公室' });
      expect(findings.filter((f) => f.rule === 'reader.noYear')).toEqual([]);
    }
  });

  it('read in a 落款 date: the signature is taken, and its date gives the year when nothing else does', () => {
    const { report } = printed('某某市人民政府办公室二〇二二年政府信息公开工作年度报告', '二〇二三年一月二十日');
    expect(report.meta.date).toBe('2023-01-20');
    expect(report.sections.signature).toContain('二〇二三年一月二十日');
    expect(printed('某某市人民政府办公室政府信息公开工作年度报告', '二〇二三年十二月三十一日').report.meta.date).toBe('2023-12-31');
  });

  it('read in the legacy sheet’s header, the agency before the year or before the sheet’s name', () => {
    expect(legacySheetHeader('某某镇人民政府2018年政府信息公开情况统计表')).toEqual({ year: 2018, agency: '某某镇人民政府' });
    expect(legacySheetHeader('某某镇人民政府二〇一八年度政府信息公开情况统计表')).toEqual({ year: 2018, agency: '某某镇人民政府' });
    expect(legacySheetHeader('某某县人民政府信息公开情况统计表（2018年度）')).toEqual({ year: 2018, agency: '某某县人民政府' });
    expect(legacySheetHeader('秀英区政府服务中心信息公开情况统计（２０１７年度）')).toEqual({ year: 2017, agency: '秀英区政府服务中心' });
    expect(legacySheetHeader('政府信息公开情况统计表（2018年度）')).toEqual({ year: 2018 });
  });
});
