/**
 * The seen history as the popup, the side panel and the options page read it: every seen record
 * (validated, newest first), the newest few, the count, and clearing it. Nothing here writes a
 * seen record (the feed's recorder does, lib/seen) and nothing here touches a saved paper: saving
 * a seen paper goes through lib/library with the draft `seenDraft` makes, and the seen record
 * stays as it was.
 */
import { getDb, type PaperShelfDB } from '../db';
import type { PaperDraft } from '../paper';
import type { ParsedQuery } from '../list/query';
import type { Searchable } from '../list/searchable';
import { SeenPaper } from './record';

/** A seen paper as the list's search index holds it (lib/list/searchable): no tags, status or dates. */
export interface SeenRow extends Searchable {
  seen: SeenPaper;
}

const NO_TAGS: readonly string[] = [];

/**
 * The index's view of a seen record: title and authors are its words (the index splits them
 * itself), its site the `site:` filter, and "newest first" is the time it was last seen.
 */
export function seenRow(seen: SeenPaper): SeenRow {
  return { id: seen.id, title: seen.title, authors: seen.authors, tags: NO_TAGS, sources: [{ site: seen.site }], savedAt: seen.lastSeen, signals: {}, seen };
}

/**
 * The query for the seen history: the saved list's syntax, less what a seen record does not
 * have (tags, a reading status, a publication year). Those parts are left out, not made to match
 * nothing, and the problems say so: text typed for the saved list still finds its words here.
 */
export function seenQuery(q: ParsedQuery): ParsedQuery {
  const dropped = [
    q.tags.length || q.not.tags.length ? 'tag:' : '',
    q.status !== undefined || q.not.statuses.length ? 'status:' : '',
    q.year !== undefined ? 'year:' : '',
  ].filter(Boolean);
  if (dropped.length === 0) return q;
  const what = dropped.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return {
    ...q,
    tags: [],
    status: undefined,
    year: undefined,
    not: { ...q.not, tags: [], statuses: [] },
    problems: [...q.problems, `${what} ${dropped.length === 1 ? 'applies' : 'apply'} to saved papers only: ignored here.`],
  };
}

/**
 * The draft that saves a seen paper as any saved paper: its id, title and authors, the page it
 * was seen on as where it was found (the paper's own page as its link, as a card's Save gives it).
 */
export function seenDraft(seen: SeenPaper): PaperDraft {
  return {
    id: seen.id,
    site: seen.site,
    pageUrl: seen.url,
    title: seen.title,
    authors: [...seen.authors],
    links: seen.link ? { page: seen.link } : {},
    signals: {},
  };
}

/** Records as stored; one that fails the schema is left out (and counted), never shown half-read. */
function valid(records: readonly unknown[]): { rows: SeenPaper[]; skipped: number } {
  const rows: SeenPaper[] = [];
  for (const r of records) {
    const parsed = SeenPaper.safeParse(r);
    if (parsed.success) rows.push(parsed.data);
  }
  return { rows, skipped: records.length - rows.length };
}

/** Reading and clearing the seen table (the extension origin's database). */
export class SeenHistory {
  constructor(private readonly db: PaperShelfDB = getDb()) {}

  /**
   * Every seen record, in key order: the list's index puts them newest first itself, and one
   * read of the table is quicker than walking the lastSeen index (50,000 records).
   */
  async all(): Promise<SeenPaper[]> {
    const records: unknown[] = await this.db.seen.toArray();
    return valid(records).rows;
  }

  /** The `limit` most recently seen (shown while all() reads the rest). */
  async newest(limit: number): Promise<SeenPaper[]> {
    const records: unknown[] = await this.db.seen.orderBy('lastSeen').reverse().limit(limit).toArray();
    return valid(records).rows;
  }

  async count(): Promise<number> {
    return this.db.seen.count();
  }

  /** When the newest record was last seen (null: none), which tells a reload whether anything was added. */
  async newestTime(): Promise<number | null> {
    const key = await this.db.seen.orderBy('lastSeen').lastKey();
    return typeof key === 'number' ? key : null;
  }

  /** Delete the whole history (saved papers are untouched: another table); how many records went. */
  async clear(): Promise<number> {
    return this.db.transaction('rw', this.db.seen, async () => {
      const n = await this.db.seen.count();
      await this.db.seen.clear();
      return n;
    });
  }
}

let shared: SeenHistory | null = null;

/** The seen history of this extension context's database. */
export function getSeenHistory(): SeenHistory {
  shared ??= new SeenHistory();
  return shared;
}
