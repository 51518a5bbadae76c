/**
 * The seen history's reads and writes (the database's `seen` table, db v4), used by the
 * background and the options page. It never touches a saved paper: the papers table is only read,
 * by retention, to keep the saved ones. Nothing here is cached between calls: the options page may
 * clear the table at any time.
 */
import type { PaperShelfDB } from '../db';
import type { SeenPaper, Sighting } from './record';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Which asked papers were seen before a time, and whether anything was. */
export interface SeenBefore {
  /** the asked ids with a record last seen, or first seen, before the time */
  ids: string[];
  /** whether the history held anything before the time (no history: nothing is new) */
  history: boolean;
}

/** The settings the history follows (lib/settings), read at each write. */
export interface SeenSettings {
  seenHistory: boolean;
  seenRetentionDays: number;
}

/** One record from a sighting: the first, or an existing one brought up to date. */
export function merged(existing: SeenPaper | undefined, s: Sighting, now: number): SeenPaper {
  if (!existing) return { ...s, firstSeen: now, lastSeen: now };
  const rec: SeenPaper = {
    ...existing,
    title: s.title,
    // A card that shows fewer authors (a listing's "et al.") keeps the longer list.
    authors: s.authors.length >= existing.authors.length ? s.authors : existing.authors,
    url: s.url,
    site: s.site,
    firstSeen: Math.min(existing.firstSeen, now),
    lastSeen: Math.max(existing.lastSeen, now),
  };
  if (s.link) rec.link = s.link;
  return rec;
}

export class SeenStore {
  /** when retention last ran here (once a day at most after writes) */
  private prunedAt = 0;

  constructor(
    private readonly db: PaperShelfDB,
    private readonly settings: () => Promise<SeenSettings>,
  ) {}

  /**
   * Record papers the user had on screen: one transaction for the batch, new ones added, known
   * ones given their latest page, title and time. Nothing is written while the history is off.
   * Resolves with the number of records written.
   */
  async record(sightings: readonly Sighting[], now = Date.now()): Promise<number> {
    if (sightings.length === 0) return 0;
    const settings = await this.settings();
    if (!settings.seenHistory) return 0;
    // The last sighting of a paper in a batch wins (a page may show one paper twice).
    const byId = new Map(sightings.map((s) => [s.id, s] as const));
    const ids = [...byId.keys()];
    const written = await this.db.transaction('rw', this.db.seen, async () => {
      const existing = await this.db.seen.bulkGet(ids);
      const recs = ids.map((id, k) => merged(existing[k], byId.get(id)!, now));
      await this.db.seen.bulkPut(recs);
      return recs.length;
    });
    if (now - this.prunedAt >= DAY_MS) await this.prune(settings.seenRetentionDays, now).catch(() => undefined);
    return written;
  }

  /**
   * Which of `ids` were seen before `before` (the page's load: what the page itself recorded
   * since does not count), and whether anything at all was.
   */
  async before(ids: readonly string[], before: number): Promise<SeenBefore> {
    const recs = ids.length ? await this.db.seen.bulkGet([...ids]) : [];
    const seen = recs.filter((r): r is SeenPaper => !!r && r.firstSeen < before).map((r) => r.id);
    // (one key read, not a count: a feed asks with every batch of cards)
    const history = seen.length > 0 || (await this.db.seen.where('lastSeen').below(before).limit(1).primaryKeys()).length > 0;
    return { ids: seen, history };
  }

  /**
   * Drop records last seen more than `days` ago, except papers saved on the shelf (their history
   * stays while they are). Resolves with the ids dropped.
   */
  async prune(days?: number, now = Date.now()): Promise<string[]> {
    const keep = days ?? (await this.settings()).seenRetentionDays;
    this.prunedAt = now;
    const cutoff = now - keep * DAY_MS;
    return this.db.transaction('rw', this.db.seen, this.db.papers, async () => {
      const old = (await this.db.seen.where('lastSeen').below(cutoff).primaryKeys()) as string[];
      if (old.length === 0) return [];
      const saved = new Set((await this.db.papers.where('id').anyOf(old).primaryKeys()) as string[]);
      const drop = old.filter((id) => !saved.has(id));
      await this.db.seen.bulkDelete(drop);
      return drop;
    });
  }

  /** Every record, most recently seen first. */
  async all(): Promise<SeenPaper[]> {
    return this.db.seen.orderBy('lastSeen').reverse().toArray();
  }
}
