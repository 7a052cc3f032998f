import { EMPTY_OBJECT, Packer, type Document } from 'docx';
import { deflatePart, zipDeflated } from '@report-convert/core/node';
import { withPlainLoops } from './fastXml.js';
import { keepingXml } from './keptXml.js';

type Parts = Map<string, string | Uint8Array>;
type Preparable = { prepForXml?: unknown; View?: Preparable; Relationships?: Preparable };
/** docx's compiler, which lays out every part of the package; private in its type declarations. */
const compiler = (Packer as unknown as { compiler?: { compile?: (file: Document, prettify: undefined, overrides: []) => unknown } }).compiler;

/**
 * The compiler's search of every part it writes for the document's images (its private imageReplacer's getMediaData),
 * a scan of all of document.xml: with no images in the document's media (ours have none) it has none to find, and is
 * not run. Only during our compile; the media are looked at when the search is asked for, once the part is written.
 */
type ImageSearch = { getMediaData?: (xml: string, media: { Array: readonly unknown[] }) => unknown[] };
const imageSearch = (compiler as { imageReplacer?: ImageSearch } | undefined)?.imageReplacer;
const searchImages = imageSearch?.getMediaData;
const searchIfAny: ImageSearch['getMediaData'] = function (this: ImageSearch, xml, media) {
  // Media not as this docx passes them: its own search decides.
  return Array.isArray(media?.Array) && media.Array.length === 0 ? [] : searchImages!.call(this, xml, media);
};

/**
 * The parts of a toDocx document that follow from its style alone, never from the report, each with
 * the object of the document the compiler prepares it from. Not docProps/core.xml (title, agency,
 * time of writing), word/document.xml, or the relationships docx copies while compiling (small).
 * Were toDocx to put report text in a footer, or lists (numbering) or images in the body, these
 * would no longer hold: the pack test compares every part with Packer's for every corpus report, in three styles.
 */
function styleParts(document: Document): [path: string, source: Preparable | undefined][] {
  const file = document as unknown as Record<string, Preparable | undefined> & { Footers?: Preparable[] };
  const footers = file.Footers ?? [];
  return [
    ['word/styles.xml', file.Styles],
    ['word/theme/theme1.xml', file.Theme],
    ['word/numbering.xml', file.Numbering],
    ['word/settings.xml', file.Settings],
    ['word/fontTable.xml', file.FontTable?.View],
    ['word/_rels/fontTable.xml.rels', file.FontTable?.Relationships],
    ['word/footnotes.xml', file.FootNotes?.View],
    ['word/endnotes.xml', file.Endnotes?.View],
    ...footers.map((footer, i) => [`word/footer${i + 1}.xml`, footer.View] as [string, Preparable | undefined]),
    ['docProps/app.xml', file.AppProperties],
    ['docProps/custom.xml', file.CustomProperties],
    ['_rels/.rels', file.FileRelationships],
    ['[Content_Types].xml', file.ContentTypes],
  ];
}

/**
 * The style parts by the style they were written for (toDocx's key): the same for every report of a style,
 * each as its bytes, and deflated, which zipDeflated takes as they are.
 * A service taking its users' styles would see many: the oldest is dropped beyond STYLES_KEPT.
 */
interface StyleParts {
  bytes: Map<string, Uint8Array>;
  deflated: Map<string, Uint8Array>;
}
const styleCache = new Map<string, StyleParts>();
const STYLES_KEPT = 16;
const DOCUMENT = 'word/document.xml';
const documentXml = (parts: unknown) => (parts instanceof Map && typeof parts.get(DOCUMENT) === 'string' ? (parts.get(DOCUMENT) as string) : undefined);
/** What the compiler gets from a part's object once the part is cached: an element, written and then replaced by the cached part. */
const written = () => ({ cached: EMPTY_OBJECT });

/**
 * The document's parts as docx's compiler lays them out, or undefined should a docx release have moved or changed it.
 * Given `styleKey`, the parts that follow from the style alone are prepared and written once, then reused: the
 * compiler gets an empty element from their objects (on this document only, and only during the compile).
 */
export function compiledParts(document: Document, styleKey?: string): Parts | undefined {
  if (typeof compiler?.compile !== 'function') return undefined;
  const cached = styleKey === undefined ? undefined : styleCache.get(styleKey)?.bytes;
  const stubbed: [path: string, source: Preparable][] = [];
  if (cached) {
    for (const [path, source] of styleParts(document)) {
      if (!cached.has(path) || typeof source?.prepForXml !== 'function' || Object.hasOwn(source, 'prepForXml')) continue;
      source.prepForXml = written;
      stubbed.push([path, source]);
    }
  }
  const withoutImages = typeof searchImages === 'function' && !Object.hasOwn(imageSearch!, 'getMediaData');
  if (withoutImages) imageSearch!.getMediaData = searchIfAny;
  let parts: unknown;
  try {
    const compile = () => withPlainLoops(() => compiler.compile!(document, undefined, []));
    // Should the kept XML of the cells fail to come out as it went in (keptXml.ts), the document is compiled again without it.
    parts = keepingXml(compile, documentXml, (parts, xml) => parts instanceof Map && parts.set(DOCUMENT, xml)) ?? compile();
  } finally {
    for (const [, source] of stubbed) delete source.prepForXml;
    if (withoutImages) delete imageSearch!.getMediaData;
  }
  if (!(parts instanceof Map)) return undefined;
  if (styleKey !== undefined && !cached) {
    const entry: StyleParts = { bytes: new Map(), deflated: new Map() };
    for (const [path] of styleParts(document)) {
      const part = parts.get(path) as string | Uint8Array | undefined;
      if (part === undefined) continue;
      const bytes = typeof part === 'string' ? Buffer.from(part) : part;
      entry.bytes.set(path, bytes);
      entry.deflated.set(path, deflatePart(bytes));
    }
    if (styleCache.size >= STYLES_KEPT) styleCache.delete(styleCache.keys().next().value!);
    styleCache.set(styleKey, entry);
  }
  for (const [path] of stubbed) if (parts.has(path)) parts.set(path, cached!.get(path)!);
  return parts as Parts;
}

/**
 * The document's .docx bytes: docx's own parts, zipped by Node's zlib (core's zipDeflated), the style's
 * parts deflated once per style.
 *
 * Why: Packer deflates with fflate in JavaScript, a tenth of the time of a report. The parts are
 * byte for byte Packer's; only the zip differs. Without the compiler, Packer zips as before.
 */
export async function packDocx(document: Document, styleKey?: string, date?: Date): Promise<Uint8Array> {
  const parts = compiledParts(document, styleKey);
  if (!parts) return new Uint8Array(await Packer.toBuffer(document));
  const deflated = styleKey === undefined ? undefined : styleCache.get(styleKey)?.deflated;
  return zipDeflated(
    [...parts].map(([path, data]) => [path, typeof data === 'string' ? Buffer.from(date && path === CORE_PART ? datedCore(data, date) : data) : data, deflated?.get(path)] as const),
    date ? { date } : {},
  );
}

const CORE_PART = 'docProps/core.xml';

/** core.xml with the given time: docx writes the time of writing as created and modified, and takes no other. */
const datedCore = (xml: string, date: Date) => xml.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]+/g, `$1${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}`);
