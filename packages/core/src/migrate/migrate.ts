import { z } from 'zod';
import type { Finding } from '../finding.js';
import { ACTIVE_ITEM_SPECS, APPLICANT_COLUMNS, APPLICANT_COLUMN_LABELS, REVIEW_FIELDS, REVIEW_GROUPS, SECTION_HEADINGS, TABLE_LABELS, activeItemSpec, applicationRowLabel, applicationRows, legacyRowSpec, LEGACY_SHEET, ACTIVE_COLUMN_LABELS, type ActiveItem, type ApplicantColumn, type LayoutId, type SectionId } from '../ids.js';
import { formatFigure, placeCells, reportTables, resolveBinding, setBinding } from '../layouts/index.js';
import { emptyApplicantRow, emptyReport, Layout, type Report } from '../model.js';
import { default2019To2021Mapping, defaultLegacyMapping, MigrationMapping, sectionOf, targetOf } from './mapping.js';
import { assertOptions } from '../optionsError.js';
import { assertReport } from '../reportModelError.js';

export const MigrationRecord = z.object({
  from: z.enum(['legacy', '2019', 'mixed', '2021']),
  to: Layout,
  /** For each target cell: the source figures summed into it, and the rule. */
  cells: z.record(z.string(), z.object({ sources: z.array(z.string()), rule: z.string() })),
  /** For each non-blank source figure: where it went, a cell or a sentence in a named section. */
  figures: z.record(z.string(), z.union([z.object({ cell: z.string() }), z.object({ section: z.string(), sentence: z.string() })])),
  /** Rules a person should confirm (FORMATS.md §4's ambiguous rows). */
  flagged: z.array(z.object({ sources: z.array(z.string()), target: z.string(), reason: z.string(), reasonZh: z.string().optional() })),
});
export type MigrationRecord = z.infer<typeof MigrationRecord>;

export const MigrateOptions = z.strictObject({
  to: Layout,
  /** Overrides the default mapping for legacy sheets (see parseMapping). */
  mapping: MigrationMapping.optional(),
});
export type MigrateOptions = z.infer<typeof MigrateOptions>;

/** Every value cell of the target layout's tables. */
export function targetCells(layout: LayoutId): Set<string> {
  const report = emptyReport();
  report.layouts = { activeDisclosure: Object.fromEntries(ACTIVE_ITEM_SPECS.filter((s) => s.columns[layout].length).map((s) => [s.id, layout])), applications: layout };
  return new Set(reportTables(report).flatMap((g) => placeCells(g).flatMap((p) => (p.cell.kind === 'value' ? [p.cell.path] : []))));
}

/** A blank report in the target layout: every cell present and blank, narrative carried over. */
function blankTarget(source: Report, layout: LayoutId): Report {
  const report = emptyReport();
  report.meta = { ...source.meta };
  report.sourceScript = source.sourceScript;
  for (const spec of ACTIVE_ITEM_SPECS) {
    const columns = spec.columns[layout];
    if (!columns.length) continue;
    report.layouts.activeDisclosure[spec.id] = layout;
    report.activeDisclosure[spec.id] = Object.fromEntries(columns.map((c) => [c, null]));
  }
  report.layouts.applications = layout;
  for (const row of applicationRows(layout)) (report.applications as Record<string, unknown>)[row.id] = emptyApplicantRow();
  for (const g of REVIEW_GROUPS) report.reviewLitigation[g] = Object.fromEntries(REVIEW_FIELDS.map((f) => [f, null])) as never;
  return report;
}

/**
 * Moves a legacy sheet, or a 2019/hybrid report, into the 2019 or 2021 tables. Nothing is lost: a
 * figure with no cell goes, with its label and unit, into the text of a section; the record says
 * where every figure came from and went; ambiguous rules are flagged as findings.
 */
export function migrate(source: Report, options: MigrateOptions): { report: Report; record: MigrationRecord; findings: Finding[] } {
  assertReport(source);
  assertOptions(MigrateOptions, options, 'migrate');
  const from = source.layouts.legacy ? 'legacy' : sourceLayout(source);
  const record: MigrationRecord = { from, to: options.to, cells: {}, figures: {}, flagged: [] };
  if (from === 'legacy') return finish(migrateLegacy(source, options, record), record);
  if (from === options.to || options.to === '2019') {
    // Nothing to move (or no rule to go back to an older layout): the report is kept as it is.
    const [what, whatZh] = from === 'mixed' ? ['A report partly in the 2021 layout', '部分表格为2021版式的报告'] : [`A ${from} report`, `${from}版式的报告`];
    const findings: Finding[] = from === options.to ? [] : [{ severity: 'warning', rule: 'migrate.unsupported', message: `${what} is not moved back to the 2019 layout; it is kept as it is.`, messageZh: `不支持将${whatZh}迁移回2019版式，已保持原样。` }];
    return { report: structuredClone(source), record: { ...record, to: from === 'mixed' ? options.to : record.to }, findings };
  }
  return finish(migrate2019To2021(source, record), record);
}

function sourceLayout(report: Report): MigrationRecord['from'] {
  const layouts = new Set([...Object.values(report.layouts.activeDisclosure), report.layouts.applications].filter(Boolean));
  return layouts.size > 1 ? 'mixed' : layouts.has('2019') ? '2019' : '2021';
}

function finish(report: Report, record: MigrationRecord): { report: Report; record: MigrationRecord; findings: Finding[] } {
  const findings: Finding[] = record.flagged.map((f) => ({
    severity: 'info',
    rule: 'migrate.ambiguous',
    row: f.sources.join(' + '),
    message: `${f.sources.join(' + ')} → ${f.target}: ${f.reason}; please confirm or place it by hand.`,
    messageZh: `${f.sources.map((s) => legacyRowSpec(s)?.label ?? s).join('＋')} 已放入“${printedTarget(f.target)}”：${f.reasonZh ?? f.reason}。请人工确认，或放到合适的位置。`,
  }));
  return { report, record, findings };
}

/** A target as the report prints it: 六、其他需要报告的事项, or 表三's row › column. */
function printedTarget(target: string): string {
  const section = sectionOf(target);
  if (section && section !== 'preamble' && section !== 'signature') return SECTION_HEADINGS[section];
  const cell = /^applications\.(.+)\.([^.]+)$/.exec(target);
  if (cell && (APPLICANT_COLUMNS as readonly string[]).includes(cell[2]!)) return `${TABLE_LABELS.applications} › ${applicationRowLabel(cell[1]!)} › ${APPLICANT_COLUMN_LABELS[cell[2] as ApplicantColumn]}`;
  return target;
}

/** A legacy figure as a sentence of 六: its label, and the figure as printed (+, and the printed unit where it is not the sheet's). */
function sentence(label: string, source: Report, path: string, sheetUnit: string): string {
  const { display, source: printed } = resolveBinding(source, path);
  return `${label.replace(/^[（(][^）)]*[）)]|^[0-9]+[.．、]|^[一二三四五六七八九十]+、|^其中[:：]/g, '')}：${display}${printed?.unit || printed?.notApplicable ? '' : sheetUnit}。`;
}

/**
 * Each legacy row's place in the sheet, and the part of it (一、 to 九、) it stands in: the sentences moved
 * to 六 are printed in the sheet's order, a paragraph a part, rather than as one run in the order of the
 * mapping's rules.
 */
const SHEET_PLACE = (() => {
  const places = new Map<string, { index: number; part: number }>();
  let part = 0;
  LEGACY_SHEET.forEach((entry, index) => {
    if (/^[一二三四五六七八九十]+、/.test('heading' in entry ? entry.heading : entry.label)) part++;
    if ('id' in entry) places.set(entry.id, { index, part });
  });
  return places;
})();

/** A sentence moved to 六 from a legacy row (its id), its cumulative figure (历年累计), or a row the reader did not recognise (after the sheet). */
interface MovedSentence {
  text: string;
  id?: string;
  cumulative?: boolean;
}

/** The moved sentences as paragraphs: in the sheet's order, a paragraph for each of its parts, unrecognised rows last. */
function movedParagraphs(moved: readonly MovedSentence[]): string[] {
  const place = ({ id, cumulative }: MovedSentence) => {
    const at = id === undefined ? undefined : SHEET_PLACE.get(id);
    return at ? { index: at.index + (cumulative ? 0.5 : 0), part: at.part } : { index: Infinity, part: Infinity };
  };
  const sorted = moved.map((m) => ({ ...place(m), text: m.text })).sort((a, b) => a.index - b.index);
  const paragraphs: string[] = [];
  sorted.forEach((m, i) => {
    if (i > 0 && sorted[i - 1]!.part === m.part) paragraphs[paragraphs.length - 1] += m.text;
    else paragraphs.push(m.text);
  });
  return paragraphs;
}

function addSentence(report: Report, section: SectionId, text: string): void {
  report.sections[section] = report.sections[section] ? `${report.sections[section]}\n${text}` : text;
}

function migrateLegacy(source: Report, options: MigrateOptions, record: MigrationRecord): Report {
  const layout = options.to;
  const report = blankTarget(source, layout);
  const legacy = source.legacy ?? {};
  const mapping = options.mapping ?? defaultLegacyMapping;
  const mapped = new Set<string>();
  const moved: MovedSentence[] = [];
  // Sentences a mapping sends to a section other than 六, in the order its rules give them.
  const elsewhere = new Map<SectionId, string[]>();
  // A row the sheet marked not applicable (/, 无) has no figure but is printed: it goes where a figure would.
  const notApplicable = (id: string) => (legacy[id] ?? null) === null && source.sources[`legacy.${id}`]?.notApplicable === true;
  for (const [i, rule] of mapping.rules.entries()) {
    const target = targetOf(rule, layout);
    const present = rule.from.filter((id) => legacy[id] !== undefined && legacy[id] !== null);
    const marked = rule.from.filter(notApplicable);
    rule.from.forEach((id) => mapped.add(id));
    if (rule.ambiguous && present.length) record.flagged.push({ sources: present, target, reason: rule.note ?? 'ambiguous', ...(rule.noteZh ? { reasonZh: rule.noteZh } : {}) });
    const section = sectionOf(target);
    if (!present.length && marked.length && !section) {
      report.sources[target] = source.sources[`legacy.${marked[0]}`]!;
      record.cells[target] = { sources: marked.map((id) => `legacy.${id}`), rule: rule.note ? `rules[${i}]: ${rule.note}` : `rules[${i}]` };
      for (const id of marked) record.figures[`legacy.${id}`] = { cell: target };
    }
    if (!present.length && !(section && marked.length)) continue;
    if (section) {
      for (const id of [...present, ...marked]) {
        const spec = legacyRowSpec(id)!;
        const text = sentence(spec.label, source, `legacy.${id}`, spec.unit);
        if (section === 'otherMatters') moved.push({ text, id });
        else elsewhere.set(section, [...(elsewhere.get(section) ?? []), text]);
        record.figures[`legacy.${id}`] = { section, sentence: text };
      }
      continue;
    }
    const sum = present.reduce((a, id) => a + legacy[id]!, 0);
    setBinding(report, target, Math.round(sum * 1e6) / 1e6);
    record.cells[target] = { sources: present.map((id) => `legacy.${id}`), rule: rule.note ? `rules[${i}]: ${rule.note}` : `rules[${i}]` };
    for (const id of present) record.figures[`legacy.${id}`] = { cell: target };
  }
  // Everything the mapping does not place goes to 六 as sentences, so no printed figure is lost.
  for (const [id, value] of Object.entries(legacy)) {
    if (mapped.has(id) || ((value === null || value === undefined) && !notApplicable(id))) continue;
    const spec = legacyRowSpec(id)!;
    const text = sentence(spec.label, source, `legacy.${id}`, spec.unit);
    moved.push({ text, id });
    record.figures[`legacy.${id}`] = { section: 'otherMatters', sentence: text };
  }
  for (const [id, value] of Object.entries(source.legacyCumulative ?? {})) {
    if (value === null || value === undefined) continue;
    const spec = legacyRowSpec(id)!;
    const text = sentence(`${spec.label}（历年累计）`, source, `legacyCumulative.${id}`, spec.unit);
    moved.push({ text, id, cumulative: true });
    record.figures[`legacyCumulative.${id}`] = { section: 'otherMatters', sentence: text };
  }
  source.extraRows.forEach((row, i) => {
    if (!row.values.some((v) => v.trim())) return;
    const text = `${row.label}：${row.values.join('、')}${row.unit ?? ''}。`;
    moved.push({ text });
    record.figures[`extraRows.${i}`] = { section: 'otherMatters', sentence: text };
  });
  // The legacy narrative becomes the new sections: before the problems heading → 一, from it → 五.
  const paragraphs = [source.sections.preamble, source.sections.overview].filter(Boolean).join('\n').split('\n').filter(Boolean);
  const problemsAt = paragraphs.findIndex((p) => p.length <= 40 && /存在的?问题|下步打算|下一步|改进措施|不足/.test(p));
  const overview = problemsAt === -1 ? paragraphs : paragraphs.slice(0, problemsAt);
  const problems = problemsAt === -1 ? [] : paragraphs.slice(problemsAt);
  report.sections = { ...(overview.length ? { overview: overview.join('\n') } : {}), ...(problems.length ? { problems: problems.join('\n') } : {}), ...(source.sections.signature ? { signature: source.sections.signature } : {}) };
  const sheet = `${source.meta.year ?? ''}年度政府信息公开情况统计表`;
  for (const [section, texts] of elsewhere) addSentence(report, section, `根据${sheet}：${texts.join('')}`);
  if (moved.length) addSentence(report, 'otherMatters', [`根据${sheet}，以下数据无法对应新版表格，按原表列示：`, ...movedParagraphs(moved)].join('\n'));
  return report;
}

function migrate2019To2021(source: Report, record: MigrationRecord): Report {
  const report = blankTarget(source, '2021');
  report.sections = { ...source.sections };
  report.reviewLitigation = structuredClone(source.reviewLitigation);
  report.extraRows = structuredClone(source.extraRows);
  const moved: string[] = [];
  const rules = default2019To2021Mapping.rules.flatMap((rule) =>
    rule.from[0]!.endsWith('.*') ? APPLICANT_COLUMNS.map((c) => ({ ...rule, from: [rule.from[0]!.replace('*', c)], to: targetOf(rule, '2021').replace('*', c) })) : [rule],
  );
  const ruleFor = new Map(rules.map((r, i) => [r.from[0]!, { to: targetOf(r, '2021'), rule: `2019→2021 rules[${i}]${r.note ? `: ${r.note}` : ''}` }]));
  // Table 三: same rows but （六）, which 2021 split.
  for (const [rowId, row] of Object.entries(source.applications)) {
    for (const col of APPLICANT_COLUMNS) {
      const path = `applications.${rowId}.${col}`;
      const value = row?.[col] ?? null;
      const target = ruleFor.get(path)?.to ?? path;
      setBinding(report, target, value);
      if (value === null) continue;
      record.cells[target] = { sources: [path], rule: ruleFor.get(path)?.rule ?? 'same row and column in 2021' };
      record.figures[path] = { cell: target };
      if (source.sources[path]) report.sources[target] = source.sources[path]!;
    }
  }
  // Table 二: 2019 items by their columns; what 2021 has no cell for goes to 六 with its label.
  for (const [item, cells] of Object.entries(source.activeDisclosure) as [ActiveItem, Record<string, number | null>][]) {
    const layout = source.layouts.activeDisclosure[item];
    for (const [col, value] of Object.entries(cells ?? {})) {
      const path = `activeDisclosure.${item}.${col}`;
      if (layout === '2021') {
        setBinding(report, path, value);
        if (value !== null) (record.cells[path] = { sources: [path], rule: 'already 2021' }), (record.figures[path] = { cell: path });
        continue;
      }
      if (value === null) continue;
      const to = ruleFor.get(path);
      if (to) {
        setBinding(report, to.to, value);
        record.cells[to.to] = { sources: [path], rule: to.rule };
        record.figures[path] = { cell: to.to };
        continue;
      }
      const spec = activeItemSpec(item);
      const text = `${spec.label['2019']}${ACTIVE_COLUMN_LABELS['2019'][col as keyof (typeof ACTIVE_COLUMN_LABELS)['2019']] ?? col}：${resolveBinding(source, path).display || formatFigure(value)}。`;
      moved.push(text);
      record.figures[path] = { section: 'otherMatters', sentence: text };
    }
  }
  if (moved.length) addSentence(report, 'otherMatters', `以下为2019年版表格中有、现行格式已不再列示的数据：${moved.join('')}`);
  return report;
}

/** Source figures the migrated report does not show, in a cell or a sentence: the list must be empty. */
export function lostFigures(source: Report, migrated: Report, record: MigrationRecord): string[] {
  const figures: [string, number][] = [];
  for (const [id, v] of Object.entries(source.legacy ?? {})) if (v !== null && v !== undefined) figures.push([`legacy.${id}`, v]);
  for (const [id, v] of Object.entries(source.legacyCumulative ?? {})) if (v !== null && v !== undefined) figures.push([`legacyCumulative.${id}`, v]);
  for (const [rowId, row] of Object.entries(source.applications)) for (const [c, v] of Object.entries(row ?? {})) if (v !== null) figures.push([`applications.${rowId}.${c}`, v]);
  for (const [item, cells] of Object.entries(source.activeDisclosure)) for (const [c, v] of Object.entries(cells ?? {})) if (v !== null && v !== undefined) figures.push([`activeDisclosure.${item}.${c}`, v]);
  for (const [g, cells] of Object.entries(source.reviewLitigation)) for (const [f, v] of Object.entries(cells ?? {})) if (v !== null) figures.push([`reviewLitigation.${g}.${f}`, v]);
  const text = Object.values(migrated.sections).join('\n');
  return figures
    .filter(([path, value]) => {
      if (path.startsWith('reviewLitigation.') && !source.layouts.legacy) return resolveBinding(migrated, path).value !== value;
      const where = record.figures[path];
      if (!where) return true;
      if ('cell' in where) return resolveBinding(migrated, where.cell).value === null;
      return !text.includes(where.sentence) || !where.sentence.includes(formatFigure(value));
    })
    .map(([path]) => path);
}
