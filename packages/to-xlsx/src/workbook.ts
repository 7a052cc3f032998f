import type ExcelJS from 'exceljs';
// First: exceljs's CSV support then loads only if asked for (see lazyCsv.ts).
import './lazyCsv.js';
// exceljs's main module also loads its streaming reader and writer (archiver, unzipper) and its CSV
// support, which we never use: about 100 ms of every cold start, in every batch worker. The Workbook is
// the same class either way.
import WorkbookClass from 'exceljs/lib/doc/workbook.js';

export const Workbook = WorkbookClass as typeof ExcelJS.Workbook;
