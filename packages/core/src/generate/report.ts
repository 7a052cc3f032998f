import {
  ACTIVE_ITEM_SPECS,
  APPLICANT_COLUMNS,
  LEGACY_ROWS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
  applicationRows,
  type ActiveItem,
  type LayoutId,
} from '../ids.js';
import { emptyReport, type ApplicantRow, type Report } from '../model.js';
import { int, pick, prng } from './random.js';

export type GeneratedLayout = LayoutId | 'legacy' | 'mixed';
export interface GenerateOptions {
  layout?: GeneratedLayout;
  /** Leave some cells blank (null). Text scraped from web pages cannot show a blank, so text styles need false. */
  blanks?: boolean;
}

const AGENCIES = ['马槽社区', '郭村镇人民政府', '彭后街道办事处', '市发展和改革委员会', '县人民政府办公室', '区政府服务中心'];
const SENTENCES = [
  '认真贯彻落实《中华人民共和国政府信息公开条例》，不断完善制度建设。',
  '通过政府门户网站主动公开各类政府信息，及时回应社会关切。',
  '规范办理政府信息公开申请，提高答复质量。',
  '政策解读形式仍需创新，公开内容有待进一步充实。',
  '下一步将加强培训，完善考核机制，提升公开质量。',
  '无其他需要报告的事项。',
];

/**
 * A random report in one layout, for round-trip property tests and benchmarks. Figures are
 * random (the arithmetic is not made to hold), the narrative is drawn from fixed sentences.
 */
export function generateReport(seed: number, options: GenerateOptions = {}): Report {
  const rnd = prng(seed);
  const layout = options.layout ?? pick(rnd, ['2019', '2021', 'mixed', 'legacy'] as const);
  const blank = () => options.blanks === true && rnd() < 0.15;
  const figure = (max = 3000) => (blank() ? null : int(rnd, max));
  const report = emptyReport();
  const agency = pick(rnd, AGENCIES);
  const year = layout === 'legacy' ? 2014 + int(rnd, 4) : layout === '2019' ? 2019 + int(rnd, 1) : 2021 + int(rnd, 4);
  const month = 1 + int(rnd, 2);
  const day = 10 + int(rnd, 18);
  report.meta = { title: `${agency}${year}年政府信息公开工作年度报告`, agency, year, date: `${year + 1}-0${month}-${day}`, sourceFormat: null };
  const text = (n: number) => Array.from({ length: n }, () => pick(rnd, SENTENCES)).join('');
  report.sections = { preamble: text(1), overview: `${text(2)}\n${text(2)}`, problems: text(2), otherMatters: text(1), signature: `${agency}\n${year + 1}年${month}月${day}日` };

  if (layout === 'legacy') {
    report.layouts = { activeDisclosure: {}, legacy: 'legacy' };
    report.legacy = Object.fromEntries(LEGACY_ROWS.map((r) => [r.id, r.unit === '万元' ? decimal(rnd) : figure(500)]));
    report.sections = { preamble: `${text(3)}\n${text(2)}` };
    report.meta.date = null;
    return report;
  }
  for (const spec of ACTIVE_ITEM_SPECS) {
    const itemLayout: LayoutId = layout === 'mixed' ? (spec.block === '1' ? '2019' : '2021') : layout;
    const columns = spec.columns[itemLayout];
    if (!columns.length) continue;
    report.layouts.activeDisclosure[spec.id as ActiveItem] = itemLayout;
    report.activeDisclosure[spec.id] = Object.fromEntries(
      columns.map((c) => [c, c === 'amount' ? (blank() ? null : decimal(rnd)) : c === 'change' ? (blank() ? null : int(rnd, 40) - 20) : figure()]),
    );
  }
  const appLayout: LayoutId = layout === 'mixed' ? '2019' : layout;
  report.layouts.applications = appLayout;
  for (const row of applicationRows(appLayout)) {
    (report.applications as Record<string, ApplicantRow>)[row.id] = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, figure(c === 'naturalPerson' || c === 'total' ? 900 : 20)])) as ApplicantRow;
  }
  for (const group of REVIEW_GROUPS) report.reviewLitigation[group] = Object.fromEntries(REVIEW_FIELDS.map((f) => [f, figure(30)])) as never;
  return report;
}

/** An amount in 万元 with up to five decimals, every digit significant. */
function decimal(rnd: () => number): number {
  return Number((rnd() * 20000).toFixed(int(rnd, 5)));
}
