import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { withoutCsv } from './lazyCsv.js';
// exceljs's main module also loads its streaming reader and writer (archiver, unzipper) and its CSV
// support, which we never use: about 100 ms of every cold start, in every batch worker. The Workbook is
// the same class either way. Its CSV support loads only if asked for (lazyCsv.ts).
export const Workbook = withoutCsv(() => createRequire(import.meta.url)('exceljs/lib/doc/workbook.js')) as typeof ExcelJS.Workbook;
