/**
 * Rolling local backups (lib/backups/snapshots): one snapshot a day, the last seven kept, and a
 * restore that merges (papers removed since come back; edits made since stay).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { restoreSnapshot } from '@/lib/backups/restore';
import { listSnapshots, takeDailySnapshot } from '@/lib/backups/snapshots';
import { freshLibrary, hfDraft } from './helpers/drafts';
import { memoryDir } from './helpers/memory-dir';

const DAY = 86_400_000;
const T0 = new Date(2026, 11, 1, 9, 0, 0).getTime();
const A = 'arxiv:2603.00001';
const B = 'arxiv:2603.00002';

describe('daily snapshots', () => {
  it('one a day, the newest seven kept', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    const dir = memoryDir();
    const wrote: boolean[] = [];
    for (let d = 0; d < 9; d++) {
      wrote.push(await takeDailySnapshot(lib, dir, new Date(T0 + d * DAY)));
      wrote.push(await takeDailySnapshot(lib, dir, new Date(T0 + d * DAY + 3600_000)));
    }
    expect(wrote).toEqual(Array.from({ length: 9 }, () => [true, false]).flat());
    expect((await listSnapshots(dir)).map((s) => s.date)).toEqual(['2026-12-09', '2026-12-08', '2026-12-07', '2026-12-06', '2026-12-05', '2026-12-04', '2026-12-03']);
    expect([...dir.files.keys()].sort()).toEqual((await listSnapshots(dir)).map((s) => s.name).sort());
    const file = JSON.parse(dir.files.get('papershelf-snapshot-2026-12-09.json')!) as { version: number; papers: Array<{ id: string }>; removed: unknown[] };
    expect([file.version, file.papers.map((p) => p.id), file.removed]).toEqual([2, [A], []]);
  });

  it('restore merges: a paper removed since comes back with its fields; an edit made since stays', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), { addTags: ['keep'], note: 'from before' }, T0);
    await lib.save(hfDraft('2603.00002'), { note: 'old' }, T0);
    const dir = memoryDir();
    await takeDailySnapshot(lib, dir, new Date(T0 + 1));
    await lib.remove([A], T0 + 10);
    await lib.patch(B, { note: 'new' }, T0 + 20);
    const [snap] = await listSnapshots(dir);
    const out = await restoreSnapshot(lib, dir, snap!.name, T0 + 30);
    expect(out).toEqual({ ok: true, counts: { added: 1, updated: 0, unchanged: 1, rejected: 0 } });
    const a = await lib.get(A);
    expect([a?.tags, a?.note, a?.times]).toEqual([['keep'], 'from before', { saved: T0 + 30, note: T0 + 30, status: T0 + 30, tags: { keep: { tag: 'keep', on: true, at: T0 + 30 } } }]);
    expect((await lib.get(B))?.note).toBe('new');
  });

  it('a damaged snapshot is refused with its message; nothing is written', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    const dir = memoryDir('m', new Map([['papershelf-snapshot-2026-12-01.json', '{"format": "papershelf-backup", "version": 2, "papers": [']]));
    const before = await lib.all();
    const out = await restoreSnapshot(lib, dir, 'papershelf-snapshot-2026-12-01.json', T0 + 1);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.error).toMatch(/^JSON syntax error at position 57 .*truncated/);
    expect(await lib.all()).toEqual(before);
  });
});
