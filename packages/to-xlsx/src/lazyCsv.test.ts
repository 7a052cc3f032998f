import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Workbook } from './workbook.js';

const require = createRequire(import.meta.url);

describe('exceljs without its CSV support at load', () => {
  it("leaves exceljs's own csv.js for everyone else once the Workbook has loaded", () => {
    const csvPath = require.resolve('exceljs/lib/csv/csv.js');
    const Csv = require(csvPath) as { name: string };
    expect(Csv.name).toBe('CSV');
    expect(require.cache[csvPath]?.exports).toBe(Csv);
  });

  it("still gives a workbook its csv, of exceljs's class, the same class every time", () => {
    const first = (new Workbook() as unknown as { csv: object }).csv;
    const second = (new Workbook() as unknown as { csv: object }).csv;
    expect(first.constructor.name).toBe('CSV');
    expect(second.constructor).toBe(first.constructor);
    expect(typeof (first as { writeBuffer?: unknown }).writeBuffer).toBe('function');
  });
});
