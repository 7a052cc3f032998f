import { check, migrate, parse, type Finding, type InputError, type InputFormat, type LayoutId, type MigrationMapping, type MigrationRecord, type ParseResult, type Report } from '@report-convert/core';
import type { PdfFonts } from '@report-convert/to-pdf';
import type { OutputFormat } from './formats.js';
import { isPdf } from './isPdf.js';

export type ReadResult = ParseResult & {
  /**
   * Read from a model that report-convert wrote (its JSON, or a workbook's hidden model sheet): the
   * findings' positions are then in the original the model was read from, not in this file.
   */
  fromModel?: boolean;
  /** Read back from a workbook report-convert wrote: a finding about a figure is given its cell there (locateFindings). */
  workbook?: boolean;
};

/**
 * Reads one input's bytes as a report, the format sniffed unless given. A workbook that
 * report-convert wrote is read with fromXlsx: its hidden model sheet keeps what cells cannot (the
 * agency, the year, the narrative), and figures edited in Excel or WPS count.
 */
export async function readReport(bytes: Uint8Array, from: InputFormat = 'auto'): Promise<ReadResult> {
  let ours: InputError | undefined;
  if ((from === 'auto' || from === 'xlsx') && isXlsxPackage(bytes)) {
    const back = await (await import('@report-convert/to-xlsx')).fromXlsx(bytes);
    if (back.ok) return { ok: true, report: back.report, findings: back.findings, fromModel: true, workbook: true };
    ours = back.error;
  }
  // A PDF, whatever --from says (as a zip package is read by its parts): pdf.js, loaded only for PDFs, gives core the positioned text to read.
  if (isPdf(bytes)) return (await import('./pdf.js')).readPdf(bytes);
  const parsed = parse(bytes, { format: from });
  // Our workbook that fromXlsx could not read: its reason, not core's advice to use fromXlsx.
  if (!parsed.ok && parsed.error.code === 'ownWorkbook' && ours) return { ok: false, error: ours };
  return parsed.ok && startsWithBrace(bytes) ? { ...parsed, fromModel: true } : parsed;
}

/** The findings, each about a figure given its cell when the report was read back from our workbook. */
export async function inWorkbook(parsed: ReadResult & { ok: true }, findings: Finding[]): Promise<Finding[]> {
  return parsed.workbook ? (await import('@report-convert/to-xlsx')).locateFindings(parsed.report, findings) : findings;
}

/** A zip holding xl/workbook.xml: entry names are stored uncompressed in the central directory. */
function isXlsxPackage(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('xl/workbook.xml');
}

/** Our JSON model; no report's text starts with a brace. */
function startsWithBrace(bytes: Uint8Array): boolean {
  const first = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf);
  return first === 0x7b;
}

export interface ConvertOptions {
  to: OutputFormat[];
  from?: InputFormat;
  /** Fonts for the PDF by role (仿宋_GB2312 for the body, 方正小标宋简体 for the title…), by path or bytes. A path is parsed once per process. */
  fonts?: PdfFonts;
  /** Write the PDF as PDF/A-2b, for archives. */
  pdfa?: boolean;
  /** The creation date written in every output (SOURCE_DATE_EPOCH): the same input then gives the same bytes. */
  date?: Date;
  /** Migrate to this layout first (legacy sheets and 2019 reports). */
  layout?: LayoutId;
  mapping?: MigrationMapping;
}

export interface Converted {
  outputs: { format: OutputFormat; bytes: Uint8Array }[];
  report: Report;
  /** Where every figure went, when the report was migrated. */
  record?: MigrationRecord;
  /** What the reader noticed, the checks found, and the PDF writer could not draw. */
  findings: Finding[];
  /** The findings' positions are in the original the model was read from (see ReadResult). */
  fromModel?: boolean;
}

/** One input to every requested output, without touching the file system. */
export async function convertBytes(bytes: Uint8Array, options: ConvertOptions): Promise<{ ok: true; value: Converted } | { ok: false; error: InputError }> {
  const parsed = await readReport(bytes, options.from);
  return parsed.ok ? { ok: true, value: await convertReport(parsed, options) } : parsed;
}

/** A report read to every requested output: migrated when asked, checked, written in memory. */
export async function convertReport(parsed: ReadResult & { ok: true }, options: ConvertOptions): Promise<Converted> {
  const migrated = options.layout ? migrate(parsed.report, { to: options.layout, ...(options.mapping ? { mapping: options.mapping } : {}) }) : undefined;
  const report = migrated?.report ?? parsed.report;
  const findings = [...parsed.findings, ...(migrated?.findings ?? []), ...check(report)];
  const outputs: Converted['outputs'] = [];
  for (const format of options.to) {
    if (format === 'json') outputs.push({ format, bytes: new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n') });
    // Writers load on first use: a one-report run pays only for the formats it asked for.
    const dated = options.date ? { date: options.date } : {};
    if (format === 'docx') outputs.push({ format, bytes: await (await import('@report-convert/to-docx')).toDocx(report, dated) });
    if (format === 'xlsx') outputs.push({ format, bytes: await (await import('@report-convert/to-xlsx')).toXlsx(report, { findings, ...dated }) });
    if (format === 'pdf') {
      const pdf = await (await import('@report-convert/to-pdf')).renderPdf(report, { ...(options.fonts ? { fonts: options.fonts } : {}), ...(options.pdfa ? { pdfa: true } : {}), ...dated });
      for (const finding of pdf.findings) findings.push(finding); // not push(...): as many as the input has characters the font lacks
      outputs.push({ format, bytes: pdf.bytes });
    }
  }
  return { outputs, report, findings: await inWorkbook(parsed, findings), ...(migrated && movedAny(migrated.record) ? { record: migrated.record } : {}), ...(parsed.fromModel ? { fromModel: true } : {}) };
}

/** A record of a migration that moved nothing (a report already in the layout, or one not moved back to 2019) would say figures went where they were. */
const movedAny = (record: MigrationRecord) => Object.keys(record.figures).length > 0 || Object.keys(record.cells).length > 0;
