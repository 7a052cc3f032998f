import type { InputFormat } from '@report-convert/core';
import { readReport, type ReadResult } from './convert.js';
import { withGivenYear, type YearOption } from './givenYear.js';
import { convertOldOffice, isOldOfficeFile } from './legacyOffice.js';
import { readSource, type Unread } from './source.js';

// Apart from source.ts, which the main thread of a batch loads: this one loads core.

/**
 * An input's report: its file read or its page downloaded, an old binary Office file converted by
 * LibreOffice when asked (and suggested when not), then read in its sniffed format.
 */
export async function readInput(input: string, options: ReadOptions): Promise<(ReadResult & { ok: true }) | Unread> {
  const source = await readSource(input);
  return source.ok ? readBytes(source.bytes, input, options) : source;
}

export interface ReadOptions {
  from?: InputFormat;
  /** Convert old binary .doc/.xls (and WPS's .wps/.et) through LibreOffice first. */
  libreOffice?: boolean;
  /** The year of a report that states none: `--year`. */
  year?: YearOption;
}

/** readInput's reading, for bytes already in hand (standard input); `input` names them. */
export async function readBytes(bytes: Uint8Array, input: string, options: ReadOptions): Promise<(ReadResult & { ok: true }) | Unread> {
  if (options.libreOffice && isOldOfficeFile(bytes)) {
    const converted = await convertOldOffice(bytes, input);
    if (!converted.ok) return converted;
    return readBytes(converted.bytes, input, { ...options, libreOffice: false });
  }
  const read = await readReport(bytes, options.from);
  if (read.ok) return options.year === undefined ? read : withGivenYear(read, options.year, input);
  const { code, message, messageZh } = read.error;
  if (code !== 'legacyBinaryFormat' || options.libreOffice) return { ok: false, message, messageZh };
  return { ok: false, message: `${message} Or convert it on the way with --libreoffice (LibreOffice must be installed).`, messageZh: `${messageZh}或加 --libreoffice 由 LibreOffice 转换（需已安装 LibreOffice）。` };
}
