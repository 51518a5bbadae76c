/**
 * The only module that touches the papers table: save, patch, remove, restore, lookup, import,
 * read. Every write is one transaction and re-derives `sites` from the sources; user fields (tags, note, status) change only through patches, never by a paper
 * being seen again. Searching, filtering and sorting are the popup's in-memory index
 * (lib/list/search-index) and the export's selection (lib/exchange/select).
 */
import { notifyChanged } from './changes';
import { getDb, putAll, sitesOf, type PaperShelfDB, type Removal } from './db';
import type { MergeEntry } from './exchange/merge';
import { normaliseTags, PaperDraft, SavedPaper, UserPatch, type Source } from './paper';
import type { SeenPaper } from './seen/record';
import { SeenStore } from './seen/store';
import { loadSettings } from './settings';
import { mergeIntoShelf, mergeSeen } from './shelf-merge';
import { editTime, patchedTimes, removalTime, restoredTimes, savedTimes, timesOf, withoutTimes } from './shelf-times';

export interface ImportedCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** One step of an import: papers (with their times, if the file has them), tombstones, seen records. */
export interface ImportStep {
  records: readonly SavedPaper[];
  removed?: readonly Removal[];
  seen?: readonly SeenPaper[];
  /** false once the import must not happen (an entry was rejected) */
  ok: boolean;
}

/** Thrown inside an import's transaction to undo it (an entry was rejected). */
class ImportStopped extends Error {}

export class NotFoundError extends Error {
  constructor(id: string) {
    super(`No saved paper with id ${id}`);
    this.name = 'NotFoundError';
  }
}

/** Re-derive `sites` (the popup's site: filter) after any change. */
function withSites(p: Omit<SavedPaper, 'sites'> & { sites?: string[] }): SavedPaper {
  return { ...p, sites: sitesOf(p.sources) };
}

function mergeSources(sources: readonly Source[], site: string, url: string, now: number): Source[] {
  const out = sources.map((s) => ({ ...s }));
  const same = out.find((s) => s.site === site);
  if (same) {
    same.url = url;
    same.lastSeenAt = now;
  } else {
    out.push({ site, url, firstSeenAt: now, lastSeenAt: now });
  }
  return out;
}

/** The bibliographic and signal part of a record, updated from a fresh draft. */
function applyDraft(existing: SavedPaper, d: PaperDraft, now: number): SavedPaper {
  const richerAuthors = d.authors.length > 0 && d.authors.length >= existing.authors.length;
  // The paper's page (the list's link, the details' "Paper page", an export's URL) stays on the
  // site it was saved from: another site showing the paper adds a source, not a new main link.
  const page = existing.links.page && existing.sources[0]?.site !== d.site ? existing.links.page : (d.links.page ?? existing.links.page);
  const next: SavedPaper = {
    ...existing,
    title: d.title || existing.title,
    authors: richerAuthors ? d.authors : existing.authors,
    links: { ...existing.links, ...d.links, ...(page ? { page } : {}) },
    signals: { ...existing.signals, ...d.signals },
    signalsSeenAt: now,
    sources: mergeSources(existing.sources, d.site, d.links.page ?? d.pageUrl, now),
  };
  if (d.siteId) next.siteIds = { ...existing.siteIds, [d.site]: d.siteId };
  if (richerAuthors) delete next.authorCount;
  else if (existing.authors.length === 0 && d.authorCount !== undefined) next.authorCount = d.authorCount;
  for (const key of ['abstract', 'publishedAt', 'arxivId', 'arxivVersion', 'doi', 'venue', 'year', 'thumbnail', 'comments', 'subjects'] as const) {
    const longer = key !== 'abstract' || (d.abstract?.length ?? 0) > (existing.abstract?.length ?? 0);
    if (d[key] !== undefined && (existing[key] === undefined || longer)) {
      (next as Record<string, unknown>)[key] = d[key];
    }
  }
  return withSites(next);
}

function fromDraft(d: PaperDraft, now: number): SavedPaper {
  const { site, pageUrl, siteId, ...bib } = d;
  return withSites({
    ...bib,
    ...(siteId ? { siteIds: { [site]: siteId } } : {}),
    signalsSeenAt: now,
    sources: [{ site, url: d.links.page ?? pageUrl, firstSeenAt: now, lastSeenAt: now }],
    tags: [],
    note: '',
    status: 'unread',
    savedAt: now,
    updatedAt: now,
  });
}

/** A user patch applied at `now`, recording when each field it changed changed (p.times). */
function applyPatch(p: SavedPaper, patch: UserPatch, now: number): SavedPaper {
  let tags = patch.tags ? normaliseTags(patch.tags) : p.tags;
  if (patch.addTags) tags = normaliseTags([...tags, ...patch.addTags]);
  if (patch.removeTags) {
    const drop = new Set(patch.removeTags.map((t) => t.toLowerCase()));
    tags = tags.filter((t) => !drop.has(t.toLowerCase()));
  }
  return withSites({
    ...p,
    tags,
    note: patch.note ?? p.note,
    status: patch.status ?? p.status,
    updatedAt: now,
    times: patchedTimes(p, tags, patch, now),
  });
}

export class Library {
  /** the seen history, beside the papers (lib/seen/store) */
  readonly seen: SeenStore;

  constructor(private readonly db: PaperShelfDB = getDb()) {
    this.seen = new SeenStore(db, loadSettings);
  }

  /**
   * Save (upsert) a paper: merge sources, refresh feed signals, keep the user's fields;
   * optionally apply a user patch in the same transaction (e.g. "save with these tags").
   */
  async save(draftInput: PaperDraft, patch?: UserPatch, now = Date.now()): Promise<SavedPaper> {
    const draft = PaperDraft.parse(draftInput);
    const userPatch = patch ? UserPatch.parse(patch) : undefined;
    const saved = await this.db.transaction('rw', this.db.papers, this.db.removed, async () => {
      const [existing, removal] = await Promise.all([this.db.papers.get(draft.id), this.db.removed.get(draft.id)]);
      // A paper removed before is saved after its tombstone (which stays: a merge still needs to
      // know that the edits made before it were cleared).
      const at = editTime(now, removal);
      let rec = existing ? applyDraft(existing, draft, now) : { ...fromDraft(draft, now), times: savedTimes(undefined, at) };
      if (userPatch) rec = applyPatch(rec, userPatch, at);
      await this.db.papers.put(rec);
      return rec;
    });
    notifyChanged([saved.id]);
    return saved;
  }

  /** Field-level patch of tags / note / status. Reads and writes in one transaction. */
  async patch(id: string, patchInput: UserPatch, now = Date.now()): Promise<SavedPaper> {
    const patch = UserPatch.parse(patchInput);
    const rec = await this.db.transaction('rw', this.db.papers, this.db.removed, async () => {
      const [existing, removal] = await Promise.all([this.db.papers.get(id), this.db.removed.get(id)]);
      if (!existing) return null;
      const next = applyPatch(existing, patch, editTime(now, removal));
      await this.db.papers.put(next);
      return next;
    });
    // Thrown outside the transaction: Dexie wraps errors thrown inside it.
    if (!rec) throw new NotFoundError(id);
    notifyChanged([id]);
    return rec;
  }

  /** Remove papers, leaving a tombstone each; returns the removed records so the caller can undo. */
  async remove(ids: readonly string[], now = Date.now()): Promise<SavedPaper[]> {
    const removed = await this.db.transaction('rw', this.db.papers, this.db.removed, async () => {
      const recs = (await this.db.papers.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
      await this.db.papers.bulkDelete(recs.map((r) => r.id));
      await this.db.removed.bulkPut(recs.map((r) => ({ id: r.id, removedAt: removalTime(r, now) })));
      return recs;
    });
    notifyChanged(removed.map((r) => r.id));
    return removed;
  }

  /**
   * Put removed records back (undo): as they were, with every user field set again after the
   * removal (shelf-times restoredTimes), so a device that heard of the removal shows them again.
   */
  async restore(records: readonly SavedPaper[], now = Date.now()): Promise<void> {
    const parsed = records.map((r) => SavedPaper.parse(r));
    await this.db.transaction('rw', this.db.papers, this.db.removed, async () => {
      const removals = await this.db.removed.bulkGet(parsed.map((r) => r.id));
      const recs = parsed.map((r, i) => ({ ...r, times: restoredTimes(r, editTime(now, removals[i])) }));
      await this.db.papers.bulkPut(recs);
    });
    notifyChanged(parsed.map((r) => r.id));
  }

  /** Saved records for many ids at once (missing ids are absent from the map). */
  async lookup(ids: readonly string[]): Promise<Map<string, SavedPaper>> {
    const recs = await this.db.papers.bulkGet([...ids]);
    const out = new Map<string, SavedPaper>();
    for (const r of recs) if (r) out.set(r.id, r);
    return out;
  }

  /**
   * Papers seen on a page: the saved ones get their feed signals and sources refreshed
   * (user fields untouched). Does not notify tabs: nothing the user sees on a card changed.
   */
  async observe(drafts: readonly PaperDraft[], now = Date.now()): Promise<Map<string, SavedPaper>> {
    // Nothing seen: no read-write transaction (a feed's lookups by id alone come through here).
    if (drafts.length === 0) return new Map();
    const byId = new Map(drafts.map((d) => [d.id, d] as const));
    return this.db.transaction('rw', this.db.papers, async () => {
      const recs = await this.db.papers.bulkGet([...byId.keys()]);
      const out = new Map<string, SavedPaper>();
      const updates: SavedPaper[] = [];
      for (const r of recs) {
        if (!r) continue;
        const next = applyDraft(r, byId.get(r.id)!, now);
        updates.push(next);
        out.set(r.id, next);
      }
      if (updates.length) await this.db.papers.bulkPut(updates);
      return out;
    });
  }

  /** Patch many papers in one transaction (bulk tag / status). Missing ids are ignored. */
  async patchMany(ids: readonly string[], patchInput: UserPatch, now = Date.now()): Promise<SavedPaper[]> {
    const patch = UserPatch.parse(patchInput);
    const out = await this.db.transaction('rw', this.db.papers, this.db.removed, async () => {
      const recs = (await this.db.papers.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
      const removals = await this.db.removed.bulkGet(recs.map((r) => r.id));
      const next = recs.map((r, i) => applyPatch(r, patch, editTime(now, removals[i])));
      await this.db.papers.bulkPut(next);
      return next;
    });
    notifyChanged(out.map((r) => r.id));
    return out;
  }

  /**
   * Remember that these papers were sent to Zotero at `at` (only after Zotero saved them). Not a
   * user edit: updatedAt stays. Missing ids are ignored; returns the ids marked.
   */
  async markSentToZotero(ids: readonly string[], at = Date.now()): Promise<string[]> {
    const marked = await this.db.transaction('rw', this.db.papers, async () => {
      const recs = (await this.db.papers.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
      await this.db.papers.bulkPut(recs.map((r) => ({ ...r, zoteroSentAt: at })));
      return recs.map((r) => r.id);
    });
    notifyChanged(marked);
    return marked;
  }

  /** The first `limit` papers, most recently saved first (the popup shows them before all() lands). */
  async firstPage(sort: 'savedAt', limit: number): Promise<SavedPaper[]> {
    return this.db.papers.orderBy(sort).reverse().limit(limit).toArray();
  }

  /** Every record (for export and the popup's in-memory index). */
  async all(): Promise<SavedPaper[]> {
    return this.db.papers.toArray();
  }

  /**
   * Merge imported records in one transaction, field by field (lib/exchange/merge through
   * lib/shelf-merge): per user field the later change wins, tags merge as additions and removals,
   * tombstones remove what was set before them. Records are validated here unless `validated` says
   * the caller parsed them with SavedPaper already (lib/exchange/import: every record of a plan
   * was). All or nothing: any failure writes nothing.
   */
  async importRecords(records: readonly SavedPaper[], opts: { validated?: boolean; removed?: readonly Removal[]; seen?: readonly SeenPaper[] } = {}): Promise<ImportedCounts> {
    const recs = opts.validated ? records : records.map((r) => SavedPaper.parse(r));
    let given = false;
    const counts = await this.importFrom(() => (given ? null : ((given = true), { records: recs, removed: opts.removed ?? [], seen: opts.seen ?? [], ok: true })));
    return counts!;
  }

  /**
   * Import what `next` hands over, batch by batch, in one transaction (records validated, as for
   * importRecords): each batch is merged and written while `next` prepares the one after, so the
   * database writes meanwhile. `next` returns null when done, `ok: false` once the import must not
   * happen (an entry it rejected): then nothing more is written, `next` is still called to the
   * end, and what was written is undone: resolves null. Importing the same file twice changes
   * nothing the second time.
   */
  async importFrom(next: () => ImportStep | null): Promise<ImportedCounts | null> {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const changed = new Set<string>();
    const { papers, removed, seen } = this.db;
    try {
      await this.db.transaction('rw', papers, removed, seen, async (tx) => {
        // Only papers already on the shelf (or removed from it) are read (the keys alone tell
        // which): importing into a new library reads none, where 10,000 gets took ~150 ms.
        const [onShelf, tombstoned] = await Promise.all([papers.toCollection().primaryKeys(), removed.toCollection().primaryKeys()]);
        const known = new Set<string>([...(onShelf as string[]), ...(tombstoned as string[])]);
        // What this import wrote so far, by id: a paper listed twice merges with its first merge.
        const recs = new Map<string, SavedPaper | null>();
        const tombs = new Map<string, Removal>();
        // Written as each batch is ready, not awaited one by one: the database writes a batch while
        // this page prepares the next (the writes go in order).
        const written: Array<Promise<unknown>> = [];
        let ok = true;
        for (let got = next(); got; got = next()) {
          ok &&= got.ok;
          if (!ok) continue;
          const entries = new Map<string, MergeEntry>();
          for (const r of got.records) entries.set(r.id, { id: r.id, clocked: { paper: r, times: timesOf(r) } });
          for (const t of got.removed ?? []) entries.set(t.id, { ...(entries.get(t.id) ?? { id: t.id }), removedAt: t.removedAt });
          const ids = [...entries.keys()].filter((id) => known.has(id) && !recs.has(id) && !tombs.has(id));
          const [have, gone] = ids.length ? await Promise.all([papers.bulkGet(ids), removed.bulkGet(ids)]) : [[], []];
          ids.forEach((id, i) => {
            if (!recs.has(id)) recs.set(id, have[i] ?? null);
            if (gone[i]) tombs.set(id, gone[i]!);
          });
          const puts: SavedPaper[] = [];
          const dels: string[] = [];
          const tombPuts: Removal[] = [];
          for (const [id, e] of entries) {
            const w = mergeIntoShelf(recs.get(id) ?? undefined, tombs.get(id), e.clocked ? { ...e, clocked: { paper: withoutTimes(e.clocked.paper), times: e.clocked.times } } : e);
            if (w.count !== 'none') counts[w.count]++;
            if (w.paper !== undefined) {
              recs.set(id, w.paper);
              changed.add(id);
              if (w.paper) puts.push(w.paper);
              else dels.push(id);
            }
            if (w.removal) {
              tombs.set(id, w.removal);
              tombPuts.push(w.removal);
            }
          }
          if (puts.length) written.push(putAll(tx, 'papers', puts));
          if (dels.length) written.push(papers.bulkDelete(dels));
          if (tombPuts.length) written.push(removed.bulkPut(tombPuts));
          if (got.seen?.length) written.push(this.mergeSeenRecords(got.seen));
        }
        await Promise.all(written);
        if (!ok) throw new ImportStopped();
      });
    } catch (err) {
      if (err instanceof ImportStopped) return null;
      throw err;
    }
    notifyChanged([...changed]);
    return counts;
  }

  /** Seen records merged into the seen table (inside the caller's transaction). */
  private async mergeSeenRecords(incoming: readonly SeenPaper[]): Promise<void> {
    const have = await this.db.seen.bulkGet(incoming.map((s) => s.id));
    await this.db.seen.bulkPut(incoming.map((s, i) => mergeSeen(have[i], s)));
  }

  /** The tombstones (for a backup or a synced file). */
  async removals(): Promise<Removal[]> {
    return this.db.removed.toArray();
  }

  /** The seen history (for a backup that asks for it). */
  async seenRecords(): Promise<SeenPaper[]> {
    return this.db.seen.toArray();
  }

  /**
   * Delete everything on this browser's shelf: papers and tombstones, as if PaperShelf were new
   * here ("Delete all papers" in options, and tests). Not a removal to pass on: a synced folder
   * brings the papers back; removing papers everywhere is the list's Remove.
   */
  async clear(): Promise<void> {
    const ids = (await this.db.papers.toCollection().primaryKeys()) as string[];
    await this.db.transaction('rw', this.db.papers, this.db.removed, async () => {
      await this.db.papers.clear();
      await this.db.removed.clear();
    });
    notifyChanged(ids);
  }

  async get(id: string): Promise<SavedPaper | undefined> {
    return this.db.papers.get(id);
  }

  async count(): Promise<number> {
    return this.db.papers.count();
  }

  /** Every tag in use, sorted case-insensitively. */
  async allTags(): Promise<string[]> {
    const keys = (await this.db.papers.orderBy("tags").uniqueKeys()) as string[];
    return normaliseTags(keys).sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  }
}

let shared: Library | null = null;
export function getLibrary(): Library {
  shared ??= new Library();
  return shared;
}
