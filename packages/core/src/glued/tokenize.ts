/**
 * Cuts a glued table region into labels and runs of figure characters. Labels are found first, by
 * the phrases the table is known to print (so a label's own digits, `计1条`, stay in the label),
 * and a run stops where a numbered label begins (`40000042.其他…` is `4000004` then `2.其他…`).
 */

/** A phrase the table prints, with what it means to the reader. */
export interface Phrase<M> {
  text: string;
  meaning: M;
}

export type Piece<M> =
  | { kind: 'label'; start: number; end: number; meaning: M | undefined }
  | { kind: 'run'; start: number; end: number };

/** Text folded for matching (as the interpreter's fold), with each folded character's offset in the source. */
export interface Folded {
  text: string;
  offsets: number[];
}

const PUNCTUATION: Record<string, string> = { '、': '.', '，': '.', ',': '.', '．': '.', '“': '"', '”': '"', '〔': '[', '［': '[', '〕': ']', '］': ']' };

export function foldWithOffsets(source: string, from = 0, to = source.length): Folded {
  let text = '';
  const offsets: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = source[i]!;
    const code = ch.charCodeAt(0);
    // ASCII and CJK ideographs fold to themselves: the common case skips NFKC.
    if ((code > 32 && code < 127) || (code >= 0x4e00 && code <= 0x9fff)) {
      text += ch;
      offsets.push(i);
      continue;
    }
    if (/\s/.test(ch)) continue;
    for (const c of (PUNCTUATION[ch] ?? ch).normalize('NFKC')) {
      const folded = PUNCTUATION[c] ?? c;
      text += folded;
      offsets.push(i);
    }
  }
  return { text, offsets };
}

export const foldPhrase = (text: string): string => foldWithOffsets(text).text;

const RUN_CHAR = /[0-9.+\-/—－]/;

/** Longest-first phrase lookup by first character. */
export class PhraseBook<M> {
  private byFirst = new Map<string, { folded: string; meaning: M }[]>();

  constructor(phrases: Iterable<Phrase<M>>) {
    for (const p of phrases) {
      const folded = foldPhrase(p.text);
      if (!folded) continue;
      const list = this.byFirst.get(folded[0]!) ?? [];
      if (!list.some((e) => e.folded === folded)) list.push({ folded, meaning: p.meaning });
      this.byFirst.set(folded[0]!, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  }

  match(text: string, at: number): { length: number; meaning: M } | undefined {
    for (const entry of this.byFirst.get(text[at]!) ?? []) if (text.startsWith(entry.folded, at)) return { length: entry.folded.length, meaning: entry.meaning };
    return undefined;
  }
}

/** Pieces in folded coordinates: known labels, unknown text between them, and runs. */
export function tokenize<M>(folded: string, book: PhraseBook<M>): Piece<M>[] {
  const pieces: Piece<M>[] = [];
  let unknownFrom = -1;
  /** Where the numbering of the next label began, inside the run before it. */
  let numberingFrom = -1;
  const flushUnknown = (end: number) => {
    if (unknownFrom >= 0 && end > unknownFrom) pieces.push({ kind: 'label', start: unknownFrom, end, meaning: undefined });
    unknownFrom = -1;
  };
  let i = 0;
  while (i < folded.length) {
    const phrase = book.match(folded, i);
    if (phrase) {
      flushUnknown(i);
      pieces.push({ kind: 'label', start: numberingFrom >= 0 ? numberingFrom : i, end: i + phrase.length, meaning: phrase.meaning });
      numberingFrom = -1;
      i += phrase.length;
      continue;
    }
    if (!RUN_CHAR.test(folded[i]!)) {
      if (unknownFrom < 0) unknownFrom = numberingFrom >= 0 ? numberingFrom : i;
      numberingFrom = -1;
      i++;
      continue;
    }
    flushUnknown(i);
    let j = i + 1;
    while (j < folded.length && RUN_CHAR.test(folded[j]!) && !book.match(folded, j)) j++;
    // A numbered label the book does not know: its single-digit numbering is glued to the end of the run.
    const numbered = j - i >= 2 && j < folded.length && folded[j - 1] === '.' && /\d/.test(folded[j - 2]!);
    const end = numbered ? j - 2 : j;
    if (end > i) pieces.push({ kind: 'run', start: i, end });
    numberingFrom = numbered ? end : -1;
    i = j;
  }
  flushUnknown(folded.length);
  return pieces;
}
