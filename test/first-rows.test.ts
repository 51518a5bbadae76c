/**
 * The popup's early read of its first rows (lib/list/first-rows, run by entrypoints/first-rows.ts
 * before Dexie loads): the same rows and count the library reads, on a database Dexie made; null
 * (and nothing created) where there is no database or it is not at this build's version; the
 * hand-over from the classic script to the entry module.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V3 } from '@/lib/db';
import { DB_VERSION } from '@/lib/db-version';
import { Library } from '@/lib/library';
import { leaveFirstRows, PREVIEW_ROWS, readFirstRows, takeFirstRows } from '@/lib/list/first-rows';
import { hfDraft } from './helpers/drafts';

let n = 0;
const dbName = () => `first-rows-${Date.now()}-${++n}`;

afterEach(() => {
  globalThis.papershelfFirstRows = undefined;
});

describe('readFirstRows', () => {
  it('reads the most recently saved rows and the count, as the library does', async () => {
    const name = dbName();
    const lib = new Library(openDb(name));
    for (let i = 1; i <= PREVIEW_ROWS + 5; i++) await lib.save(hfDraft(`2603.${String(i).padStart(5, '0')}`), undefined, 5_000 - i * 7);
    const expected = await lib.firstPage('savedAt', PREVIEW_ROWS);
    expect(expected).toHaveLength(PREVIEW_ROWS);
    expect(await readFirstRows(name)).toEqual({ papers: expected, total: PREVIEW_ROWS + 5 });
    expect(await readFirstRows(name, 3)).toEqual({ papers: expected.slice(0, 3), total: PREVIEW_ROWS + 5 });
  });

  it('answers an empty list on an empty database', async () => {
    const name = dbName();
    await openDb(name).open();
    expect(await readFirstRows(name)).toEqual({ papers: [], total: 0 });
  });

  it('answers null where there is no database, and creates none: Dexie creates it afterwards as usual', async () => {
    const name = dbName();
    expect(await readFirstRows(name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const lib = new Library(openDb(name));
    await lib.save(hfDraft('2603.00001'), undefined, 1_000);
    expect(await readFirstRows(name)).toEqual({ papers: [await lib.get('arxiv:2603.00001')], total: 1 });
  });

  it('answers null on a database at an older version (its upgrade may change records), and does not hold up the upgrade', async () => {
    const name = dbName();
    const old = new Dexie(name);
    old.version(3).stores(SCHEMA_V3);
    await old.table('papers').put({ id: 'arxiv:2603.00001', savedAt: 1 });
    old.close();
    expect(await readFirstRows(name)).toBeNull();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.table('papers').count()).toBe(1);
    db.close();
  });

  it('DB_VERSION is the last version lib/db.ts declares', () => {
    expect(openDb(dbName()).verno).toBe(DB_VERSION);
  });
});

describe('the hand-over from the classic script', () => {
  it('takeFirstRows takes the read the script left, once', async () => {
    const left = Promise.resolve({ papers: [], total: 7 });
    leaveFirstRows(left);
    expect(takeFirstRows()).toBe(left);
    expect(globalThis.papershelfFirstRows).toBeUndefined();
  });

  it('takeFirstRows starts a read itself when the script did not run', async () => {
    const read = takeFirstRows();
    expect(read).toBeInstanceOf(Promise);
    // The extension's own database does not exist in this test run: nothing to read, nothing made.
    expect(await read).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('papershelf');
  });
});
