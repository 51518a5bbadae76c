/**
 * Rolling local backups: once a day the whole shelf (papers with their times, tombstones) is
 * written as a backup file into the extension's own private folder (the origin private file
 * system, navigator.storage.getDirectory()), and only the last SNAPSHOT_DAYS days are kept.
 *
 * Why OPFS: 10,000 papers are ~30 MB of JSON, seven of them ~200 MB. browser.storage.local holds
 * 10 MB without the `unlimitedStorage` permission, is read whole by every context that asks, and
 * content scripts read it (the settings). A new Dexie table would need a database version. OPFS
 * counts against the origin's quota (a share of the disk), writes a file as one stream, and
 * nothing but these files lives there. Nothing leaves the machine. Restoring: ./restore.ts (the
 * background, which takes the snapshots, does not load the import).
 */
import { localDate } from '../dates';
import { makeBackup } from '../exchange/backup';
import type { Library } from '../library';
import { fileNames, writeText, type DirLike } from '../sync/dir';

export const SNAPSHOT_DAYS = 7;
const SNAPSHOT = /^papershelf-snapshot-(\d{4}-\d{2}-\d{2})\.json$/;

export interface SnapshotInfo {
  /** the file's name in the private folder */
  name: string;
  /** YYYY-MM-DD, local date */
  date: string;
}

/** The extension's private folder, or null where the browser has none. */
export async function snapshotFolder(): Promise<DirLike | null> {
  if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') return null;
  return (await navigator.storage.getDirectory()) as unknown as DirLike;
}

export function snapshotName(now: Date): string {
  return `papershelf-snapshot-${localDate(now)}.json`;
}

/** The snapshots kept, newest first. */
export async function listSnapshots(dir: DirLike): Promise<SnapshotInfo[]> {
  const out: SnapshotInfo[] = [];
  for (const name of await fileNames(dir)) {
    const m = SNAPSHOT.exec(name);
    if (m) out.push({ name, date: m[1]! });
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : -1));
}

/**
 * Today's snapshot, unless there is one already; then only the newest SNAPSHOT_DAYS are kept.
 * Returns whether one was written.
 */
export async function takeDailySnapshot(lib: Pick<Library, 'all' | 'removals'>, dir: DirLike, now: Date): Promise<boolean> {
  const name = snapshotName(now);
  const have = await listSnapshots(dir);
  let wrote = false;
  if (!have.some((s) => s.name === name)) {
    const [papers, removed] = await Promise.all([lib.all(), lib.removals()]);
    // Not indented: a third smaller than an export, and nobody reads it but PaperShelf.
    await writeText(dir, name, JSON.stringify(makeBackup(papers, now, { removed })));
    have.unshift({ name, date: localDate(now) });
    wrote = true;
  }
  const keep = new Set([...have].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, SNAPSHOT_DAYS).map((s) => s.name));
  for (const s of have) if (!keep.has(s.name)) await dir.removeEntry(s.name);
  return wrote;
}
