export * from './ids.js';
export * from './model.js';
export * from './finding.js';
export * from './errors.js';
export * from './ast.js';
export * from './layouts/index.js';
