import { readFileSync } from 'node:fs';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType } from 'docx';
import { describe, expect, it } from 'vitest';
import { parse, parseDocx } from '@report-convert/core';
import { corpusEntries, expectedModel, mismatches } from '../../core/src/test-support/corpus.js';
import { toDocx } from './toDocx.js';

describe('a .docx written by toDocx reads back with parseDocx', () => {
  const readable = corpusEntries().filter((e) => parse(readFileSync(e.sourcePath)).ok);
  it.each(readable)('$name to its expected values', async (entry) => {
    const first = parse(readFileSync(entry.sourcePath));
    if (!first.ok) throw new Error(first.error.message);
    const back = parseDocx(await toDocx(first.report));
    if (!back.ok) throw new Error(back.error.message);
    const { meta: _meta, sourceScript: _script, ...tables } = expectedModel(entry); // what we write is Simplified
    expect(mismatches(tables, back.report)).toEqual([]);
    expect(back.report.sections.problems).toBe(first.report.sections.problems);
  });
});

describe('a .docx typed by a clerk', () => {
  it('reads a table 三 whose header spans differ from the official grid', async () => {
    const p = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(text)] });
    const cell = (text: string, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) => new TableCell({ children: [p(text)], ...extra });
    const values = (...v: string[]) => v.map((t) => cell(t));
    // The clerk merged the note over two columns only and typed the row groups into one wide column.
    const rows = [
      new TableRow({ children: [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { columnSpan: 2, rowSpan: 2 }), cell('申请人情况', { columnSpan: 7 })] }),
      new TableRow({ children: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((t) => cell(t)) }),
      new TableRow({ children: [cell('一、本年新收政府信息公开申请数量', { columnSpan: 2 }), ...values('5', '1', '', '', '', '', '6')] }),
      new TableRow({ children: [cell('二、上年结转政府信息公开申请数量', { columnSpan: 2 }), ...values('1', '', '', '', '', '', '1')] }),
      new TableRow({ children: [cell('三、本年度办理结果', { verticalMerge: VerticalMergeType.RESTART }), cell('（一）予以公开'), ...values('4', '1', '', '', '', '', '5')] }),
      new TableRow({ children: [cell('', { verticalMerge: VerticalMergeType.CONTINUE }), cell('（七）总计'), ...values('4', '1', '', '', '', '', '5')] }),
      new TableRow({ children: [cell('四、结转下年度继续办理', { columnSpan: 2 }), ...values('2', '', '', '', '', '', '2')] }),
    ];
    const document = new Document({ sections: [{ children: [p('三、收到和处理政府信息公开申请情况'), new Table({ rows })] }] });
    const result = parseDocx(new Uint8Array(await Packer.toBuffer(document)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.applications.newReceived).toEqual({ naturalPerson: 5, commercial: 1, research: null, publicInterest: null, legalService: null, other: null, total: 6 });
    expect(result.report.applications.granted?.total).toBe(5);
    expect(result.report.applications.carriedForward?.naturalPerson).toBe(2);
    expect(result.report.meta.sourceFormat).toBe('docx');
  });
});
