// Helpers the writers share that need Node itself; the main entry stays free of Node's modules.
export { deflateStoredZip } from './deflateStoredZip.js';
export { zipDeflated } from './zipDeflated.js';
