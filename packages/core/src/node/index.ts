// Helpers the writers share that need Node itself; the main entry stays free of Node's modules.
export { deflatePart, zipDeflated, type ZipPart } from './zipDeflated.js';
