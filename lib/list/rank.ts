/**
 * The order of a word search's hits: by relevance (the sum over words of each word's best field
 * score), ties in the selected sort order, without a comparison sort of thousands of hits per
 * keystroke. Scores are small integers, so a counting pass over the cached sort order places
 * every hit in its score's bucket, which keeps ties in sort order.
 */

/**
 * Rank `hits` (slots) by the sum of their `scores` (one array per word, per slot). `ordered` is
 * every slot in the sort order and `papers` their papers; `slotCount` sizes the per-slot arrays.
 */
/** Per slot, a hit's relevance during one rankHits call; zero everywhere in between. */
let scratch = new Uint32Array(0);

export function rankHits<T>(
  hits: Int32Array,
  scores: readonly Uint8Array[],
  ordered: readonly number[],
  papers: readonly T[],
  slotCount: number,
): T[] {
  const n = hits.length;
  // Relevance per hit (0 for every other slot), then a counting sort: how many hits have each
  // score gives where each score's run starts (best first); one pass over the sort order fills
  // the runs.
  // A buffer kept between keystrokes (all zero between calls: only the hits' slots are set, and
  // they are cleared again below), not a new one each time: at 50,000 slots the allocation and
  // the garbage it leaves cost more than the ranking.
  if (scratch.length < slotCount) scratch = new Uint32Array(Math.max(slotCount, scratch.length * 2));
  const total = scratch;
  let maxScore = 0;
  for (let i = 0; i < n; i++) {
    const slot = hits[i]!;
    let sum = 0;
    for (const best of scores) sum += best[slot]!;
    total[slot] = sum;
    if (sum > maxScore) maxScore = sum;
  }
  const start = new Uint32Array(maxScore + 1);
  for (let i = 0; i < n; i++) start[total[hits[i]!]!]!++;
  for (let s = maxScore, at = 0; s > 0; s--) {
    const count = start[s]!;
    start[s] = at;
    at += count;
  }
  const out: T[] = new Array<T>(n);
  for (let i = 0; i < ordered.length; i++) {
    const s = total[ordered[i]!]!;
    if (s !== 0) out[start[s]!++] = papers[i]!;
  }
  for (let i = 0; i < n; i++) total[hits[i]!] = 0;
  return out;
}
