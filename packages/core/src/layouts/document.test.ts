import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate/report.js';
import { documentBlocks, titleLines } from './document.js';

const fitsIn = (chars: number) => (line: string) => [...line].length <= chars;

describe('titleLines', () => {
  it('keeps a title that fits on one line', () => {
    expect(titleLines('郭村镇2021年政府信息公开工作年度报告', '郭村镇', fitsIn(22))).toEqual(['郭村镇2021年政府信息公开工作年度报告']);
  });

  it('breaks a long title after the agency, wherever the agency stands', () => {
    expect(titleLines('沭阳县发展和改革局2023年政府信息公开工作年度报告', '沭阳县发展和改革局', fitsIn(20))).toEqual(['沭阳县发展和改革局', '2023年政府信息公开工作年度报告']);
    expect(titleLines('2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', fitsIn(20))).toEqual(['2019年上海市人民政府办公厅', '政府信息公开工作年度报告']);
  });

  it('leaves the wrapping to the writer when no such break fits, or the agency is unknown or last', () => {
    expect(titleLines('沭阳县发展和改革局2023年政府信息公开工作年度报告', '沭阳县发展和改革局', fitsIn(12))).toEqual(['沭阳县发展和改革局2023年政府信息公开工作年度报告']);
    expect(titleLines('沭阳县发展和改革局2023年政府信息公开工作年度报告', null, fitsIn(20))).toEqual(['沭阳县发展和改革局2023年政府信息公开工作年度报告']);
    expect(titleLines('政府信息公开工作年度报告（沭阳县发展和改革局）', '沭阳县发展和改革局', fitsIn(14))).toEqual(['政府信息公开工作年度报告（沭阳县发展和改革局）']);
  });
});

describe('documentBlocks', () => {
  // What the reader made of a 15 MB text holding one report 4,000 times: 124,000 rows it kept unrecognised, 56,000 paragraphs in 六.
  it('lays out a report far longer than a call takes arguments', () => {
    const report = generateReport(1, { layout: '2021' });
    report.extraRows = Array.from({ length: 150_000 }, (_, i) => ({ table: 'applications' as const, label: `（七）总计${i}`, unit: null, values: ['1', '2'], position: { line: i + 1, column: 1 } }));
    report.sections.otherMatters = Array.from({ length: 150_000 }, (_, i) => `第${i}段。`).join('\n');
    const blocks = documentBlocks(report);
    expect(blocks.filter((b) => b.kind === 'paragraph' && b.text.startsWith('第'))).toHaveLength(150_000);
    const extra = blocks.find((b) => b.kind === 'table' && b.grid.title === '未识别的行');
    expect(extra?.kind === 'table' && extra.grid.rows.length).toBeGreaterThan(150_000);
  });
});
