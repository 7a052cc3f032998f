export { main, type Io } from './cli.js';
export { convertBytes, type ConvertOptions, type Converted } from './convert.js';
export { runBatch, type BatchControl } from './batch.js';
