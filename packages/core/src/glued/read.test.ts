import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../ast.js';
import { interpretDocument } from '../interpret/index.js';
import { corpusEntries } from '../test-support/corpus.js';
import { readGluedText } from './read.js';

const entries = corpusEntries();
const pingtan = entries.find((e) => e.name === 'real/07-pingtan-2024')!;
const source = readFileSync(pingtan.sourcePath, 'utf8');
const reading = readGluedText(source)!;
const tables = reading.document.blocks.filter((b): b is TableBlock => b.kind === 'table');
const rowOf = (label: string) => tables.flatMap((t) => t.rows).find((r) => r[0]!.text === label)!.map((c) => c.text);

/** Every field present in the expected file must equal the model's. */
function mismatches(expected: unknown, actual: unknown, path = ''): string[] {
  if (expected !== null && typeof expected === 'object') return Object.entries(expected).flatMap(([k, v]) => mismatches(v, (actual as Record<string, unknown> | undefined)?.[k], `${path}.${k}`));
  return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

describe('07-pingtan: a whole report on one line with every cell glued', () => {
  it('reads to the figures of its expected file, blanks included', () => {
    const { report } = interpretDocument(reading.document);
    const expected = pingtan.expected as Record<string, unknown>;
    for (const field of ['meta', 'layouts', 'activeDisclosure', 'applications', 'reviewLitigation']) expect(mismatches(expected[field], report[field as keyof typeof report], field)).toEqual([]);
  });

  it('splits 规章 000 as 0|0|0 and leaves 6233440 blank with the candidates', () => {
    expect(rowOf('规章')).toEqual(['规章', '0', '0', '0']);
    expect(rowOf('行政规范性文件')).toEqual(['行政规范性文件', '', '', '']);
    expect(reading.findings.map((f) => f.message)).toEqual(pingtan.expected.expectedFindings);
    const [finding] = reading.findings;
    expect(finding).toMatchObject({ rule: 'reader.gluedDigits', severity: 'warning', table: 'activeDisclosure', row: 'normativeDocuments', details: { digits: '6233440', ways: 15 } });
    expect((finding!.details as { candidates: string[][] }).candidates).toContainEqual(['62', '33', '440']);
    expect(finding!.messageZh).toContain('62｜33｜440');
    expect(source.split('\n')[finding!.position!.line - 1]!.slice(finding!.position!.column - 1)).toMatch(/^6233440/);
  });

  it('gives table 三 rows seven cells and table 四 its fifteen, split by their arithmetic', () => {
    expect(rowOf('一、本年新收政府信息公开申请数量').slice(1)).toEqual(['217', '1', '0', '0', '0', '0', '218']);
    expect(rowOf('1.属于国家秘密').slice(1)).toEqual(['4', '0', '0', '0', '0', '0', '4']);
    expect(rowOf('2.其他法律行政法规禁止公开')).toHaveLength(8);
    expect(tables[2]!.rows.at(-1)!.slice(1).map((c) => c.text)).toEqual(['2', '1', '3', '1', '7', '0', '0', '0', '0', '0', '13', '2', '4', '0', '19']);
  });

  it('keeps the source position of every cell and the narrative verbatim', () => {
    const lines = source.split('\n');
    for (const block of reading.document.blocks) {
      const texts = block.kind === 'paragraph' ? [{ text: block.text, position: block.position }] : block.rows.flat().filter((c) => c.text);
      for (const { text, position } of texts) expect(lines[position.line - 1]!.slice(position.column - 1, position.column - 1 + text.length)).toBe(text);
    }
    const paragraphs = reading.document.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain('一、总体情况');
    expect(paragraphs).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(paragraphs.find((p) => p.startsWith('2024年，无收取'))).toBe('2024年，无收取信息处理费情况。');
  });
});

describe('a glued table whose own arithmetic fails', () => {
  // One row total misprinted (3 → 4): the table's arithmetic can no longer be trusted to choose.
  const broken = readGluedText(source.replace('4.保护第三方合法权益3000003', '4.保护第三方合法权益3000004'))!;
  const rows = broken.document.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text)) : []));
  const row = (label: string) => rows.find((r) => r[0] === label)!.slice(1);

  it('keeps only the splits the digits alone force, and blanks the rest with a finding', () => {
    expect(row('4.保护第三方合法权益')).toEqual(['3', '0', '0', '0', '0', '0', '4']);
    expect(row('二、上年结转政府信息公开申请数量')).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(row('一、本年新收政府信息公开申请数量')).toEqual(['', '', '', '', '', '', '']);
    const finding = broken.findings.find((f) => f.row === 'newReceived')!;
    expect(finding.message).toMatch(/^applications\.newReceived: the digits 21710000218 split into 7 cells in \d+ ways$/);
    expect(finding.messageZh).toContain('勾稽关系');
  });
});

describe('readGluedText', () => {
  it('returns null for every other corpus source, which has separators or line breaks', () => {
    for (const entry of entries.filter((e) => e !== pingtan)) expect(readGluedText(readFileSync(entry.sourcePath, 'utf8')), entry.name).toBeNull();
  });
});

describe('a glued legacy sheet with a 历年累计 column', () => {
  const preamble = '本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限为本年1月1日至12月31日。'.repeat(3);
  const sheet = '统计指标单位统计数历年累计三、依申请公开情况（一）收到申请数件121341.当面申请数件2102.传真申请数件1203.网络申请数件91004.信函申请数件04';
  const reading = readGluedText(`${preamble}${sheet}\n`)!;
  const rows = reading.document.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => c.text)) : []));

  it('splits each row into the year and the cumulative figure, using the sheet sums where the row alone cannot', () => {
    // 12134 alone is 1|2134 or 12|134; only 12|134 equals the four channels' sums (2+1+9+0, 10+20+100+4).
    expect(rows).toContainEqual(['（一）收到申请数', '件', '12', '134']);
    expect(rows).toContainEqual(['1.当面申请数', '件', '2', '10']);
    expect(rows).toContainEqual(['4.信函申请数', '件', '0', '4']);
    expect(reading.findings).toEqual([]);
    const { report } = interpretDocument(reading.document);
    expect(report.legacy?.['requests.received']).toBe(12);
    expect(report.legacyCumulative?.['requests.received']).toBe(134);
  });
});
