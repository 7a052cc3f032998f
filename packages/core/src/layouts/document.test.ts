import { describe, expect, it } from 'vitest';
import { titleLines } from './document.js';

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
