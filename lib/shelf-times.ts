/**
 * The per-field times a stored paper carries (SavedPaper.times), and the step between a stored
 * record with its tombstone and the merge's MergeEntry (lib/exchange/merge). lib/library.ts writes
 * the times with every user edit, in the same transaction as the edit; the merge reads them.
 */
import type { Removal } from './db';
import { clockedFromRecord, lastTouched, type FieldTimes, type MergeEntry, type TagMark } from './exchange/merge';
import { tagKey, type SavedPaper, type UserPatch } from './paper';

/** A record's field times: its own, or (written before times were kept) all at its updatedAt. */
export function timesOf(rec: SavedPaper): FieldTimes {
  return rec.times ?? clockedFromRecord(rec).times;
}

/** The record without its times (the merge keeps them beside the record). */
export function withoutTimes(rec: SavedPaper): SavedPaper {
  const { times: _t, ...paper } = rec;
  return paper;
}

/** What this shelf knows of one paper: its record (with times) and its tombstone. */
export function entryOf(id: string, rec: SavedPaper | undefined, removal: Removal | undefined): MergeEntry {
  const e: MergeEntry = { id };
  if (rec) e.clocked = { paper: withoutTimes(rec), times: timesOf(rec) };
  if (removal) e.removedAt = removal.removedAt;
  return e;
}

/**
 * An edit's time: `now`, or just after the paper's last removal when the clock says otherwise
 * (a clock set back, or two writes in one millisecond): an edit made while the paper is on the
 * shelf must count as after its removal, or a merge would hide the paper again.
 */
export function editTime(now: number, removal: Removal | undefined): number {
  return removal && removal.removedAt >= now ? removal.removedAt + 1 : now;
}

/** The times after a user patch at `at`: `before` is the record patched, `tags` its tags after. */
export function patchedTimes(before: SavedPaper, tags: readonly string[], patch: UserPatch, at: number): FieldTimes {
  const t = timesOf(before);
  const marks: Record<string, TagMark> = { ...t.tags };
  const was = new Set(before.tags.map(tagKey));
  const now = new Set(tags.map(tagKey));
  for (const tag of tags) if (!was.has(tagKey(tag))) marks[tagKey(tag)] = { tag, on: true, at };
  for (const tag of before.tags) if (!now.has(tagKey(tag))) marks[tagKey(tag)] = { tag, on: false, at };
  return {
    saved: t.saved,
    note: patch.note !== undefined && patch.note !== before.note ? at : t.note,
    status: patch.status !== undefined && patch.status !== before.status ? at : t.status,
    tags: marks,
  };
}

/** The times of a paper saved at `at`: new to the shelf (no `before`), or saved again. */
export function savedTimes(before: SavedPaper | undefined, at: number): FieldTimes {
  // Saved again while on the shelf: not a new save (the first one stands).
  if (before) return timesOf(before);
  return { saved: at, note: 0, status: 0, tags: {} };
}

/**
 * A removal's time: now, or after the last thing that happened to the paper when its times are
 * ahead of this clock (a removal hides only what happened up to it).
 */
export function removalTime(rec: SavedPaper, now: number): number {
  return Math.max(now, lastTouched(timesOf(rec)));
}

/**
 * Undo of a removal: the record as it was, with every user field set again at `at` (after the
 * removal), so that a device which already heard of the removal shows the paper again, with its
 * tags, note and status.
 */
export function restoredTimes(rec: SavedPaper, at: number): FieldTimes {
  const t = timesOf(rec);
  const tags: Record<string, TagMark> = {};
  for (const [k, m] of Object.entries(t.tags)) tags[k] = { ...m, at };
  return { saved: at, note: at, status: at, tags };
}
