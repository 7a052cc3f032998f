import { ACTIVE_ITEM_SPECS, type LayoutId } from '../ids.js';
import { activeDisclosureGrid } from './activeDisclosure.js';
import { applicationsGrid } from './applications.js';
import type { TableGrid } from './grid.js';
import { legacyGrid } from './legacy.js';
import { reviewLitigationGrid } from './reviewLitigation.js';

/** An official table's grid with every row it can print, and the layout it is printed in (`any`: the same in 2019 and 2021). */
export interface OfficialGrid {
  grid: TableGrid;
  layout: LayoutId | 'legacy' | 'any';
}

let cached: readonly OfficialGrid[] | undefined;

/**
 * Every official table as printed, each layout apart: table 二 with every item of 2019, then of
 * 2021, table 三 in 2019 and 2021, table 四, and the legacy statistics sheet without extra rows.
 * Built on first use (not when the package is imported), then shared: treat it as read-only.
 */
export function officialGrids(): readonly OfficialGrid[] {
  if (cached) return cached;
  const everyItem = (layout: LayoutId) => Object.fromEntries(ACTIVE_ITEM_SPECS.filter((s) => s.columns[layout].length).map((s) => [s.id, layout]));
  return (cached = [
    { grid: activeDisclosureGrid(everyItem('2019')), layout: '2019' },
    { grid: activeDisclosureGrid(everyItem('2021')), layout: '2021' },
    { grid: applicationsGrid('2019'), layout: '2019' },
    { grid: applicationsGrid('2021'), layout: '2021' },
    { grid: reviewLitigationGrid(), layout: 'any' },
    { grid: legacyGrid({ extraRows: [] }), layout: 'legacy' },
  ]);
}
