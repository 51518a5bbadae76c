/**
 * The words of a text and of a paper: lower-case and accent-folded, so "Schrödinger" finds
 * "schrodinger". One definition for the search box's words (lib/list/query), the popup's
 * in-memory index (lib/list/postings) and an export's selection (lib/exchange/select).
 */

const WORD = /[\p{L}\p{N}]+/gu;
/** WORD in lower-case ASCII text (the unicode-aware pattern is slower) */
const ASCII_WORD = /[a-z0-9]+/g;
const NOT_ASCII = /[^\x00-\x7f]/;

/** Lower-case, accent-folded words of a text. */
export function wordsOf(text: string): string[] {
  // ASCII has nothing to decompose and no combining marks: skip both passes (most titles and
  // names are ASCII, and the popup splits every one of them when it builds its index).
  if (!NOT_ASCII.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(WORD) ?? []
  );
}

/** Every word of a paper's title, authors, abstract, tags and note, once each. */
export function paperWords(p: { title: string; authors: readonly string[]; abstract?: string; tags: readonly string[]; note: string }): string[] {
  const set = new Set<string>();
  for (const part of [p.title, p.authors.join(' '), p.abstract ?? '', p.tags.join(' '), p.note]) {
    for (const w of wordsOf(part)) set.add(w);
  }
  return [...set];
}

/** True when every query term is a prefix of some word. */
export function matchesTerms(words: readonly string[], terms: readonly string[]): boolean {
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}
