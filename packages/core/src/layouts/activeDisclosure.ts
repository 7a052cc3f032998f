import {
  ACTIVE_BLOCK_TITLES,
  ACTIVE_BLOCKS,
  ACTIVE_COLUMN_LABELS,
  ACTIVE_ITEM_SPECS,
  TABLE_LABELS,
  type ActiveBlock,
  type ActiveColumn,
  type ActiveItem,
  type LayoutId,
} from '../ids.js';
import type { GridCell, TableGrid } from './grid.js';

/**
 * Table 二. The 2019 grid has 5 physical columns, the 2021 grid 4. A table whose blocks mix
 * layouts uses the 5-column grid and lays each block out in its own layout within it.
 */
export function activeDisclosureGrid(layouts: Partial<Record<ActiveItem, LayoutId>>): TableGrid {
  const blockLayout = (block: ActiveBlock): LayoutId | undefined => {
    const items = ACTIVE_ITEM_SPECS.filter((s) => s.block === block && layouts[s.id]);
    return items.length ? layouts[items[0]!.id] : undefined;
  };
  const used = ACTIVE_BLOCKS.filter((b) => blockLayout(b));
  const width = used.some((b) => blockLayout(b) === '2019') ? 5 : 4;
  const rows: GridCell[][] = [];
  const blocks: TableGrid['blocks'] = [];
  for (const block of used) {
    const layout = blockLayout(block)!;
    const items = ACTIVE_ITEM_SPECS.filter((s) => s.block === block && layouts[s.id] && s.columns[layout].length > 0);
    if (!items.length) continue;
    const columns = items[0]!.columns[layout];
    blocks.push({ first: rows.length, last: rows.length + 1 + items.length });
    rows.push([{ kind: 'label', text: ACTIVE_BLOCK_TITLES[block], colSpan: width, align: 'center' }]);
    rows.push([
      { kind: 'label', text: '信息内容', align: 'center' },
      ...spread(columns, width - 1).map(([col, span]): GridCell => ({ kind: 'label', text: ACTIVE_COLUMN_LABELS[layout][col]!, colSpan: span, align: 'center' })),
    ]);
    for (const item of items)
      rows.push([
        { kind: 'label', text: item.label[layout], align: 'left' },
        ...spread(item.columns[layout], width - 1).map(([col, span]): GridCell => ({ kind: 'value', path: `activeDisclosure.${item.id}.${col}`, colSpan: span })),
      ]);
  }
  return {
    table: 'activeDisclosure',
    title: TABLE_LABELS.activeDisclosure,
    columnWidths: width === 5 ? [30, 20, 12, 12, 20] : [34, 22, 22, 22],
    headerRows: 0,
    rows,
    blocks,
  };
}

/**
 * Spreads logical columns over `width` physical ones as the official templates do: three values
 * over four columns span the middle one; two values over four span two each; one spans all.
 */
function spread(columns: readonly ActiveColumn[], width: number): [ActiveColumn, number][] {
  const n = columns.length;
  if (n === width) return columns.map((c) => [c, 1]);
  if (n === 1) return [[columns[0]!, width]];
  if (n === 2) return [[columns[0]!, Math.floor(width / 2)], [columns[1]!, width - Math.floor(width / 2)]];
  if (n === 3 && width === 4) return [[columns[0]!, 1], [columns[1]!, 2], [columns[2]!, 1]];
  throw new Error(`no spread of ${n} columns over ${width}`);
}
