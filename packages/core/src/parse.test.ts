import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from './checks/index.js';
import { generateReport } from './generate/report.js';
import { writeReportAs } from './generate/write.js';
import { Report } from './model.js';
import { parse, parseHtml, parseText } from './parse.js';
import { CORPUS_DIR } from './test-support/corpus.js';

const seed = (name: string) => readFileSync(join(CORPUS_DIR, 'seeds', name), 'utf8');

describe('a web page laid out with tables', () => {
  it('reads a report inside a frame (a table holding tables, with the site\'s menu beside) as the same report', () => {
    const page = readFileSync(join(CORPUS_DIR, 'real', '09-shuyang-drc-2023.html'), 'utf8');
    const framed = `<table><tr><td>首页</td><td>政务公开 &gt; 年度报告</td></tr><tr><td colspan="2"><table><tr><td>${page}</td></tr></table></td></tr><tr><td>主办单位：沭阳县人民政府</td></tr></table>`;
    const [plain, inFrame] = [parse(page), parse(framed)];
    if (!plain.ok || !inFrame.ok) throw new Error('not read');
    for (const table of ['activeDisclosure', 'applications', 'reviewLitigation'] as const) expect(inFrame.report[table]).toEqual(plain.report[table]);
    expect(inFrame.findings.map((f) => f.rule)).not.toContain('reader.missingTable');
    expect(inFrame.report.sections.overview).toEqual(plain.report.sections.overview);
  });
});

describe('parse decodes what Windows saves', () => {
  const text = seed('001_1c75c2c4e67cd3d7.txt');
  const expected = parse(text);
  const utf16le = Buffer.from(text, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  it.each([
    ['UTF-16LE with a byte-order mark (Notepad "Unicode", Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le])],
    ['UTF-16BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be])],
    ['UTF-16LE without one', utf16le],
    ['UTF-16BE without one', utf16be],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
  ])('%s, to the same report as UTF-8', (_, bytes) => {
    const result = parse(new Uint8Array(bytes));
    expect(result.ok).toBe(true);
    expect(result).toEqual(expected);
  });

  it('still calls binary data binary', () => {
    const result = parse(new Uint8Array(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
    expect(result.ok || result.error.message).toMatch(/binary data/);
  });
});

describe('parse on real seeds', () => {
  it('turns the Traditional seed into Simplified with no pinyin left, and remembers the script', () => {
    const result = parse(seed('002_09f8dcd14fce1942.txt'));
    if (!result.ok) throw new Error(result.error.message);
    const text = Object.values(result.report.sections).join('\n');
    expect(result.report.sourceScript).toBe('traditional');
    expect(text).toContain('本年度报告根据国家、省、市政府信息公开相关法律');
    expect(text).not.toMatch(/\((jù|xiàng|guān|diǎn)\)/);
    expect(text).not.toMatch(/[國開關據項報]/);
    expect(text).toContain('正?;'); // mojibake is kept as printed
  });

  it("keeps seed 004's stray 300 and flags it", () => {
    const result = parse(seed('004_b5b9a5615959bd1c.txt'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.extraRows).toEqual([expect.objectContaining({ table: 'legacy', label: '一、主动公开情况', values: ['300'] })]);
    expect(result.findings.map((f) => f.rule)).toContain('reader.unrecognisedRow');
    const finding = check(result.report).find((f) => f.rule === 'legacy.notGreater');
    expect(finding).toMatchObject({ row: 'active.normativeDocuments', left: { value: 300 }, right: { value: 0 }, position: { line: expect.any(Number) } });
    expect(finding?.messageZh).toContain('主动公开规范性文件数');
  });

  it('records where every figure was printed', () => {
    const result = parse(seed('003_315724d04121e9e1.txt'));
    if (!result.ok) throw new Error(result.error.message);
    const source = result.report.sources['activeDisclosure.fees.amount'];
    expect(result.report.activeDisclosure.fees?.amount).toBe(12.39205);
    expect(source?.text).toBe('12.39205');
    expect(seed('003_315724d04121e9e1.txt').split('\n')[source!.line - 1]).toContain('12.39205');
  });

  it('validates against the Report schema', () => {
    const result = parse(seed('000_7b493fb4be35eb87.txt'));
    if (!result.ok) throw new Error(result.error.message);
    expect(Report.safeParse(result.report).success).toBe(true);
  });
});

describe('bad input', () => {
  it('says what was expected and what was found', () => {
    for (const [input, code] of [
      ['', 'empty'],
      ['   \n\n', 'empty'],
      ['<html><body><h1>欢迎访问</h1><p>今日天气晴。</p></body></html>', 'notAReport'],
      [new Uint8Array([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0xff, 0x00, 0x10, 0x11]), 'binary'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'legacyBinaryFormat'],
      ['{"schemaVersion": 1, "meta": 3}', 'notAReport'],
    ] as const) {
      const result = parse(input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/^Expected .+ but found .+\./);
      expect(result.error.messageZh).toMatch(/^应为/);
    }
  });

  it('says where a JSON file is not a report model, in English and in Chinese with full-width punctuation', () => {
    const model = JSON.parse(JSON.stringify(generateReport(1, { layout: '2021' })));
    model.applications.newReceived.total = '264';
    const result = parse(JSON.stringify(model));
    expect(result.ok || result.error.message).toContain('(applications.newReceived.total: Invalid input: expected number, received string)');
    expect(result.ok || result.error.messageZh).toContain('不符合报告模型的 JSON（applications.newReceived.total：应为数字，实为文本）');
  });

  it('sends a PDF to parsePdfPages, which needs its text extracted first', () => {
    const result = parse(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'));
    expect(result.ok || result.error.code).toBe('unsupportedFormat');
    expect(result.ok || result.error.messageZh).toContain('请使用 report-convert 命令，或提取带位置的文字后调用 parsePdfPages');
  });

  it('reads the rest of a report whose table is missing, and reports the missing table', () => {
    const text = writeReportAs(generateReport(7, { layout: '2021' }), 'rowPerLine');
    const withoutTable4 = text.replace(/四、政府信息公开行政复议[^\n]*\n(?:[^\n]*\|[^\n]*\n)+/, '');
    const result = parseText(withoutTable4);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.applications.newReceived).toBeDefined();
    expect(result.findings).toContainEqual(expect.objectContaining({ rule: 'reader.missingTable', table: 'reviewLitigation' }));
  });

  it('keeps a table of 200,000 rows that is none of the report tables as text, which overflowed the call that kept it', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `甲${i} | 乙`).join('\n');
    const result = parseText(`一、总体情况\n${rows}`);
    expect(result.ok && result.findings.map((f) => f.rule)).toContain('reader.foreignTable');
  });

  it('no input string makes a reader throw', () => {
    const fragments = writeReportAs(generateReport(3, { layout: '2019' }), 'cellPerLine').split('\n');
    const reportish = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string(), fc.constantFrom('|', ' | |', '<td colspan="999999">', '<table><tr>', '（', '1.', '第二十条第（一）项')), { maxLength: 60 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), reportish), (input) => {
        for (const read of [parse, parseText, parseHtml]) {
          const result = read(input);
          if (result.ok) expect(Report.safeParse(result.report).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the JSON model', () => {
  it('reads back exactly what the readers produced', () => {
    const first = parse(seed('003_315724d04121e9e1.txt'));
    if (!first.ok) throw new Error(first.error.message);
    const again = parse(JSON.stringify(first.report));
    expect(again).toEqual({ ok: true, report: first.report, findings: [] });
  });
});

describe('a file holding several reports', () => {
  const one = seed('001_1c75c2c4e67cd3d7.txt').replace(/\n*$/, '\n');
  const lines = one.split('\n').length - 1;
  const overviewLine = one.split('\n').findIndex((l) => /^\s*一、总体情况/.test(l)) + 1;
  const read = (text: string) => {
    const result = parse(text);
    if (!result.ok) throw new Error(result.error.message);
    return result;
  };

  it('is said once, where the second report begins, with how many there seem to be; one report is not', () => {
    expect(overviewLine).toBeGreaterThan(0);
    expect(read(one).findings.filter((f) => f.rule === 'reader.severalReports')).toEqual([]);
    const several = read(one.repeat(3)).findings.filter((f) => f.rule === 'reader.severalReports');
    expect(several).toEqual([expect.objectContaining({ severity: 'error', position: { line: lines + overviewLine, column: expect.any(Number) } })]);
    expect(several[0]!.messageZh).toMatch(/^此文件似乎包含 3 份报告（第 \d+ 行又出现“一、总体情况”）/);
    // The figures are the first report's.
    expect(read(one.repeat(3)).report.applications).toEqual(read(one).report.applications);
  });
});

describe('a figure with more digits than a number holds', () => {
  it('is read as the nearest number with an error at the figure, naming its table, row and column', () => {
    const report = generateReport(2, { layout: '2021' });
    const text = writeReportAs({ ...report, applications: { ...report.applications, granted: { ...report.applications.granted!, total: 123 } } }, 'rowPerLine');
    const line = text.split('\n').findIndex((l) => /（一）予以公开.* 123 \|$/.test(l)) + 1;
    expect(line).toBeGreaterThan(0);
    const result = parse(text.replace(/^(.*（一）予以公开.* )123 \|$/m, '$19007199254740993 |'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.applications.granted?.total).toBe(9007199254740992);
    expect(result.findings.filter((f) => f.rule === 'reader.inexactFigure')).toEqual([
      expect.objectContaining({ severity: 'error', table: 'applications', row: 'granted', column: 'total', tableLabel: '三、收到和处理政府信息公开申请情况', rowLabel: '（一）予以公开', columnLabel: '总计', position: expect.objectContaining({ line }) }),
    ]);
  });
});

describe('what parse takes', () => {
  it('reads an ArrayBuffer (fetch\'s arrayBuffer()) as its bytes, and refuses what is no text or bytes with a TypeError saying so', () => {
    const bytes = new TextEncoder().encode(seed('001_1c75c2c4e67cd3d7.txt'));
    expect(parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).toEqual(parse(bytes));
    expect(() => parse(null as never)).toThrow(/^parse takes a string, a Uint8Array \(a Buffer\) or an ArrayBuffer, not null$/);
    expect(() => parse(123 as never)).toThrow(/not number$/);
  });

  it('refuses a format it does not know, or a misspelt option, with a TypeError naming what it takes, instead of calling the input not that format', () => {
    expect(() => parse('一、总体情况', { format: 'xml' as never })).toThrow(TypeError);
    expect(() => parse('一、总体情况', { format: 'xml' as never })).toThrow(/^parse options: format: .*"auto"\|"text"\|"markdown"\|"html"\|"docx"\|"xlsx"\|"json"\|"pdf", received "xml"$/);
    expect(() => parse('一、总体情况', { formt: 'text' } as never)).toThrow(/^parse options: Unrecognized key: "formt" \(known keys: format\)$/);
    expect(parse(seed('001_1c75c2c4e67cd3d7.txt'), { format: 'text' }).ok).toBe(true);
  });
});
