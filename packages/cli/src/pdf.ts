import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { inputError, parsePdfPages, type InputError, type ParseResult, type PdfPage, type PdfRule, type PdfText } from '@report-convert/core';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded on the first PDF only. On import in Node it reports on stdout that its optional
 * canvas package is missing; we never render, and that line would corrupt `--json` output.
 */
function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const log = console.log;
    console.log = () => {};
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return loading;
}

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** A text PDF's report: positioned text and table borders from pdf.js, read by core's parsePdfPages. */
export async function readPdf(bytes: Uint8Array): Promise<ParseResult> {
  const pages = await pdfPages(bytes);
  return Array.isArray(pages) ? parsePdfPages(pages) : { ok: false, error: pages };
}

/** Every page's text runs and straight lines, or why the PDF cannot be opened. */
export async function pdfPages(bytes: Uint8Array): Promise<PdfPage[] | InputError> {
  const { getDocument, OPS } = await pdfjs();
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes the buffer over
    isEvalSupported: false,
    verbosity: 0,
    // Word exports CJK fonts it did not embed with Adobe's predefined CMaps: the text needs them.
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  });
  try {
    const doc = await task.promise;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      // Device space with y up: rotated pages and offset media boxes read like upright ones.
      const toPage = ([x, y]: [number, number]): [number, number] => {
        const t = viewport.transform;
        return [t[0]! * x + t[2]! * y + t[4]!, viewport.height - (t[1]! * x + t[3]! * y + t[5]!)];
      };
      const content = await page.getTextContent();
      const texts: PdfText[] = [];
      for (const item of content.items)
        if ('str' in item && item.str.trim()) {
          const [a, b, c, d, e, f] = item.transform as number[] as Matrix;
          const size = Math.hypot(c, d) || item.height;
          const along = item.width / (Math.hypot(a, b) || 1);
          const [x, y] = toPage([e, f]);
          const [endX, endY] = toPage([e + a * along, f + b * along]);
          // Text set vertically (a rotated label in a tall cell) counts by its middle: it stands in one cell.
          if (Math.abs(endY - y) < 1) texts.push({ text: item.str, x: Math.min(x, endX), y, width: Math.abs(endX - x), size });
          else texts.push({ text: item.str, x: (x + endX) / 2, y: (y + endY) / 2 - size * 0.3, width: 0, size });
        }
      // A page without text (a scanned one) has no table to read; its operator list would decode its image.
      const rules = (texts.length ? bordersOf(await page.getOperatorList(), OPS) : []).map(({ x1, y1, x2, y2 }) => {
        const [a, b] = toPage([x1, y1]);
        const [c, d] = toPage([x2, y2]);
        return { x1: a, y1: b, x2: c, y2: d };
      });
      pages.push({ width: viewport.width, height: viewport.height, texts, rules });
      page.cleanup();
    }
    return pages;
  } catch (error) {
    if ((error as Error).name === 'PasswordException')
      return inputError('encrypted', 'a password-protected PDF', '有密码保护的 PDF', 'Open it with its password and save or print it as a PDF without one.', '请用密码打开后另存（或打印）为无密码的 PDF。');
    // pdf.js says why only in English: the Chinese line names the kind of fault instead.
    const whyZh = (error as Error).name === 'InvalidPDFException' ? '文件结构无效' : '解析出错';
    return inputError('damaged', `a PDF that cannot be read (${(error as Error).message})`, `无法读取的 PDF（${whyZh}）`, 'Check that the file is complete.', '请检查文件是否完整。');
  } finally {
    await task.destroy();
  }
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5]];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/**
 * The straight lines a page strokes, and its thin filled shapes (Word and some printers fill table
 * borders as hairline rectangles or quadrilaterals rather than stroke them), in user space. Curves,
 * clips and larger fills (shading) are not borders.
 */
function bordersOf(list: { fnArray: number[]; argsArray: unknown[] }, OPS: PdfJs['OPS']): PdfRule[] {
  const rules: PdfRule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  // The path being built: straight runs of points; a curve ends one.
  let shapes: { points: [number, number][]; closed: boolean }[] = [];
  const STROKE = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const FILL = new Set([OPS.fill, OPS.eoFill]);
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as any;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) (stack.push(ctm), Array.isArray(args?.[0]) && (ctm = multiply(ctm, args[0] as Matrix)));
    else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const [ops, coords] = args as [number[], number[]];
      let at = 0;
      const take = (n: number) => coords.slice(at, (at += n));
      const startAt = (point: [number, number]) => shapes.push({ points: [point], closed: false });
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x, y, w, h] = take(4) as [number, number, number, number];
          shapes.push({ points: [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h)], closed: true });
        } else if (op === OPS.moveTo) startAt(apply(ctm, ...(take(2) as [number, number])));
        else if (op === OPS.lineTo) {
          const point = apply(ctm, ...(take(2) as [number, number]));
          const shape = shapes.at(-1);
          if (shape && !shape.closed) shape.points.push(point);
          else startAt(point);
        } else if (op === OPS.curveTo || op === OPS.curveTo2 || op === OPS.curveTo3) startAt(apply(ctm, ...(take(op === OPS.curveTo ? 6 : 4).slice(-2) as [number, number])));
        else if (op === OPS.closePath) {
          const shape = shapes.at(-1);
          if (shape) shape.closed = true;
        }
      }
    } else if (STROKE.has(fn) || FILL.has(fn) || fn === OPS.endPath) {
      for (const { points, closed } of STROKE.has(fn) ? shapes : [])
        points.forEach((p, k) => {
          const next = points[k + 1] ?? (closed && points.length > 2 ? points[0] : undefined);
          if (next) rules.push({ x1: p[0], y1: p[1], x2: next[0], y2: next[1] });
        });
      for (const { points } of FILL.has(fn) ? shapes : []) {
        // Folded, not spread into Math.min: a path of a hundred thousand points would overflow the call's arguments.
        const [x1, x2, y1, y2] = points.reduce(([x1, x2, y1, y2], [x, y]) => [Math.min(x1, x), Math.max(x2, x), Math.min(y1, y), Math.max(y2, y)], [Infinity, -Infinity, Infinity, -Infinity]);
        if (y2 - y1 <= 2.5) rules.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
        else if (x2 - x1 <= 2.5) rules.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
      }
      shapes = [];
    }
  });
  return rules;
}
