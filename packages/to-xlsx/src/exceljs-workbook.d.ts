// exceljs declares types for its main module only; this deep path is its Workbook class (see workbook.ts).
declare module 'exceljs/lib/doc/workbook.js' {
  const Workbook: unknown;
  export default Workbook;
}
