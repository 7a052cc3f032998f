import { check, type Finding, type InputError, type Report } from '@report-convert/core';
import type { InputFormat } from '@report-convert/core';
import { readReport, type OutputFormat } from './formats.js';

export interface ConvertOptions {
  to: OutputFormat[];
  from?: InputFormat;
  /** A font file for the PDF (仿宋_GB2312 and the like). */
  font?: Uint8Array;
}

export interface Converted {
  outputs: { format: OutputFormat; bytes: Uint8Array }[];
  report: Report;
  /** What the reader noticed, the checks found, and the PDF writer could not draw. */
  findings: Finding[];
}

/** One input to every requested output, without touching the file system. */
export async function convertBytes(bytes: Uint8Array, options: ConvertOptions): Promise<{ ok: true; value: Converted } | { ok: false; error: InputError }> {
  const parsed = readReport(bytes, options.from);
  if (!parsed.ok) return parsed;
  const { report } = parsed;
  const findings = [...parsed.findings, ...check(report)];
  const outputs: Converted['outputs'] = [];
  for (const format of options.to) {
    if (format === 'json') outputs.push({ format, bytes: new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n') });
    // Writers load on first use: a one-report run pays only for the formats it asked for.
    if (format === 'docx') outputs.push({ format, bytes: await (await import('@report-convert/to-docx')).toDocx(report) });
    if (format === 'xlsx') outputs.push({ format, bytes: await (await import('@report-convert/to-xlsx')).toXlsx(report, { findings }) });
    if (format === 'pdf') {
      const pdf = await (await import('@report-convert/to-pdf')).renderPdf(report, options.font ? { fonts: { body: options.font } } : {});
      findings.push(...pdf.findings);
      outputs.push({ format, bytes: pdf.bytes });
    }
  }
  return { ok: true, value: { outputs, report, findings } };
}
