// A namespace import: should a docx release drop one of these names, it is undefined here and docx's own code runs.
import * as docx from 'docx';
import { pushKeptXml } from './keptXml.js';
import { unsearchedBody } from './unsearchedBody.js';

const { EMPTY_OBJECT, NextAttributeComponent, XmlComponent, isXmlComponent } = docx as Partial<typeof docx>;

/**
 * Two of docx's own serialization steps, rewritten as plain loops that return the same objects, in
 * the same key order. A report's document.xml is thousands of components; docx prepares each as an
 * object tree before writing it, and these two steps were a fifth of toDocx:
 *
 * - NextAttributeComponent (most run and paragraph properties) built its attributes by a reduce that
 *   copies the accumulated object with a transpiled object spread for every attribute.
 * - XmlComponent, the base of every element, prepared its children through flatMap, then filter.
 *
 * The output is byte for byte docx's (the to-docx tests compare the XML of every corpus report).
 * Should a docx release drop or rename these classes, its own code runs, unchanged. The loops are in
 * place only during toDocx's own compile (withPlainLoops), never for other users of docx.
 */
type Prepared = Record<string, unknown>;
type Context = { stack: unknown[] };
interface Component {
  rootKey: string;
  root: unknown[];
  writtenAs?: { prepForXml(context: Context): unknown }[];
  prepForXml(context: Context): unknown;
}

const nextAttributes = NextAttributeComponent?.prototype as unknown as { prepForXml(this: { root: Record<string, { key: string; value: unknown }> }): Prepared } | undefined;
const component = XmlComponent?.prototype as unknown as { prepForXml(this: Component, context: Context): Prepared } | undefined;

function plainAttributes(this: { root: Record<string, { key: string; value: unknown }> }): Prepared {
  const attributes: Prepared = {};
  for (const { key, value } of Object.values(this.root)) if (value !== undefined) attributes[key] = value;
  return { _attr: attributes };
}

function plainChildren(this: Component, context: Context): Prepared {
  context.stack.push(this);
  let children: unknown[] = [];
  // flatMap's flattening: a prepared child that is an array gives its elements; undefined is dropped.
  const add = (child: unknown) => {
    if (Array.isArray(child)) {
      for (const item of child) if (item !== undefined) children.push(item);
    } else if (child !== undefined) children.push(child);
  };
  for (const item of this.root) {
    if (!isXmlComponent!(item)) add(item);
    else {
      const child = item as unknown as Component;
      if (pushKeptXml(child, children, () => child.prepForXml(context))) continue;
      const parts = child.writtenAs;
      if (parts) {
        for (const part of parts) {
          const prepared = part.prepForXml(context);
          if (prepared !== undefined) children.push(prepared);
        }
      } else add(child.prepForXml(context));
    }
  }
  context.stack.pop();
  children = unsearchedBody(this.rootKey, children);
  const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : undefined;
  return { [this.rootKey]: children.length ? (only?._attr ? only : children) : EMPTY_OBJECT };
}

/** Only where docx still has the methods these loops stand in for. */
const loops = typeof isXmlComponent === 'function' && EMPTY_OBJECT !== undefined
  ? ([[nextAttributes, plainAttributes], [component, plainChildren]] as const).filter(([prototype]) => typeof prototype?.prepForXml === 'function')
  : [];

/**
 * Runs `compile` (synchronous) with the plain loops in place of docx's methods, and puts docx's back
 * before returning: nothing else in the process, a platform's own use of docx included, ever sees them.
 */
export function withPlainLoops<T>(compile: () => T): T {
  const originals = loops.map(([prototype]) => prototype!.prepForXml);
  for (const [prototype, loop] of loops) prototype!.prepForXml = loop as never;
  try {
    return compile();
  } finally {
    loops.forEach(([prototype], i) => (prototype!.prepForXml = originals[i] as never));
  }
}
