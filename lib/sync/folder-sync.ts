/**
 * Sync through a folder the user already syncs (Dropbox, iCloud Drive, Syncthing, a network
 * drive): each device writes only its own papershelf-<device id>.json there (a backup of format
 * 2: papers with their field times, tombstones; no seen history) and merges every other
 * papershelf-*.json it finds (lib/exchange/merge, through the import). No file is written by two
 * devices, so the sync tool never makes conflicted copies; merging is commutative, associative and
 * idempotent, so devices agree whatever order they read each other in.
 *
 * A file that cannot be read whole (malformed, truncated mid-sync, a paper in it invalid) is
 * skipped with a message naming it; nothing is written from it. Nothing is read or written
 * outside the picked folder.
 */
import type { DeviceInfo } from '../exchange/backup';
import { makeBackup, serialiseBackup } from '../exchange/backup';
import { commitImport, describeRejection, NOT_A_BACKUP, readImportFile } from '../exchange/import';
import type { Library } from '../library';
import { errorMessage } from '../errors';
import { deviceFileName } from './device';
import { fileNames, readText, writeText, type DirLike } from './dir';

/** The device files: papershelf-<anything>.json (an export saved there is a backup too, and merges alike). */
export const DEVICE_FILE = /^papershelf-.+\.json$/;

export interface Skipped {
  name: string;
  reason: string;
}

export interface SyncReport {
  /** the other devices' files merged */
  merged: string[];
  /** papers added, changed (or removed) by those files */
  added: number;
  updated: number;
  skipped: Skipped[];
  /** whether this device's file was written (false: it already said the same) */
  wrote: boolean;
}

/** The backup text this device writes, and its text without the time it was written (to compare). */
async function deviceText(lib: Pick<Library, 'all' | 'removals'>, device: DeviceInfo, now: Date): Promise<string> {
  const [papers, removed] = await Promise.all([lib.all(), lib.removals()]);
  papers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  removed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return serialiseBackup(makeBackup(papers, now, { removed, device }));
}

const withoutTime = (text: string | null) => text?.replace(/"exportedAt": "[^"]*"/, '') ?? null;

/** Merge one other device's file; a reason when it is skipped. */
async function mergeFile(lib: Library, name: string, text: string, now: number): Promise<{ added: number; updated: number } | string> {
  // Backups only: the background cannot load citation-js (no import() in a service worker).
  const read = await readImportFile(name, text, { now, backupOnly: true });
  if (!read.ok) return read.error;
  if (read.plan.format !== 'backup') return NOT_A_BACKUP;
  if (read.plan.rejected.length) return describeRejection(read.plan.rejected[0]!, 'backup') + (read.plan.rejected.length > 1 ? ` (and ${read.plan.rejected.length - 1} more)` : '');
  const counts = await commitImport(lib, { ...read.plan, seen: [] });
  return { added: counts.added, updated: counts.updated };
}

/**
 * One sync: merge every other device's file, then write this device's (when it would say
 * something new), so it carries what the others said too.
 */
export async function syncOnce(lib: Library, dir: DirLike, device: DeviceInfo, now: Date): Promise<SyncReport> {
  const own = deviceFileName(device);
  const report: SyncReport = { merged: [], added: 0, updated: 0, skipped: [], wrote: false };
  for (const name of (await fileNames(dir)).filter((n) => DEVICE_FILE.test(n) && n !== own)) {
    let out: { added: number; updated: number } | string;
    try {
      const text = await readText(dir, name);
      out = text === null ? 'it went away while being read' : await mergeFile(lib, name, text, now.getTime());
    } catch (err) {
      out = errorMessage(err);
    }
    if (typeof out === 'string') report.skipped.push({ name, reason: out });
    else {
      report.merged.push(name);
      report.added += out.added;
      report.updated += out.updated;
    }
  }
  const text = await deviceText(lib, device, now);
  if (withoutTime(await readText(dir, own)) !== withoutTime(text)) {
    await writeText(dir, own, text);
    report.wrote = true;
  }
  return report;
}

/** The device file as an export (Firefox, where no folder can be picked: saved by hand into the synced folder). */
export async function deviceFile(lib: Pick<Library, 'all' | 'removals'>, device: DeviceInfo, now: Date): Promise<{ filename: string; mime: string; text: string }> {
  return { filename: deviceFileName(device), mime: 'application/json;charset=utf-8', text: await deviceText(lib, device, now) };
}
