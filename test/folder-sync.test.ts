/**
 * Folder sync (lib/sync/folder-sync) over an in-memory folder: each device writes only its own
 * file, merges the others', skips a file it cannot read whole (naming it, writing nothing from
 * it), and devices that sync end with identical shelves.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Library } from '@/lib/library';
import type { SavedPaper } from '@/lib/paper';
import { newDeviceId } from '@/lib/sync/device';
import { syncOnce } from '@/lib/sync/folder-sync';
import { freshLibrary, hfDraft } from './helpers/drafts';
import { memoryDir } from './helpers/memory-dir';

const T0 = 1_760_000_000_000;
const at = (ms: number) => new Date(T0 + ms);
const A = 'arxiv:2603.00001';
const B = 'arxiv:2603.00002';
const C = 'arxiv:2603.00003';
const laptop = { id: 'laptop-aaaaaa', name: 'Laptop' };
const desktop = { id: 'desktop-bbbbbb', name: 'Desktop' };
const sorted = (rs: SavedPaper[]) => rs.sort((x, y) => (x.id < y.id ? -1 : 1));
const shelf = async (lib: Library) => sorted(await lib.all());

describe('folder sync', () => {
  it('two devices: tags on each, a note on one, a removal on the other; after both sync, identical shelves with every edit', async () => {
    const dir = memoryDir();
    const one = freshLibrary();
    const two = freshLibrary();
    for (const lib of [one, two]) for (const id of ['2603.00001', '2603.00002', '2603.00003']) await lib.save(hfDraft(id), undefined, T0);
    await syncOnce(one, dir, laptop, at(1));
    await syncOnce(two, dir, desktop, at(2));
    expect([...dir.files.keys()].sort()).toEqual(['papershelf-desktop-bbbbbb.json', 'papershelf-laptop-aaaaaa.json']);

    await one.patch(A, { addTags: ['from-laptop'] }, T0 + 10);
    await one.patch(B, { note: 'laptop note' }, T0 + 11);
    await two.patch(A, { addTags: ['from-desktop'] }, T0 + 12);
    await two.remove([C], T0 + 13);

    const r1 = await syncOnce(one, dir, laptop, at(20));
    expect(r1).toEqual({ merged: ['papershelf-desktop-bbbbbb.json'], added: 0, updated: 0, skipped: [], wrote: true });
    const r2 = await syncOnce(two, dir, desktop, at(21));
    expect(r2).toEqual({ merged: ['papershelf-laptop-aaaaaa.json'], added: 0, updated: 2, skipped: [], wrote: true });
    const r3 = await syncOnce(one, dir, laptop, at(22));
    expect(r3).toEqual({ merged: ['papershelf-desktop-bbbbbb.json'], added: 0, updated: 2, skipped: [], wrote: true });

    const left = await shelf(one);
    expect(left).toEqual(await shelf(two));
    expect(left.map((p) => [p.id, p.tags, p.note])).toEqual([
      [A, ['from-laptop', 'from-desktop'], ''],
      [B, [], 'laptop note'],
    ]);
    expect([await one.removals(), await two.removals()]).toEqual([[{ id: C, removedAt: T0 + 13 }], [{ id: C, removedAt: T0 + 13 }]]);
    // Settled: nothing new to write on either side.
    expect((await syncOnce(two, dir, desktop, at(30))).wrote).toBe(false);
    expect((await syncOnce(one, dir, laptop, at(31))).wrote).toBe(false);
  });

  it('a truncated or malformed file is skipped with a message naming it; nothing is written from it', async () => {
    const dir = memoryDir();
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    const other = freshLibrary();
    await other.save(hfDraft('2603.00002'), undefined, T0);
    await syncOnce(other, dir, desktop, at(1));
    const whole = dir.files.get('papershelf-desktop-bbbbbb.json')!;
    dir.files.set('papershelf-desktop-bbbbbb.json', whole.slice(0, whole.length / 2));
    dir.files.set('papershelf-phone-cccccc.json', JSON.stringify({ format: 'papershelf-backup', version: 2, exportedAt: 'x', papers: [{ id: 'arxiv:2603.00009', title: 'x' }], removed: [] }));
    dir.files.set('notes.txt', 'not mine');
    const before = await lib.all();
    const report = await syncOnce(lib, dir, laptop, at(2));
    expect(report.merged).toEqual([]);
    expect(report.skipped.map((s) => s.name)).toEqual(['papershelf-desktop-bbbbbb.json', 'papershelf-phone-cccccc.json']);
    expect(report.skipped[0]!.reason).toMatch(/^JSON syntax error at position \d+ .*the file ends too early \(is it truncated\?\)$/);
    expect(report.skipped[1]!.reason).toMatch(/^Paper 1 \(arxiv:2603.00009\): /);
    expect(await lib.all()).toEqual(before);
    expect(dir.files.get('notes.txt')).toBe('not mine');
  });

  it('device ids are file-name safe and differ', () => {
    expect(newDeviceId('Chrome on Linux', () => 0.5)).toBe('chrome-on-linux-888888');
    expect(newDeviceId('  ', () => 0)).toBe('device-000000');
  });
});
