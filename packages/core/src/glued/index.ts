export { readGluedText, type GluedReading } from './read.js';
export { splitRun, MAX_DIGITS, type CellKind, type SplitProblem, type SplitResult, type SumGroup } from './split.js';
export { writeGlued } from './write.js';
export { benchGlued } from './bench.js';
