import { dirname } from 'node:path';
import type { Finding, InputFormat, LayoutId, MigrationMapping } from '@report-convert/core';
import type { PdfFonts } from '@report-convert/to-pdf';
import { convertReport } from './convert.js';
import { makeDirectory, outputPath, unwritable, writeAtomic, type BatchInput } from './files.js';
import type { OutputFormat } from './formats.js';
import type { YearOption } from './givenYear.js';
import { readInput } from './readInput.js';

export interface JobOptions {
  to: OutputFormat[];
  outDir: string;
  /** Random, in the name of every temporary file the run writes: what it removes when interrupted, and nothing else. */
  runId: string;
  from?: InputFormat;
  /** Fonts for the PDF by role, checked beforehand (fontProblem): paths, or bytes the batch's workers share. Each worker parses each once. */
  fonts?: PdfFonts;
  pdfa?: boolean;
  /** The creation date written in every output (SOURCE_DATE_EPOCH). */
  date?: Date;
  layout?: LayoutId;
  mapping?: MigrationMapping;
  /** Convert old binary .doc/.xls through LibreOffice first. */
  libreOffice?: boolean;
  /** The year of reports that state none (--year). */
  year?: YearOption;
}

export type JobResult =
  | { input: string; status: 'converted'; written: string[]; findings: Finding[]; fromModel?: boolean }
  | { input: string; status: 'failed'; message: string; messageZh: string };

/**
 * Converts one file or web page and writes its outputs, never over one of `protectedInputs` nor
 * outside the output directory: what a worker thread runs for each input. Every output's place is
 * checked before anything is read, so a refused input costs no conversion and writes nothing.
 * `realFolders` is the run's (see outputPath).
 */
export async function runJob(batchInput: BatchInput, options: JobOptions, protectedInputs: ReadonlySet<string>, realFolders = new Map<string, string>()): Promise<JobResult> {
  const input = batchInput.path;
  if (batchInput.sameNameAs) {
    return { input, status: 'failed', message: `not converted: its outputs would overwrite those of ${batchInput.sameNameAs}; convert it into another --out-dir`, messageZh: `未转换：其输出会覆盖 ${batchInput.sameNameAs} 的输出；请另指定 --out-dir 转换` };
  }
  // The migration record is written only when figures moved, but its place is checked whenever one may be.
  const targets = new Map<string, string>();
  for (const format of [...options.to, ...(options.layout ? ['migration.json'] : [])]) {
    const target = outputPath(batchInput, format, options.outDir, protectedInputs, realFolders);
    if (typeof target !== 'string') return { input, status: 'failed', ...target.refused };
    targets.set(format, target);
  }
  const read = await readInput(input, options);
  if (!read.ok) return { input, status: 'failed', message: read.message, messageZh: read.messageZh };
  const converted = await convertReport(read, options);
  const written: string[] = [];
  const record = converted.record ? [{ format: 'migration.json', bytes: new TextEncoder().encode(JSON.stringify(converted.record, null, 2) + '\n') }] : [];
  for (const output of [...converted.outputs, ...record]) {
    const target = targets.get(output.format)!;
    try {
      if (dirname(target) !== options.outDir) makeDirectory(dirname(target)); // a subfolder kept from a walked directory
      writeAtomic(target, output.bytes, options.runId);
    } catch (error) {
      return { input, status: 'failed', ...unwritable(target, error) };
    }
    written.push(target);
  }
  return { input, status: 'converted', written, findings: converted.findings, ...(converted.fromModel ? { fromModel: true } : {}) };
}
