/**
 * The popup's in-memory search index: every saved paper is loaded once (Library.all()), and each
 * keystroke is answered from memory, without an IndexedDB round trip.
 *
 * - A sorted array of unique words (lib/search wordsOf: lower-case, accent-folded) and, per word,
 *   a posting list of the papers containing it. A search word is a prefix: binary search finds
 *   the range of words starting with it, their postings are merged; several words intersect.
 * - Each posting entry also says in which fields the word occurs (title / authors / tags /
 *   abstract+note), which gives the relevance score without looking at the paper again.
 * - Papers have small integer slots; posting lists stay sorted by slot, so single updates are a
 *   binary search + splice. Big batches (bulk edits, imports) rebuild the whole index instead.
 * - The postings are built after the first rows show, in short steps (prepareStep); a search
 *   that needs them before that finishes them first. Filters and sorting never need them.
 * - The order of every sort key (lib/sort sortPapers) is computed once and cached
 *   until a paper is added, removed or changes a sorted field; a search then never sorts strings,
 *   only numbers (relevance, then the position in that order).
 */
import { sortPapers, type SortKey } from './sort';
import { normaliseTags, type SavedPaper, type Status } from './paper';
import { emptyQuery, tagKey, type ParsedQuery } from './query';
import { wordsOf } from './search';

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

/** How many recent search words keep their per-paper scores. */
const TERM_CACHE_SIZE = 16;

/** Above this many changed papers (or a tenth of the index), rebuild instead of patching. */
const REBUILD_AT = 200;

interface Doc {
  paper: SavedPaper;
  slot: number;
  /** tagKey of each tag */
  tags: string[];
  year: number | undefined;
  /** lower-case sources[].site */
  sites: string[];
}

/** Extra filters clicked in the popup (they AND with the typed ones), and the sort order. */
export interface SearchOptions {
  sort?: SortKey;
  tag?: string;
  status?: Status;
}

/**
 * Word -> field bits for one paper. The stored `words` (every word of title, authors, abstract,
 * tags and note, as lib/search searchWords derives them on every write) are reused, so loading
 * 10,000 papers does not re-split their abstracts; only the short fields are split again to know
 * which words come from the title, the authors or the tags. Any other word is abstract or note.
 */
function fieldWords(p: SavedPaper, out = new Map<string, number>()): Map<string, number> {
  out.clear();
  const add = (text: string, bit: number) => {
    for (const w of wordsOf(text)) out.set(w, (out.get(w) ?? 0) | bit);
  };
  add(p.title, TITLE);
  for (const a of p.authors) add(a, AUTHOR);
  for (const t of p.tags) add(t, TAG);
  for (const w of p.words) if (!out.has(w)) out.set(w, BODY);
  return out;
}

function toDoc(paper: SavedPaper, slot: number): Doc {
  const year = paper.publishedAt ? Number(paper.publishedAt.slice(0, 4)) : undefined;
  return {
    paper,
    slot,
    tags: paper.tags.map(tagKey),
    year: Number.isFinite(year) ? year : undefined,
    sites: paper.sources.map((s) => s.site.toLowerCase()),
  };
}

/** True when a change to a paper can move it in one of the sort orders. */
function sortFieldsChanged(a: SavedPaper, b: SavedPaper): boolean {
  return a.title !== b.title || a.savedAt !== b.savedAt || a.publishedAt !== b.publishedAt || a.signals.upvotes !== b.signals.upvotes;
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

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

export class SearchIndex {
  private docs = new Map<string, Doc>();
  private bySlot: (Doc | undefined)[] = [];
  private freeSlots: number[] = [];
  /** sorted unique words */
  private dict: string[] = [];
  /** word -> entries (slot << FIELD_BITS | field bits), sorted by slot */
  private postings = new Map<string, number[]>();
  /** per sort key: slots in order, and each slot's position in it */
  private orders = new Map<SortKey, { slots: number[]; rank: Int32Array }>();
  /** false until the first search needs words (see prepare) */
  private postingsReady = false;
  /** postings being built by prepareStep, and the next slot to index */
  private partial: { postings: Map<string, number[]>; next: number } | null = null;
  private tagCache: string[] | null = null;
  /** per-slot scores of recent search words (cleared on every change) */
  private termCache = new Map<string, Uint8Array>();
  /** increases on every change (for memoising views of the index) */
  version = 0;

  constructor(papers: Iterable<SavedPaper> = []) {
    this.reset(papers);
  }

  /** How many papers are indexed. */
  get size(): number {
    return this.docs.size;
  }

  get(id: string): SavedPaper | undefined {
    return this.docs.get(id)?.paper;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Replace everything with these papers (the first load, a full reload). */
  reset(papers: Iterable<SavedPaper>): void {
    this.docs = new Map();
    this.bySlot = [];
    this.freeSlots = [];
    for (const p of papers) {
      const old = this.docs.get(p.id);
      if (old) {
        Object.assign(old, toDoc(p, old.slot)); // a duplicate id: the last one wins
        continue;
      }
      const doc = toDoc(p, this.bySlot.length);
      this.docs.set(p.id, doc);
      this.bySlot.push(doc);
    }
    // The word postings are built lazily: the first rows can show before they exist.
    this.postings = new Map();
    this.dict = [];
    this.postingsReady = false;
    this.partial = null;
    this.changed(true, true);
  }

  /** True once the word postings exist (before that, the first word search builds them). */
  get prepared(): boolean {
    return this.postingsReady;
  }

  /** Build the word postings now, if they are not built yet. */
  prepare(): void {
    this.prepareStep(Number.POSITIVE_INFINITY);
  }

  /**
   * Index the words of more papers for about `budgetMs` (the popup calls this in small steps
   * right after the first rows are shown, so no task runs long and the first keystroke usually
   * finds the postings ready). True when the postings are complete. Slots are indexed in
   * ascending order, which keeps every posting list sorted.
   */
  prepareStep(budgetMs: number): boolean {
    if (this.postingsReady) return true;
    const work = (this.partial ??= { postings: new Map<string, number[]>(), next: 0 });
    const until = performance.now() + budgetMs;
    const words = new Map<string, number>();
    let slot = work.next;
    while (slot < this.bySlot.length) {
      const doc = this.bySlot[slot];
      if (doc) {
        for (const [w, bits] of fieldWords(doc.paper, words)) {
          const entry = (slot << FIELD_BITS) | bits;
          const list = work.postings.get(w);
          if (list) list.push(entry);
          else work.postings.set(w, [entry]);
        }
      }
      slot++;
      if ((slot & 31) === 0 && performance.now() > until) break;
    }
    work.next = slot;
    if (slot < this.bySlot.length) return false;
    this.postings = work.postings;
    this.dict = [...this.postings.keys()].sort();
    this.partial = null;
    this.postingsReady = true;
    return true;
  }

  /** After a change: drop the caches it made stale (the tag list only when tags changed). */
  private changed(orderChanged: boolean, tagsChanged: boolean): void {
    if (orderChanged) this.orders.clear();
    this.termCache.clear();
    if (tagsChanged) this.tagCache = null;
    this.version++;
  }

  /** Add or replace papers. */
  upsert(papers: readonly SavedPaper[]): void {
    this.apply(papers, []);
  }

  /** Remove papers by id (unknown ids are ignored). */
  remove(ids: readonly string[]): void {
    this.apply([], ids);
  }

  /**
   * Bring the index up to date after a change notification: `ids` changed, `found` holds the
   * ones that still exist (Library.lookup(ids)); the others were removed.
   */
  sync(ids: readonly string[], found: ReadonlyMap<string, SavedPaper>): void {
    const gone = ids.filter((id) => !found.has(id));
    this.apply([...found.values()], gone);
  }

  private apply(upserts: readonly SavedPaper[], removals: readonly string[]): void {
    const removeIds = [...new Set(removals)].filter((id) => this.docs.has(id));
    if (upserts.length === 0 && removeIds.length === 0) return;
    if (upserts.length + removeIds.length > Math.max(REBUILD_AT, this.docs.size / 10)) {
      const byId = new Map(this.docs);
      for (const id of removeIds) byId.delete(id);
      const merged = new Map([...byId].map(([id, d]) => [id, d.paper] as const));
      for (const p of upserts) merged.set(p.id, p);
      this.reset(merged.values());
      return;
    }
    let orderChanged = false;
    // A status click or a note edit leaves the tag list as it was: keep it.
    const tagsChanged =
      removeIds.some((id) => this.docs.get(id)!.paper.tags.length > 0) ||
      upserts.some((p) => !sameTags(this.docs.get(p.id)?.paper.tags ?? [], p.tags));
    if (!this.postingsReady) {
      // Only the docs change; prepare() will index their words (from scratch: simple and rare).
      this.partial = null;
      for (const id of removeIds) {
        const doc = this.docs.get(id)!;
        this.docs.delete(id);
        this.bySlot[doc.slot] = undefined;
        this.freeSlots.push(doc.slot);
      }
      for (const p of upserts) {
        const old = this.docs.get(p.id);
        const slot = old ? old.slot : (this.freeSlots.pop() ?? this.bySlot.length);
        const doc = toDoc(p, slot);
        this.docs.set(p.id, doc);
        this.bySlot[slot] = doc;
        if (!old || sortFieldsChanged(old.paper, p)) orderChanged = true;
      }
      this.changed(orderChanged || removeIds.length > 0, tagsChanged);
      return;
    }
    const newWords: string[] = [];
    const goneWords: string[] = [];
    for (const id of removeIds) {
      const doc = this.docs.get(id)!;
      for (const w of fieldWords(doc.paper).keys()) if (this.removeEntry(w, doc.slot)) goneWords.push(w);
      this.docs.delete(id);
      this.bySlot[doc.slot] = undefined;
      this.freeSlots.push(doc.slot);
      orderChanged = true;
    }
    for (const p of upserts) {
      const old = this.docs.get(p.id);
      const slot = old ? old.slot : (this.freeSlots.pop() ?? this.bySlot.length);
      const before = old ? fieldWords(old.paper) : new Map<string, number>();
      const after = fieldWords(p);
      for (const w of before.keys()) if (!after.has(w) && this.removeEntry(w, slot)) goneWords.push(w);
      for (const [w, bits] of after) {
        if (before.get(w) === bits) continue;
        if (this.setEntry(w, slot, bits)) newWords.push(w);
      }
      const doc = toDoc(p, slot);
      this.docs.set(p.id, doc);
      this.bySlot[slot] = doc;
      if (!old || sortFieldsChanged(old.paper, p)) orderChanged = true;
    }
    // A word can leave and come back within one batch: trust the postings.
    const gone = new Set(goneWords.filter((w) => !this.postings.has(w)));
    if (gone.size) this.dict = this.dict.filter((w) => !gone.has(w));
    const fresh = [...new Set(newWords)].filter((w) => this.postings.has(w) && !this.inDict(w)).sort();
    if (fresh.length) this.dict = mergeSorted(this.dict, fresh);
    this.changed(orderChanged, tagsChanged);
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

  /** Slots in the order of a sort key, and each slot's rank (computed once per change). */
  private order(sort: SortKey): { slots: number[]; rank: Int32Array } {
    let o = this.orders.get(sort);
    if (!o) {
      const sorted = sortPapers(
        [...this.docs.values()].map((d) => d.paper),
        sort,
      );
      const slots = sorted.map((p) => this.docs.get(p.id)!.slot);
      const rank = new Int32Array(this.bySlot.length);
      slots.forEach((slot, i) => (rank[slot] = i));
      o = { slots, rank };
      this.orders.set(sort, o);
    }
    return o;
  }

  /**
   * Per slot, the best score of any word starting with `term` (0: no such word).
   * One pass over the dictionary range and its postings.
   */
  private termScores(term: string): Uint8Array {
    this.prepare();
    // Typing "graph neu" re-uses the scores of "graph" from the keystrokes before.
    const cached = this.termCache.get(term);
    if (cached) return cached;
    const best = new Uint8Array(this.bySlot.length);
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
    if (this.termCache.size >= TERM_CACHE_SIZE) this.termCache.delete(this.termCache.keys().next().value!);
    this.termCache.set(term, best);
    return best;
  }

  /**
   * The filter of one search: true when a paper passes every filter of the query and the
   * clicked filters. Tag keys are worked out once here, not once per paper.
   */
  private filterFor(q: ParsedQuery, opts: SearchOptions): ((doc: Doc) => boolean) | null {
    const status = q.status;
    const clickedStatus = opts.status || undefined;
    const notStatuses = q.not.statuses;
    const tags = [...q.tags, ...(opts.tag ? [opts.tag] : [])].map(tagKey);
    const notTags = q.not.tags.map(tagKey);
    const year = q.year;
    const site = q.site;
    const notSites = q.not.sites;
    if (status === undefined && !clickedStatus && notStatuses.length === 0 && tags.length === 0 && notTags.length === 0 && !year && site === undefined && notSites.length === 0) return null;
    return (doc) => {
      const p = doc.paper;
      if (status !== undefined && p.status !== status) return false;
      if (clickedStatus && p.status !== clickedStatus) return false;
      if (notStatuses.length && notStatuses.includes(p.status)) return false;
      for (const t of tags) if (!doc.tags.includes(t)) return false;
      for (const t of notTags) if (doc.tags.includes(t)) return false;
      if (year && (doc.year === undefined || doc.year < year.from || doc.year > year.to)) return false;
      if (site !== undefined && !doc.sites.some((s) => s.startsWith(site))) return false;
      for (const ns of notSites) if (doc.sites.some((s) => s.startsWith(ns))) return false;
      return true;
    };
  }

  /**
   * The papers matching a parsed query and the clicked filters. With search words: by relevance
   * (the sum over words of each word's best field score), ties in the selected sort order.
   * Without: in the selected sort order.
   */
  search(q: ParsedQuery = emptyQuery(), opts: SearchOptions = {}): SavedPaper[] {
    const { slots: ordered, rank } = this.order(opts.sort ?? 'savedAt');
    const excluded = q.not.terms.map((t) => this.termScores(t));
    const filter = this.filterFor(q, opts);
    const keep = (doc: Doc) => {
      if (filter && !filter(doc)) return false;
      for (const ex of excluded) if (ex[doc.slot] !== 0) return false;
      return true;
    };

    if (q.terms.length === 0) {
      const out: SavedPaper[] = [];
      for (const slot of ordered) {
        const doc = this.bySlot[slot]!;
        if (keep(doc)) out.push(doc.paper);
      }
      return out;
    }

    // Intersect: start from the first word's matches, narrow with each further word.
    const total = new Uint32Array(this.bySlot.length);
    let candidates: number[] | null = null;
    for (const term of q.terms) {
      const best = this.termScores(term);
      if (candidates === null) {
        candidates = [];
        for (let slot = 0; slot < best.length; slot++) if (best[slot]! > 0) candidates.push(slot);
      } else {
        candidates = candidates.filter((slot) => best[slot]! > 0);
      }
      for (const slot of candidates) total[slot] = total[slot]! + best[slot]!;
      if (candidates.length === 0) return [];
    }
    // Best score first, ties in sort order: one numeric key per hit, sorted as a typed array
    // (much faster than a comparator over 10,000 papers).
    const maxScore = q.terms.length * (SCORE.title + SCORE.exact);
    const stride = ordered.length;
    const keys = new Float64Array(candidates!.length);
    let n = 0;
    for (const slot of candidates!) {
      if (keep(this.bySlot[slot]!)) keys[n++] = (maxScore - total[slot]!) * stride + rank[slot]!;
    }
    const sorted = keys.subarray(0, n).sort();
    const out: SavedPaper[] = new Array<SavedPaper>(n);
    for (let i = 0; i < n; i++) out[i] = this.bySlot[ordered[sorted[i]! % stride]!]!.paper;
    return out;
  }

  /** Every tag in use (first spelling of each, case-insensitive), sorted like Library.allTags. */
  tags(): string[] {
    if (!this.tagCache) {
      // As Library.allTags: distinct spellings in code-unit (IndexedDB key) order, de-duplicated.
      const raw = new Set<string>();
      for (const doc of this.docs.values()) for (const t of doc.paper.tags) raw.add(t);
      this.tagCache = normaliseTags([...raw].sort()).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
    }
    return this.tagCache;
  }
}
