/**
 * Components written the same in every document and never changed once built (cells.ts): the first compile of ours
 * that writes one keeps its XML, and every later compile hands docx's writer that XML in place of the component, so
 * it is neither prepared nor written again. A report's ~280 table cells were most of what docx writes for it.
 *
 * How: docx's writer (stringifyXmlable, private) writes a content value that is neither a string nor an object as
 * String(value), unescaped. Unindented, as our compile writes, an element without a name whose content is such a
 * value, `{ '': value }`, is written as String(value) and nothing else: a function whose toString gives the XML is
 * written as that XML. The first time, the component is prepared as docx prepares it, between two markers written
 * the same way (`\u0001n\u0002` and `\u0001`); the XML between them is kept, and the markers are taken out of the
 * document. They are control characters, which docx never writes otherwise (it drops them from text and attribute
 * values). A compile that hands over kept XML writes an empty pair too: should a docx release write such values
 * differently, or not at all, the markers are not all where they were put, and pack.ts compiles the document again
 * without kept XML, for the rest of the process. The pack test compares every part with Packer's.
 */
type Kept = { '': { toString(): string } };
type Writing = { marked: (object | undefined)[]; prepared: Map<object, unknown> };

const NOT_YET_WRITTEN = Symbol('not yet written');
const keptXml = new WeakMap<object, Kept | typeof NOT_YET_WRITTEN>();
const OPEN = '\u0001';
const CLOSE = '\u0002';
let keeping = true;
/** The compile under way: the components between markers, in order (undefined for an empty pair), and those prepared. */
let writing: Writing | undefined;

export function keepXmlOf(component: object): void {
  if (!keptXml.has(component)) keptXml.set(component, NOT_YET_WRITTEN);
}

/** An element docx writes as `xml`, unescaped, and nothing else (see above). */
const kept = (xml: string): Kept => {
  const value = () => xml;
  value.toString = () => xml;
  return { '': value };
};

/**
 * What the compile under way gives docx's writer for `component`, pushed on `children`: its kept XML, or its prepared
 * form (from `prepare`, once a compile) between markers. False for a component whose XML is not kept, or outside
 * `keepingXml`, or once kept XML has failed: the caller then prepares it as usual.
 */
export function pushKeptXml(component: object, children: unknown[], prepare: () => unknown): boolean {
  const state = writing && keptXml.get(component);
  if (state === undefined) return false;
  const { marked, prepared } = writing!;
  if (state !== NOT_YET_WRITTEN) {
    if (marked.length === 0) pushMarked(undefined, [], children);
    children.push(state);
    return true;
  }
  if (prepared.has(component)) {
    children.push(prepared.get(component));
    return true;
  }
  const form = prepare();
  // A component prepared as one element (a cell is): anything else is left to be written as usual.
  if (typeof form !== 'object' || form === null || Array.isArray(form)) {
    keptXml.delete(component);
    if (form !== undefined) children.push(...(Array.isArray(form) ? form.filter((item) => item !== undefined) : [form]));
    return true;
  }
  prepared.set(component, form);
  pushMarked(component, [form], children);
  return true;
}

function pushMarked(component: object | undefined, forms: unknown[], children: unknown[]) {
  children.push(kept(`${OPEN}${writing!.marked.length}${CLOSE}`), ...forms, kept(OPEN));
  writing!.marked.push(component);
}

/**
 * Runs `compile` keeping the XML of components written for the first time: `documentXml` gives the XML the
 * markers are in, `withXml` the result with that XML in its place, without the markers. Undefined when the
 * markers are not all found, in order: kept XML is then given up for good, and the caller compiles again.
 */
export function keepingXml<T>(compile: () => T, documentXml: (result: T) => string | undefined, withXml: (result: T, xml: string) => void): T | undefined {
  if (!keeping) return compile();
  const current: Writing = { marked: [], prepared: new Map() };
  writing = current;
  let result: T;
  try {
    result = compile();
  } finally {
    writing = undefined;
  }
  if (current.marked.length === 0) return result;
  const xml = documentXml(result);
  const pieces = xml?.split(OPEN) ?? [];
  const found: string[] = [];
  let document = pieces[0] ?? '';
  if (pieces.length === current.marked.length * 2 + 1) {
    for (let i = 0; i < current.marked.length; i++) {
      const [index, written] = pieces[2 * i + 1]!.split(CLOSE);
      if (index !== String(i) || written === undefined) break;
      found.push(written);
      document += written + pieces[2 * i + 2];
    }
  }
  if (found.length !== current.marked.length) {
    keeping = false;
    return undefined;
  }
  current.marked.forEach((component, i) => {
    // A copy: a piece of the document's string would hold on to all of it.
    if (component) keptXml.set(component, kept(Buffer.from(found[i]!).toString()));
  });
  withXml(result, document);
  return result;
}

/** For the tests: whether kept XML is still in use, and a way to start over as a new process would. */
export const keptXmlInUse = () => keeping;
export function resumeKeepingXml(): void {
  keeping = true;
}
