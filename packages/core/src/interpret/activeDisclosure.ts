import { ACTIVE_COLUMN_LABELS, ACTIVE_ITEM_SPECS, activeItemSpec, type ActiveItem, type LayoutId } from '../ids.js';
import { printedColumnOrder } from './columnOrder.js';
import { columnKind } from '../glued/tables.js';
import { countMismatch, keepUnrecognisedRow, splitGluedRow, storeFigure, unplaceable, type Context } from './context.js';
import { hasNumber, runs, type Token } from './stream.js';

const ITEM_KEYS: [ActiveItem, RegExp][] = [
  ['normativeDocuments', /规范性文件/],
  ['regulations', /^规章$/],
  ['licensing', /^行政许可$/],
  ['otherManagementServices', /其他对外管理服务/],
  ['punishment', /^行政处罚$/],
  ['coercion', /^行政强制$/],
  ['fees', /行政事业性收费/],
  ['centralizedProcurement', /政府集中采购/],
];

/** Header words that only one layout prints. Read per block: real reports mix layouts. */
const LAYOUT_2019 = /本年新|对外公开总数|上一年项目|本年增|^处理决定数量$|采购项目|采购总金额/;
const LAYOUT_2021 = /本年制发|本年废止|现行有效|本年处理决定|本年收费金额/;
const BLOCK_TITLE = /第二十条第?\(?[一二三四五六七八九十]+\)?项/;
/** A table 二 block's title (第二十条第（五）项), tested on folded text. */
export const isBlockTitle = (folded: string) => BLOCK_TITLE.test(folded);

type Label = { kind: 'item'; item: ActiveItem } | { kind: 'block' } | { kind: 'header'; layout?: LayoutId };

function classify(token: Token): Label {
  if (isBlockTitle(token.folded)) return { kind: 'block' };
  const item = ITEM_KEYS.find(([, key]) => key.test(token.folded))?.[0];
  if (item) return { kind: 'item', item };
  if (LAYOUT_2019.test(token.folded)) return { kind: 'header', layout: '2019' };
  if (LAYOUT_2021.test(token.folded)) return { kind: 'header', layout: '2021' };
  return { kind: 'header' };
}

/** Reads table 二 block by block, each in the layout its own header shows. */
export function readActiveDisclosure(ctx: Context, stream: Token[]): boolean {
  let headerLayout: LayoutId | undefined;
  let found = false;
  // The header cells over the items that follow them.
  let header: Token[] = [];
  let afterItem = false;
  for (const run of runs(stream, classify)) {
    const label = run.match!;
    if (label.kind === 'block') (headerLayout = undefined), (header = []);
    if (label.kind === 'header') {
      if (afterItem) (header = []), (afterItem = false);
      header.push(run.label);
      headerLayout = label.layout ?? headerLayout;
      if (hasNumber(run.values)) keepUnrecognisedRow(ctx, 'activeDisclosure', run.label, null, run.values, { en: 'matches no item of table 二', zh: '与表二的任何一项都不对应' });
      continue;
    }
    if (label.kind !== 'item' || (!run.values.length && !run.label.unplaced)) continue;
    const spec = activeItemSpec(label.item);
    const layout = headerLayout ?? layoutByCount(label.item, run.values.length);
    const columns = spec.columns[layout];
    afterItem = true;
    if (ctx.report.activeDisclosure[label.item]) {
      keepUnrecognisedRow(ctx, 'activeDisclosure', run.label, null, run.values, { en: `repeats item ${label.item}`, zh: '与已读取的项目重复' });
      continue;
    }
    found = true;
    ctx.report.layouts.activeDisclosure[label.item] = layout;
    // Digits run together after the label are the row's figures: split only where the cells allow one way (规章000), as table 二 has no sums.
    const values = run.values[0]?.gluedToLabel ? splitGluedRow(ctx, 'activeDisclosure', label.item, run.label.text, run.values, { cells: columns.map(columnKind), sums: [] }) : run.values;
    if (values.length !== columns.length) countMismatch(ctx, 'activeDisclosure', label.item, spec.label[layout], run.label, values, columns.length);
    const placed = unplaceable(values, columns.length) ? [] : values;
    const printed = printedColumnOrder(ctx, 'activeDisclosure', header, columns.map((c) => [c, ACTIVE_COLUMN_LABELS[layout][c]!] as const));
    ctx.report.activeDisclosure[label.item] = Object.fromEntries(columns.map((col) => [col, storeFigure(ctx, `activeDisclosure.${label.item}.${col}`, placed[printed.indexOf(col)])]));
    if (values.length > columns.length)
      keepUnrecognisedRow(ctx, 'activeDisclosure', run.label, null, values.slice(columns.length), { en: `has figures beyond the columns of ${label.item}`, zh: '超出该项列数的数字' });
  }
  return found;
}

/** Without a readable header, the number of figures tells the layout where only one fits. */
function layoutByCount(item: ActiveItem, count: number): LayoutId {
  const spec = ACTIVE_ITEM_SPECS.find((s) => s.id === item)!;
  if (spec.columns['2021'].length === 0) return '2019';
  return spec.columns['2019'].length === count && spec.columns['2021'].length !== count ? '2019' : '2021';
}
