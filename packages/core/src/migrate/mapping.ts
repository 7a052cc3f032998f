import { z } from 'zod';
import { SECTION_IDS, LEGACY_ROW_IDS, type LayoutId } from '../ids.js';
import { schemaProblems, type SchemaProblem } from '../schemaIssues.js';

/**
 * A migration mapping: data a user can read and override. Each rule sends the sum of its source
 * figures to one target cell (a model path of the target layout) or, as sentences with label and
 * unit, to the text of a section (`section:otherMatters`). A target may differ by layout.
 */
export const MappingTarget = z.union([z.string(), z.object({ '2019': z.string(), '2021': z.string() })]);
export const MappingRule = z.object({
  from: z.array(z.string()).min(1),
  to: MappingTarget,
  /** Why the rule is what it is, for the record and the README. */
  note: z.string().optional(),
  /** The note in Chinese, for the finding a clerk reads when the rule is flagged. */
  noteZh: z.string().optional(),
  /** The rule is a guess a person should confirm: the migration flags it. */
  ambiguous: z.boolean().optional(),
});
export const MigrationMapping = z.object({ rules: z.array(MappingRule) });
export type MigrationMapping = z.infer<typeof MigrationMapping>;
export type MappingRule = z.infer<typeof MappingRule>;

const T = (to: string) => `applications.${to}.total`;

/** FORMATS.md §4: the legacy statistics sheet (2014–2018) onto the 2019 or 2021 tables. */
export const defaultLegacyMapping: MigrationMapping = {
  rules: [
    { from: ['requests.received'], to: T('newReceived'), note: 'applicant split unknown: the six applicant cells stay blank' },
    { from: ['requests.alreadyPublic', 'requests.granted'], to: T('granted'), note: '条例第三十六条（一）: pointing to published information counts as 予以公开' },
    { from: ['requests.partiallyGranted'], to: T('partiallyGranted') },
    { from: ['requests.denied.stateSecret'], to: T('denied.stateSecret') },
    { from: ['requests.denied.commercialSecret', 'requests.denied.privacy'], to: T('denied.thirdPartyRights'), note: '条例第十五条' },
    { from: ['requests.denied.security'], to: T('denied.threeSecurities') },
    { from: ['requests.denied.otherLegal'], to: T('denied.prohibitedByLaw') },
    { from: ['requests.denied.notGovernmentInformation'], to: 'section:otherMatters', ambiguous: true, note: 'no single row in the new tables', noteZh: '新表格中没有对应的单独一行' },
    { from: ['requests.notThisAgency', 'requests.notExist'], to: T('unavailable.notHeld') },
    { from: ['requests.correctionNotice'], to: { '2019': T('otherDisposal'), '2021': T('otherDisposal.noCorrection') }, ambiguous: true, note: 'alternative: unavailable.stillUnclear', noteZh: '也可能应计入“（五）无法提供 › 3.补正后申请内容仍不明确”' },
    { from: ['requests.otherChannel'], to: 'section:otherMatters', ambiguous: true, note: 'no single row in the new tables', noteZh: '新表格中没有对应的单独一行' },
    { from: ['requests.answered'], to: T('totalProcessed'), note: 'check 2 then compares it with the mapped rows' },
    { from: ['review.upheld'], to: 'reviewLitigation.review.upheld' },
    { from: ['review.corrected'], to: 'reviewLitigation.review.corrected' },
    { from: ['review.other'], to: 'reviewLitigation.review.other' },
    { from: ['review.total'], to: 'reviewLitigation.review.total', note: 'pending stays blank' },
    { from: ['litigation.total'], to: 'section:otherMatters', ambiguous: true, note: 'cannot be split between direct and after-review litigation', noteZh: '无法区分未经复议直接起诉与复议后起诉' },
    { from: ['litigation.upheld'], to: 'section:otherMatters', ambiguous: true, note: 'cannot be split between direct and after-review litigation', noteZh: '无法区分未经复议直接起诉与复议后起诉' },
    { from: ['litigation.corrected'], to: 'section:otherMatters', ambiguous: true, note: 'cannot be split between direct and after-review litigation', noteZh: '无法区分未经复议直接起诉与复议后起诉' },
    { from: ['litigation.other'], to: 'section:otherMatters', ambiguous: true, note: 'cannot be split between direct and after-review litigation', noteZh: '无法区分未经复议直接起诉与复议后起诉' },
    { from: ['active.normativeDocumentsIssued'], to: { '2019': 'activeDisclosure.normativeDocuments.newlyMade', '2021': 'activeDisclosure.normativeDocuments.issued' } },
    { from: ['active.normativeDocuments'], to: { '2019': 'activeDisclosure.normativeDocuments.newlyPublished', '2021': 'section:otherMatters' } },
    { from: ['fees'], to: 'section:otherMatters', note: '信息处理费: never 行政事业性收费, a different thing' },
  ],
};

/** 2019 and hybrid reports onto the 2021 layout: what 2021 kept moves to its cell, what it dropped goes into 六. */
export const default2019To2021Mapping: MigrationMapping = {
  rules: [
    { from: ['applications.otherDisposal.*'], to: 'applications.otherDisposal.other.*', note: '2021 split （六）其他处理 in three; without more detail it is 3.其他' },
    { from: ['activeDisclosure.regulations.newlyMade'], to: 'activeDisclosure.regulations.issued', note: '本年新制作 → 本年制发' },
    { from: ['activeDisclosure.normativeDocuments.newlyMade'], to: 'activeDisclosure.normativeDocuments.issued', note: '本年新制作 → 本年制发' },
    { from: ['activeDisclosure.licensing.decisions'], to: 'activeDisclosure.licensing.decisions' },
    { from: ['activeDisclosure.punishment.decisions'], to: 'activeDisclosure.punishment.decisions' },
    { from: ['activeDisclosure.coercion.decisions'], to: 'activeDisclosure.coercion.decisions' },
  ],
};

export function targetOf(rule: MappingRule, layout: LayoutId): string {
  return typeof rule.to === 'string' ? rule.to : rule.to[layout];
}

const SECTION_TARGET = new RegExp(`^section:(${SECTION_IDS.join('|')})$`);
export const sectionOf = (target: string) => SECTION_TARGET.exec(target)?.[1] as (typeof SECTION_IDS)[number] | undefined;

/**
 * Validates a user's mapping file for legacy sheets: shape, known source ids, known targets, no
 * source mapped twice and no cell the target of two rules (the second would overwrite the first's
 * figure; several sources for one cell go in one rule's `from`). Errors are sentences naming the
 * rule, in English and Chinese.
 */
export function parseMapping(json: unknown, validTargets: (layout: LayoutId) => Set<string>): { ok: true; mapping: MigrationMapping } | { ok: false; errors: SchemaProblem[] } {
  const shape = MigrationMapping.safeParse(json);
  if (!shape.success) return { ok: false, errors: schemaProblems(MigrationMapping, json, 'mapping') };
  const errors: SchemaProblem[] = [];
  const seen = new Map<string, number>();
  const cells = new Map<string, number>();
  shape.data.rules.forEach((rule, i) => {
    for (const id of rule.from) {
      if (!LEGACY_ROW_IDS.includes(id)) errors.push({ message: `rules[${i}].from: "${id}" is not a row id of the legacy sheet`, messageZh: `rules[${i}].from：“${id}”不是旧版统计表的行` });
      if (seen.has(id)) errors.push({ message: `rules[${i}].from: "${id}" is already mapped by rules[${seen.get(id)}]`, messageZh: `rules[${i}].from：“${id}”已由 rules[${seen.get(id)}] 映射` });
      seen.set(id, i);
    }
    for (const layout of ['2019', '2021'] as const) {
      const target = targetOf(rule, layout);
      if (sectionOf(target)) continue; // sections take any number of sentences
      if (!validTargets(layout).has(target)) errors.push({ message: `rules[${i}].to: "${target}" is not a cell of the ${layout} tables nor section:<id>`, messageZh: `rules[${i}].to：“${target}”既不是 ${layout} 年版表格的单元格，也不是 section:<id>` });
      const other = cells.get(`${layout} ${target}`);
      if (other !== undefined && other !== i) errors.push({ message: `rules[${i}].to: "${target}" is already the target of rules[${other}]; list both rows in one rule's "from" to add them up`, messageZh: `rules[${i}].to：“${target}”已是 rules[${other}] 的目标；如需相加，请把两行写在同一条规则的 from 中` });
      cells.set(`${layout} ${target}`, i);
    }
  });
  // A rule with one target for both layouts would say the same thing twice.
  const distinct = [...new Map(errors.map((e) => [e.message, e])).values()];
  return distinct.length ? { ok: false, errors: distinct } : { ok: true, mapping: shape.data };
}
