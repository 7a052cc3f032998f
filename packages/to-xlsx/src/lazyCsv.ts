import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads a module of exceljs (`load`) without its CSV support: exceljs's Workbook requires fast-csv and
 * dayjs when it loads, for `workbook.csv`, which we never use — about 50 ms of CPU at every start of
 * every batch worker. While `load` runs, a stand-in sits in require's cache in place of csv.js; it loads
 * the real class when a workbook's `csv` is first used, once. The stand-in is taken out of the cache as
 * soon as `load` returns, so any other require of csv.js in the process gets exceljs's own module.
 */
export function withoutCsv<T>(load: () => T): T {
  let path: string | undefined;
  try {
    path = require.resolve('exceljs/lib/csv/csv.js');
  } catch {
    // exceljs has moved it: the Workbook loads whatever it requires, as before.
  }
  if (!path || require.cache[path]) return load();
  const csvPath = path;
  let Csv: (new (...args: unknown[]) => object) | undefined;
  class DeferredCsv {
    constructor(...args: unknown[]) {
      Csv ??= require(csvPath) as new (...args: unknown[]) => object;
      return new Csv(...args);
    }
  }
  const standIn = { id: csvPath, filename: csvPath, loaded: true, exports: DeferredCsv } as unknown as NodeJS.Module;
  require.cache[csvPath] = standIn;
  try {
    return load();
  } finally {
    if (require.cache[csvPath] === standIn) delete require.cache[csvPath];
  }
}
