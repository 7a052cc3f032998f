import { deflatePart } from '@report-convert/core/node';

/**
 * The parts that follow from a workbook's shape (its sheets, its styles) and not from a report's text:
 * a handful of variants across every report (the theme and package relationships never change; styles
 * nine, the others two or three on the corpus and 200 generated reports). Not core.xml (title, time).
 */
const REPEATING = new Set(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/theme/theme1.xml', 'docProps/app.xml']);

/** A part as zipDeflated takes it: its bytes, and the same deflated once for every workbook that has it. */
export interface PartBytes {
  bytes: Uint8Array;
  deflated?: Uint8Array;
}

/** By level and name, then by text. Beyond VARIANTS_KEPT of a part (were sheet names to differ, say) the oldest is dropped. */
const seen = new Map<string, Map<string, Required<PartBytes>>>();
const VARIANTS_KEPT = 16;

/**
 * A part's bytes, deflated at `level` only once per text for the parts that repeat from report to
 * report: each deflate costs zlib's set-up (some 12 µs) whatever the size, and there are seven of them.
 */
export function partBytes(name: string, text: string, level: number): PartBytes {
  if (!REPEATING.has(name)) return { bytes: Buffer.from(text, 'utf8') };
  const key = `${level} ${name}`;
  let variants = seen.get(key);
  if (!variants) seen.set(key, (variants = new Map()));
  let part = variants.get(text);
  if (!part) {
    const bytes = Buffer.from(text, 'utf8');
    part = { bytes, deflated: deflatePart(bytes, level) };
    if (variants.size >= VARIANTS_KEPT) variants.delete(variants.keys().next().value!);
    variants.set(text, part);
  }
  return part;
}
