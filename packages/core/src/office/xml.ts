import { parseDocument } from 'htmlparser2';

type XmlNode = ReturnType<typeof parseDocument>['children'][number];
export type XmlElement = Extract<XmlNode, { attribs: Record<string, string> }>;

/**
 * Parses an XML part. htmlparser2 decodes only the predefined and numeric entities and ignores a
 * DTD, so an entity bomb (billion laughs) expands to nothing.
 */
export function parseXml(xml: string): XmlElement[] {
  return parseDocument(xml, { xmlMode: true, decodeEntities: true }).children.filter(isElement);
}

export const isElement = (node: XmlNode | undefined): node is XmlElement => node !== undefined && 'attribs' in node;
export const children = (el: XmlElement, name?: string): XmlElement[] => el.children.filter(isElement).filter((c) => !name || c.name === name);
export const child = (el: XmlElement, name: string): XmlElement | undefined => children(el, name)[0];

/** Every descendant element with this name, in document order, not looking inside `stopAt` elements. */
export function descendants(el: XmlElement, name: string, stopAt?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of children(el)) {
    if (c.name === name) out.push(c);
    if (c.name !== stopAt) out.push(...descendants(c, name, stopAt));
  }
  return out;
}

export const textOf = (el: XmlElement): string => el.children.map((c) => ('data' in c && c.type === 'text' ? c.data : isElement(c) ? textOf(c) : '')).join('');
