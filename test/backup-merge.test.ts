/**
 * Backup format 2: papers with their field times, tombstones and (when chosen) the seen history;
 * importing any backup (version 1 or 2) merges field by field in one transaction, and importing
 * the same file twice changes nothing.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db';
import { readBackup } from '@/lib/exchange/backup';
import { exportText } from '@/lib/exchange/export';
import { importFile } from '@/lib/exchange/import';
import { Library } from '@/lib/library';
import type { SavedPaper } from '@/lib/paper';
import type { SeenPaper } from '@/lib/seen/record';
import { freshLibrary, hfDraft } from './helpers/drafts';

const T0 = 1_760_000_000_000;
const NOW = new Date('2026-12-03T12:00:00.000Z');
const A = 'arxiv:2603.00001';
const B = 'arxiv:2603.00002';
const byId = (rs: readonly SavedPaper[]) => [...rs].sort((x, y) => (x.id < y.id ? -1 : 1));

/** A library's backup text, as the options page writes it (tombstones; seen when asked). */
async function backupOf(lib: Library, seen = false): Promise<string> {
  return exportText('backup', await lib.all(), NOW, { removed: await lib.removals(), ...(seen ? { seen: await lib.seenRecords() } : {}) });
}

function seenRecord(id: string, firstSeen: number, lastSeen: number, title = 'Seen'): SeenPaper {
  return { id, title, authors: ['Ada'], url: 'https://huggingface.co/papers', site: 'huggingface', firstSeen, lastSeen };
}

describe('backup version 2', () => {
  it('carries times and tombstones; an empty library imports it to the same records', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), { addTags: ['rl'], note: 'n' }, T0);
    await lib.save(hfDraft('2603.00002'), undefined, T0);
    await lib.remove([B], T0 + 5);
    const text = await backupOf(lib);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file.version).toBe(2);
    expect(file.removed).toEqual([{ id: B, removedAt: T0 + 5 }]);
    expect(file).not.toHaveProperty('seen');
    expect((file.papers as SavedPaper[]).map((p) => p.times)).toEqual([{ saved: T0, note: T0, status: 0, tags: { rl: { tag: 'rl', on: true, at: T0 } } }]);

    const other = freshLibrary();
    const out = await importFile(other, 'b.json', text);
    expect(out.kind === 'done' && out.counts).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: 0 });
    expect(byId(await other.all())).toEqual(byId(await lib.all()));
    expect(await other.removals()).toEqual([{ id: B, removedAt: T0 + 5 }]);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const mine = freshLibrary();
    await mine.save(hfDraft('2603.00001'), { addTags: ['mine'], note: 'my note' }, T0);
    await mine.save(hfDraft('2603.00002'), undefined, T0);
    const theirs = freshLibrary();
    await theirs.save(hfDraft('2603.00001'), { addTags: ['theirs'], status: 'read' }, T0 + 1);
    await theirs.save(hfDraft('2603.00003'), undefined, T0 + 1);
    await theirs.save(hfDraft('2603.00002'), undefined, T0 + 1);
    await theirs.remove([B], T0 + 2);
    const text = await backupOf(theirs);

    const first = await importFile(mine, 'theirs.json', text);
    expect(first.kind === 'done' && first.counts).toEqual({ added: 1, updated: 2, unchanged: 0, rejected: 0 });
    const after = byId(await mine.all());
    const tombs = await mine.removals();
    const second = await importFile(mine, 'theirs.json', text);
    expect(second.kind === 'done' && second.counts).toEqual({ added: 0, updated: 0, unchanged: 2, rejected: 0 });
    expect(byId(await mine.all())).toEqual(after);
    expect(await mine.removals()).toEqual(tombs);
    expect(after.map((p) => [p.id, p.tags, p.note, p.status])).toEqual([
      [A, ['mine', 'theirs'], 'my note', 'read'],
      ['arxiv:2603.00003', [], '', 'unread'],
    ]);
    expect(tombs).toEqual([{ id: B, removedAt: T0 + 2 }]);
  });

  it('a tag removed in the file after it was added here is removed; one added here later stays', async () => {
    const mine = freshLibrary();
    await mine.save(hfDraft('2603.00001'), { addTags: ['a', 'b'] }, T0);
    const theirs = freshLibrary();
    await theirs.importRecords(await mine.all());
    await theirs.patch(A, { removeTags: ['a', 'b'] }, T0 + 2);
    await mine.patch(A, { addTags: ['c'] }, T0 + 3);
    await mine.patch(A, { addTags: ['b'] }, T0 + 1);
    await importFile(mine, 't.json', await backupOf(theirs));
    expect((await mine.get(A))?.tags).toEqual(['c']);
  });

  it('a paper removed here and edited later in the file comes back with that edit only', async () => {
    const mine = freshLibrary();
    await mine.save(hfDraft('2603.00001'), { addTags: ['old'], note: 'old note' }, T0);
    const theirs = freshLibrary();
    await theirs.importRecords(await mine.all());
    await mine.remove([A], T0 + 5);
    await theirs.patch(A, { note: 'later note' }, T0 + 9);
    const out = await importFile(mine, 't.json', await backupOf(theirs));
    expect(out.kind === 'done' && out.counts).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: 0 });
    const got = await mine.get(A);
    expect([got?.tags, got?.note, got?.times]).toEqual([[], 'later note', { saved: T0, note: T0 + 9, status: 0, tags: {} }]);
  });

  it('a paper removed in the file after every edit here is removed here', async () => {
    const mine = freshLibrary();
    await mine.save(hfDraft('2603.00001'), { note: 'n' }, T0);
    await mine.save(hfDraft('2603.00002'), undefined, T0);
    const theirs = freshLibrary();
    await theirs.importRecords(await mine.all());
    await theirs.remove([A], T0 + 5);
    const out = await importFile(mine, 't.json', await backupOf(theirs));
    expect(out.kind === 'done' && out.counts).toEqual({ added: 0, updated: 1, unchanged: 1, rejected: 0 });
    expect((await mine.all()).map((p) => p.id)).toEqual([B]);
    expect(await mine.removals()).toEqual([{ id: A, removedAt: T0 + 5 }]);
  });

  it('a version-1 backup (today’s files) still imports', async () => {
    const lib = freshLibrary();
    const text = readFileSync(path.join(import.meta.dirname, 'fixtures', 'import', 'backup-v1.json'), 'utf8');
    const v1 = JSON.parse(text) as { papers: SavedPaper[] };
    const out = await importFile(lib, 'backup-v1.json', text);
    expect(out.kind === 'done' && out.counts).toEqual({ added: 4, updated: 0, unchanged: 0, rejected: 0 });
    const got = byId(await lib.all());
    expect(got.map((p) => p.times)).toEqual(byId(v1.papers).map((p) => ({ saved: p.savedAt, note: p.updatedAt, status: p.updatedAt, tags: Object.fromEntries(p.tags.map((t) => [t.toLowerCase(), { tag: t, on: true, at: p.updatedAt }])) })));
    const again = await importFile(lib, 'backup-v1.json', text);
    expect(again.kind === 'done' && again.counts).toEqual({ added: 0, updated: 0, unchanged: 4, rejected: 0 });
  });

  it('seen history goes in only when chosen, and merges: earliest first seen, latest last seen', async () => {
    const db = openDb(`seen-${Date.now()}`);
    const lib = new Library(db);
    await db.seen.bulkPut([seenRecord(A, T0 + 10, T0 + 20, 'here'), seenRecord(B, T0, T0)]);
    expect(JSON.parse(await backupOf(lib))).not.toHaveProperty('seen');
    const theirsDb = openDb(`seen-theirs-${Date.now()}`);
    await theirsDb.seen.bulkPut([seenRecord(A, T0 + 5, T0 + 15, 'there'), seenRecord('arxiv:2603.00009', T0, T0 + 1)]);
    const text = await backupOf(new Library(theirsDb), true);
    expect((JSON.parse(text) as { seen: unknown[] }).seen).toHaveLength(2);
    await importFile(lib, 's.json', text);
    expect(await db.seen.orderBy('id').toArray()).toEqual([
      { ...seenRecord(A, T0 + 5, T0 + 20, 'here') },
      seenRecord(B, T0, T0),
      seenRecord('arxiv:2603.00009', T0, T0 + 1),
    ]);
  });

  it('with the seen history turned off, the seen records of a backup stay out; its papers still come in', async () => {
    const theirsDb = openDb(`seen-off-theirs-${Date.now()}`);
    const theirs = new Library(theirsDb);
    await theirs.save(hfDraft('2603.00001'), undefined, T0);
    await theirsDb.seen.bulkPut([seenRecord('arxiv:2603.00009', T0, T0 + 1)]);
    const text = await backupOf(theirs, true);
    const db = openDb(`seen-off-${Date.now()}`);
    const out = await importFile(new Library(db), 's.json', text, T0 + 2, false);
    expect(out.kind === 'done' && [out.counts, out.plan.seen]).toEqual([{ added: 1, updated: 0, unchanged: 0, rejected: 0 }, []]);
    expect([await db.papers.count(), await db.seen.count()]).toEqual([1, 0]);
  });

  it('a malformed tombstone list refuses the file, naming the entry; nothing is written', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    const before = await lib.all();
    const text = JSON.stringify({ format: 'papershelf-backup', version: 2, exportedAt: NOW.toISOString(), papers: [], removed: [{ id: A, removedAt: 'yesterday' }] });
    const out = await importFile(lib, 'bad.json', text);
    expect(out.kind === 'error' && out.error).toMatch(/^Not a PaperShelf backup: 'removed' entry 1: /);
    expect([await lib.all(), await lib.removals()]).toEqual([before, []]);
    expect(() => readBackup(JSON.parse(text))).toThrow(/'removed' entry 1/);
  });
});
