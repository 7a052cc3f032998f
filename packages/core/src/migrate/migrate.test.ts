import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../generate/report.js';
import { placeCells, reportTables } from '../layouts/index.js';
import { Report } from '../model.js';
import { parsedCorpus } from '../test-support/corpus.js';
import { defaultLegacyMapping } from './mapping.js';
import { lostFigures, migrate, MigrationRecord, parseMapping } from './index.js';

const corpus = parsedCorpus();
const legacy = corpus.filter((c) => c.report.layouts.legacy);
const older = corpus.filter((c) => !c.report.layouts.legacy && (c.report.layouts.applications === '2019' || Object.values(c.report.layouts.activeDisclosure).includes('2019')));

function expectSound(source: Report, to: '2019' | '2021') {
  const { report, record } = migrate(source, { to });
  expect(lostFigures(source, report, record)).toEqual([]);
  expect(Report.safeParse(report).success).toBe(true);
  expect(MigrationRecord.safeParse(record).success).toBe(true);
  for (const grid of reportTables(report)) expect(() => placeCells(grid)).not.toThrow();
  return { report, record };
}

describe('legacy sheets', () => {
  it('has a legacy report in the corpus to migrate', () => expect(legacy.length).toBeGreaterThan(0));

  it.each(legacy.flatMap((c) => (['2019', '2021'] as const).map((to) => ({ ...c, to }))))('$name → $to: nothing lost, every figure explained', ({ report: source, to }) => {
    const { report, record } = expectSound(source, to);
    for (const [id, value] of Object.entries(source.legacy!)) if (value !== null) expect(record.figures[`legacy.${id}`], id).toBeDefined();
    expect(report.layouts.applications).toBe(to);
    expect(report.applications.newReceived?.total).toBe(source.legacy!['requests.received']);
    expect(report.applications.newReceived?.naturalPerson).toBeNull(); // the applicant split is unknown
    expect(report.sections.otherMatters).toContain('一、主动公开情况：300。'); // the stray figure of the heading row
    if (to === '2019') expect(report.activeDisclosure.normativeDocuments?.newlyPublished).toBe(300);
    else expect(report.sections.otherMatters).toContain('主动公开规范性文件数：300条。');
  });

  it('puts the legacy narrative into 一 and 五 and flags the ambiguous rows', () => {
    const source = legacy[0]!.report;
    const { report, findings } = migrate({ ...source, legacy: { ...source.legacy, 'requests.otherChannel': 3, 'litigation.total': 1 } }, { to: '2021' });
    expect(report.sections.overview).toContain('我中心认真贯彻实施政府信息公开法律法规');
    expect(report.sections.problems?.split('\n')[0]).toMatch(/存在的问题/);
    expect(findings.map((f) => f.rule)).toContain('migrate.ambiguous');
    expect(findings.map((f) => f.message)).toContain('requests.otherChannel → section:otherMatters: no single row in the new tables; please confirm or place it by hand.');
    // The clerk reads where it went and why as printed, in Chinese only.
    const zh = findings.filter((f) => f.rule === 'migrate.ambiguous').map((f) => f.messageZh);
    expect(zh).toContain('8.告知通过其他途径办理数 已放入“六、其他需要报告的事项”：新表格中没有对应的单独一行。请人工确认，或放到合适的位置。');
    for (const text of zh) expect(text).not.toMatch(/[a-z]{3}/);
    expect(report.sections.otherMatters).toMatch(/告知通过其他途径办理数：3件。/);
  });

  it('prints the figures moved to 六 in the sheet order, a paragraph for each part of the sheet', () => {
    const paragraphs = migrate(legacy[0]!.report, { to: '2021' }).report.sections.otherMatters!.split('\n');
    expect(paragraphs[0]).toMatch(/以下数据无法对应新版表格，按原表列示：$/);
    const partOf = (words: string) => paragraphs.findIndex((p) => p.includes(words));
    // 三's requests before 五's litigation; 五's 被依法纠错数 read under 行政诉讼数量, not taken for 四's (its rule places it in a cell).
    expect(partOf('当面申请数')).toBeLessThan(partOf('行政诉讼数量'));
    expect(paragraphs[partOf('行政诉讼数量')]).toMatch(/^行政诉讼数量：0件。维持具体行政行为或者驳回原告诉讼请求数：0件。被依法纠错数：0件。其他情形数：0件。$/);
    expect(partOf('举报投诉数量')).toBe(partOf('行政诉讼数量') + 1);
    expect(paragraphs.at(-1)).toBe('一、主动公开情况：300。'); // the row the reader did not recognise, after the sheet
  });

  it('loses nothing on generated sheets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('2019', '2021') as fc.Arbitrary<'2019' | '2021'>, (seed, to) => {
        expectSound(generateReport(seed, { layout: 'legacy', blanks: true }), to);
      }),
      { numRuns: 40 },
    );
  });

  it('follows a custom mapping', () => {
    const source = { ...legacy[0]!.report, legacy: { ...legacy[0]!.report.legacy, 'requests.correctionNotice': 4 } };
    const custom = parseMapping({ rules: [...defaultLegacyMapping.rules.filter((r) => !r.from.includes('requests.correctionNotice')), { from: ['requests.correctionNotice'], to: 'applications.unavailable.stillUnclear.total' }] });
    if (!custom.ok) throw new Error(custom.errors.join('\n'));
    expect(migrate(source, { to: '2021' }).report.applications['otherDisposal.noCorrection']?.total).toBe(4);
    const { report } = migrate(source, { to: '2021', mapping: custom.mapping });
    expect(report.applications['unavailable.stillUnclear']?.total).toBe(4);
    expect(report.applications['otherDisposal.noCorrection']?.total).toBeNull();
  });

  it('holds the default mapping to the rules a user\'s file must keep', () => {
    expect(parseMapping(defaultLegacyMapping)).toEqual({ ok: true, mapping: defaultLegacyMapping });
  });

  it('rejects a bad mapping file with sentences that name the rule', () => {
    const bad = parseMapping({ rules: [{ from: ['requests.recieved'], to: 'applications.newReceived.total' }, { from: ['fees'], to: 'section:otherMatters' }, { from: ['fees'], to: 'applications.nowhere.total' }] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.message)).toEqual(expect.arrayContaining([
      'rules[0].from: "requests.recieved" is not a row id of the legacy sheet',
      'rules[2].from: "fees" is already mapped by rules[1]',
      'rules[2].to: "applications.nowhere.total" is not a cell of the 2021 tables nor section:<id>',
    ]));
    expect(bad.errors.map((e) => e.messageZh)).toContain('rules[2].from：“fees”已由 rules[1] 映射');
    // Two rules into one cell: the second's figure would replace the first's.
    const twice = parseMapping({ rules: [{ from: ['requests.received'], to: 'applications.newReceived.total' }, { from: ['requests.inPerson'], to: 'applications.newReceived.total' }, { from: ['fees'], to: 'section:otherMatters' }, { from: ['complaints'], to: 'section:otherMatters' }] });
    expect(twice.ok).toBe(false);
    if (twice.ok) return;
    expect(twice.errors.map((e) => e.message)).toEqual(['rules[1].to: "applications.newReceived.total" is already the target of rules[0]; list both rows in one rule\'s "from" to add them up']);
    // A rule's section is where its sentence goes, not 六.
    const toProblems = parseMapping({ rules: [...defaultLegacyMapping.rules.filter((r) => !r.from.includes('complaints')), { from: ['complaints'], to: 'section:problems' }] });
    if (!toProblems.ok) throw new Error(toProblems.errors[0]!.message);
    const complaints = legacy.find((c) => c.report.legacy!['complaints'] !== null)!.report;
    const moved = migrate(complaints, { to: '2021', mapping: toProblems.mapping });
    expect(moved.record.figures['legacy.complaints']).toEqual({ section: 'problems', sentence: expect.stringContaining('举报投诉数量') });
    expect(moved.report.sections.problems).toContain((moved.record.figures['legacy.complaints'] as { sentence: string }).sentence);
    expect(moved.report.sections.otherMatters).not.toContain('举报投诉数量');
    expect(lostFigures(complaints, moved.report, moved.record)).toEqual([]);
    // The shape's problems in Chinese too: zod's English is only for --lang en.
    const shapeless = parseMapping({ rules: 'all' });
    expect(shapeless).toEqual({ ok: false, errors: [{ message: 'rules: Invalid input: expected array, received string', messageZh: 'rules：应为数组，实为文本' }] });
    expect(parseMapping({})).toMatchObject({ errors: [{ messageZh: 'rules：缺少此项（应为数组）' }] });
  });
});

describe('a legacy row marked not applicable (/, 无)', () => {
  it('is printed where its figure would go: in the cell its rule names, or as a sentence of 六', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('../parse.js');
    const { resolveBinding } = await import('../layouts/index.js');
    const { CORPUS_DIR } = await import('../test-support/corpus.js');
    const text = readFileSync(`${CORPUS_DIR}seeds/004_b5b9a5615959bd1c.txt`, 'utf8');
    const marked = text.replace(/(\(一\)收到申请数 \|\n件 \|\n)0 \|/, '$1/ |').replace(/(六、举报投诉数量 \|\n件 \|\n)0 \|/, '$1无 |');
    expect(marked).not.toBe(text);
    const parsed = parse(marked);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.report.legacy).toMatchObject({ 'requests.received': null, complaints: null });
    const { report, record } = migrate(parsed.report, { to: '2021' });
    expect(resolveBinding(report, 'applications.newReceived.total').display).toBe('/');
    expect(record.figures['legacy.requests.received']).toEqual({ cell: 'applications.newReceived.total' });
    expect(report.sections.otherMatters).toContain('举报投诉数量：无。');
  });
});

describe('2019 and hybrid reports → 2021', () => {
  it.each(older)('$name: nothing lost', ({ report: source }) => {
    const { report } = expectSound(source, '2021');
    expect(report.layouts.applications).toBe('2021');
    expect(Object.values(report.layouts.activeDisclosure).every((l) => l === '2021')).toBe(true);
    if (source.applications.otherDisposal) expect(report.applications['otherDisposal.other']).toEqual(source.applications.otherDisposal);
  });

  it('writes what 2021 dropped into 六 with its label', () => {
    const shanghai = older.find((c) => c.name.includes('shanghai'))!.report;
    const { report, record } = migrate(shanghai, { to: '2021' });
    expect(report.sections.otherMatters).toContain('政府集中采购采购总金额：251000元。');
    expect(record.figures['activeDisclosure.regulations.totalPublished']).toEqual({ section: 'otherMatters', sentence: expect.stringContaining('规章对外公开总数量：524') });
    expect(report.activeDisclosure.regulations?.issued).toBe(13);
  });

  it('loses nothing on generated 2019 and mixed reports', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('2019', 'mixed') as fc.Arbitrary<'2019' | 'mixed'>, (seed, layout) => {
        expectSound(generateReport(seed, { layout, blanks: true }), '2021');
      }),
      { numRuns: 40 },
    );
  });
});

describe('a call that is not a migration', () => {
  it('refuses a value that is no report, a layout it has not and a misspelt option with a TypeError naming them', () => {
    const report = corpus[0]!.report;
    expect(() => migrate({} as never, { to: '2021' })).toThrow(/^not a report model: /);
    expect(() => migrate(report, { to: '2030' as never })).toThrow(/^migrate options: to: .*"2019"\|"2021", received "2030"$/);
    expect(() => migrate(report, { to: '2021', maping: { rules: [] } } as never)).toThrow(/^migrate options: Unrecognized key: "maping" \(known keys: to, mapping\)$/);
  });
});

describe('a 2021 report asked for in the 2019 layout', () => {
  it('is kept as it is, with a warning that says its layout in words, a mixed one too', () => {
    const said = (layout: '2021' | 'mixed') => migrate(generateReport(1, { layout }), { to: '2019' }).findings.map((f) => [f.rule, f.message, f.messageZh]);
    expect(said('2021')).toEqual([['migrate.unsupported', 'A 2021 report is not moved back to the 2019 layout; it is kept as it is.', '不支持将2021版式的报告迁移回2019版式，已保持原样。']]);
    expect(said('mixed')).toEqual([['migrate.unsupported', 'A report partly in the 2021 layout is not moved back to the 2019 layout; it is kept as it is.', '不支持将部分表格为2021版式的报告迁移回2019版式，已保持原样。']]);
  });
});
