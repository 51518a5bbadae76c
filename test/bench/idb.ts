/**
 * Raw IndexedDB in an extension page: the benchmarks' seeding and their baselines. Runs in a
 * page of the extension's origin (popup.html / options.html), on the extension's own database
 * ('papershelf', store 'papers', created by Dexie when that page opened it).
 */
import type { Page } from '@playwright/test';
import { openDb } from '../../lib/db';

/** Records travel to the page in chunks (one evaluate per chunk keeps each message small). */
const CHUNK = 1000;

/** Put `records` into the page as `window.__benchRecords` (untimed). */
export async function sendRecords(page: Page, records: readonly object[]): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __benchRecords: unknown[] }).__benchRecords = [];
  });
  for (let i = 0; i < records.length; i += CHUNK) {
    await page.evaluate((chunk) => {
      (window as unknown as { __benchRecords: unknown[] }).__benchRecords.push(...chunk);
    }, records.slice(i, i + CHUNK));
  }
}

export async function dropRecords(page: Page): Promise<void> {
  await page.evaluate(() => {
    delete (window as unknown as { __benchRecords?: unknown[] }).__benchRecords;
  });
}

/** Wait until the extension's database exists with its papers store (Dexie creates it). */
export async function waitForDb(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const dbs = await indexedDB.databases();
      return dbs.some((d) => d.name === 'papershelf' && (d.version ?? 0) > 0);
    },
    null,
    { timeout: 15_000, polling: 50 },
  );
}

/**
 * One raw operation on the papers store, timed in the page from the open() call to the end of
 * the transaction: 'clear', 'count', 'getAll' (returns how many) or 'putAll' (the sent records,
 * one transaction).
 */
export function raw(page: Page, op: 'clear' | 'count' | 'getAll' | 'putAll'): Promise<{ ms: number; n: number }> {
  return page.evaluate(async (op) => {
    const t0 = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('papershelf');
      req.onupgradeneeded = () => {
        req.transaction?.abort();
        reject(new Error('the papershelf database does not exist yet'));
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      const tx = db.transaction('papers', op === 'clear' || op === 'putAll' ? 'readwrite' : 'readonly');
      const store = tx.objectStore('papers');
      let n = 0;
      if (op === 'clear') store.clear();
      else if (op === 'count') {
        const req = store.count();
        req.onsuccess = () => (n = req.result);
      } else if (op === 'getAll') {
        const req = store.getAll();
        req.onsuccess = () => (n = (req.result as unknown[]).length);
      } else {
        const records = (window as unknown as { __benchRecords: unknown[] }).__benchRecords;
        for (const r of records) store.put(r);
        n = records.length;
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
      });
      return { ms: performance.now() - t0, n };
    } finally {
      db.close();
    }
  }, op);
}

/** Whether the store holds exactly the `n` papers of records.ts savedPapers(n): same count, same first and last id. */
export async function holdsLibrary(page: Page, n: number): Promise<boolean> {
  const last = `arxiv:2501.${String(n).padStart(5, '0')}`;
  return page.evaluate(
    async ({ n, last }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('papershelf');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        const store = db.transaction('papers').objectStore('papers');
        const ask = <T>(req: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const [count, first, lastRec] = await Promise.all([ask(store.count()), ask(store.get('arxiv:2501.00001')), ask(store.get(last))]);
        return count === n && first !== undefined && lastRec !== undefined;
      } finally {
        db.close();
      }
    },
    { n, last },
  );
}

/** The papers store's key path, as the extension's Dexie schema declares it (latest version). */
export function papersKeyPath(): string {
  const keyPath = openDb('papershelf-bench-schema').table('papers').schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error('unexpected compound primary key');
  return keyPath;
}

/**
 * The import baseline: put the sent records, one transaction, into a fresh database whose store
 * has only the extension's primary key, no index (created untimed first, deleted afterwards).
 */
export function putIntoFreshDb(page: Page): Promise<{ ms: number; n: number }> {
  return page.evaluate(async (keyPath) => {
    const name = 'papershelf-bench-baseline';
    const done = (req: IDBRequest | IDBOpenDBRequest) =>
      new Promise<void>((resolve, reject) => {
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      });
    await done(indexedDB.deleteDatabase(name));
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('papers', { keyPath });
    };
    await done(open);
    const db = open.result;
    const records = (window as unknown as { __benchRecords: unknown[] }).__benchRecords;
    const t0 = performance.now();
    const tx = db.transaction('papers', 'readwrite');
    const store = tx.objectStore('papers');
    for (const r of records) store.put(r);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
    });
    const ms = performance.now() - t0;
    db.close();
    await done(indexedDB.deleteDatabase(name));
    return { ms, n: records.length };
  }, papersKeyPath());
}
