/**
 * The key a label is matched by: NFKC (full-width digits and brackets become ASCII), no white
 * space, and the numbering punctuation unified, so that `（一）`, `(一)`, `1、`, `1．` and `1.`
 * all compare equal. Only for matching: stored text is never folded.
 */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[、，,．]/g, '.')
    .replace(/[“”"]/g, '"')
    .replace(/[〔［]/g, '[')
    .replace(/[〕］]/g, ']');
}
