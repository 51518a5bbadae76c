/**
 * Restoring a daily snapshot (./snapshots.ts) on the options page: a merge, not a replace.
 */
import { errorMessage } from '../errors';
import { commitImport, readImportFile, type ImportCounts } from '../exchange/import';
import type { Library } from '../library';
import { restoredTimes } from '../shelf-times';
import { readText, type DirLike } from '../sync/dir';

export type RestoreOutcome = { ok: true; counts: ImportCounts } | { ok: false; error: string };

/**
 * Restore a snapshot by merging it: every paper it holds is on the shelf afterwards (one removed
 * since comes back, its fields set again now, as an undo does), and nothing done since is lost
 * (a later edit of a paper still wins). Not a replace: with sync on, the other devices' files
 * would bring the edits made since straight back, and a merge keeps them on purpose.
 */
export async function restoreSnapshot(lib: Library, dir: DirLike, name: string, now = Date.now()): Promise<RestoreOutcome> {
  const text = await readText(dir, name);
  if (text === null) return { ok: false, error: `The snapshot ${name} is gone.` };
  try {
    const read = await readImportFile(name, text, { now });
    if (!read.ok) return { ok: false, error: read.error };
    const onShelf = await lib.lookup(read.plan.records.map((r) => r.id));
    const records = read.plan.records.map((r) => (onShelf.has(r.id) ? r : { ...r, times: restoredTimes(r, now) }));
    const counts = await commitImport(lib, { ...read.plan, records, removed: [], seen: [] });
    return { ok: true, counts };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}
