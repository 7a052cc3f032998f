import { SECTION_HEADINGS, type SectionId } from '../ids.js';
import type { Report } from '../model.js';
import type { TableGrid } from './grid.js';
import { signatureLines } from './signature.js';
import { EXTRA_ROWS_TITLE, reportTables } from './index.js';

/** The printed document, in order, for the Word and PDF writers: they map blocks, never decide structure. */
export type DocumentBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; grid: TableGrid }
  | { kind: 'signature'; lines: string[] };

const NUMBERED_SECTIONS = ['overview', 'activeDisclosure', 'applications', 'reviewLitigation', 'problems', 'otherMatters'] as const;
const SUBHEADING = /^[（(][一二三四五六七八九十]{1,3}[）)]/;

export function reportTitle(report: Report): string {
  if (report.meta.title) return report.meta.title;
  const who = report.meta.agency ?? '';
  const year = report.meta.year ? `${report.meta.year}年` : '';
  return `${who}${year}政府信息公开工作年度报告`;
}

/**
 * The lines of a title too long for one: broken after the agency's name when both halves then fit,
 * as official documents are (GB/T 9704: 回行时词意完整), not wherever the line fills up:
 * 沭阳县发展和改革局 / 2023年政府信息公开工作年度报告. Otherwise one line, for the writer to wrap.
 */
export function titleLines(title: string, agency: string | null, fits: (line: string) => boolean): string[] {
  const at = agency ? title.indexOf(agency) : -1;
  if (fits(title) || at < 0) return [title];
  const cut = at + agency!.length;
  const lines = [title.slice(0, cut), title.slice(cut)];
  return lines.every((line) => [...line].length >= 4 && fits(line)) ? lines : [title];
}

/** The whole report as an agency publishes it: title, preamble, the six sections with their tables, signature. */
export function documentBlocks(report: Report): DocumentBlock[] {
  const blocks: DocumentBlock[] = [{ kind: 'title', text: reportTitle(report) }];
  // Pushed one by one, not push(...): a section can hold a hundred thousand paragraphs, too many for a call's arguments.
  const text = (id: SectionId) => {
    for (const p of (report.sections[id] ?? '').split('\n')) if (p.trim()) blocks.push(SUBHEADING.test(p) && p.length <= 40 ? { kind: 'heading', level: 2, text: p } : { kind: 'paragraph', text: p });
  };
  const tables = reportTables(report);
  text('preamble');
  if (report.layouts.legacy) {
    for (const id of NUMBERED_SECTIONS)
      if (report.sections[id]) {
        blocks.push({ kind: 'heading', level: 1, text: SECTION_HEADINGS[id] });
        text(id);
      }
    blocks.push(...tables.flatMap((grid): DocumentBlock[] => [{ kind: 'heading', level: 1, text: grid.title }, { kind: 'table', grid }]));
  } else {
    for (const id of NUMBERED_SECTIONS) {
      blocks.push({ kind: 'heading', level: 1, text: SECTION_HEADINGS[id] });
      text(id);
      blocks.push(...tables.filter((g) => g.table === id && g.title !== EXTRA_ROWS_TITLE).map((grid): DocumentBlock => ({ kind: 'table', grid })));
    }
    // Rows kept without being recognised are printed after the official tables, so no figure is lost.
    blocks.push(...tables.filter((g) => g.title === EXTRA_ROWS_TITLE).map((grid): DocumentBlock => ({ kind: 'table', grid })));
  }
  const signature = signatureLines(report);
  if (signature.length) blocks.push({ kind: 'signature', lines: signature });
  return blocks;
}
