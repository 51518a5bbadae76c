/**
 * The JSON backup: every stored field of every paper (sources, signals, user fields and when each
 * changed), the tombstones of removed papers and, when asked for, the seen history; versioned so a
 * later PaperShelf can still read today's files. A synced device file (lib/sync) is the same.
 *
 *   { "format": "papershelf-backup", "version": 2, "exportedAt": "2026-11-27T10:00:00.000Z",
 *     "device": { "id": "…", "name": "…" },            (device files only)
 *     "papers": [SavedPaper with "times", …],
 *     "removed": [{ "id": "arxiv:…", "removedAt": 1764… }, …],
 *     "seen": [SeenPaper, …] }                          (only when chosen)
 *
 * Version 1 (2026-11) had no "removed" and no "times": it reads as a version 2 file with no
 * tombstones, each paper's fields changed at its updatedAt (lib/exchange/merge clockedFromRecord).
 *
 * Reading checks the envelope first (a wrong file is refused with one clear message), then
 * validates each paper on its own, so one broken record is reported and the rest can be imported.
 */
import { z } from 'zod/mini';
import type { Removal } from '../db';
import { errorMessage } from '../errors';
import { SavedPaper } from '../paper';
import { SeenPaper } from '../seen/record';
import { FormatError } from './errors';
import { describeIssues, type Located, type Rejection } from './csl';

export const BACKUP_FORMAT = 'papershelf-backup';
/** Bump when the shape of `papers` changes, and add the upgrade from the previous version below. */
export const BACKUP_VERSION = 2;

/** The envelope as written (reading checks it by hand and each paper with SavedPaper). */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 */
  exportedAt: string;
  /** the device that wrote it (a synced device file, lib/sync) */
  device?: DeviceInfo;
  papers: SavedPaper[];
  removed: Removal[];
  seen?: SeenPaper[];
}

export const DeviceInfo = z.object({ id: z.string().check(z.minLength(1)), name: z.string() });
export type DeviceInfo = z.infer<typeof DeviceInfo>;

const RemovalSchema = z.object({ id: z.string().check(z.minLength(3)), removedAt: z.number() });

/** What a backup holds besides its papers. */
export interface BackupExtra {
  removed?: readonly Removal[];
  seen?: readonly SeenPaper[];
  device?: DeviceInfo;
}

/**
 * Upgrades of one paper record from version n to n + 1, keyed by n. A version-1 paper is a valid
 * version-2 one (its times are optional and read as changed at updatedAt).
 */
const UPGRADES: Record<number, (paper: unknown) => unknown> = { 1: (p) => p };

/** A backup of these papers (all fields, as stored), with the tombstones and what else is given. */
export function makeBackup(papers: readonly SavedPaper[], exportedAt: Date, extra: BackupExtra = {}): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: exportedAt.toISOString(),
    ...(extra.device ? { device: extra.device } : {}),
    papers: [...papers],
    removed: [...(extra.removed ?? [])],
    ...(extra.seen ? { seen: [...extra.seen] } : {}),
  };
}

/** The backup file's text: indented JSON, one trailing newline. */
export function serialiseBackup(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export interface BackupRead {
  exportedAt?: string;
  device?: DeviceInfo;
  papers: Located[];
  rejected: Rejection[];
  removed: Removal[];
  seen: SeenPaper[];
}

/** A list beside the papers, all or nothing: one bad entry refuses the file (it is written by PaperShelf alone). */
function readList<T>(v: Record<string, unknown>, key: string, schema: z.ZodMiniType<T>): T[] {
  if (!(key in v)) return [];
  const list = v[key];
  if (!Array.isArray(list)) throw new FormatError(`Not a PaperShelf backup: '${key}' is not a list`);
  return list.map((raw: unknown, i) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new FormatError(`Not a PaperShelf backup: '${key}' entry ${i + 1}: ${describeIssues(parsed.error.issues)}`);
    return parsed.data;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when a parsed JSON value is meant to be a PaperShelf backup (rather than, say, CSL-JSON). */
export function looksLikeBackup(v: unknown): boolean {
  // Not `version`: CSL items have one too (software versions).
  return isObject(v) && ('format' in v || 'papers' in v);
}

/**
 * Read a parsed JSON value as a backup. The envelope must be right (else FormatError, nothing
 * imported); each paper is upgraded to the current version and validated on its own.
 */
export function readBackup(v: unknown): BackupRead {
  if (!isObject(v)) throw new FormatError(`Not a PaperShelf backup: the file holds ${Array.isArray(v) ? 'a list' : `a JSON ${v === null ? 'null' : typeof v}`}, not an object`);
  const missing = ['format', 'version', 'papers'].filter((k) => !(k in v));
  if (missing.length) throw new FormatError(`Not a PaperShelf backup: missing ${missing.map((k) => `'${k}'`).join(' and ')}`);
  if (v.format !== BACKUP_FORMAT) throw new FormatError(`Not a PaperShelf backup: 'format' is ${JSON.stringify(v.format)}, expected "${BACKUP_FORMAT}"`);
  const version = v.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new FormatError(`Not a PaperShelf backup: 'version' is ${JSON.stringify(version)}, expected a whole number`);
  }
  if (version > BACKUP_VERSION) {
    throw new FormatError(`This backup is version ${version}, written by a newer PaperShelf; this one reads up to version ${BACKUP_VERSION}. Update PaperShelf and try again.`);
  }
  if (!Array.isArray(v.papers)) throw new FormatError("Not a PaperShelf backup: 'papers' is not a list");

  const papers: Located[] = [];
  const rejected: Rejection[] = [];
  v.papers.forEach((raw: unknown, i) => {
    const key = isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    let paper = raw;
    try {
      for (let n = version; n < BACKUP_VERSION; n++) paper = UPGRADES[n]!(paper);
    } catch (err) {
      rejected.push({ index: i + 1, key, reason: `could not upgrade from version ${version}: ${errorMessage(err)}` });
      return;
    }
    // Backups written before PaperShelf stopped storing search words carry a `words` list per
    // paper: the schema leaves it out (the popup splits the words itself).
    const parsed = SavedPaper.safeParse(paper);
    if (parsed.success) papers.push({ index: i + 1, ...(key ? { key } : {}), paper: parsed.data });
    else rejected.push({ index: i + 1, key, reason: isObject(raw) ? describeIssues(parsed.error.issues) : 'not an object' });
  });
  const device = DeviceInfo.safeParse(v.device);
  return {
    exportedAt: typeof v.exportedAt === 'string' ? v.exportedAt : undefined,
    ...(device.success ? { device: device.data } : {}),
    papers,
    rejected,
    removed: readList(v, 'removed', RemovalSchema),
    seen: readList(v, 'seen', SeenPaper),
  };
}
