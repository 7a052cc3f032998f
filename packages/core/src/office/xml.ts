import type { parseDocument } from 'htmlparser2';
import type { InputError } from '../errors.js';
import type { Finding } from '../finding.js';
import { parseShallow } from '../readers/nesting.js';

type XmlNode = ReturnType<typeof parseDocument>['children'][number];
export type XmlElement = Extract<XmlNode, { attribs: Record<string, string> }>;

/**
 * Parses an XML part. htmlparser2 decodes only the predefined and numeric entities and ignores a
 * DTD, so an entity bomb (billion laughs) expands to nothing.
 */
export function parseXml(xml: string, part: string): XmlElement[] | InputError {
  const doc = parseShallow(xml, { xmlMode: true, decodeEntities: true }, `an Office part (${part})`, `Office 部件（${part}）`);
  return 'code' in doc ? doc : doc.children.filter(isElement);
}

/**
 * A part cut short (a faulty export, a file copied while it was being written) still parses, without a
 * word, up to where it stops; whether it ends with its root element's end tag tells.
 */
export function truncatedParts(parts: { name: string; xml: string; root: string }[]): Finding[] {
  return parts
    .filter(({ xml, root }) => !xml.trimEnd().endsWith(`</${root}>`))
    .map(({ name }) => ({
      severity: 'error',
      rule: 'reader.truncatedPart',
      message: `${name} is cut short inside the file: whatever came after the point where it stops is missing. Open the file in Word or Excel, save it again and convert it again.`,
      messageZh: `文件中的 ${name} 不完整（中途截断），截断处之后的内容缺失。请在 Word 或 Excel 中打开、重新保存后再转换。`,
      details: { part: name },
    }));
}

export const isElement = (node: XmlNode | undefined): node is XmlElement => node !== undefined && 'attribs' in node;
export const children = (el: XmlElement, name?: string): XmlElement[] => el.children.filter(isElement).filter((c) => !name || c.name === name);
export const child = (el: XmlElement, name: string): XmlElement | undefined => children(el, name)[0];

/** Every descendant element with this name, in document order, not looking inside `stopAt` elements. */
export function descendants(el: XmlElement, name: string, stopAt?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of children(el)) {
    if (c.name === name) out.push(c);
    if (c.name !== stopAt) for (const d of descendants(c, name, stopAt)) out.push(d); // not push(...): a cell of 200,000 runs would overflow the call
  }
  return out;
}

/**
 * Names elements and attributes by their namespace, not by the prefix a producer chose: those in a
 * namespace of `prefixes` are given its prefix (Word writes w:, other producers ns0: or a default
 * namespace; a Strict document binds w: to another namespace for the same names).
 */
export function qualifyNames(el: XmlElement, prefixes: Record<string, string>, outer: ReadonlyMap<string, string> = new Map()): void {
  const declared = Object.entries(el.attribs).filter(([key]) => key === 'xmlns' || key.startsWith('xmlns:'));
  const scope = declared.length ? new Map([...outer, ...declared.map(([key, uri]) => [key.slice(6), uri] as const)]) : outer;
  const qualified = (name: string, isAttribute: boolean) => {
    const colon = name.indexOf(':');
    if (colon < 0 && isAttribute) return name; // an attribute without a prefix is in no namespace
    const prefix = prefixes[scope.get(colon < 0 ? '' : name.slice(0, colon)) ?? ''];
    return prefix === undefined ? name : `${prefix}:${name.slice(colon + 1)}`;
  };
  el.name = qualified(el.name, false);
  const keys = Object.keys(el.attribs);
  if (keys.some((key) => qualified(key, true) !== key)) el.attribs = Object.fromEntries(keys.map((key) => [qualified(key, true), el.attribs[key]!]));
  for (const c of children(el)) qualifyNames(c, prefixes, scope);
}

export const textOf = (el: XmlElement): string => el.children.map((c) => ('data' in c && c.type === 'text' ? c.data : isElement(c) ? textOf(c) : '')).join('');
