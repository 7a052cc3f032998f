import { dirname } from 'node:path';
import type { Finding, InputFormat, LayoutId, MigrationMapping } from '@report-convert/core';
import type { PdfFonts } from '@report-convert/to-pdf';
import { convertReport } from './convert.js';
import { makeDirectory, outputPath, unwritable, writeAtomic, type BatchInput, type Refused } from './files.js';
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
export async function runJob(batchInput: BatchInput, options: JobOptions, protectedInputs: ReadonlySet<string>, realFolders: Map<string, string>): Promise<JobResult> {
  const input = batchInput.path;
  if (batchInput.sameNameAs) {
    return { input, status: 'failed', message: `not converted: its outputs would overwrite those of ${batchInput.sameNameAs}; convert it into another --out-dir`, messageZh: `未转换：其输出会覆盖 ${batchInput.sameNameAs} 的输出；请另指定 --out-dir 转换` };
  }
  // The migration record's place matters only if figures move: refused, it fails the input once there is one to write.
  const targets = new Map([...options.to, ...(options.layout ? ['migration.json'] : [])].map((format) => [format, outputPath(batchInput, format, options.outDir, protectedInputs, realFolders)]));
  const refused = (formats: string[]) => formats.map((format) => targets.get(format)!).find((target): target is Refused => typeof target !== 'string');
  const refusedOutput = refused(options.to);
  if (refusedOutput) return { input, status: 'failed', ...refusedOutput.refused };
  const read = await readInput(input, options);
  if (!read.ok) return { input, status: 'failed', message: read.message, messageZh: read.messageZh };
  const converted = await convertReport(read, options);
  const record = converted.record ? [{ format: 'migration.json', bytes: new TextEncoder().encode(JSON.stringify(converted.record, null, 2) + '\n') }] : [];
  const outputs = [...converted.outputs, ...record];
  const refusedRecord = refused(record.map((output) => output.format));
  if (refusedRecord) return { input, status: 'failed', ...refusedRecord.refused }; // before anything of it is written
  const written: string[] = [];
  for (const output of outputs) {
    const target = targets.get(output.format) as string;
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
