/**
 * The word postings of the search index: for every word (lib/list/words wordsOf: lower-case,
 * accent-folded), the papers containing it, and in which fields, which gives the relevance score
 * without looking at the paper again.
 *
 * - A sorted array of the unique words (the dictionary): a search word is a prefix, so binary
 *   search finds the range of words starting with it.
 * - Papers are small integer slots; each posting entry is `slot << FIELD_BITS | field bits`, and
 *   a list stays sorted by slot, so a single update is a binary search and a splice.
 * - The postings are built in short steps (build), after the first rows show.
 */
import type { Searchable } from './searchable';
import { wordsOf } from './words';

/** Field bits of a posting entry. */
const TITLE = 1;
const AUTHOR = 2;
const TAG = 4;
const BODY = 8;
const FIELD_BITS = 4;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

/**
 * Relevance of one search word in one paper: the best field it matched in (title > authors or
 * tags > abstract or note), a little more when it is the whole word rather than a prefix.
 */
export const SCORE = { title: 30, author: 20, tag: 20, body: 10, exact: 5 } as const;

const FIELD_SCORE: number[] = Array.from({ length: FIELD_MASK + 1 }, (_, mask) =>
  mask & TITLE ? SCORE.title : mask & AUTHOR ? SCORE.author : mask & TAG ? SCORE.tag : mask & BODY ? SCORE.body : 0,
);

/**
 * Word -> field bits for one paper: the title's, the authors' and the tags' words, then every
 * other word of the abstract and the note.
 */
function fieldWords(p: Searchable, out = new Map<string, number>()): Map<string, number> {
  shortFieldWords(p, out);
  for (const w of bodyWords(p)) if (!out.has(w)) out.set(w, BODY);
  return out;
}

const NONE: readonly string[] = [];

/** The words of the abstract and the note (repeats included). */
function bodyWords(p: Searchable): readonly string[] {
  if (p.note) return wordsOf(p.abstract ? `${p.abstract} ${p.note}` : p.note);
  return p.abstract ? wordsOf(p.abstract) : NONE;
}

/**
 * Word -> field bits of the title, authors and tags only. The names (and tags) are split as one
 * text: a space between them ends every word, so the words are those of each name on its own.
 */
function shortFieldWords(p: Searchable, out: Map<string, number>): Map<string, number> {
  out.clear();
  const add = (text: string, bit: number) => {
    for (const w of wordsOf(text)) out.set(w, (out.get(w) ?? 0) | bit);
  };
  add(p.title, TITLE);
  add(p.authors.join(' '), AUTHOR);
  add(p.tags.join(' '), TAG);
  return out;
}

/** First index in the sorted array whose value is >= x. */
function lowerBound(sorted: readonly string[], x: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the entry for `slot` in a posting list, or -(insertion point) - 1. */
function findSlot(entries: readonly number[], slot: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = entries[mid]! >>> FIELD_BITS;
    if (s < slot) lo = mid + 1;
    else if (s > slot) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

/** Merge two sorted arrays of distinct strings. */
function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

const NO_WORDS: ReadonlyMap<string, number> = new Map();

export class WordPostings {
  /** sorted unique words */
  private dict: string[] = [];
  /** word -> entries (slot << FIELD_BITS | field bits), sorted by slot */
  private postings = new Map<string, number[]>();
  /** false until build() has indexed every slot */
  private complete = false;
  /** postings being built by build(), and the next slot to index */
  private partial: { postings: Map<string, number[]>; next: number } | null = null;
  /** words a batch of change() calls added and dropped, for settle() */
  private newWords: string[] = [];
  private goneWords: string[] = [];

  /** True once every slot is indexed (change() and scores() need that). */
  get ready(): boolean {
    return this.complete;
  }

  /** Forget every word: the slots were filled anew, build() indexes them again. */
  clear(): void {
    this.postings = new Map();
    this.dict = [];
    this.complete = false;
    this.partial = null;
  }

  /** Drop a build under way: slots changed before it finished, the next build() starts over. */
  restart(): void {
    this.partial = null;
  }

  /**
   * Index the words of more slots for about `budgetMs`; true when every slot is indexed. Slots
   * are indexed in ascending order, which keeps every posting list sorted.
   */
  build(bySlot: readonly ({ paper: Searchable } | undefined)[], budgetMs: number): boolean {
    if (this.complete) return true;
    const work = (this.partial ??= { postings: new Map<string, number[]>(), next: 0 });
    const until = performance.now() + budgetMs;
    const postings = work.postings;
    const short = new Map<string, number>();
    let slot = work.next;
    while (slot < bySlot.length) {
      const doc = bySlot[slot];
      if (doc) {
        // As fieldWords, without building its map of ~100 words per paper: the short fields'
        // words first, then every other word as abstract or note. Slots only grow here, so a
        // list already ending with this slot means a repeated word.
        for (const [w, bits] of shortFieldWords(doc.paper, short)) {
          const list = postings.get(w);
          if (list) list.push((slot << FIELD_BITS) | bits);
          else postings.set(w, [(slot << FIELD_BITS) | bits]);
        }
        const body = (slot << FIELD_BITS) | BODY;
        for (const w of bodyWords(doc.paper)) {
          if (short.has(w)) continue;
          const list = postings.get(w);
          if (!list) postings.set(w, [body]);
          else if (list[list.length - 1]! >>> FIELD_BITS !== slot) list.push(body);
        }
      }
      slot++;
      if ((slot & 31) === 0 && performance.now() > until) break;
    }
    work.next = slot;
    if (slot < bySlot.length) return false;
    this.postings = work.postings;
    this.dict = [...this.postings.keys()].sort();
    this.partial = null;
    this.complete = true;
    return true;
  }

  /**
   * Re-index one slot whose paper changed from `before` (undefined: the slot was free) to `after`
   * (undefined: the paper left). Only the entries that differ are touched. Call settle() after
   * a batch of changes.
   */
  change(slot: number, before: Searchable | undefined, after: Searchable | undefined): void {
    const was = before ? fieldWords(before) : NO_WORDS;
    const now = after ? fieldWords(after) : NO_WORDS;
    for (const w of was.keys()) if (!now.has(w) && this.removeEntry(w, slot)) this.goneWords.push(w);
    for (const [w, bits] of now) {
      if (was.get(w) === bits) continue;
      if (this.setEntry(w, slot, bits)) this.newWords.push(w);
    }
  }

  /** After a batch of change() calls: the dictionary gains the new words and loses the gone ones. */
  settle(): void {
    // A word can leave and come back within one batch: trust the postings.
    const gone = new Set(this.goneWords.filter((w) => !this.postings.has(w)));
    if (gone.size) this.dict = this.dict.filter((w) => !gone.has(w));
    const fresh = [...new Set(this.newWords)].filter((w) => this.postings.has(w) && !this.inDict(w)).sort();
    if (fresh.length) this.dict = mergeSorted(this.dict, fresh);
    this.newWords = [];
    this.goneWords = [];
  }

  /**
   * Per slot (of `slotCount`), the best score of any word starting with `term` (0: no such
   * word). One pass over the dictionary range and its postings.
   */
  scores(term: string, slotCount: number): Uint8Array {
    const best = new Uint8Array(slotCount);
    for (let i = lowerBound(this.dict, term); i < this.dict.length; i++) {
      const word = this.dict[i]!;
      if (!word.startsWith(term)) break;
      const bonus = word.length === term.length ? SCORE.exact : 0;
      const list = this.postings.get(word)!;
      for (let k = 0; k < list.length; k++) {
        const e = list[k]!;
        const s = FIELD_SCORE[e & FIELD_MASK]! + bonus;
        const slot = e >>> FIELD_BITS;
        if (s > best[slot]!) best[slot] = s;
      }
    }
    return best;
  }

  private inDict(w: string): boolean {
    const i = lowerBound(this.dict, w);
    return this.dict[i] === w;
  }

  /** Set the entry of `slot` for a word; true when the word is new to the index. */
  private setEntry(word: string, slot: number, bits: number): boolean {
    const entry = (slot << FIELD_BITS) | bits;
    const list = this.postings.get(word);
    if (!list) {
      this.postings.set(word, [entry]);
      return true;
    }
    const i = findSlot(list, slot);
    if (i >= 0) list[i] = entry;
    else list.splice(-i - 1, 0, entry);
    return false;
  }

  /** Drop the entry of `slot` for a word; true when no paper has the word any more. */
  private removeEntry(word: string, slot: number): boolean {
    const list = this.postings.get(word);
    if (!list) return false;
    const i = findSlot(list, slot);
    if (i >= 0) list.splice(i, 1);
    if (list.length > 0) return false;
    this.postings.delete(word);
    return true;
  }
}
