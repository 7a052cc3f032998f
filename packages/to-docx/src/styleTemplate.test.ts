import { describe, expect, it } from 'vitest';
import { generateReport } from '@report-convert/core';
import { reusedCell } from './cells.js';
import { newDocument, onTemplate, styledDocument, type StyleOptions } from './styleTemplate.js';
import { reportDocument } from './toDocx.js';

/** The report's Document on its style's template, and the style's options toDocx gives. */
function onStyle(seed: number, styleKey: string) {
  let options: StyleOptions | undefined;
  const document = reportDocument(generateReport(seed, { layout: '2021' }), {}, reusedCell, (style, content) => styledDocument(styleKey, () => (options = style()), content));
  return { document, options };
}

describe('styledDocument', () => {
  it("builds a report's Document on its style's template: the style's parts shared, its core properties and document part its own", () => {
    const first = onStyle(1, 'a style').document;
    const second = onStyle(2, 'a style').document;
    expect(second.Styles).toBe(first.Styles);
    expect(second.Theme).toBe(first.Theme);
    expect(second.Footers).toEqual(first.Footers);
    expect(second.CoreProperties).not.toBe(first.CoreProperties);
    expect(second.Document.View).not.toBe(first.Document.View);
    expect(second.Document.Relationships).not.toBe(first.Document.Relationships);
    expect(onStyle(1, 'another style').document.Styles).not.toBe(first.Styles);
  });

  it('asks for the style’s options only to build its template', () => {
    expect(onStyle(3, 'a third style').options).toBeDefined();
    expect(onStyle(4, 'a third style').options).toBeUndefined();
  });

  it("leaves the Document to docx's constructor where docx's Document is not built as expected", () => {
    let options: StyleOptions | undefined;
    reportDocument(generateReport(5, { layout: '2021' }), {}, reusedCell, (style, content) => newDocument(() => (options = style()), content));
    const content = { title: 'title', children: [] };
    const template = () => newDocument(() => options!, content) as unknown as Record<string, unknown>;
    expect(onTemplate({ document: template() as never, options: options! }, content)).toBeDefined();
    for (const field of ['documentWrapper', 'coreProperties', 'footers']) {
      const renamed = template();
      delete renamed[field];
      expect(onTemplate({ document: renamed as never, options: options! }, content), field).toBeUndefined();
    }
    // Footers other than docx's constructor made from these options.
    expect(onTemplate({ document: template() as never, options: { ...options!, section: { ...options!.section, footers: {} } } }, content)).toBeUndefined();
  });
});
