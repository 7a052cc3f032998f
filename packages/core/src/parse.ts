import type { SourceDocument } from './ast.js';
import { inputError, type InputError } from './errors.js';
import type { Finding } from './finding.js';
import { interpretDocument } from './interpret/index.js';
import { z } from 'zod';
import { Report, SourceFormat } from './model.js';
import { assertOptions } from './optionsError.js';
import { toSimplifiedScript } from './normalize/script.js';
import { illegalCharactersFinding, xmlSafeDocument, xmlSafeValue } from './normalize/xmlText.js';
import { parseDocx, parseOffice, parseXlsx } from './office/index.js';
import { readGluedText } from './glued/index.js';
import { readHtmlDocument } from './readers/html.js';
import { mhtmlPage } from './readers/mhtml.js';
import { readTextDocument } from './readers/text.js';
import { schemaProblems } from './schemaIssues.js';

export type ParseResult = { ok: true; report: Report; findings: Finding[] } | { ok: false; error: InputError };
/** A source format, or 'auto' to sniff it from the content. */
export const InputFormat = z.enum(['auto', ...SourceFormat.options]);
export type InputFormat = z.infer<typeof InputFormat>;
export const ParseOptions = z.strictObject({
  /** The source format; sniffed from the content when 'auto' or absent. */
  format: InputFormat.optional(),
});
export type ParseOptions = z.infer<typeof ParseOptions>;

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads a report from text, Markdown, HTML, our JSON, .docx or .xlsx, sniffing the format unless told (a PDF: parsePdfPages). */
export function parse(given: string | Uint8Array | ArrayBuffer, options: ParseOptions | null = {}): ParseResult {
  // An ArrayBuffer is what fetch's arrayBuffer() and FileReader give; anything else is the caller's bug, said plainly.
  const input = given instanceof ArrayBuffer ? new Uint8Array(given) : given;
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) throw new TypeError(`parse takes a string, a Uint8Array (a Buffer) or an ArrayBuffer, not ${input === null ? 'null' : typeof input}`);
  options ??= {};
  assertOptions(ParseOptions, options, 'parse');
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_INPUT_BYTES) return fail(inputError('tooLarge', `an input of ${size} bytes`, `${size} 字节的输入`, 'Reports are far smaller; split the input.', '报告远小于此，请拆分输入。'));
  if (typeof input !== 'string' && isZip(input)) {
    if (options.format === 'docx') return parseDocx(input);
    if (options.format === 'xlsx') return parseXlsx(input);
    return parseOffice(input);
  }
  const page = typeof input !== 'string' && (!options.format || options.format === 'auto' || options.format === 'html') ? mhtmlPage(input) : undefined;
  if (page) {
    const html = decodeIn(page.html, page.charset);
    return typeof html === 'string' ? parseHtml(html) : fail(html);
  }
  const text = typeof input === 'string' ? input : decodeBytes(input);
  if (typeof text !== 'string') return fail(text);
  const format = !options.format || options.format === 'auto' ? sniff(text) : options.format;
  switch (format) {
    case 'html':
      return parseHtml(text);
    case 'json':
      return parseJson(text);
    case 'text':
    case 'markdown':
      return parseText(text);
    default:
      return fail(inputError('unsupportedFormat', `"${format}" given for input that is not a ${format} package`, `指定为“${format}”但内容不是该格式`));
  }
}

/** Text scraped from a web page, pasted text, or Markdown. */
export function parseText(text: string): ParseResult {
  const problem = emptyOrBinary(text);
  if (problem) return fail(problem);
  const { text: simplified, script } = toSimplifiedScript(text);
  // Crawler text that lost every cell separator has its own reader; it says no quickly to anything else.
  const glued = readGluedText(simplified, script);
  if (glued) {
    return withFindings(fromDocument(glued.document), glued.findings);
  }
  const read = readTextDocument(simplified, script);
  return withFindings(fromDocument(read.document), read.findings);
}

/** A report page with real tables. */
export function parseHtml(html: string): ParseResult {
  const problem = emptyOrBinary(html);
  if (problem) return fail(problem);
  const { text: simplified, script } = toSimplifiedScript(html);
  const doc = readHtmlDocument(simplified, script);
  return 'code' in doc ? fail(doc) : fromDocument(doc);
}

/** The canonical JSON model, validated. */
export function parseJson(json: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return fail(inputError('damaged', 'JSON that cannot be read', '无法读取的 JSON', 'Check that the file is complete.', '请检查文件是否完整。'));
  }
  const parsed = Report.safeParse(value);
  if (!parsed.success) {
    const problems = schemaProblems(Report, value, '(top)').slice(0, 3);
    const where = problems.map((p) => p.message).join('; ');
    const whereZh = problems.map((p) => p.messageZh).join('；');
    return fail(inputError('notAReport', `JSON that is not a report model (${where})`, `不符合报告模型的 JSON（${whereZh}）`));
  }
  const mended: string[] = [];
  const report = xmlSafeValue(parsed.data, (text) => mended.push(text));
  return { ok: true, report, findings: mended.length ? [illegalCharactersFinding(mended)] : [] };
}

/** A reader's own findings, first, on a report it read. */
export function withFindings(result: ParseResult, findings: Finding[]): ParseResult {
  return result.ok && findings.length ? { ...result, findings: [...findings, ...result.findings] } : result;
}

export function fromDocument(read: SourceDocument): ParseResult {
  const { doc, finding } = xmlSafeDocument(read);
  const { report, findings, recognised } = interpretDocument(doc);
  if (!recognised)
    return fail(inputError('notAReport', 'a document with none of the six section headings (一、总体情况 …) and none of the report tables', '一份既没有六个部分标题（一、总体情况……）也没有报告表格的文档', 'Is this the annual report page itself?', '请确认这是年度报告本身。'));
  return { ok: true, report, findings: finding ? [finding, ...findings] : findings };
}

function sniff(text: string): SourceFormat {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('{') && /"schemaVersion"\s*:/.test(text.slice(0, 200_000))) return 'json';
  if (/<(table|p|div|html|body|br|span|h[1-6])[\s>/]/i.test(text.slice(0, 200_000))) return 'html';
  return 'text';
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A web page's text from its bytes, or from the web archive (.mht) holding it. */
export function webPageText(bytes: Uint8Array): string | InputError {
  const page = mhtmlPage(bytes);
  return page ? decodeIn(page.html, page.charset) : decodeBytes(bytes);
}

/** Bytes in the charset a header names (gb2312, utf-8…), or as decodeBytes guesses when it names none we know. */
function decodeIn(bytes: Uint8Array, charset: string | undefined): string | InputError {
  try {
    if (charset) return new TextDecoder(charset).decode(bytes);
  } catch {
    // a label TextDecoder does not know: guess, as for any other bytes
  }
  return decodeBytes(bytes);
}

function decodeBytes(bytes: Uint8Array): string | InputError {
  const magic = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (magic([0xd0, 0xcf, 0x11, 0xe0])) return inputError('legacyBinaryFormat', 'an old binary Word or Excel file (.doc/.xls)', '旧版二进制 Word 或 Excel 文件（.doc/.xls）', 'Save it as .docx or .xlsx and try again.', '请另存为 .docx 或 .xlsx 后重试。');
  if (magic([0x25, 0x50, 0x44, 0x46])) return inputError('unsupportedFormat', 'a PDF file, whose text this function cannot extract', 'PDF 文件（此函数无法提取其文字）', 'Use the report-convert command, or extract its text with positions and call parsePdfPages.', '请使用 report-convert 命令，或提取带位置的文字后调用 parsePdfPages。');
  const utf16 = utf16Order(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes); // drops the byte-order mark
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  // Many government sites still serve GB18030; a UTF-8 decode full of replacement characters says so.
  const bad = (utf8.match(/\uFFFD/g) ?? []).length;
  if (bad > 8 && bad > utf8.length / 200) {
    const gb = new TextDecoder('gb18030').decode(bytes);
    if ((gb.match(/\uFFFD/g) ?? []).length < bad) return gb;
  }
  return utf8.charCodeAt(0) === 0xfeff ? utf8.slice(1) : utf8;
}

/**
 * UTF-16, as Windows Notepad saves "Unicode" and Excel saves "Unicode text": by its byte-order mark, or
 * without one by its zero bytes: every digit, space and line break has one on the same side, and
 * only the few characters at U+xx00 (一, 开) on the other; UTF-8 and GB18030 text has none at all.
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const sample = bytes.subarray(0, 8192);
  const zeros = [0, 0];
  sample.forEach((byte, i) => byte === 0 && zeros[i % 2]!++);
  const pairs = sample.length / 2;
  if (zeros[1]! > pairs / 20 && zeros[0]! < zeros[1]! / 4) return 'utf-16le';
  if (zeros[0]! > pairs / 20 && zeros[1]! < zeros[0]! / 4) return 'utf-16be';
  return undefined;
}

function emptyOrBinary(text: string): InputError | undefined {
  if (!text.trim()) return inputError('empty', 'an empty input', '空白内容');
  const sample = text.slice(0, 8192);
  const control = (sample.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length;
  if (control > sample.length / 50) return inputError('binary', 'binary data, not text', '二进制数据而非文字');
  return undefined;
}

function fail(error: InputError): ParseResult {
  return { ok: false, error };
}
