/**
 * The Dexie database. Lives on the extension origin only (background, popup, options).
 * Every version ever shipped stays declared here, with its upgrade().
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import { normaliseTags, type SavedPaper } from './paper';
import type { SeenPaper } from './seen/record';
import { DB_NAME } from './db-version';

export { DB_NAME } from './db-version';

/** A removed paper's tombstone (db v4): its id and when it was removed, for merging shelves. */
export interface Removal {
  id: string;
  removedAt: number;
}

export type PaperShelfDB = Dexie & {
  papers: EntityTable<SavedPaper, 'id'>;
  removed: EntityTable<Removal, 'id'>;
  seen: EntityTable<SeenPaper, 'id'>;
};

/**
 * Version 1 (shipped 2026-11): papers keyed by canonical id, indexed for the popup's
 * sorts (savedAt, publishedAt, updatedAt, title), filters (tags, status) and search (*words).
 */
export const SCHEMA_V1 = {
  papers: 'id, savedAt, updatedAt, publishedAt, title, status, *tags, *words, signals.upvotes',
} as const;

/**
 * Version 2 (2026-11): a multi-entry `sites` index (derived from sources) for the `site:` filter;
 * old-style arXiv keys written with a subject class (arxiv:math.GT/0309136) move to arXiv's
 * canonical form (arxiv:math/0309136), merged with a record already there.
 */
export const SCHEMA_V2 = {
  papers: 'id, savedAt, updatedAt, publishedAt, title, status, *tags, *words, *sites, signals.upvotes',
} as const;

/**
 * Version 3 (2026-12): only the indexes a query uses. The popup searches, filters and sorts in
 * memory (lib/list); what still asks the database is Library.firstPage (the most recently saved:
 * savedAt) and Library.allTags (the distinct tags: *tags). Writing a paper kept ten index trees up
 * to date before, one entry per word of its `*words` (~86 a paper): importing 10,000 papers took
 * ~17 s. No record changes: Dexie drops the other indexes; the fields stay (`words` feeds the
 * popup's search index, `sites` its site: filter).
 */
export const SCHEMA_V3 = {
  papers: 'id, savedAt, *tags',
} as const;

/**
 * Version 4 (2026-12): two tables beside the papers. `removed` keeps a tombstone per removed paper
 * (so a merge of two shelves knows a removal from a paper never saved); `seen` is the history of
 * papers the user had on screen (lib/seen), newest first by `lastSeen`, which retention also reads.
 * No paper record changes.
 */
export const SCHEMA_V4 = {
  papers: 'id, savedAt, *tags',
  removed: 'id',
  seen: 'id, lastSeen',
} as const;

/**
 * Version 5 (2026-12): paper records no longer keep their search words (`words`, ~86 strings a
 * paper, derived on every write). The popup splits the words itself when it builds its in-memory
 * index: about what reading them cost it, while deriving them made every write, and importing
 * 10,000 papers, ~0.3 s slower. The upgrade drops the field from every record; nothing else changes.
 */
export async function upgradeToV5(tx: Transaction): Promise<void> {
  await tx
    .table('papers')
    .toCollection()
    .modify((p: Record<string, unknown>) => {
      delete p.words;
    });
}

export function openDb(name: string = DB_NAME): PaperShelfDB {
  // No liveQuery reads this database (the popup keeps its own in-memory copy, lib/list): Dexie's
  // optimistic query cache would only cost every write.
  const db = new Dexie(name, { cache: 'disabled' }) as PaperShelfDB;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V4).upgrade(upgradeToV5);
  return db;
}

const SUBJECT_CLASS_KEY = /^arxiv:([a-z]+(?:-[a-z]+)*)\.[A-Z]{2}\/(\d{7})$/;

/** v1 -> v2: derive `sites`; re-key subject-class arXiv ids. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const table = tx.table<SavedPaper, string>('papers');
  const all = await table.toArray();
  const out = new Map<string, SavedPaper>();
  const moved: SavedPaper[] = [];
  for (const p of all) {
    const rec = { ...p, sites: sitesOf(p.sources) };
    if (SUBJECT_CLASS_KEY.test(p.id)) moved.push(rec);
    else out.set(p.id, rec);
  }
  for (const p of moved) {
    const m = SUBJECT_CLASS_KEY.exec(p.id)!;
    const arxivId = `${m[1]}/${m[2]}`;
    const id = `arxiv:${arxivId}`;
    const other = out.get(id);
    out.set(id, other ? mergeSpellings(p, other, id, arxivId) : { ...p, id, arxivId });
  }
  await table.bulkDelete(moved.map((p) => p.id));
  await table.bulkPut([...out.values()]);
}

/** Both spellings of one paper were saved: the later user edit wins, tags and sources unite. */
function mergeSpellings(a: SavedPaper, b: SavedPaper, id: string, arxivId: string): SavedPaper {
  const [older, newer] = a.updatedAt > b.updatedAt ? [b, a] : [a, b];
  const sources = [...newer.sources, ...older.sources.filter((s) => !newer.sources.some((n) => n.site === s.site))];
  return {
    ...older,
    ...newer,
    id,
    arxivId,
    tags: normaliseTags([...newer.tags, ...older.tags]),
    note: newer.note || older.note,
    savedAt: Math.min(older.savedAt, newer.savedAt),
    sources,
    sites: sitesOf(sources),
  };
}

export function sitesOf(sources: readonly { site: string }[]): string[] {
  return [...new Set(sources.map((s) => s.site))];
}

/**
 * Put records straight into the transaction's object store. Dexie's bulkPut gives every request
 * an error handler of its own, which a 10,000-paper import feels (~100 ms here); here one failed
 * put aborts the transaction, and the last request's outcome tells the caller.
 */
export function putAll(tx: Transaction, table: string, values: readonly object[]): Promise<void> {
  const store = tx.idbtrans.objectStore(table);
  let last: IDBRequest | undefined;
  for (const v of values) last = store.put(v);
  const done = last;
  if (!done) return Promise.resolve();
  return new Promise((resolve, reject) => {
    done.onsuccess = () => resolve();
    done.onerror = () => reject(done.error ?? new Error('the write failed'));
  });
}

let shared: PaperShelfDB | null = null;

/** The one database of this extension context. */
export function getDb(): PaperShelfDB {
  shared ??= openDb();
  return shared;
}
