export { main, type Io } from './cli.js';
export { convertBytes, type ConvertOptions, type Converted } from './convert.js';
export { runBatch } from './batch.js';
