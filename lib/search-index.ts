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
 *   until a paper is added, removed or changes a sorted field. A search never sorts at all: the
 *   hits are placed by a counting pass over that order, one bucket per relevance score (scores
 *   are small integers), which keeps ties in sort order.
 * - Filters read per-slot facts kept up to date with every change (status and year in flat
 *   arrays, the slots of each tag and site), and the combined filter of a query is kept while
 *   only its words change: walking 10,000 paper objects costs more (memory latency) than
 *   everything else a keystroke does.
 * - Typing on narrows: when the words only grow (the last word longer, or one more word), the
 *   next search starts from the last one's hits instead of every paper.
 */
import { sortPapers, type SortKey } from './sort';
import { normaliseTags, STATUSES, tagKey, type SavedPaper, type Status } from './paper';
import { emptyQuery, type ParsedQuery } from './query';
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

/** Status of a slot in the per-slot facts: 1 + index in STATUSES (0: none of them). */
const STATUS_CODE = new Map<string, number>(STATUSES.map((s, i) => [s, i + 1]));
/** A status code no slot has (a filter on an unknown status matches nothing). */
const NO_STATUS = -1;

interface Doc {
  paper: SavedPaper;
  slot: number;
  /** tagKey of each tag */
  tags: string[];
  year: number | undefined;
  /** lower-case sources[].site */
  sites: string[];
}

/** A sort order: live slots in order, and their papers (rebuilt after any change to a paper). */
interface Order {
  slots: number[];
  papers: SavedPaper[] | null;
}

/** The hits of the last word search (any order), for the next keystroke to narrow from. */
interface LastHits {
  /** the filter part of that query (keepKey) */
  keepKey: string;
  terms: readonly string[];
  slots: Int32Array;
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
  shortFieldWords(p, out);
  for (const w of p.words) if (!out.has(w)) out.set(w, BODY);
  return out;
}

/**
 * Word -> field bits of the title, authors and tags only. The names (and tags) are split as one
 * text: a space between them ends every word, so the words are those of each name on its own.
 */
function shortFieldWords(p: SavedPaper, out: Map<string, number>): Map<string, number> {
  out.clear();
  const add = (text: string, bit: number) => {
    for (const w of wordsOf(text)) out.set(w, (out.get(w) ?? 0) | bit);
  };
  add(p.title, TITLE);
  add(p.authors.join(' '), AUTHOR);
  add(p.tags.join(' '), TAG);
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

/**
 * True when every paper matching `terms` also matches `prev`: each earlier word is a prefix of
 * the word now in its place (typed on), and words may have been added after them.
 */
export function narrows(prev: readonly string[], terms: readonly string[]): boolean {
  return prev.length > 0 && prev.length <= terms.length && prev.every((t, i) => terms[i]!.startsWith(t));
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

function addTo(sets: Map<string, Set<number>>, key: string, slot: number): void {
  const set = sets.get(key);
  if (set) set.add(slot);
  else sets.set(key, new Set([slot]));
}

function dropFrom(sets: Map<string, Set<number>>, key: string, slot: number): void {
  const set = sets.get(key);
  if (!set) return;
  set.delete(slot);
  if (set.size === 0) sets.delete(key);
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
  /** per sort key: slots in order (and their papers) */
  private orders = new Map<SortKey, Order>();
  /** false until the first search needs words (see prepare) */
  private postingsReady = false;
  /** postings being built by prepareStep, and the next slot to index */
  private partial: { postings: Map<string, number[]>; next: number } | null = null;
  private tagCache: string[] | null = null;
  /** per-slot scores of recent search words (cleared on every change) */
  private termCache = new Map<string, Uint8Array>();
  /** per slot: status code (STATUS_CODE, 0 when free) and publication year (NaN: none) */
  private statusAt: number[] = [];
  private yearAt: number[] = [];
  /** tagKey -> slots carrying it; lower-case site id -> slots seen there */
  private tagSlots = new Map<string, Set<number>>();
  private siteSlots = new Map<string, Set<number>>();
  /** the last combined filter (cleared on every change) */
  private lastKeep: { key: string; mask: Uint8Array | null } | null = null;
  /** the last word search's hits (cleared on every change: an edit can add or drop a hit) */
  private lastHits: LastHits | null = null;
  /** true when the last search started from the hits of the one before (see `narrowed`) */
  private narrowedLast = false;
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
    this.statusAt = [];
    this.yearAt = [];
    this.tagSlots = new Map();
    this.siteSlots = new Map();
    for (const doc of this.bySlot) this.addFacts(doc!);
    // The word postings are built lazily: the first rows can show before they exist.
    this.postings = new Map();
    this.dict = [];
    this.postingsReady = false;
    this.partial = null;
    this.changed(true, true);
  }

  /** True when the last search only looked at the hits of the word search before it (typing on). */
  get narrowed(): boolean {
    return this.narrowedLast;
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
    const postings = work.postings;
    const short = new Map<string, number>();
    let slot = work.next;
    while (slot < this.bySlot.length) {
      const doc = this.bySlot[slot];
      if (doc) {
        // As fieldWords, without building its map of ~100 words per paper: the short fields'
        // words first, then every other stored word as abstract or note. Slots only grow here,
        // so a list already ending with this slot means a repeated word.
        for (const [w, bits] of shortFieldWords(doc.paper, short)) {
          const list = postings.get(w);
          if (list) list.push((slot << FIELD_BITS) | bits);
          else postings.set(w, [(slot << FIELD_BITS) | bits]);
        }
        const body = (slot << FIELD_BITS) | BODY;
        for (const w of doc.paper.words) {
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
    else for (const o of this.orders.values()) o.papers = null; // same order, new paper objects
    this.termCache.clear();
    this.lastKeep = null;
    this.lastHits = null;
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
        this.dropFacts(doc);
        this.docs.delete(id);
        this.bySlot[doc.slot] = undefined;
        this.freeSlots.push(doc.slot);
      }
      for (const p of upserts) {
        const old = this.docs.get(p.id);
        const slot = old ? old.slot : (this.freeSlots.pop() ?? this.bySlot.length);
        const doc = toDoc(p, slot);
        if (old) this.dropFacts(old);
        this.addFacts(doc);
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
      this.dropFacts(doc);
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
      if (old) this.dropFacts(old);
      this.addFacts(doc);
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

  /** Record what the filters read of a paper in its slot. */
  private addFacts(doc: Doc): void {
    this.statusAt[doc.slot] = STATUS_CODE.get(doc.paper.status) ?? 0;
    this.yearAt[doc.slot] = doc.year ?? NaN;
    for (const t of doc.tags) addTo(this.tagSlots, t, doc.slot);
    for (const site of doc.sites) addTo(this.siteSlots, site, doc.slot);
  }

  /** Forget a paper's facts (it leaves its slot, or is replaced by a newer version). */
  private dropFacts(doc: Doc): void {
    this.statusAt[doc.slot] = 0;
    this.yearAt[doc.slot] = NaN;
    for (const t of doc.tags) dropFrom(this.tagSlots, t, doc.slot);
    for (const site of doc.sites) dropFrom(this.siteSlots, site, doc.slot);
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

  /** Slots in the order of a sort key (computed once per change to a sorted field), with their papers. */
  private order(sort: SortKey): { slots: number[]; papers: SavedPaper[] } {
    let o = this.orders.get(sort);
    if (!o) {
      const sorted = sortPapers(
        [...this.docs.values()].map((d) => d.paper),
        sort,
      );
      o = { slots: sorted.map((p) => this.docs.get(p.id)!.slot), papers: sorted };
      this.orders.set(sort, o);
    }
    const papers = (o.papers ??= o.slots.map((slot) => this.bySlot[slot]!.paper));
    return { slots: o.slots, papers };
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

  /** Per slot, 1 when one of the sets holds it. */
  private maskOf(sets: Iterable<Set<number>>): Uint8Array {
    const mask = new Uint8Array(this.bySlot.length);
    for (const set of sets) for (const slot of set) mask[slot] = 1;
    return mask;
  }

  /** Per slot, 1 when the paper carries the tag (any spelling: by tagKey). */
  private tagMask(tag: string): Uint8Array {
    const set = this.tagSlots.get(tagKey(tag));
    return this.maskOf(set ? [set] : []);
  }

  /** Per slot, 1 when the paper was seen on a site whose id starts with `prefix`. */
  private siteMask(prefix: string): Uint8Array {
    return this.maskOf([...this.siteSlots].filter(([site]) => site.startsWith(prefix)).map(([, set]) => set));
  }

  /** What decides the filter of a query (everything but its search words), as a string. */
  private keepKey(q: ParsedQuery, opts: SearchOptions): string {
    return JSON.stringify([
      q.status ?? null,
      opts.status || null,
      q.not.statuses,
      [...q.tags, ...(opts.tag ? [opts.tag] : [])].map(tagKey),
      q.not.tags.map(tagKey),
      q.year ?? null,
      q.site ?? null,
      q.not.sites,
      q.not.terms,
    ]);
  }

  /**
   * The filter of one search, per slot (1: the paper passes every filter of the query, the
   * clicked filters and the exclusions), or null when nothing is filtered. Kept until the filter
   * part of the query or the index changes, so typing words does not recompute it.
   */
  private keepMask(q: ParsedQuery, opts: SearchOptions, key: string): Uint8Array | null {
    if (this.lastKeep?.key === key) return this.lastKeep.mask;
    const n = this.bySlot.length;
    let mask: Uint8Array | null = null;
    /** Keep only the slots where `pass` says yes. */
    const and = (pass: (slot: number) => boolean) => {
      if (!mask) mask = new Uint8Array(n).fill(1);
      for (let slot = 0; slot < n; slot++) if (mask[slot] && !pass(slot)) mask[slot] = 0;
    };
    const status = this.statusAt;
    for (const st of [q.status, opts.status || undefined]) {
      if (st === undefined) continue;
      const want = STATUS_CODE.get(st) ?? NO_STATUS;
      and((slot) => status[slot] === want);
    }
    if (q.not.statuses.length) {
      const not = q.not.statuses.map((st) => STATUS_CODE.get(st) ?? NO_STATUS);
      and((slot) => !not.includes(status[slot]!));
    }
    for (const t of [...q.tags, ...(opts.tag ? [opts.tag] : [])]) {
      const has = this.tagMask(t);
      and((slot) => has[slot] === 1);
    }
    for (const t of q.not.tags) {
      const has = this.tagMask(t);
      and((slot) => has[slot] === 0);
    }
    const year = q.year;
    if (year) {
      const years = this.yearAt;
      // NaN (no date) fails both comparisons: such a paper never matches a year.
      and((slot) => years[slot]! >= year.from && years[slot]! <= year.to);
    }
    if (q.site !== undefined) {
      const seen = this.siteMask(q.site);
      and((slot) => seen[slot] === 1);
    }
    for (const ns of q.not.sites) {
      const seen = this.siteMask(ns);
      and((slot) => seen[slot] === 0);
    }
    for (const t of q.not.terms) {
      const scores = this.termScores(t);
      and((slot) => scores[slot] === 0);
    }
    this.lastKeep = { key, mask };
    return mask;
  }

  /**
   * The papers matching a parsed query and the clicked filters. With search words: by relevance
   * (the sum over words of each word's best field score), ties in the selected sort order.
   * Without: in the selected sort order.
   */
  search(q: ParsedQuery = emptyQuery(), opts: SearchOptions = {}): SavedPaper[] {
    const { slots: ordered, papers } = this.order(opts.sort ?? 'savedAt');
    const key = this.keepKey(q, opts);
    const keep = this.keepMask(q, opts, key);
    this.narrowedLast = false;

    if (q.terms.length === 0) {
      if (!keep) return papers.slice();
      const out: SavedPaper[] = [];
      for (let i = 0; i < ordered.length; i++) if (keep[ordered[i]!]) out.push(papers[i]!);
      return out;
    }

    // Candidates: the last search's hits when this one can only have fewer (typing on with the
    // same filters), else every paper the first word matches and the filter keeps. Each word
    // then drops the candidates it does not match.
    const terms = q.terms;
    const scores = terms.map((t) => this.termScores(t));
    const last = this.lastHits;
    let hits: Int32Array;
    let n = 0;
    /** the words the candidates are not known to match yet */
    let unchecked: Uint8Array[];
    if (last && last.keepKey === key && narrows(last.terms, terms)) {
      hits = last.slots.slice();
      n = hits.length;
      this.narrowedLast = true;
      unchecked = scores.filter((_, i) => terms[i] !== last.terms[i]);
    } else {
      const first = scores[0]!;
      hits = new Int32Array(first.length);
      for (let slot = 0; slot < first.length; slot++) if (first[slot] !== 0 && (!keep || keep[slot])) hits[n++] = slot;
      unchecked = scores.slice(1);
    }
    for (const best of unchecked) {
      let k = 0;
      for (let i = 0; i < n; i++) if (best[hits[i]!] !== 0) hits[k++] = hits[i]!;
      n = k;
    }
    hits = hits.slice(0, n);
    this.lastHits = { keepKey: key, terms, slots: hits };
    if (n === 0) return [];

    // Relevance per hit (0 for every other slot), then a counting sort: how many hits have each
    // score gives where each score's run starts (best first); one pass over the sort order fills
    // the runs, so ties stay in sort order. No comparison sort of thousands of hits per keystroke.
    const total = new Uint32Array(this.bySlot.length);
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
    const out: SavedPaper[] = new Array<SavedPaper>(n);
    for (let i = 0; i < ordered.length; i++) {
      const s = total[ordered[i]!]!;
      if (s !== 0) out[start[s]!++] = papers[i]!;
    }
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
