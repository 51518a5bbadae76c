/**
 * One paper of an import or a synced file merged into the shelf: what the shelf holds of it
 * (record with times, tombstone) merged with what the file says (lib/exchange/merge), and the
 * writes that makes. Pure: lib/library.ts reads and writes the tables in its one transaction.
 * Also the seen history's merge (earliest firstSeen, latest lastSeen).
 */
import type { Removal } from './db';
import { canon, compact, mergeEntries, visible, type MergeEntry } from './exchange/merge';
import type { SavedPaper } from './paper';
import type { SeenPaper } from './seen/record';
import { entryOf } from './shelf-times';

export type MergeCount = 'added' | 'updated' | 'unchanged' | 'none';

/** What a merge writes for one paper (absent: that table keeps what it has). */
export interface MergeWrite {
  /** the record to put, or null to delete the record */
  paper?: SavedPaper | null;
  removal?: Removal;
  /** how the shelf's paper changed: `none` when it is neither on the shelf before nor after */
  count: MergeCount;
}

/** The stored form of a merged entry: the visible record with its times, and the tombstone. */
function stored(e: MergeEntry): { paper: SavedPaper | null; removal: Removal | null } {
  // compact() changes only an entry with a removal.
  const c = e.removedAt === undefined ? e : compact(e);
  const shown = visible(c);
  return {
    paper: shown && c.clocked ? { ...shown, times: c.clocked.times } : null,
    removal: c.removedAt === undefined ? null : { id: e.id, removedAt: c.removedAt },
  };
}

/**
 * Two records that differ only in what is derived (sites) are the same. The order of tags
 * and sources counts: a merge puts them in its own order (tags as added, sources by site), and
 * writing that order makes every device that merged the same files hold identical records.
 */
function sameRecord(a: SavedPaper | null, b: SavedPaper | null): boolean {
  const norm = (p: SavedPaper | null) => p && { ...p, sites: [] };
  return canon(norm(a)) === canon(norm(b));
}

/** Merge the file's entry for one paper into what the shelf has of it. */
export function mergeIntoShelf(rec: SavedPaper | undefined, removal: Removal | undefined, incoming: MergeEntry): MergeWrite {
  // New here (no record, no tombstone): the file's entry as it is, with nothing to compare.
  if (!rec && !removal) {
    const next = stored(incoming);
    return { ...(next.paper ? { paper: next.paper } : {}), ...(next.removal ? { removal: next.removal } : {}), count: next.paper ? 'added' : 'none' };
  }
  const cur = entryOf(incoming.id, rec, removal);
  const next = stored(mergeEntries(cur, incoming));
  const out: MergeWrite = { count: 'none' };
  if (!sameRecord(rec ?? null, next.paper)) out.paper = next.paper;
  if (next.removal && next.removal.removedAt !== removal?.removedAt) out.removal = next.removal;
  if (next.paper) out.count = !rec ? 'added' : out.paper ? 'updated' : 'unchanged';
  else if (rec) out.count = 'updated';
  return out;
}

/** A paper's seen record merged: first seen the earliest, the rest from the latest sighting. */
export function mergeSeen(a: SeenPaper | undefined, b: SeenPaper): SeenPaper {
  if (!a) return b;
  const later = a.lastSeen > b.lastSeen || (a.lastSeen === b.lastSeen && canon(a) >= canon(b)) ? a : b;
  return { ...later, firstSeen: Math.min(a.firstSeen, b.firstSeen) };
}
