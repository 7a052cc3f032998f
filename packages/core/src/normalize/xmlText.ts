import type { SourceDocument } from '../ast.js';
import type { Finding } from '../finding.js';
import type { Position } from '../model.js';

/**
 * What XML 1.0 cannot hold, not even escaped: the C0 controls but tab, line feed and carriage
 * return; U+FFFE and U+FFFF; a surrogate without its pair. Word and Excel refuse a whole file
 * for one of them, and they do come in: Word's cell marks and manual line breaks (U+0007, U+000B)
 * in copied text, `&#11;` in web pages, any string in a JSON model.
 */
const XML_ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A space for each control or non-character, U+FFFD for a lone surrogate: one code unit for one, so positions stay put. */
export function xmlSafeText(text: string): string {
  return text.replace(XML_ILLEGAL, (c) => (c >= '\ud800' && c <= '\udfff' ? '\ufffd' : ' '));
}

/** `value` with xmlSafeText on every string in it, each string mended handed to `mended`; `value` itself, not a copy, when it has none to mend. */
export function xmlSafeValue<T>(value: T, mended?: (text: string) => void): T {
  if (typeof value === 'string') {
    if (!hasIllegal(value)) return value;
    mended?.(value);
    return xmlSafeText(value) as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  // for…in, not Object.entries: a parsed report has a thousand objects, and the entries arrays were most of the walk's time.
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in record) {
    const item = record[key];
    if (typeof item !== 'string' && (typeof item !== 'object' || item === null)) continue; // a number or null: nothing to mend
    const safe = xmlSafeValue(item, mended);
    if (safe === item) continue;
    copy ??= (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
    copy[key] = safe;
  }
  return (copy ?? value) as T;
}

/** A reader's document with its text made safe, and a finding saying where the first mended character was. */
export function xmlSafeDocument(doc: SourceDocument): { doc: SourceDocument; finding?: Finding } {
  const found: { text: string; position: Position }[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      if (hasIllegal(block.text)) found.push(block);
    } else for (const row of block.rows) for (const cell of row) if (hasIllegal(cell.text)) found.push(cell);
  }
  if (!found.length) return { doc };
  return { doc: xmlSafeValue(doc), finding: illegalCharactersFinding(found.map((f) => f.text), found[0]!.position) };
}

/** Says which characters of `texts` were mended and how many, at `position` when known (a JSON model has none). */
export function illegalCharactersFinding(texts: string[], position?: Position): Finding {
  const chars = texts.flatMap((text) => text.match(XML_ILLEGAL) ?? []);
  const named = [...new Set(chars.map((c) => 'U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')))];
  const list = named.slice(0, 4).join(', ') + (named.length > 4 ? ' …' : '');
  return {
    severity: 'warning',
    rule: 'reader.illegalCharacters',
    ...(position ? { position } : {}),
    message: `The input has ${chars.length} invisible character(s) that a Word or Excel file cannot hold (${list}): each is written as a space (a broken surrogate as �). Check the text around them.`,
    messageZh: `输入含有 ${chars.length} 个 Word 和 Excel 文件无法容纳的不可见字符（${list}），均已改为空格（残缺的代理字符改为 �），请核对其前后文字。`,
  };
}

const hasIllegal = (text: string): boolean => ANY_ILLEGAL.test(text);
const ANY_ILLEGAL = new RegExp(XML_ILLEGAL.source); // not global: test() then keeps no lastIndex
