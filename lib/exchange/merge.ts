/**
 * Merging two devices' shelves, field by field: a pure function with no clock and no storage, so
 * the same code merges an imported backup, a synced device file and a test's devices.
 *
 * Each paper is a MergeEntry: its record with when each user field last changed (FieldTimes), and
 * when it was last removed (a tombstone). The rules:
 *
 * - note and status: the later change wins (equal times: the larger value, so every device picks
 *   the same one);
 * - tags: each tag (case-insensitively) is added or removed at a time; per tag the later wins
 *   (equal times: removal); tags show in the order they were added;
 * - removal: the later removal counts. It clears what was set before it: a paper is on the shelf
 *   when something happened to it after its last removal (saved again, or any user field edited,
 *   on any device), and then shows only the user edits made after that removal; what was read from
 *   pages (title, authors, links, sources, signals) stays;
 * - what was read from pages: a fixed order per field (a longer author list, abstract or title; a
 *   present value over none; then the larger value), so no merge depends on which side is "ours":
 *   the newer signals with their time, sources united by site (first seen earliest, the latest
 *   address), links and site ids per key; first saved the earliest, updatedAt and zoteroSentAt the
 *   latest.
 *
 * Every rule is a maximum over a total order, so merging is commutative, associative and
 * idempotent (test/merge.test.ts checks it): any devices merging in any order end with the same
 * shelf, and merging the same file twice changes nothing.
 *
 * Storage keeps the compact form (compact()): a removed paper as a small tombstone (its id and
 * when), a paper's fields cleared by a removal as never set. This loses nothing a merge could show.
 */
import { tagKey, type SavedPaper, type Source } from '../paper';

/** A tag added (on) or removed, and when; `tag` is its spelling. */
export interface TagMark {
  tag: string;
  on: boolean;
  at: number;
}

/** When each user field last changed (ms since 1970; 0: not since the paper was saved). */
export interface FieldTimes {
  /** the last time the paper was saved onto a shelf (a save after a removal brings it back) */
  saved: number;
  note: number;
  status: number;
  /** by tagKey */
  tags: Record<string, TagMark>;
}

/** A record with the times of its user fields (its `tags` are the marks that are on). */
export interface Clocked {
  paper: SavedPaper;
  times: FieldTimes;
}

/** What one shelf knows of one paper: its record, when it was last removed, or both. */
export interface MergeEntry {
  id: string;
  clocked?: Clocked;
  removedAt?: number;
}

type Key = readonly (number | string)[];

/** Lexicographic order of sort keys. */
function cmpKey(a: Key, b: Key): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -Infinity;
    const y = b[i] ?? -Infinity;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The larger of two values by a sort key. */
function maxBy<T>(a: T, b: T, key: (v: T) => Key): T {
  return cmpKey(key(a), key(b)) >= 0 ? a : b;
}

/** JSON with sorted keys: one text per value, whatever order its keys were written in. */
export function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0))) : x,
  );
}

/** An optional field: a present value over none, then by the key. */
function field<T>(a: T | undefined, b: T | undefined, key: (v: T) => Key): T | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return maxBy(a, b, key);
}

const byText = (v: unknown): Key => [canon(v)];
const byLength = (v: string | readonly unknown[]): Key => [v.length, canon(v)];

/** Per key of two records (links, site ids): each key's larger value. */
function perKey(a: Readonly<Record<string, string | undefined>> | undefined, b: Readonly<Record<string, string | undefined>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])) {
    const v = field(a?.[k], b?.[k], byText);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function mergeSources(a: readonly Source[], b: readonly Source[]): Source[] {
  const bySite = new Map<string, Source>();
  for (const s of [...a, ...b]) {
    const cur = bySite.get(s.site);
    if (!cur) {
      bySite.set(s.site, { ...s });
      continue;
    }
    const later = maxBy(cur, s, (x) => [x.lastSeenAt, x.url]);
    bySite.set(s.site, { site: s.site, url: later.url, firstSeenAt: Math.min(cur.firstSeenAt, s.firstSeenAt), lastSeenAt: later.lastSeenAt });
  }
  return [...bySite.values()].sort((x, y) => (x.site < y.site ? -1 : x.site > y.site ? 1 : 0));
}

/** Add an optional key only when it has a value (records never hold `key: undefined`). */
function put<T extends object, K extends keyof T>(o: T, k: K, v: T[K] | undefined): void {
  if (v !== undefined) o[k] = v;
  else delete o[k];
}

/** What two copies read from pages, merged; user fields are set by the caller. */
function mergeRecord(a: SavedPaper, b: SavedPaper): SavedPaper {
  const signals = maxBy(a, b, (p) => [p.signalsSeenAt ?? -1, canon(p.signals)]);
  const out: SavedPaper = {
    id: a.id,
    title: maxBy(a.title, b.title, byLength),
    authors: maxBy(a.authors, b.authors, byLength),
    links: perKey(a.links, b.links),
    signals: { ...signals.signals },
    sources: mergeSources(a.sources, b.sources),
    tags: [],
    note: '',
    status: 'unread',
    savedAt: Math.min(a.savedAt, b.savedAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
  };
  put(out, 'signalsSeenAt', signals.signalsSeenAt);
  put(out, 'authorCount', field(a.authorCount, b.authorCount, (n) => [n]));
  put(out, 'abstract', field(a.abstract, b.abstract, byLength));
  put(out, 'subjects', field(a.subjects, b.subjects, byLength));
  put(out, 'arxivVersion', field(a.arxivVersion, b.arxivVersion, (n) => [n]));
  put(out, 'year', field(a.year, b.year, (n) => [n]));
  put(out, 'zoteroSentAt', field(a.zoteroSentAt, b.zoteroSentAt, (n) => [n]));
  for (const k of ['publishedAt', 'arxivId', 'doi', 'thumbnail'] as const) put(out, k, field(a[k], b[k], byText));
  for (const k of ['venue', 'comments'] as const) put(out, k, field(a[k], b[k], byLength));
  if (a.siteIds || b.siteIds) out.siteIds = perKey(a.siteIds, b.siteIds);
  return out;
}

function mergeMarks(a: Readonly<Record<string, TagMark>>, b: Readonly<Record<string, TagMark>>): Record<string, TagMark> {
  const out: Record<string, TagMark> = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    // Equal times: the removal wins (on: false sorts higher), then the larger spelling.
    const m = field(a[k], b[k], (x) => [x.at, x.on ? 0 : 1, x.tag])!;
    out[k] = { ...m };
  }
  return out;
}

/** The tags that are on, in the order they were added. */
function tagsOn(marks: Readonly<Record<string, TagMark>>, after = -Infinity): string[] {
  return Object.entries(marks)
    .filter(([, m]) => m.on && m.at > after)
    .sort(([k1, m1], [k2, m2]) => m1.at - m2.at || (k1 < k2 ? -1 : k1 > k2 ? 1 : 0))
    .map(([, m]) => m.tag);
}

/** A record with its derived field (sites) made again. */
export function withDerived(p: SavedPaper): SavedPaper {
  return { ...p, sites: [...new Set(p.sources.map((s) => s.site))] };
}

function mergeClocked(a: Clocked, b: Clocked): Clocked {
  const note = maxBy(a, b, (c) => [c.times.note, c.paper.note]);
  const status = maxBy(a, b, (c) => [c.times.status, c.paper.status]);
  const tags = mergeMarks(a.times.tags, b.times.tags);
  const times: FieldTimes = { saved: Math.max(a.times.saved, b.times.saved), note: note.times.note, status: status.times.status, tags };
  const paper = withDerived({ ...mergeRecord(a.paper, b.paper), note: note.paper.note, status: status.paper.status, tags: tagsOn(tags) });
  return { paper, times };
}

/** Merge what two shelves know of one paper. */
export function mergeEntries(a: MergeEntry, b: MergeEntry): MergeEntry {
  const out: MergeEntry = { id: a.id };
  const clocked = a.clocked && b.clocked ? mergeClocked(a.clocked, b.clocked) : (a.clocked ?? b.clocked);
  if (clocked) out.clocked = clocked;
  const removedAt = field(a.removedAt, b.removedAt, (n) => [n]);
  if (removedAt !== undefined) out.removedAt = removedAt;
  return out;
}

/** Merge two shelves (by paper id). */
export function mergeShelves(a: ReadonlyMap<string, MergeEntry>, b: ReadonlyMap<string, MergeEntry>): Map<string, MergeEntry> {
  const out = new Map(a);
  for (const [id, e] of b) {
    const cur = out.get(id);
    out.set(id, cur ? mergeEntries(cur, e) : e);
  }
  return out;
}

/** The last thing that happened to a paper (saved, or a user field changed). */
export function lastTouched(t: FieldTimes): number {
  return Math.max(t.saved, t.note, t.status, ...Object.values(t.tags).map((m) => m.at));
}

/** The paper as the shelf shows it, or null when it is not on the shelf (removed, or only a tombstone). */
export function visible(e: MergeEntry): SavedPaper | null {
  if (!e.clocked) return null;
  const removed = e.removedAt ?? -Infinity;
  const { paper, times } = e.clocked;
  if (lastTouched(times) <= removed) return null;
  return withDerived({
    ...paper,
    note: times.note > removed ? paper.note : '',
    status: times.status > removed ? paper.status : 'unread',
    tags: tagsOn(times.tags, removed),
  });
}

/**
 * The form storage keeps: a paper not on the shelf becomes its tombstone ({ id, removedAt });
 * one on it keeps its removal time and drops the user edits that removal cleared. Merging the
 * compact form shows the same shelf (test/merge.test.ts).
 */
export function compact(e: MergeEntry): MergeEntry {
  const shown = visible(e);
  if (!shown) return e.removedAt === undefined ? { id: e.id } : { id: e.id, removedAt: e.removedAt };
  if (e.removedAt === undefined) return e;
  const removed = e.removedAt;
  const t = e.clocked!.times;
  const tags = Object.fromEntries(Object.entries(t.tags).filter(([, m]) => m.at > removed));
  const times: FieldTimes = { saved: t.saved, note: t.note > removed ? t.note : 0, status: t.status > removed ? t.status : 0, tags };
  return { id: e.id, clocked: { paper: shown, times }, removedAt: removed };
}

/**
 * A record with no per-field times yet (saved before PaperShelf kept them, or from a backup of
 * version 1): every user field counts as changed when the record was last edited (updatedAt).
 */
export function clockedFromRecord(p: SavedPaper): Clocked {
  const tags: Record<string, TagMark> = {};
  for (const tag of p.tags) tags[tagKey(tag)] = { tag, on: true, at: p.updatedAt };
  return { paper: p, times: { saved: p.savedAt, note: p.updatedAt, status: p.updatedAt, tags } };
}
