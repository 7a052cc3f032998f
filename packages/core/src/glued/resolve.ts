import type { GluedRun } from './read.js';

/** Placeholder: cross-row arithmetic comes next. */
export function resolveAcrossRows(_runs: GluedRun[]): void {}
