import { createRequire } from 'node:module';

/**
 * exceljs's Workbook requires its CSV support (fast-csv, dayjs and their plugins) when it loads, for
 * `workbook.csv`, which we never use: about 50 ms of CPU at every start of every batch worker. Before
 * workbook.ts loads the Workbook, this puts in its place a class that loads the real one when a
 * Workbook's `csv` is first asked for. Imported for that effect only, before exceljs.
 */
const require = createRequire(import.meta.url);
let path: string | undefined;
try {
  path = require.resolve('exceljs/lib/csv/csv.js');
} catch {
  // exceljs has moved it: the Workbook loads whatever it requires, as before.
}
if (path && !require.cache[path]) {
  const csvPath = path;
  class LazyCsv {
    constructor(...args: unknown[]) {
      delete require.cache[csvPath];
      const Csv = require(csvPath) as new (...args: unknown[]) => object;
      return new Csv(...args);
    }
  }
  require.cache[csvPath] = { id: csvPath, filename: csvPath, loaded: true, exports: LazyCsv } as unknown as NodeJS.Module;
}
