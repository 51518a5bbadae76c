/**
 * Folder sync end to end over the library (real Library on fake-indexeddb, the stored form with
 * tombstones, lib/sync/folder-sync over an in-memory folder), for any sequence fast-check
 * generates of three devices' edits and syncs: after every device has synced twice, in turn, all
 * three hold identical records and tombstones, and each paper shows exactly what an oracle of
 * every edit says (the later edit wins per field, tags per tag; a removal clears what came
 * before it; a paper edited after its removal on another device is back with that edit). The pure
 * merge's algebra (commutative, associative, idempotent) is test/merge.test.ts.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Library } from '@/lib/library';
import { tagKey, type SavedPaper, type Status } from '@/lib/paper';
import { syncOnce } from '@/lib/sync/folder-sync';
import { freshLibrary, hfDraft } from './helpers/drafts';
import { memoryDir } from './helpers/memory-dir';

const T0 = 1_760_000_000_000;
const IDS = ['2603.00001', '2603.00002'];
const TAGS = ['rl', 'RL', 'vision'];

type Op =
  | { kind: 'save' | 'remove' | 'sync'; dev: number; p: number }
  | { kind: 'note'; dev: number; p: number; text: string }
  | { kind: 'status'; dev: number; p: number; status: Status }
  | { kind: 'addTag' | 'removeTag'; dev: number; p: number; tag: string };

const dev = fc.integer({ min: 0, max: 2 });
const p = fc.integer({ min: 0, max: IDS.length - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('save' as const, 'remove' as const), dev, p }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), dev, p }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('note' as const), dev, p, text: fc.constantFrom('a', 'b', '') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), dev, p, status: fc.constantFrom('unread' as const, 'reading' as const, 'read' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('addTag' as const, 'removeTag' as const), dev, p, tag: fc.constantFrom(...TAGS) }) },
);

/** Every edit that happened, with its time: what each paper must show at the end. */
interface Oracle {
  removed: number;
  touched: number;
  note: { v: string; at: number };
  status: { v: Status; at: number };
  tags: Map<string, { on: boolean; at: number }>;
}

const devices = [
  { id: 'one-000001', name: 'One' },
  { id: 'two-000002', name: 'Two' },
  { id: 'three-000003', name: 'Three' },
];

async function apply(libs: Library[], dir: ReturnType<typeof memoryDir>, o: Op, now: number, oracle: Map<string, Oracle>): Promise<void> {
  const lib = libs[o.dev]!;
  const id = `arxiv:${IDS[o.p]}`;
  const orc = oracle.get(id) ?? { removed: -1, touched: -1, note: { v: '', at: -1 }, status: { v: 'unread' as Status, at: -1 }, tags: new Map() };
  oracle.set(id, orc);
  const cur = await lib.get(id);
  const touch = () => (orc.touched = now);
  switch (o.kind) {
    case 'sync':
      await syncOnce(lib, dir, devices[o.dev]!, new Date(now));
      return;
    case 'save':
      await lib.save(hfDraft(IDS[o.p]!), undefined, now);
      if (!cur) touch();
      return;
    case 'remove':
      if (cur) {
        await lib.remove([id], now);
        orc.removed = now;
      }
      return;
    case 'note':
      if (cur && cur.note !== o.text) {
        await lib.patch(id, { note: o.text }, now);
        orc.note = { v: o.text, at: now };
        touch();
      }
      return;
    case 'status':
      if (cur && cur.status !== o.status) {
        await lib.patch(id, { status: o.status }, now);
        orc.status = { v: o.status, at: now };
        touch();
      }
      return;
    case 'addTag':
    case 'removeTag': {
      const on = cur?.tags.some((t) => tagKey(t) === tagKey(o.tag));
      if (!cur || (o.kind === 'addTag') === on) return;
      await lib.patch(id, o.kind === 'addTag' ? { addTags: [o.tag] } : { removeTags: [o.tag] }, now);
      orc.tags.set(tagKey(o.tag), { on: o.kind === 'addTag', at: now });
      touch();
    }
  }
}

const shelfOf = async (lib: Library) => ({ papers: (await lib.all()).sort((a, b) => (a.id < b.id ? -1 : 1)), removed: (await lib.removals()).sort((a, b) => (a.id < b.id ? -1 : 1)) });

/** What the oracle says the shelf shows: [id, tag keys, note, status] of each paper on it. */
function expectedShelf(oracle: Map<string, Oracle>): Array<[string, string[], string, Status]> {
  return [...oracle.entries()]
    .filter(([, o]) => o.touched > o.removed)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, o]) => [
      id,
      [...o.tags.entries()].filter(([, m]) => m.on && m.at > o.removed).map(([k]) => k).sort(),
      o.note.at > o.removed ? o.note.v : '',
      o.status.at > o.removed ? o.status.v : 'unread',
    ]);
}

const shown = (papers: SavedPaper[]): Array<[string, string[], string, Status]> => papers.map((r) => [r.id, r.tags.map(tagKey).sort(), r.note, r.status]);

describe('folder sync over the library, any three devices', () => {
  it('ends with identical shelves holding every edit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const libs = [freshLibrary(), freshLibrary(), freshLibrary()];
        const dir = memoryDir();
        const oracle = new Map<string, Oracle>();
        let now = T0;
        for (const o of ops) await apply(libs, dir, o, ++now, oracle);
        for (let round = 0; round < 2; round++) for (let d = 0; d < 3; d++) await syncOnce(libs[d]!, dir, devices[d]!, new Date(++now));
        const [a, b, c] = await Promise.all(libs.map(shelfOf));
        expect(b).toEqual(a);
        expect(c).toEqual(a);
        expect(shown(a!.papers)).toEqual(expectedShelf(oracle));
        // Settled: one more sync on each device writes nothing and changes nothing.
        for (let d = 0; d < 3; d++) expect(await syncOnce(libs[d]!, dir, devices[d]!, new Date(++now))).toMatchObject({ added: 0, updated: 0, wrote: false, skipped: [] });
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
