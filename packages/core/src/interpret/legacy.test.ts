import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate/report.js';
import { writeReportAs } from '../generate/write.js';
import { resolveBinding } from '../layouts/binding.js';
import { migrate } from '../migrate/index.js';
import { parse } from '../parse.js';

/** A generated legacy sheet, as pasted text, with one row's printed text changed. */
function sheetWith(row: string, edit: (line: string) => string) {
  const text = writeReportAs(generateReport(3, { layout: 'legacy' }), 'rowPerLine');
  const line = text.split('\n').find((l) => l.includes(row))!;
  const parsed = parse(text.replace(line, edit(line)));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed;
}

describe('the legacy sheet’s unit column', () => {
  it('keeps a unit printed other than the sheet’s with the figure, and says so', () => {
    const { report, findings } = sheetWith('收取的费用', () => '七、依申请公开信息收取的费用 | 元 | 2510 |');
    expect(report.legacy?.fees).toBe(2510);
    expect(resolveBinding(report, 'legacy.fees').display).toBe('2510元');
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'reader.unitDiffers', severity: 'warning', table: 'legacy', row: 'fees', messageZh: '单位印为“元”，统计表中为“万元”：数字按“元”保留。' }));
    // Migrated, the figure goes to 六 in the unit it was printed in: not 2510万元, ten thousand times as much.
    const { record, report: migrated } = migrate(report, { to: '2021' });
    expect(record.figures['legacy.fees']).toEqual({ section: 'otherMatters', sentence: '依申请公开信息收取的费用：2510元。' });
    expect(migrated.sections.otherMatters).toContain('依申请公开信息收取的费用：2510元。');
  });

  it('says nothing when the unit is the sheet’s, and keeps a unit printed in the cell', () => {
    const same = sheetWith('收取的费用', () => '七、依申请公开信息收取的费用 | 万元 | 3.5 |');
    expect(same.findings.filter((f) => f.rule === 'reader.unitDiffers')).toEqual([]);
    expect(resolveBinding(same.report, 'legacy.fees').display).toBe('3.5');
    expect(migrate(same.report, { to: '2021' }).record.figures['legacy.fees']).toMatchObject({ sentence: '依申请公开信息收取的费用：3.5万元。' });
    const inCell = sheetWith('收取的费用', () => '七、依申请公开信息收取的费用 | 万元 | 251000元 |');
    expect(resolveBinding(inCell.report, 'legacy.fees').display).toBe('251000元');
    expect(migrate(inCell.report, { to: '2021' }).record.figures['legacy.fees']).toMatchObject({ sentence: '依申请公开信息收取的费用：251000元。' });
  });
});
