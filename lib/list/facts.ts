/**
 * What the search index's filters read, per slot, kept up to date with every change: status and
 * publication year in flat arrays, the slots of each tag and site in sets. A query's combined
 * filter is one mask over the slots, kept while only its words change: walking 10,000 paper
 * objects costs more (memory latency) than everything else a keystroke does.
 */
import { STATUSES, tagKey, type SavedPaper, type Status } from '../paper';
import type { Searchable } from './searchable';
import type { ParsedQuery } from './query';

/** Status of a slot in the per-slot facts: 1 + index in STATUSES (0: none of them). */
const STATUS_CODE = new Map<string, number>(STATUSES.map((s, i) => [s, i + 1]));
/** A status code no slot has (a filter on an unknown status matches nothing). */
const NO_STATUS = -1;

/** A paper in its slot, with what the filters read of it. */
export interface Doc<T extends Searchable = SavedPaper> {
  paper: T;
  slot: number;
  /** tagKey of each tag */
  tags: string[];
  year: number | undefined;
  /** lower-case sources[].site */
  sites: string[];
}

export function toDoc<T extends Searchable>(paper: T, slot: number): Doc<T> {
  const year = paper.publishedAt ? Number(paper.publishedAt.slice(0, 4)) : undefined;
  return {
    paper,
    slot,
    tags: paper.tags.map(tagKey),
    year: Number.isFinite(year) ? year : undefined,
    sites: paper.sources.map((s) => s.site.toLowerCase()),
  };
}

/** The filters clicked in the popup (they AND with the typed ones). */
export interface ClickedFilters {
  tag?: string;
  status?: Status;
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

/** What decides the filter of a query (everything but its search words), as a string. */
export function filterKey(q: ParsedQuery, opts: ClickedFilters): string {
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

export class FilterFacts {
  /** per slot: status code (STATUS_CODE, 0 when free) and publication year (NaN: none) */
  private statusAt: number[] = [];
  private yearAt: number[] = [];
  /** tagKey -> slots carrying it; lower-case site id -> slots seen there */
  private tagSlots = new Map<string, Set<number>>();
  private siteSlots = new Map<string, Set<number>>();
  /** the last combined filter (forgotten on every change) */
  private lastKeep: { key: string; mask: Uint8Array | null } | null = null;

  /** Forget every slot. */
  clear(): void {
    this.statusAt = [];
    this.yearAt = [];
    this.tagSlots = new Map();
    this.siteSlots = new Map();
  }

  /** Record what the filters read of a paper in its slot. */
  add(doc: Doc<Searchable>): void {
    this.statusAt[doc.slot] = (doc.paper.status && STATUS_CODE.get(doc.paper.status)) || 0;
    this.yearAt[doc.slot] = doc.year ?? NaN;
    for (const t of doc.tags) addTo(this.tagSlots, t, doc.slot);
    for (const site of doc.sites) addTo(this.siteSlots, site, doc.slot);
  }

  /** Forget a paper's facts (it leaves its slot, or is replaced by a newer version). */
  drop(doc: Doc<Searchable>): void {
    this.statusAt[doc.slot] = 0;
    this.yearAt[doc.slot] = NaN;
    for (const t of doc.tags) dropFrom(this.tagSlots, t, doc.slot);
    for (const site of doc.sites) dropFrom(this.siteSlots, site, doc.slot);
  }

  /** Forget the last filter (the papers changed). */
  forgetLast(): void {
    this.lastKeep = null;
  }

  /**
   * The filter of one search over `slotCount` slots, per slot (1: the paper passes every filter
   * of the query, the clicked filters and the exclusions), or null when nothing is filtered.
   * Kept until the filter part of the query (`key`, filterKey) or the papers change, so typing
   * words does not recompute it. `termScores` gives the slots of an excluded word (`-word`).
   */
  mask(q: ParsedQuery, opts: ClickedFilters, key: string, slotCount: number, termScores: (term: string) => Uint8Array): Uint8Array | null {
    if (this.lastKeep?.key === key) return this.lastKeep.mask;
    const n = slotCount;
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
      const has = this.tagMask(t, n);
      and((slot) => has[slot] === 1);
    }
    for (const t of q.not.tags) {
      const has = this.tagMask(t, n);
      and((slot) => has[slot] === 0);
    }
    const year = q.year;
    if (year) {
      const years = this.yearAt;
      // NaN (no date) fails both comparisons: such a paper never matches a year.
      and((slot) => years[slot]! >= year.from && years[slot]! <= year.to);
    }
    if (q.site !== undefined) {
      const seen = this.siteMask(q.site, n);
      and((slot) => seen[slot] === 1);
    }
    for (const ns of q.not.sites) {
      const seen = this.siteMask(ns, n);
      and((slot) => seen[slot] === 0);
    }
    for (const t of q.not.terms) {
      const scores = termScores(t);
      and((slot) => scores[slot] === 0);
    }
    this.lastKeep = { key, mask };
    return mask;
  }

  /** Per slot, 1 when one of the sets holds it. */
  private maskOf(sets: Iterable<Set<number>>, slotCount: number): Uint8Array {
    const mask = new Uint8Array(slotCount);
    for (const set of sets) for (const slot of set) mask[slot] = 1;
    return mask;
  }

  /** Per slot, 1 when the paper carries the tag (any spelling: by tagKey). */
  private tagMask(tag: string, slotCount: number): Uint8Array {
    const set = this.tagSlots.get(tagKey(tag));
    return this.maskOf(set ? [set] : [], slotCount);
  }

  /** Per slot, 1 when the paper was seen on a site whose id starts with `prefix`. */
  private siteMask(prefix: string, slotCount: number): Uint8Array {
    return this.maskOf([...this.siteSlots].filter(([site]) => site.startsWith(prefix)).map(([, set]) => set), slotCount);
  }
}
