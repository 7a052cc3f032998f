import { Document, ImageRun, NextAttributeComponent, Packer, Paragraph, XmlComponent } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { generateReport, parse, writeReportAs } from '@report-convert/core';
import { parsedCorpus } from '../../core/src/test-support/corpus.js';
import { compiledParts } from './pack.js';
import { newCell } from './cells.js';
import { reportDocument, toDocx, type DocxOptions } from './toDocx.js';

const corpus = parsedCorpus();
// Generated reports too, read as the CLI reads them: every layout, figures the corpus does not have (cells.ts reuses cells by figure).
const generated = Array.from({ length: 8 }, (_, i) => ({
  name: `generated ${i}`,
  report: parseReport(writeReportAs(generateReport(i, { layout: (['2019', '2021', 'mixed', 'legacy'] as const)[i % 4] }), 'rowPerLine')),
}));
function parseReport(text: string) {
  const result = parse(new TextEncoder().encode(text));
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

describe('packDocx', () => {
  it('reaches docx’s compiler (fails when a docx release moves or changes it: packDocx then falls back to Packer, slower)', () => {
    expect(compiledParts(reportDocument(corpus[0]!.report))).toBeInstanceOf(Map);
  });

  it("leaves docx's own methods in place for everyone else: the plain loops stand in only during toDocx", async () => {
    const methods = () => [XmlComponent.prototype, NextAttributeComponent.prototype].map((p) => (p as unknown as { prepForXml: { name: string } }).prepForXml);
    const before = methods();
    await toDocx(corpus[0]!.report);
    expect(methods()).toEqual(before);
    expect(before.map((m) => m.name)).not.toContain('plainChildren');
    expect(before.map((m) => m.name)).not.toContain('plainAttributes');
  });

  // toDocx: docx's serialization in plain loops (fastXml.ts), the parts that follow from the style built (styleTemplate.ts) and
  // written (pack.ts) once per style and reused, table cells reused from report to report and written once, their XML kept
  // (cells.ts, keptXml.ts); Packer: docx's own code throughout, since the loops are in place only during toDocx's compile, on a
  // Document built by docx's constructor whose cells are built anew. Every report in three styles, one after the other: a cache
  // keyed by less than the style (fonts, sizes, page numbers) gives one style's parts to another, a cell reused where it does
  // not belong, or written differently from docx's, shows in document.xml, and a Document built otherwise than docx builds it
  // shows in its parts (core.xml, document.xml and its relationships).
  const styles: [string, DocxOptions][] = [
    ['default style', {}],
    ['other fonts, sizes and margins', { style: { fonts: { body: '宋体', latin: 'Arial' }, sizes: { body: 14, table: 9 }, margins: { top: 30 }, lineSpacing: 26 } }],
    ['page numbers centred', { style: { pageNumbers: 'centred' } }],
  ];
  const cases = styles.flatMap(([style, options]) => [...corpus, ...generated].map(({ name, report }) => ({ name, style, report, options })));
  it.each(cases)('$name, $style: the same parts, in the same order, as Packer writes, each deflated', async ({ report, options }) => {
    const ours = await toDocx(report, options);
    const packers = unzipSync(new Uint8Array(await Packer.toBuffer(reportDocument(report, options, newCell))));
    const parts = unzipSync(ours);
    expect(Object.keys(parts)).toEqual(Object.keys(packers));
    expectSameParts(parts, packers);
    expect(new DataView(ours.buffer, ours.byteOffset).getUint16(8, true)).toBe(8); // the first entry's method: deflate
  });

  it("skips the compiler's search for images in a document without any, and runs it in one with an image: Packer's parts", async () => {
    const images = (Packer as unknown as { compiler: { imageReplacer: object } }).compiler.imageReplacer;
    const search = vi.spyOn(Object.getPrototypeOf(images) as { getMediaData(): unknown }, 'getMediaData');
    try {
      compiledParts(reportDocument(corpus[0]!.report));
      expect(search).not.toHaveBeenCalled();
      // A 1×1 PNG.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
      const withImage = new Document({ sections: [{ children: [new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] })] }] });
      // Searched for: its placeholder in document.xml replaced, its relationship written, as Packer does.
      const parts = compiledParts(withImage)!;
      const packers = unzipSync(new Uint8Array(await Packer.toBuffer(withImage)));
      expect(Object.keys(packers)).toContain('word/media/image1.png');
      expect([...parts.keys()]).toEqual(Object.keys(packers));
      for (const [name, data] of parts) if (name !== 'docProps/core.xml') expect(Buffer.from(data).equals(Buffer.from(packers[name]!)), name).toBe(true);
    } finally {
      search.mockRestore();
    }
  });

  it('writes the same parts as Packer for a style whose cached parts were dropped to make room for 20 others', async () => {
    const { report } = corpus[0]!;
    const sized = (body: number): DocxOptions => ({ style: { sizes: { body } } });
    for (let body = 8; body < 28; body++) await toDocx(report, sized(body)); // up to the line spacing, 28 pt
    const ours = unzipSync(await toDocx(report, sized(10)));
    const packers = unzipSync(new Uint8Array(await Packer.toBuffer(reportDocument(report, sized(10), newCell))));
    expectSameParts(ours, packers);
  });
});

/** Every part byte for byte, but for the time of writing in core.xml (to the second), whose title, description and the rest must be the same. */
function expectSameParts(ours: Record<string, Uint8Array>, packers: Record<string, Uint8Array>) {
  const timeless = (bytes: Uint8Array) => strFromU8(bytes).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]+/g, '$1');
  for (const [name, bytes] of Object.entries(ours)) {
    if (name === 'docProps/core.xml') expect(timeless(bytes)).toBe(timeless(packers[name]!));
    else expect(Buffer.from(bytes).equals(Buffer.from(packers[name]!)), name).toBe(true);
  }
}
