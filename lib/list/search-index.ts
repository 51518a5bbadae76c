/**
 * The popup's in-memory search index: every saved paper is loaded once (Library.all()), and each
 * keystroke is answered from memory, without an IndexedDB round trip. Papers live in small
 * integer slots; the parts, each in its own module:
 *
 * - postings.ts: per word, the slots containing it and in which fields (the relevance score).
 *   Built after the first rows show, in short steps (prepareStep); a search that needs them
 *   before that finishes them first. Filters and sorting never need them.
 * - facts.ts: what the filters read, per slot, and a query's combined filter mask.
 * - hits.ts: the slots matching every search word, narrowed from the last search's while the
 *   user types on.
 * - rank.ts: hits by relevance, ties in the sort order, by a counting pass (no sort).
 *
 * This class keeps the slots, follows changes (single updates patch every part; big batches,
 * such as bulk edits and imports, rebuild the whole index instead) and caches what a keystroke
 * re-uses: the order of every sort key (lib/list/sort sortPapers, until a paper is added, removed or
 * changes a sorted field), recent words' scores, the last filter and the last hits.
 */
import { normaliseTags, type SavedPaper } from '../paper';
import type { Searchable } from './searchable';
import { emptyQuery, type ParsedQuery } from './query';
import { sortPapers, type SortKey } from './sort';
import { FilterFacts, filterKey, toDoc, type ClickedFilters, type Doc } from './facts';
import { findHits, type Hits } from './hits';
import { WordPostings } from './postings';
import { rankHits } from './rank';

/** How many recent search words keep their per-paper scores. */
const TERM_CACHE_SIZE = 16;

/** Above this many changed papers (or a tenth of the index), rebuild instead of patching. */
const REBUILD_AT = 200;

/** A sort order: live slots in order, and their papers (rebuilt after any change to a paper). */
interface Order<T> {
  slots: number[];
  papers: T[] | null;
}

/** Extra filters clicked in the popup (they AND with the typed ones), and the sort order. */
export interface SearchOptions extends ClickedFilters {
  sort?: SortKey;
}

/** True when a change to a paper can move it in one of the sort orders. */
function sortFieldsChanged(a: Searchable, b: Searchable): boolean {
  return a.title !== b.title || a.savedAt !== b.savedAt || a.publishedAt !== b.publishedAt || a.signals.upvotes !== b.signals.upvotes;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

/**
 * The index over saved papers (the default), or over any record the list can show as one
 * (lib/list/searchable: the seen history's papers).
 */
export class SearchIndex<T extends Searchable = SavedPaper> {
  private docs = new Map<string, Doc<T>>();
  private bySlot: (Doc<T> | undefined)[] = [];
  private freeSlots: number[] = [];
  private readonly words = new WordPostings();
  private readonly facts = new FilterFacts();
  /** per sort key: slots in order (and their papers) */
  private orders = new Map<SortKey, Order<T>>();
  private tagCache: string[] | null = null;
  /** per-slot scores of recent search words (cleared on every change) */
  private termCache = new Map<string, Uint8Array>();
  /** the last word search's hits (cleared on every change: an edit can add or drop a hit) */
  private lastHits: Hits | null = null;
  /** true when the last search started from the hits of the one before (see `narrowed`) */
  private narrowedLast = false;
  /** increases on every change (for memoising views of the index) */
  version = 0;

  constructor(papers: Iterable<T> = []) {
    this.reset(papers);
  }

  /** How many papers are indexed. */
  get size(): number {
    return this.docs.size;
  }

  get(id: string): T | undefined {
    return this.docs.get(id)?.paper;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Replace everything with these papers (the first load, a full reload). */
  reset(papers: Iterable<T>): void {
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
    this.facts.clear();
    for (const doc of this.bySlot) this.facts.add(doc!);
    // The word postings are built lazily: the first rows can show before they exist.
    this.words.clear();
    this.changed(true, true);
  }

  /** True when the last search only looked at the hits of the word search before it (typing on). */
  get narrowed(): boolean {
    return this.narrowedLast;
  }

  /** True once the word postings exist (before that, the first word search builds them). */
  get prepared(): boolean {
    return this.words.ready;
  }

  /** Build the word postings now, if they are not built yet. */
  prepare(): void {
    this.prepareStep(Number.POSITIVE_INFINITY);
  }

  /**
   * Index the words of more papers for about `budgetMs` (the popup calls this in small steps
   * right after the first rows are shown, so no task runs long and the first keystroke usually
   * finds the postings ready). True when the postings are complete.
   */
  prepareStep(budgetMs: number): boolean {
    return this.words.build(this.bySlot, budgetMs);
  }

  /** After a change: drop the caches it made stale (the tag list only when tags changed). */
  private changed(orderChanged: boolean, tagsChanged: boolean): void {
    if (orderChanged) this.orders.clear();
    else for (const o of this.orders.values()) o.papers = null; // same order, new paper objects
    this.termCache.clear();
    this.facts.forgetLast();
    this.lastHits = null;
    if (tagsChanged) this.tagCache = null;
    this.version++;
  }

  /** Add or replace papers. */
  upsert(papers: readonly T[]): void {
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
  sync(ids: readonly string[], found: ReadonlyMap<string, T>): void {
    const gone = ids.filter((id) => !found.has(id));
    this.apply([...found.values()], gone);
  }

  private apply(upserts: readonly T[], removals: readonly string[]): void {
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
    let orderChanged = removeIds.length > 0;
    // A status click or a note edit leaves the tag list as it was: keep it.
    const tagsChanged =
      removeIds.some((id) => this.docs.get(id)!.paper.tags.length > 0) ||
      upserts.some((p) => !sameTags(this.docs.get(p.id)?.paper.tags ?? [], p.tags));
    // Before the postings are complete only the slots change; the build starts over to index
    // their words (from scratch: simple and rare).
    const patchWords = this.words.ready;
    if (!patchWords) this.words.restart();
    for (const id of removeIds) {
      const doc = this.docs.get(id)!;
      if (patchWords) this.words.change(doc.slot, doc.paper, undefined);
      this.facts.drop(doc);
      this.docs.delete(id);
      this.bySlot[doc.slot] = undefined;
      this.freeSlots.push(doc.slot);
    }
    for (const p of upserts) {
      const old = this.docs.get(p.id);
      const slot = old ? old.slot : (this.freeSlots.pop() ?? this.bySlot.length);
      if (patchWords) this.words.change(slot, old?.paper, p);
      const doc = toDoc(p, slot);
      if (old) this.facts.drop(old);
      this.facts.add(doc);
      this.docs.set(p.id, doc);
      this.bySlot[slot] = doc;
      if (!old || sortFieldsChanged(old.paper, p)) orderChanged = true;
    }
    if (patchWords) this.words.settle();
    this.changed(orderChanged, tagsChanged);
  }

  /** Slots in the order of a sort key (computed once per change to a sorted field), with their papers. */
  private order(sort: SortKey): { slots: number[]; papers: T[] } {
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

  /** Per slot, the best score of any word starting with `term` (0: no such word). */
  private termScores(term: string): Uint8Array {
    this.prepare();
    // Typing "graph neu" re-uses the scores of "graph" from the keystrokes before.
    const cached = this.termCache.get(term);
    if (cached) return cached;
    const best = this.words.scores(term, this.bySlot.length);
    if (this.termCache.size >= TERM_CACHE_SIZE) this.termCache.delete(this.termCache.keys().next().value!);
    this.termCache.set(term, best);
    return best;
  }

  /**
   * The papers matching a parsed query and the clicked filters. With search words: by relevance
   * (the sum over words of each word's best field score), ties in the selected sort order.
   * Without: in the selected sort order.
   */
  search(q: ParsedQuery = emptyQuery(), opts: SearchOptions = {}): T[] {
    const { slots: ordered, papers } = this.order(opts.sort ?? 'savedAt');
    const key = filterKey(q, opts);
    const keep = this.facts.mask(q, opts, key, this.bySlot.length, (t) => this.termScores(t));
    this.narrowedLast = false;

    if (q.terms.length === 0) {
      if (!keep) return papers.slice();
      const out: T[] = [];
      for (let i = 0; i < ordered.length; i++) if (keep[ordered[i]!]) out.push(papers[i]!);
      return out;
    }

    const scores = q.terms.map((t) => this.termScores(t));
    const { hits, narrowed } = findHits(q.terms, scores, keep, key, this.lastHits);
    this.lastHits = hits;
    this.narrowedLast = narrowed;
    if (hits.slots.length === 0) return [];
    return rankHits(hits.slots, scores, ordered, papers, this.bySlot.length);
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
