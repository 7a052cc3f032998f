import { describe, expect, it } from 'vitest';
import { looksLikeFigure, readFigure } from './figure.js';
import { fold } from './fold.js';
import { toSimplifiedScript } from './script.js';

describe('script', () => {
  it('removes pinyin and converts Traditional', () => {
    const r = toSimplifiedScript('本年度報告根據(jù)國家、省、市政府信息公開相關(guān)法律、法規(guī)的規(guī)定編制');
    expect(r.text).toBe('本年度报告根据国家、省、市政府信息公开相关法律、法规的规定编制');
    expect(r.script).toBe('traditional');
  });
  it('leaves Simplified text alone, mojibake included', () => {
    const text = '以“制度化、规范化、正?;睘橹c(diǎn)\n第二行';
    expect(toSimplifiedScript('以“制度化、规范化、正?;\n第二行')).toEqual({ text: '以“制度化、规范化、正?;\n第二行', script: 'simplified' });
    expect(toSimplifiedScript(text).text.split('\n')).toHaveLength(2);
  });
});

describe('fold', () => {
  it('unifies numbering and brackets', () => {
    expect(fold('（一）予以公开')).toBe(fold('(一) 予以公开'));
    expect(fold('1、属于国家秘密')).toBe(fold('1．属于国家秘密'));
  });
});

describe('readFigure', () => {
  it('keeps every digit, units, signs and marks', () => {
    expect(readFigure('12.39205')).toEqual({ kind: 'number', value: 12.39205, plain: true });
    expect(readFigure('251000元')).toEqual({ kind: 'number', value: 251000, unit: '元', plain: false });
    expect(readFigure('+1036')).toMatchObject({ value: 1036, plain: false });
    expect(readFigure('-3')).toMatchObject({ value: -3, plain: true });
    expect(readFigure('１２')).toMatchObject({ value: 12, plain: false });
    expect(readFigure('1,234')).toMatchObject({ value: 1234, plain: false });
    expect(readFigure('/')).toEqual({ kind: 'notApplicable' });
    expect(readFigure('—')).toEqual({ kind: 'notApplicable' });
    expect(readFigure(' ')).toEqual({ kind: 'blank' });
    expect(readFigure('规章')).toBeNull();
    expect(readFigure('2.重复申请')).toBeNull();
    expect(readFigure('12873（件）')).toEqual({ kind: 'number', value: 12873, unit: '件', plain: false });
  });

  it('never folds a footnote mark or a space into a figure’s digits', () => {
    for (const text of ['36①', '8²', '⑩', '12₃', '21 210', '30　16']) {
      expect(readFigure(text), text).toBeNull();
      expect(looksLikeFigure(text), text).toBe(true);
    }
  });

  it('tells text about a number from a label', () => {
    for (const text of ['约3561', '1200余', '12.5万', '0（无）', '〇', '12*', '12%'].concat(['36①'])) expect(looksLikeFigure(text), text).toBe(true);
    for (const text of ['1.', '(1)', '（2）', '1、', '1.当面申请数', '2019年', '第二十条第(五)项', '规章', '']) expect(looksLikeFigure(text), text).toBe(false);
  });

  it('says when a figure has more digits than a number holds, and only then', () => {
    for (const exact of ['123456789012345', '1234567890123456', '9007199254740992', '12.50', '0.1', '000123', '1,234,567,890,123,456', '100000000000000000000'])
      expect(readFigure(exact), exact).not.toHaveProperty('inexact');
    for (const inexact of ['9007199254740993', '12.345678901234567890123', '-9,007,199,254,740,993', '123456789012345678901234567890'])
      expect(readFigure(inexact), inexact).toMatchObject({ kind: 'number', inexact: true });
  });
});
