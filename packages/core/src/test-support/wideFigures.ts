import { generateReport } from '../generate/report.js';
import type { Report } from '../model.js';

/** Figures a narrow cell cannot hold at the table's size: table 三 filled with 5-, 6- and 7-digit counts, and 不适用 in table 四. */
export const WIDE_FIGURES = ['23456', '123456', '9876543', '148146', '不适用'];

export function wideFiguresReport(): Report {
  const report = generateReport(5, { layout: '2021' });
  const counts = [23456, 123456, 9876543];
  for (const [i, row] of Object.values(report.applications).entries()) for (const column of Object.keys(row!)) (row as Record<string, number | null>)[column] = counts[i % 3]!;
  report.reviewLitigation.review = { upheld: 123456, corrected: 23456, other: 1234, pending: null, total: 148146 };
  report.reviewLitigation.litigationDirect = { ...report.reviewLitigation.litigationDirect!, other: null };
  report.sources['reviewLitigation.litigationDirect.other'] = { text: '不适用', notApplicable: true, line: 1, column: 1 };
  return report;
}

/** Pieces a figure of WIDE_FIGURES leaves on a line of its own when it is broken: none may be printed. */
export const BROKEN_PIECES = ['2345', '56', '987654', '不适'];
