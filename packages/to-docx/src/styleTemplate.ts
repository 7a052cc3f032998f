import { Document, type FileChild, type IPropertiesOptions, type ISectionOptions } from 'docx';

/** A Document's options but for what differs from report to report: its title, description and the children of its one section. */
export type StyleOptions = Omit<IPropertiesOptions, 'title' | 'description' | 'sections'> & { section: Omit<ISectionOptions, 'children'> };
/** What differs from report to report. */
export interface ReportContent {
  title: string;
  description?: string;
  children: FileChild[];
}
/** Builds a report's Document; its style's options are asked for only when needed. */
export type DocumentBuilder = (style: () => StyleOptions, content: ReportContent) => Document;

/** The Document as docx's constructor builds it: the public path, and the one the tests compare against. */
export const newDocument: DocumentBuilder = (style, { title, description, children }) => {
  const { section, ...options } = style();
  return new Document({ ...options, title, ...(description ? { description } : {}), sections: [{ ...section, children }] });
};

/**
 * The Document for a report, built on a template built once for its style (by `styleKey`; the oldest dropped beyond
 * TEMPLATES_KEPT).
 *
 * Why: docx's Document constructor builds every part of the package (styles, theme, numbering, settings, footers…),
 * a sixth of toDocx, and all but two of them follow from the style alone, written once per style (pack.ts).
 * A report's Document shares its template's parts, but for its core properties (title, description, time of writing)
 * and its document part (its body, and the body's relationships, copied as docx's compiler copies them), its own.
 *
 * They are built as docx's constructor builds them, through its private fields: should a docx release rename them, or
 * build a Document differently than onTemplate expects, the Document is built by its constructor. The pack test
 * compares every part, core.xml included, with Packer's for a Document built by docx's constructor, in three styles.
 */
interface Template {
  document: Document;
  options: StyleOptions;
}
const templates = new Map<string, Template>();
const TEMPLATES_KEPT = 16;

export function styledDocument(styleKey: string, style: () => StyleOptions, content: ReportContent): Document {
  let template = templates.get(styleKey);
  if (!template) {
    const options = style();
    template = { document: newDocument(() => options, { title: '', children: [] }), options };
    if (templates.size >= TEMPLATES_KEPT) templates.delete(templates.keys().next().value!);
    templates.set(styleKey, template);
  }
  return onTemplate(template, content) ?? newDocument(style, content);
}

/** docx's Document as its constructor fills it in; private in its type declarations. */
interface Built {
  coreProperties?: object;
  documentWrapper?: { document?: object; relationships?: object };
  headers?: unknown[];
  footers?: { footer?: unknown }[];
}
interface View {
  Body?: { addSection?(options: object): void };
  add?(child: FileChild): void;
}
type Constructor = new (options: object) => unknown;
const FOOTER_KINDS = ['default', 'first', 'even'] as const;

/** The report's Document on the template, or undefined where docx's Document is not built as expected. */
export function onTemplate({ document: template, options }: Template, { title, description, children }: ReportContent): Document | undefined {
  const built = template as unknown as Built;
  const wrapper = built.documentWrapper;
  const relationships = wrapper?.relationships as { constructor?: { copy?: (relationships: object) => object } } | undefined;
  const copy = relationships?.constructor?.copy;
  if (!built.coreProperties || !wrapper?.document || typeof copy !== 'function' || built.headers?.length !== 0) return undefined;
  // The template's footers, in the order docx's constructor made them, by kind.
  const kinds = FOOTER_KINDS.filter((kind) => options.section.footers?.[kind]);
  if (built.footers?.length !== kinds.length) return undefined;
  const footers = Object.fromEntries(FOOTER_KINDS.map((kind) => [kind, kinds.includes(kind) ? built.footers![kinds.indexOf(kind)]!.footer : undefined]));

  // The document part as docx's DocumentWrapper and addSection build it.
  const view = new (wrapper.document.constructor as Constructor)({ background: options.background, pageNumbers: options.pageNumbers }) as View;
  if (typeof view.Body?.addSection !== 'function' || typeof view.add !== 'function') return undefined;
  view.Body.addSection({ ...options.section.properties, headerWrapperGroup: { default: undefined, first: undefined, even: undefined }, footerWrapperGroup: footers });
  for (const child of children) view.add(child);

  const document = Object.assign(Object.create(Object.getPrototypeOf(template)) as Built, template, {
    // As docx's constructor gives them.
    coreProperties: new (built.coreProperties.constructor as Constructor)({
      ...options,
      title,
      ...(description ? { description } : {}),
      creator: options.creator ?? 'Un-named',
      revision: options.revision ?? 1,
      lastModifiedBy: options.lastModifiedBy ?? 'Un-named',
    }),
    documentWrapper: Object.assign(Object.create(Object.getPrototypeOf(wrapper)) as object, wrapper, { document: view, relationships: copy(relationships!) }),
  });
  return document as unknown as Document;
}
