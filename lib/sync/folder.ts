/**
 * The folder the user picked for sync (Chrome's File System Access API): picking it from the
 * options page, keeping its handle in IndexedDB (its own small database `papershelf-sync`, so the
 * shelf's Dexie versions are untouched) so a later visit can ask for the permission again with
 * one click, and the permission check.
 */
import type { DirLike } from './dir';

type Permission = 'granted' | 'denied' | 'prompt';

/** A picked folder: DirLike, plus the permission calls a real handle has. */
export interface FolderHandle extends DirLike {
  queryPermission?(d: { mode: 'readwrite' }): Promise<Permission>;
  requestPermission?(d: { mode: 'readwrite' }): Promise<Permission>;
}

type Picker = (o: { id?: string; mode: 'readwrite' }) => Promise<FolderHandle>;

function picker(): Picker | null {
  const w = globalThis as unknown as { showDirectoryPicker?: Picker };
  return typeof w.showDirectoryPicker === 'function' ? w.showDirectoryPicker.bind(globalThis) : null;
}

/** Whether this browser lets a page pick a folder to write in (Chrome, Edge; not Firefox or Safari). */
export function canPickFolder(): boolean {
  return picker() !== null;
}

/** Ask the user for a folder (needs the click that asked). Rejects with AbortError when they cancel. */
export async function pickFolder(): Promise<FolderHandle> {
  const pick = picker();
  if (!pick) throw new Error('This browser cannot pick a folder');
  return pick({ id: 'papershelf-sync', mode: 'readwrite' });
}

/** Whether the page may write the folder now; `ask` asks the user (needs a click). */
export async function hasPermission(h: FolderHandle, ask = false): Promise<boolean> {
  // A handle without permission calls (the e2e's folder) is one the page may use.
  const call = ask ? h.requestPermission : h.queryPermission;
  if (!call) return true;
  return (await call.call(h, { mode: 'readwrite' })) === 'granted';
}

const DB = 'papershelf-sync';
const STORE = 'folder';
const KEY = 'folder';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = op(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error);
    });
  } finally {
    db.close();
  }
}

/** Keep the handle for the next visit; false when this handle cannot be stored (not a real one). */
export async function keepFolder(h: FolderHandle): Promise<boolean> {
  try {
    await run('readwrite', (s) => s.put(h, KEY));
    return true;
  } catch {
    return false;
  }
}

/** The folder kept by an earlier visit, or null. */
export async function keptFolder(): Promise<FolderHandle | null> {
  const h = await run<unknown>('readonly', (s) => s.get(KEY)).catch(() => null);
  return h && typeof h === 'object' && typeof (h as FolderHandle).getFileHandle === 'function' ? (h as FolderHandle) : null;
}

export async function forgetFolder(): Promise<void> {
  await run('readwrite', (s) => s.delete(KEY));
}
