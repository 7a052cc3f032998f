import { deflateSync, type ZlibOptions } from 'node:zlib';

/**
 * How our streams are deflated. pdfkit deflates every stream at zlib's default (level 6, memLevel 8)
 * and lets no caller choose; the embedded font subset (60–90 KB of unhinted outlines that barely
 * compress) was a fifth of a PDF's CPU. Level 3 with the larger hash table (memLevel 9) takes about
 * 35 % less time for about 2 % more bytes on the font, 7 % more on the (small) page streams.
 */
export const STREAM_DEFLATE: ZlibOptions = { level: 3, memLevel: 9 };

/** The parts of pdfkit's PDFReference (a PDF object, with its stream) read below; pdfkit declares no types for them. */
interface PdfkitReference {
  compress: boolean;
  buffer: Uint8Array[];
  data: { Filter?: unknown };
  finalize(): unknown;
}

/**
 * Has every stream the document writes from now on deflated with `options` instead of pdfkit's default:
 * each object pdfkit creates (`doc.ref`) deflates its stream just before pdfkit writes it, and tells
 * pdfkit it is done. The same FlateDecode stream, read back the same; only the compressed bytes differ.
 * Should a pdfkit release rename the members this reads, pdfkit deflates the stream itself, as before.
 */
export function deflateStreams(doc: PDFKit.PDFDocument, options: ZlibOptions = STREAM_DEFLATE): void {
  const pdf = doc as unknown as { ref?: (data?: object) => unknown };
  const ref = pdf.ref;
  if (typeof ref !== 'function') return;
  pdf.ref = function (this: unknown, data?: object) {
    const reference = ref.call(this, data) as Partial<PdfkitReference>;
    const finalize = reference.finalize;
    if (typeof finalize === 'function')
      reference.finalize = function (this: Partial<PdfkitReference>) {
        deflateAhead(this, options);
        return finalize.call(this);
      };
    return reference;
  };
}

/** Deflates the stream pdfkit is about to write, and turns its own deflating off, when the reference is as pdfkit 0.20 makes it. */
export function deflateAhead(reference: Partial<PdfkitReference>, options: ZlibOptions): void {
  const { buffer } = reference;
  if (reference.compress !== true || reference.data?.Filter !== 'FlateDecode' || !Array.isArray(buffer) || !buffer.length) return;
  if (!buffer.every((chunk) => chunk instanceof Uint8Array)) return;
  reference.buffer = [deflateSync(buffer.length === 1 ? buffer[0]! : Buffer.concat(buffer), options)];
  reference.compress = false;
}
