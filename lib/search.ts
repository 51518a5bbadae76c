/** Word extraction shared by the stored search field and the query parser. */

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower-case, accent-folded words of a text. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(WORD) ?? []
  );
}

/** The derived, de-duplicated search words of a paper. */
export function searchWords(p: { title: string; authors: readonly string[]; abstract?: string; tags: readonly string[]; note: string }): string[] {
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
