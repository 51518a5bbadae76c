/**
 * Merging shelves (lib/exchange/merge.ts). Three devices edit a few papers (save, note, status,
 * add and remove tags, remove the paper) with syncs between them at random moments, as fast-check
 * generates; then:
 *
 * - merging is commutative, associative and idempotent over any three devices' shelves (whole
 *   entries, what was read from pages included), and merging a shelf already merged changes
 *   nothing (importing the same file twice);
 * - no edit is lost: whatever order the devices merge in, each field shows its latest edit on any
 *   device, unless the paper was removed after it; a paper is on the shelf exactly when something
 *   happened to it after its last removal (removed on one device and edited later on another: it
 *   comes back, with that edit);
 * - the compact form storage keeps (tombstones) shows the same shelf.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canon, clockedFromRecord, compact, mergeEntries, mergeShelves, visible, withDerived, type Clocked, type MergeEntry } from '@/lib/exchange/merge';
import { STATUSES, tagKey, type SavedPaper, type Status } from '@/lib/paper';

type Shelf = Map<string, MergeEntry>;
const IDS = ['arxiv:2601.00001', 'doi:10.1000/x'];
const SITES = ['huggingface', 'arxiv', 'openreview'];
const TAGS = ['rl', 'RL', 'vision', 'to read', 'Vision'];
const DEVICES = 3;

type Op =
  | { kind: 'save'; dev: number; id: string; variant: number }
  | { kind: 'note'; dev: number; id: string; text: string }
  | { kind: 'status'; dev: number; id: string; status: Status }
  | { kind: 'addTag' | 'removeTag'; dev: number; id: string; tag: string }
  | { kind: 'remove'; dev: number; id: string }
  | { kind: 'sync'; from: number; to: number };

const dev = fc.integer({ min: 0, max: DEVICES - 1 });
const id = fc.constantFrom(...IDS);
// Weighted so that papers are often saved, synced to another device, removed on one and edited
// on another before they hear of it (the removal-then-edit case).
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('save' as const), dev, id, variant: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('note' as const), dev, id, text: fc.constantFrom('', 'a', 'b', 'read §3 <b>') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('status' as const), dev, id, status: fc.constantFrom(...STATUSES) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('addTag' as const, 'removeTag' as const), dev, id, tag: fc.constantFrom(...TAGS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), dev, id }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: dev, to: fc.integer({ min: 1, max: DEVICES - 1 }) }).map((o) => ({ ...o, to: (o.from + o.to) % DEVICES })) },
);
const script = fc.array(opArb, { minLength: 10, maxLength: 60, size: 'max' });

/** A paper as a site's page gives it, in one of a few variants (to merge what was read from pages). */
function fresh(paperId: string, variant: number, at: number): Clocked {
  const site = SITES[variant % SITES.length]!;
  const p: SavedPaper = withDerived({
    id: paperId,
    title: variant % 2 ? `Title of ${paperId}` : `Title of ${paperId} (long version)`,
    authors: ['Ada Lovelace', 'Alan Turing'].slice(0, 1 + (variant % 2)),
    ...(variant > 2 ? { abstract: `Abstract ${variant}` } : {}),
    ...(variant % 3 === 0 ? { venue: `Venue ${variant}` } : {}),
    links: variant % 2 ? { pdf: `https://example.org/${variant}.pdf` } : { page: `https://${site}.example/${variant}` },
    signals: { upvotes: variant },
    signalsSeenAt: at,
    sources: [{ site, url: `https://${site}.example/p/${variant}`, firstSeenAt: at, lastSeenAt: at }],
    tags: [],
    note: '',
    status: 'unread',
    savedAt: at,
    updatedAt: at,
  });
  return { paper: p, times: { saved: at, note: 0, status: 0, tags: {} } };
}

/** An entry in the form a shelf keeps it (merged once with itself, then compact). */
const tidy = (e: MergeEntry): MergeEntry => compact(mergeEntries(e, e));

/** One user edit of a paper shown on this device (the devices' local changes, as lib/library makes them). */
function edit(e: MergeEntry, at: number, change: (c: Clocked) => Clocked): MergeEntry {
  return tidy({ ...e, clocked: change(e.clocked!) });
}

interface Effective {
  op: Op;
  at: number;
}

/** Run a script: each device's shelf, and the edits that took effect (with their times). */
function run(ops: readonly Op[]): { shelves: Shelf[]; done: Effective[] } {
  const shelves: Shelf[] = Array.from({ length: DEVICES }, () => new Map());
  const done: Effective[] = [];
  ops.forEach((op, i) => {
    const at = i + 1;
    if (op.kind === 'sync') {
      shelves[op.to] = new Map([...mergeShelves(shelves[op.to]!, shelves[op.from]!)].map(([k, e]) => [k, compact(e)]));
      return;
    }
    const shelf = shelves[op.dev]!;
    const e = shelf.get(op.id) ?? { id: op.id };
    const shown = visible(e);
    if (op.kind === 'save') {
      if (shown) return;
      shelf.set(op.id, tidy(mergeEntries(e, { id: op.id, clocked: fresh(op.id, op.variant, at) })));
    } else if (!shown) {
      return; // nothing to edit or remove on this device
    } else if (op.kind === 'remove') {
      shelf.set(op.id, compact({ ...e, removedAt: at }));
    } else if (op.kind === 'note') {
      shelf.set(op.id, edit(e, at, (c) => ({ paper: { ...c.paper, note: op.text, updatedAt: at }, times: { ...c.times, note: at } })));
    } else if (op.kind === 'status') {
      shelf.set(op.id, edit(e, at, (c) => ({ paper: { ...c.paper, status: op.status, updatedAt: at }, times: { ...c.times, status: at } })));
    } else {
      const on = op.kind === 'addTag';
      const has = shown.tags.some((t) => tagKey(t) === tagKey(op.tag));
      if (on === has) return; // the list offers to add a tag it lacks and to remove one it has
      const spelling = on ? op.tag : shown.tags.find((t) => tagKey(t) === tagKey(op.tag))!;
      shelf.set(op.id, edit(e, at, (c) => ({ paper: { ...c.paper, updatedAt: at }, times: { ...c.times, tags: { ...c.times.tags, [tagKey(op.tag)]: { tag: spelling, on, at } } } })));
    }
    done.push({ op, at });
  });
  return { shelves, done };
}

/** A shelf as comparable text: entries by id, keys sorted. */
const text = (s: ReadonlyMap<string, MergeEntry>) => canon([...s.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
/** What the shelf shows: each paper's user fields, by id. */
function shown(s: ReadonlyMap<string, MergeEntry>): Record<string, { tags: string[]; note: string; status: Status } | null> {
  const out: Record<string, { tags: string[]; note: string; status: Status } | null> = {};
  for (const paperId of IDS) {
    const p = s.get(paperId) && visible(s.get(paperId)!);
    out[paperId] = p ? { tags: p.tags, note: p.note, status: p.status } : null;
  }
  return out;
}

/** What the edits say the shelf must show: per field the latest edit, unless a later removal cleared it. */
function expected(done: readonly Effective[]): ReturnType<typeof shown> {
  const out: ReturnType<typeof shown> = {};
  for (const paperId of IDS) {
    const mine = done.filter((d) => d.op.kind !== 'sync' && d.op.id === paperId);
    const removed = Math.max(-Infinity, ...mine.filter((d) => d.op.kind === 'remove').map((d) => d.at));
    const touched = Math.max(-Infinity, ...mine.filter((d) => d.op.kind !== 'remove').map((d) => d.at));
    if (touched <= removed) {
      out[paperId] = null;
      continue;
    }
    const last = (kind: Op['kind']) => mine.filter((d) => d.op.kind === kind && d.at > removed).at(-1)?.op;
    const note = last('note');
    const status = last('status');
    const tags = new Map<string, { tag: string; on: boolean; at: number }>();
    for (const d of mine) if ((d.op.kind === 'addTag' || d.op.kind === 'removeTag') && d.at > removed) tags.set(tagKey(d.op.tag), { tag: d.op.tag, on: d.op.kind === 'addTag', at: d.at });
    out[paperId] = {
      tags: [...tags.values()].filter((m) => m.on).sort((a, b) => a.at - b.at).map((m) => m.tag),
      note: note?.kind === 'note' ? note.text : '',
      status: status?.kind === 'status' ? status.status : 'unread',
    };
  }
  return out;
}

const merge3 = (a: Shelf, b: Shelf, c: Shelf) => mergeShelves(mergeShelves(a, b), c);

describe('merge: laws over three devices', () => {
  it('is commutative, associative and idempotent; merging a merged shelf again changes nothing', () => {
    fc.assert(
      fc.property(script, (ops) => {
        const [a, b, c] = run(ops).shelves as [Shelf, Shelf, Shelf];
        expect(text(mergeShelves(a, b))).toBe(text(mergeShelves(b, a)));
        expect(text(mergeShelves(mergeShelves(a, b), c))).toBe(text(mergeShelves(a, mergeShelves(b, c))));
        expect(text(mergeShelves(a, a))).toBe(text(a));
        const ab = mergeShelves(a, b);
        expect(text(mergeShelves(ab, b))).toBe(text(ab));
        expect(text(mergeShelves(mergeShelves(ab, a), b))).toBe(text(ab));
      }),
      { numRuns: 500 },
    );
  });

  it('loses no edit: in any merge order each field shows its latest edit unless a later removal cleared it', () => {
    fc.assert(
      fc.property(script, fc.constantFrom([0, 1, 2], [2, 1, 0], [1, 2, 0]), (ops, order) => {
        const { shelves, done } = run(ops);
        const [x, y, z] = order.map((i) => shelves[i]!) as [Shelf, Shelf, Shelf];
        const merged = merge3(x, y, z);
        expect(shown(merged)).toEqual(expected(done));
        // Kept compact (tombstones), as storage keeps it, the shelf shows the same.
        const stored = new Map([...merged].map(([k, e]) => [k, compact(e)]));
        expect(shown(stored)).toEqual(shown(merged));
        expect(shown(merge3(compactAll(x), compactAll(y), compactAll(z)))).toEqual(shown(merged));
      }),
      { numRuns: 500 },
    );
  });

  it('two devices that synced both ways show the same shelf, whoever synced first', () => {
    fc.assert(
      fc.property(script, (ops) => {
        const [a, b] = run(ops).shelves as [Shelf, Shelf];
        expect(shown(mergeShelves(a, b))).toEqual(shown(mergeShelves(b, a)));
      }),
    );
  });

  it('ties (equal times, different values) resolve the same way whichever side merges', () => {
    const entry = fc.record({
      note: fc.constantFrom('x', 'y'),
      status: fc.constantFrom(...STATUSES),
      tag: fc.constantFrom('rl', 'RL'),
      on: fc.boolean(),
      removedAt: fc.option(fc.constantFrom(1, 2), { nil: undefined }),
    });
    fc.assert(
      fc.property(entry, entry, entry, (...es) => {
        const [a, b, c] = es.map(({ note, status, tag, on, removedAt }): MergeEntry => {
          const base = fresh(IDS[0]!, 1, 1);
          const clocked: Clocked = { paper: { ...base.paper, note, status }, times: { saved: 1, note: 2, status: 2, tags: { rl: { tag, on, at: 2 } } } };
          return tidy({ id: IDS[0]!, clocked, ...(removedAt ? { removedAt } : {}) });
        }) as [MergeEntry, MergeEntry, MergeEntry];
        expect(canon(mergeEntries(a, b))).toBe(canon(mergeEntries(b, a)));
        expect(canon(mergeEntries(mergeEntries(a, b), c))).toBe(canon(mergeEntries(a, mergeEntries(b, c))));
      }),
    );
  });
});

function compactAll(s: Shelf): Shelf {
  return new Map([...s].map(([k, e]) => [k, compact(e)]));
}

describe('merge: the rules, by example', () => {
  const P = IDS[0]!;
  const saved = (at: number) => tidy({ id: P, clocked: fresh(P, 1, at) });

  it('a paper removed on one device and edited later on another comes back with the later edit', () => {
    const { shelves } = run([
      { kind: 'save', dev: 0, id: P, variant: 1 },
      { kind: 'addTag', dev: 0, id: P, tag: 'old' },
      { kind: 'note', dev: 0, id: P, text: 'before' },
      { kind: 'sync', from: 0, to: 1 },
      { kind: 'remove', dev: 0, id: P },
      { kind: 'note', dev: 1, id: P, text: 'still reading this' },
    ]);
    expect(shelves[0]!.get(P)).toEqual({ id: P, removedAt: 5 });
    const merged = visible(mergeShelves(shelves[0]!, shelves[1]!).get(P)!);
    // Back, with the later note; the tag added before the removal was cleared by it.
    expect(merged).toMatchObject({ id: P, note: 'still reading this', tags: [] });
  });

  it('an edit made after the removal brings the paper back without what the removal cleared', () => {
    const { shelves } = run([
      { kind: 'save', dev: 0, id: P, variant: 1 },
      { kind: 'note', dev: 0, id: P, text: 'before' },
      { kind: 'addTag', dev: 0, id: P, tag: 'old' },
      { kind: 'sync', from: 0, to: 1 },
      { kind: 'remove', dev: 0, id: P },
      { kind: 'status', dev: 1, id: P, status: 'reading' },
    ]);
    for (const [x, y] of [[0, 1], [1, 0]] as const) {
      expect(visible(mergeShelves(shelves[x]!, shelves[y]!).get(P)!)).toMatchObject({ note: '', tags: [], status: 'reading' });
    }
  });

  it('tags merge as additions and removals', () => {
    const { shelves } = run([
      { kind: 'save', dev: 0, id: P, variant: 1 },
      { kind: 'addTag', dev: 0, id: P, tag: 'rl' },
      { kind: 'addTag', dev: 0, id: P, tag: 'vision' },
      { kind: 'sync', from: 0, to: 1 },
      { kind: 'removeTag', dev: 0, id: P, tag: 'vision' },
      { kind: 'addTag', dev: 1, id: P, tag: 'to read' },
      { kind: 'addTag', dev: 0, id: P, tag: 'RL' }, // already there: no change
    ]);
    expect(visible(mergeShelves(shelves[0]!, shelves[1]!).get(P)!)!.tags).toEqual(['rl', 'to read']);
  });

  it('each field takes its own latest edit: nothing else is overwritten', () => {
    const a = edit(saved(1), 5, (c) => ({ paper: { ...c.paper, note: 'from A' }, times: { ...c.times, note: 5 } }));
    const b = edit(saved(1), 6, (c) => ({ paper: { ...c.paper, status: 'read' }, times: { ...c.times, status: 6 } }));
    expect(visible(mergeEntries(a, b))).toMatchObject({ note: 'from A', status: 'read' });
  });

  it('the same file merged twice changes nothing; an old record counts every field as edited at updatedAt', () => {
    const old: SavedPaper = { ...fresh(P, 2, 1).paper, tags: ['rl', 'vision'], note: 'n', status: 'reading', updatedAt: 7 };
    const file = tidy({ id: P, clocked: clockedFromRecord(old) });
    expect(file.clocked!.times).toEqual({ saved: 1, note: 7, status: 7, tags: { rl: { tag: 'rl', on: true, at: 7 }, vision: { tag: 'vision', on: true, at: 7 } } });
    const local = edit(saved(1), 9, (c) => ({ paper: { ...c.paper, note: 'newer here' }, times: { ...c.times, note: 9 } }));
    const once = mergeEntries(local, file);
    expect(canon(mergeEntries(once, file))).toBe(canon(once));
    expect(visible(once)).toMatchObject({ note: 'newer here', status: 'reading', tags: ['rl', 'vision'] });
  });

  it('what pages gave merges the same whichever side it is on: sources united, newer signals, longer lists', () => {
    const a = tidy({ id: P, clocked: fresh(P, 0, 1) });
    const b = tidy({ id: P, clocked: fresh(P, 4, 3) });
    const m = visible(mergeEntries(a, b))!;
    expect(m.sources.map((s) => s.site)).toEqual(['arxiv', 'huggingface']);
    expect([m.signals, m.signalsSeenAt, m.authors.length, m.savedAt, m.abstract]).toEqual([{ upvotes: 4 }, 3, 1, 1, 'Abstract 4']);
    expect(m.title).toBe(`Title of ${P} (long version)`);
    expect(m.sites).toEqual(['arxiv', 'huggingface']);
  });

  it('a tombstone is small and a re-save after it brings the paper back', () => {
    const removed = compact({ ...saved(1), removedAt: 2 });
    expect(removed).toEqual({ id: P, removedAt: 2 });
    expect(visible(removed)).toBeNull();
    const again = tidy(mergeEntries(removed, { id: P, clocked: fresh(P, 3, 5) }));
    expect(visible(again)).toMatchObject({ id: P, savedAt: 5, tags: [], note: '' });
    expect(visible(mergeEntries(again, saved(1)))).not.toBeNull();
  });
});
