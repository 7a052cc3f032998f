import { EMPTY_OBJECT, NextAttributeComponent, XmlComponent, isXmlComponent } from 'docx';

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
 * Should a docx release drop or rename these classes, its own code runs, unchanged.
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
/** docx's own methods, for the tests' comparison (withDocxOwnSerialization). */
const originals = [nextAttributes, component].map((prototype) => [prototype, prototype?.prepForXml] as const);

if (nextAttributes && typeof nextAttributes.prepForXml === 'function') {
  nextAttributes.prepForXml = function () {
    const attributes: Prepared = {};
    for (const { key, value } of Object.values(this.root)) if (value !== undefined) attributes[key] = value;
    return { _attr: attributes };
  };
}

if (component && typeof component.prepForXml === 'function' && typeof isXmlComponent === 'function') {
  component.prepForXml = function (context) {
    context.stack.push(this);
    const children: unknown[] = [];
    // flatMap's flattening: a prepared child that is an array gives its elements; undefined is dropped.
    const add = (child: unknown) => {
      if (Array.isArray(child)) {
        for (const item of child) if (item !== undefined) children.push(item);
      } else if (child !== undefined) children.push(child);
    };
    for (const item of this.root) {
      if (!isXmlComponent(item)) add(item);
      else {
        const child = item as unknown as Component;
        const parts = child.writtenAs;
        if (parts) {
          for (const part of parts) {
            const prepared = part.prepForXml(context);
            if (prepared !== undefined) children.push(prepared);
          }
        }
        else add(child.prepForXml(context));
      }
    }
    context.stack.pop();
    const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : undefined;
    return { [this.rootKey]: children.length ? (only?._attr ? only : children) : EMPTY_OBJECT };
  };
}

/** Runs `write` with docx's own serialization in place of these loops: the tests compare the two. */
export async function withDocxOwnSerialization<T>(write: () => Promise<T>): Promise<T> {
  const ours = originals.map(([prototype]) => prototype?.prepForXml);
  for (const [prototype, original] of originals) if (prototype && original) prototype.prepForXml = original as never;
  try {
    return await write();
  } finally {
    originals.forEach(([prototype], i) => {
      if (prototype && ours[i]) prototype.prepForXml = ours[i] as never;
    });
  }
}
