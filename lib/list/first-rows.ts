/**
 * The reading list's first rows and count, read straight from IndexedDB by a classic script at
 * the top of the popup and the side panel (entrypoints/first-rows.ts) before their stylesheets and
 * modules have loaded: the read (a count of every record is most of it) then overlaps the loading
 * of Dexie, Preact and the search instead of starting after them. The entry module takes the read
 * (takeFirstRows) and hands it to ListStore, which falls back to the library (Dexie) whenever it
 * answers null.
 *
 * Nothing imported but a type and two constants: the classic script stays under 1 kB.
 */
import { DB_NAME, DB_VERSION } from '../db-version';
import type { SavedPaper } from '../paper';

/** How many rows to show before the whole library is loaded (enough to fill the popup). */
export const PREVIEW_ROWS = 30;

/** The first rows and the count, shown until the full load lands. */
export interface ListPreview {
  papers: SavedPaper[];
  total: number;
}

/**
 * The `limit` most recently saved papers and the count, or null when the database is not there
 * yet, not at this build's version (an upgrade may change records: Dexie does it), or any step
 * fails. It never creates the database: opening one that does not exist is aborted.
 */
export function readFirstRows(name = DB_NAME, limit = PREVIEW_ROWS, idb: IDBFactory = indexedDB): Promise<ListPreview | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(name);
    } catch {
      resolve(null);
      return;
    }
    req.onupgradeneeded = () => req.transaction?.abort(); // no database yet: Dexie creates it
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      try {
        // Dexie stores version v as IndexedDB version v * 10.
        if (db.version !== DB_VERSION * 10) throw new Error('another version');
        readFrom(db, limit, resolve);
      } catch {
        resolve(null);
      } finally {
        db.close(); // closes once the read is done; never holds up Dexie's open or an upgrade
      }
    };
  });
}

declare global {
  // The read entrypoints/first-rows.ts started, until the entry module takes it.
  var papershelfFirstRows: Promise<ListPreview | null> | undefined;
}

/** Leave a read for the page's entry module (entrypoints/first-rows.ts, a classic script). */
export function leaveFirstRows(read: Promise<ListPreview | null>): void {
  globalThis.papershelfFirstRows = read;
}

/** The read the classic script started, else one started now (the script did not run). */
export function takeFirstRows(): Promise<ListPreview | null> {
  const read = globalThis.papershelfFirstRows ?? readFirstRows();
  globalThis.papershelfFirstRows = undefined;
  return read;
}

function readFrom(db: IDBDatabase, limit: number, resolve: (p: ListPreview | null) => void): void {
  const tx = db.transaction('papers', 'readonly');
  const papers: SavedPaper[] = [];
  let total = 0;
  const count = tx.objectStore('papers').count();
  count.onsuccess = () => (total = count.result);
  const cursor = tx.objectStore('papers').index('savedAt').openCursor(null, 'prev');
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (!c) return;
    papers.push(c.value as SavedPaper);
    if (papers.length < limit) c.continue();
  };
  tx.oncomplete = () => resolve({ papers, total });
  tx.onerror = () => resolve(null);
  tx.onabort = () => resolve(null);
}
