/**
 * The only module that touches the papers table: save, patch, remove, restore, lookup, import,
 * read. Every write is one transaction and re-derives the stored words (lib/list/words
 * paperWords); user fields (tags, note, status) change only through patches, never by a paper
 * being seen again. Searching, filtering and sorting are the popup's in-memory index
 * (lib/list/search-index) and the export's selection (lib/exchange/select).
 */
import { notifyChanged } from './changes';
import { getDb, sitesOf, type PaperShelfDB } from './db';
import { normaliseTags, PaperDraft, SavedPaper, UserPatch, type Source } from './paper';
import { paperWords } from './list/words';
import { SeenStore } from './seen/store';
import { loadSettings } from './settings';

/** Records per write while importing (see importFrom). */
const IMPORT_BATCH = 500;

export interface ImportedCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** Thrown inside an import's transaction to undo it (an entry was rejected). */
class ImportStopped extends Error {}

export class NotFoundError extends Error {
  constructor(id: string) {
    super(`No saved paper with id ${id}`);
    this.name = 'NotFoundError';
  }
}

/** Re-derive the indexed fields (words, sites) after any change. */
function withWords(p: Omit<SavedPaper, 'words' | 'sites'> & { sites?: string[] }): SavedPaper {
  return { ...p, words: paperWords(p), sites: sitesOf(p.sources) };
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
  const next: Omit<SavedPaper, 'words'> = {
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
  return withWords(next);
}

function fromDraft(d: PaperDraft, now: number): SavedPaper {
  const { site, pageUrl, siteId, ...bib } = d;
  return withWords({
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

function applyPatch(p: SavedPaper, patch: UserPatch, now: number): SavedPaper {
  let tags = patch.tags ? normaliseTags(patch.tags) : p.tags;
  if (patch.addTags) tags = normaliseTags([...tags, ...patch.addTags]);
  if (patch.removeTags) {
    const drop = new Set(patch.removeTags.map((t) => t.toLowerCase()));
    tags = tags.filter((t) => !drop.has(t.toLowerCase()));
  }
  return withWords({
    ...p,
    tags,
    note: patch.note ?? p.note,
    status: patch.status ?? p.status,
    updatedAt: now,
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
    const saved = await this.db.transaction('rw', this.db.papers, async () => {
      const existing = await this.db.papers.get(draft.id);
      let rec = existing ? applyDraft(existing, draft, now) : fromDraft(draft, now);
      if (userPatch) rec = applyPatch(rec, userPatch, now);
      await this.db.papers.put(rec);
      return rec;
    });
    notifyChanged([saved.id]);
    return saved;
  }

  /** Field-level patch of tags / note / status. Reads and writes in one transaction. */
  async patch(id: string, patchInput: UserPatch, now = Date.now()): Promise<SavedPaper> {
    const patch = UserPatch.parse(patchInput);
    const rec = await this.db.transaction('rw', this.db.papers, async () => {
      const existing = await this.db.papers.get(id);
      if (!existing) return null;
      const next = applyPatch(existing, patch, now);
      await this.db.papers.put(next);
      return next;
    });
    // Thrown outside the transaction: Dexie wraps errors thrown inside it.
    if (!rec) throw new NotFoundError(id);
    notifyChanged([id]);
    return rec;
  }

  /** Remove papers; returns the removed records so the caller can undo. */
  async remove(ids: readonly string[]): Promise<SavedPaper[]> {
    const removed = await this.db.transaction('rw', this.db.papers, async () => {
      const recs = (await this.db.papers.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
      await this.db.papers.bulkDelete(recs.map((r) => r.id));
      return recs;
    });
    notifyChanged(removed.map((r) => r.id));
    return removed;
  }

  /** Put removed records back exactly as they were (undo). */
  async restore(records: readonly SavedPaper[]): Promise<void> {
    const recs = records.map((r) => SavedPaper.parse(r));
    await this.db.transaction('rw', this.db.papers, () => this.db.papers.bulkPut(recs));
    notifyChanged(recs.map((r) => r.id));
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
    const out = await this.db.transaction('rw', this.db.papers, async () => {
      const recs = (await this.db.papers.bulkGet([...ids])).filter((r): r is SavedPaper => !!r);
      const next = recs.map((r) => applyPatch(r, patch, now));
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
   * Merge imported records in one transaction: new ids are added; for existing ids the newer
   * user edit (updatedAt) wins for tags / note / status, bibliographic fields and sources merge.
   * Records are validated here unless `validated` says the caller parsed them with SavedPaper
   * already (lib/exchange/import: every record of a plan was). All or nothing: any failure writes
   * nothing.
   */
  async importRecords(records: readonly SavedPaper[], opts: { validated?: boolean } = {}): Promise<ImportedCounts> {
    const recs = opts.validated ? records : records.map((r) => SavedPaper.parse(r));
    let given = false;
    const counts = await this.importFrom(() => (given ? null : ((given = true), { records: recs, ok: true })));
    return counts!;
  }

  /**
   * Import what `next` hands over, batch by batch, in one transaction (records validated, as for
   * importRecords): each batch is merged and written while `next` prepares the one after, so the
   * database writes meanwhile. `next` returns null when done, `ok: false` once the import must not
   * happen (an entry it rejected): then nothing more is written, `next` is still called to the
   * end, and what was written is undone: resolves null.
   */
  async importFrom(next: () => { records: readonly SavedPaper[]; ok: boolean } | null): Promise<ImportedCounts | null> {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const writes = new Map<string, SavedPaper>();
    try {
      await this.db.transaction('rw', this.db.papers, async () => {
        // Only papers already on the shelf are read (the keys alone tell which): importing into a
        // new library reads none, where 10,000 gets took ~150 ms of the page's time.
        const onShelf = new Set((await this.db.papers.toCollection().primaryKeys()) as string[]);
        // Written in batches as they are ready, not awaited one by one: the database process
        // writes a batch while this page prepares the next (the writes go in order, so a paper
        // listed twice ends as its merged record).
        const written: Array<Promise<unknown>> = [];
        let batch: SavedPaper[] = [];
        const write = (rec: SavedPaper) => {
          writes.set(rec.id, rec);
          batch.push(rec);
          if (batch.length >= IMPORT_BATCH) {
            written.push(this.db.papers.bulkPut(batch));
            batch = [];
          }
        };
        let ok = true;
        for (let got = next(); got; got = next()) {
          ok &&= got.ok;
          if (!ok) continue;
          const ids = got.records.map((r) => r.id).filter((id) => onShelf.has(id) && !writes.has(id));
          const existing = new Map<string, SavedPaper>();
          for (const r of ids.length ? await this.db.papers.bulkGet(ids) : []) if (r) existing.set(r.id, r);
          for (const incoming of got.records) {
            const cur = writes.get(incoming.id) ?? existing.get(incoming.id);
            if (!cur) {
              write(withWords(incoming));
              counts.added++;
              continue;
            }
            const merged = mergeRecords(cur, incoming);
            if (sameRecord(merged, cur)) counts.unchanged++;
            else {
              write(merged);
              counts.updated++;
            }
          }
        }
        if (batch.length && ok) written.push(this.db.papers.bulkPut(batch));
        await Promise.all(written);
        if (!ok) throw new ImportStopped();
      });
    } catch (err) {
      if (err instanceof ImportStopped) return null;
      throw err;
    }
    notifyChanged([...writes.keys()]);
    return counts;
  }

  /** Delete everything (used by tests and "clear library" in options). */
  async clear(): Promise<void> {
    const ids = (await this.db.papers.toCollection().primaryKeys()) as string[];
    await this.db.papers.clear();
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

/**
 * Merge an imported record into an existing one. User fields come from whichever side was
 * edited last (updatedAt); bibliographic fields fill gaps; sources are unioned by site.
 */
export function mergeRecords(cur: SavedPaper, inc: SavedPaper): SavedPaper {
  const incNewer = inc.updatedAt > cur.updatedAt;
  const user = incNewer ? inc : cur;
  const sources = cur.sources.map((s) => ({ ...s }));
  for (const s of inc.sources) {
    const same = sources.find((x) => x.site === s.site);
    if (!same) sources.push({ ...s });
    else {
      same.firstSeenAt = Math.min(same.firstSeenAt, s.firstSeenAt);
      if (s.lastSeenAt > same.lastSeenAt) {
        same.lastSeenAt = s.lastSeenAt;
        same.url = s.url;
      }
    }
  }
  const signalsNewer = (inc.signalsSeenAt ?? 0) > (cur.signalsSeenAt ?? 0);
  const base: SavedPaper = { ...inc, ...cur };
  return withWords({
    ...base,
    authors: cur.authors.length >= inc.authors.length ? cur.authors : inc.authors,
    links: { ...inc.links, ...cur.links },
    ...(cur.siteIds || inc.siteIds ? { siteIds: { ...inc.siteIds, ...cur.siteIds } } : {}),
    signals: signalsNewer ? { ...cur.signals, ...inc.signals } : { ...inc.signals, ...cur.signals },
    ...(signalsNewer && inc.signalsSeenAt !== undefined ? { signalsSeenAt: inc.signalsSeenAt } : {}),
    sources,
    tags: user.tags,
    note: user.note,
    status: user.status,
    savedAt: Math.min(cur.savedAt, inc.savedAt),
    updatedAt: Math.max(cur.updatedAt, inc.updatedAt),
    // Sent to Zotero from either side: the later time.
    ...(cur.zoteroSentAt !== undefined || inc.zoteroSentAt !== undefined ? { zoteroSentAt: Math.max(cur.zoteroSentAt ?? 0, inc.zoteroSentAt ?? 0) } : {}),
  });
}

function sameRecord(a: SavedPaper, b: SavedPaper): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  }
  return v;
}

let shared: Library | null = null;
export function getLibrary(): Library {
  shared ??= new Library();
  return shared;
}
