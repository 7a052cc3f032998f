export { toXlsx, type XlsxOptions } from './toXlsx.js';
export { fromXlsx, locateFindings, type FromXlsxResult } from './fromXlsx.js';
export { figureCells, type FigureCell } from './workbookLayout.js';
