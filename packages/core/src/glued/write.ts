import { SECTION_HEADINGS, type SectionId } from '../ids.js';
import { placeCells, reportTables, resolveBinding, type TableGrid } from '../layouts/index.js';
import type { Report } from '../model.js';

const TABLE_SECTION: Partial<Record<string, SectionId>> = { activeDisclosure: 'activeDisclosure', applications: 'applications', reviewLitigation: 'reviewLitigation' };
const NUMBERED: Exclude<SectionId, 'preamble' | 'signature'>[] = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'];

/**
 * A report as a crawler keeps it when it drops every separator (the glued style of 07-pingtan):
 * the crawler's `标题:` line, then the whole report on one line, every table cell glued to the next.
 */
export function writeGlued(report: Report): string {
  const section = (id: SectionId) => (report.sections[id] ?? '').split('\n').join('');
  const tables = reportTables(report);
  const glue = (grid: TableGrid) =>
    placeCells(grid)
      .map(({ cell }) => (cell.kind === 'label' ? cell.text : resolveBinding(report, cell.path).display))
      .join('');
  let body = section('preamble');
  if (report.layouts.legacy) body += tables.map(glue).join('');
  else
    for (const id of NUMBERED)
      body += SECTION_HEADINGS[id] + section(id) + tables.filter((g) => TABLE_SECTION[g.table] === id).map(glue).join('');
  body += section('signature');
  return `标题: ${report.meta.title ?? ''}\n==================== 正文 ====================\n${body}\n`;
}
