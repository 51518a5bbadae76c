/**
 * Which papers match every word of a search. Typing on narrows: when the words only grow (the
 * last word longer, or one more word) under the same filter, the next search starts from the
 * last one's hits instead of every paper, and checks only the words that changed.
 */

/** The hits of a word search (slots, any order), for the next keystroke to narrow from. */
export interface Hits {
  /** the filter part of that query (filterKey) */
  keepKey: string;
  terms: readonly string[];
  slots: Int32Array;
}

/**
 * True when every paper matching `terms` also matches `prev`: each earlier word is a prefix of
 * the word now in its place (typed on), and words may have been added after them.
 */
export function narrows(prev: readonly string[], terms: readonly string[]): boolean {
  return prev.length > 0 && prev.length <= terms.length && prev.every((t, i) => terms[i]!.startsWith(t));
}

/**
 * The slots every word matches (`scores[i]`: per slot, the score of `terms[i]`, 0 for no match)
 * that the filter `keep` keeps (null: every slot). `narrowed`: they were found among `last`'s.
 */
export function findHits(
  terms: readonly string[],
  scores: readonly Uint8Array[],
  keep: Uint8Array | null,
  keepKey: string,
  last: Hits | null,
): { hits: Hits; narrowed: boolean } {
  // Candidates: the last search's hits when this one can only have fewer (typing on with the
  // same filters), else every paper the first word matches and the filter keeps. Each word
  // then drops the candidates it does not match.
  let slots: Int32Array;
  let n = 0;
  let narrowed = false;
  /** the words the candidates are not known to match yet */
  let unchecked: readonly Uint8Array[];
  if (last && last.keepKey === keepKey && narrows(last.terms, terms)) {
    slots = last.slots.slice();
    n = slots.length;
    narrowed = true;
    unchecked = scores.filter((_, i) => terms[i] !== last.terms[i]);
  } else {
    const first = scores[0]!;
    slots = new Int32Array(first.length);
    for (let slot = 0; slot < first.length; slot++) if (first[slot] !== 0 && (!keep || keep[slot])) slots[n++] = slot;
    unchecked = scores.slice(1);
  }
  for (const best of unchecked) {
    let k = 0;
    for (let i = 0; i < n; i++) if (best[slots[i]!] !== 0) slots[k++] = slots[i]!;
    n = k;
  }
  return { hits: { keepKey, terms, slots: slots.slice(0, n) }, narrowed };
}
