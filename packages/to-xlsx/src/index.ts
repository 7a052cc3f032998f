export { toXlsx, type XlsxOptions } from './toXlsx.js';
export { fromXlsx, type FromXlsxResult } from './fromXlsx.js';
