import { parse, type InputFormat, type ParseResult } from '@report-convert/core';

export const OUTPUT_FORMATS = ['docx', 'xlsx', 'pdf', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** File endings the CLI picks up when it walks a directory. */
export const INPUT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.docx', '.xlsx', '.doc', '.xls'];

/** Reads one input's bytes as a report, the format sniffed unless given. */
export function readReport(bytes: Uint8Array, from: InputFormat = 'auto'): ParseResult {
  return parse(bytes, { format: from });
}
