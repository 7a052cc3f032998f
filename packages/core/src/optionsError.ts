import type { z } from 'zod';
import { SchemaError } from './reportModelError.js';
import { assertFits, type SchemaProblem } from './schemaIssues.js';

/**
 * A public function called with options that do not fit their schema (`toXlsx(report, { lang: 'fr' })`,
 * a misspelt key, a date as text): the caller's bug, each problem said with the option, what was
 * given and what is allowed, before it is ignored or goes wrong deep inside.
 */
export class OptionsError extends SchemaError {
  override readonly name: string = 'OptionsError';
  constructor(functionName: string, problems: SchemaProblem[]) {
    super(problems, { en: `${functionName} options`, zh: `${functionName} 选项有误` });
  }
}

/** Throws an OptionsError unless `options` fit `schema`: each public function's first step (a few µs). */
export function assertOptions<T>(schema: z.ZodType<T>, options: unknown, functionName: string): asserts options is T {
  assertFits(schema, options, '', (problems) => new OptionsError(functionName, problems));
}
