/**
 * Every shipped Dexie version stays declared; each upgrade is tested from saved data of the
 * version before it (test/fixtures/db/v<N>-records.json).
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, upgradeToV2 } from '@/lib/db';
import { Library } from '@/lib/library';
import { SavedPaper } from '@/lib/paper';

const fixture = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'db', file), 'utf8')) as { records: OldRecord[] };
const saved = fixture('v1-records.json');
const savedV2 = fixture('v2-records.json');

/** A record as stored before database version 5, which dropped the derived search words. */
type OldRecord = SavedPaper & { words?: string[] };

/** The record without its `words` (as database version 5 keeps it, and as SavedPaper parses it). */
function withoutWords(r: OldRecord): SavedPaper {
  const { words: _words, ...rest } = r;
  return rest;
}

/** The database as version 4 of PaperShelf declared it (versions 1 to 4). */
function dbV4(name: string): Dexie {
  const db = dbV2(name);
  db.version(3).stores(SCHEMA_V3);
  db.version(4).stores(SCHEMA_V4);
  return db;
}

/** The database as version 2 of PaperShelf declared it (versions 1 and 2). */
function dbV2(name: string): Dexie {
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  return db;
}

async function seedV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('papers').bulkPut(saved.records);
  v1.close();
}

describe('database v1 -> v2', () => {
  it('keeps every record, derives sites and moves subject-class arXiv keys to the canonical form', async () => {
    const name = `migrate-${Math.random()}`;
    await seedV1(name);
    const db = dbV2(name);
    await db.open();
    expect(db.verno).toBe(2);
    const all = await db.table<OldRecord, string>('papers').orderBy('id').toArray();
    const [hf, math, oldV1] = saved.records;
    expect(all).toEqual([
      { ...hf, sites: ['huggingface', 'arxiv'] },
      {
        id: 'arxiv:hep-th/9901001',
        title: 'Made-up old paper saved twice',
        authors: ['Ivo Petrov'],
        arxivId: 'hep-th/9901001',
        links: { page: 'https://huggingface.co/papers/hep-th/9901001' },
        signals: {},
        sources: [
          { site: 'huggingface', url: 'https://huggingface.co/papers/hep-th/9901001', firstSeenAt: 1771500000000, lastSeenAt: 1771500000000 },
          oldV1!.sources[0],
        ],
        sites: ['huggingface', 'arxiv'],
        tags: ['classics', 'strings'],
        note: 'The newer edit of the two.',
        status: 'reading',
        savedAt: 1771000000000,
        updatedAt: 1771600000000,
        words: ['made', 'up', 'old', 'paper'],
      },
      { ...math, id: 'arxiv:math/0309136', arxivId: 'math/0309136', sites: ['arxiv'] },
    ]);
    for (const r of all) expect(SavedPaper.parse(r)).toEqual(withoutWords(r));
    // The new index answers.
    expect((await db.table('papers').where('sites').equals('arxiv').primaryKeys()).sort()).toEqual([
      'arxiv:2602.21847',
      'arxiv:hep-th/9901001',
      'arxiv:math/0309136',
    ]);
    db.close();
  });

  it('an empty v1 database upgrades cleanly', async () => {
    const name = `migrate-empty-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    v1.close();
    const db = openDb(name);
    expect(await db.papers.count()).toBe(0);
    expect(db.verno).toBe(5);
  });

  it("a v1 database opened by today's PaperShelf goes through every upgrade and keeps every record", async () => {
    const name = `migrate-chain-${Math.random()}`;
    await seedV1(name);
    const v2 = dbV2(name);
    const expected = (await v2.table<OldRecord, string>('papers').orderBy('id').toArray()).map(withoutWords);
    v2.close();
    const db = openDb(name);
    expect(await db.papers.orderBy('id').toArray()).toEqual(expected);
    expect(db.verno).toBe(5);
    db.close();
  });
});

/** The indexes of the papers store as IndexedDB has them (not as Dexie declares them). */
async function storedIndexes(name: string): Promise<string[]> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const names = [...idb.transaction('papers').objectStore('papers').indexNames].sort();
  idb.close();
  return names;
}

describe('database v2 -> v3', () => {
  it('keeps every record and every field, and only the indexes a query uses', async () => {
    const name = `migrate-v3-${Math.random()}`;
    const v2 = dbV2(name);
    await v2.table('papers').bulkPut(savedV2.records);
    v2.close();
    expect(await storedIndexes(name)).toEqual(['savedAt', 'signals.upvotes', 'sites', 'status', 'tags', 'title', 'updatedAt', 'words', 'publishedAt'].sort());

    const db = dbV4(name);
    await db.open();
    expect(db.verno).toBe(4);
    // Every record, field for field, as version 2 stored it (words and sites included).
    const byId = (a: SavedPaper, b: SavedPaper) => (a.id < b.id ? -1 : 1);
    const papers = db.table<OldRecord, string>('papers');
    expect((await papers.toArray()).sort(byId)).toEqual([...savedV2.records].sort(byId));
    for (const r of await papers.toArray()) expect(SavedPaper.parse(r)).toEqual(withoutWords(r));
    db.close();
    expect(await storedIndexes(name)).toEqual(['savedAt', 'tags']);

    // What still asks the database answers from those two.
    const lib = new Library(openDb(name));
    expect((await lib.firstPage('savedAt', 2)).map((p) => p.id)).toEqual(['url:https://www.example.org/papers/quiet-cameras', 'doi:10.1109/iccv.2015.123']);
    expect(await lib.allTags()).toEqual(['continual', 'Deep Learning', 'night', 'sleep', 'to-cite', 'vision']);
  });

  it('an empty v2 database upgrades cleanly', async () => {
    const name = `migrate-v3-empty-${Math.random()}`;
    const v2 = dbV2(name);
    await v2.open();
    v2.close();
    const db = dbV4(name);
    expect(await db.table('papers').count()).toBe(0);
    expect(db.verno).toBe(4);
    db.close();
  });
});

describe('database v3 -> v4', () => {
  it('keeps every record and adds the empty removed and seen tables', async () => {
    const name = `migrate-v4-${Math.random()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores(SCHEMA_V1);
    v3.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
    v3.version(3).stores(SCHEMA_V3);
    await v3.table('papers').bulkPut(savedV2.records);
    v3.close();

    const db = dbV4(name);
    await db.open();
    expect(db.verno).toBe(4);
    const byId = (a: SavedPaper, b: SavedPaper) => (a.id < b.id ? -1 : 1);
    expect((await db.table<OldRecord, string>('papers').toArray()).sort(byId)).toEqual([...savedV2.records].sort(byId));
    expect(await db.table('removed').count()).toBe(0);
    expect(await db.table('seen').count()).toBe(0);
    await db.table('seen').put({ id: 'arxiv:2401.00001', title: 'A', authors: [], url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv', firstSeen: 1, lastSeen: 2 });
    await db.table('removed').put({ id: 'arxiv:2401.00002', removedAt: 3 });
    expect(await db.table('seen').orderBy('lastSeen').primaryKeys()).toEqual(['arxiv:2401.00001']);
    expect(await db.table('removed').toArray()).toEqual([{ id: 'arxiv:2401.00002', removedAt: 3 }]);
    db.close();
    expect(await storedIndexes(name)).toEqual(['savedAt', 'tags']);
  });
});

describe('database v4 -> v5', () => {
  it('drops the search words from every record and keeps every other field, tombstone and seen record', async () => {
    const name = `migrate-v5-${Math.random()}`;
    const v4 = dbV4(name);
    await v4.table('papers').bulkPut(savedV2.records);
    const seen = { id: 'arxiv:2401.00001', title: 'A', authors: ['Ann Lee'], url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv', firstSeen: 1, lastSeen: 2 };
    await v4.table('seen').put(seen);
    await v4.table('removed').put({ id: 'arxiv:2401.00002', removedAt: 3 });
    v4.close();
    expect(savedV2.records.filter((r) => r.words?.length)).toHaveLength(savedV2.records.length);

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(5);
    const byId = (a: SavedPaper, b: SavedPaper) => (a.id < b.id ? -1 : 1);
    const all = (await db.papers.toArray()).sort(byId);
    expect(all).toEqual(savedV2.records.map(withoutWords).sort(byId));
    for (const r of all) expect('words' in r).toBe(false);
    for (const r of all) expect(SavedPaper.parse(r)).toEqual(r);
    expect(await db.seen.toArray()).toEqual([seen]);
    expect(await db.removed.toArray()).toEqual([{ id: 'arxiv:2401.00002', removedAt: 3 }]);
    db.close();
    expect(await storedIndexes(name)).toEqual(['savedAt', 'tags']);
  });

  it('an empty v4 database upgrades cleanly', async () => {
    const name = `migrate-v5-empty-${Math.random()}`;
    const v4 = dbV4(name);
    await v4.open();
    v4.close();
    const db = openDb(name);
    expect(await db.papers.count()).toBe(0);
    expect(db.verno).toBe(5);
    db.close();
  });
});
