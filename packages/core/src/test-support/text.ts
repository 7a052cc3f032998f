/**
 * Where the characters of `needle` appear in order in `text` from `from`, within a window, or -1.
 * A label wrapped inside a table cell comes out of pdftotext interleaved with its neighbours' lines.
 */
export function findsInOrder(text: string, needle: string, from = 0): number {
  for (let start = text.indexOf(needle[0]!, from); start !== -1; start = text.indexOf(needle[0]!, start + 1)) {
    let at = start;
    let ok = true;
    for (const ch of needle.slice(1)) {
      at = text.indexOf(ch, at + 1);
      if (at === -1 || at - start > needle.length * 10 + 400) {
        ok = false;
        break;
      }
    }
    if (ok) return start;
  }
  return -1;
}
