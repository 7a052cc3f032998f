export { DocxOptionsError, toDocx, type DocxOptions } from './toDocx.js';
export { GB_T_9704, type DocxStyle } from './styles.js';
