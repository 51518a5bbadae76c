/**
 * The library records when each user field changed (SavedPaper.times) in the same transaction as
 * the edit, and leaves a tombstone when a paper is removed (lib/library, lib/shelf-times).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { withoutTimes } from '@/lib/shelf-times';
import { freshLibrary, hfDraft } from './helpers/drafts';

const T0 = 1_760_000_000_000;
const ID = 'arxiv:2603.01234';

describe('field times', () => {
  it('a save records the save; each patch records the fields it changed, whole record', async () => {
    const lib = freshLibrary();
    const saved = await lib.save(hfDraft('2603.01234'), undefined, T0);
    await lib.patch(ID, { addTags: ['RL', 'vision'] }, T0 + 1);
    await lib.patch(ID, { note: 'read §3' }, T0 + 2);
    await lib.patch(ID, { status: 'reading', removeTags: ['rl'] }, T0 + 3);
    const rec = await lib.patch(ID, { tags: ['vision', 'Robotics'] }, T0 + 4);
    const expected = {
      ...withoutTimes(saved),
      tags: ['vision', 'Robotics'],
      note: 'read §3',
      status: 'reading',
      updatedAt: T0 + 4,
      times: {
        saved: T0,
        note: T0 + 2,
        status: T0 + 3,
        tags: {
          rl: { tag: 'RL', on: false, at: T0 + 3 },
          vision: { tag: 'vision', on: true, at: T0 + 1 },
          robotics: { tag: 'Robotics', on: true, at: T0 + 4 },
        },
      },
    };
    expect(rec).toEqual(expected);
    expect(await lib.get(ID)).toEqual(expected);
  });

  it('a patch that sets a field to its value, or removes a tag not there, records nothing for it', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'), { note: 'n', status: 'read', addTags: ['a'] }, T0);
    const rec = await lib.patch(ID, { note: 'n', status: 'read', addTags: ['A'], removeTags: ['b'] }, T0 + 5);
    expect(rec.times).toEqual({ saved: T0, note: T0, status: T0, tags: { a: { tag: 'a', on: true, at: T0 } } });
    expect(rec.updatedAt).toBe(T0 + 5);
  });

  it('saving a paper again (seen on another page) keeps its times', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'), { note: 'x' }, T0);
    const again = await lib.save(hfDraft('2603.01234', { signals: { upvotes: 50 } }), undefined, T0 + 9);
    expect(again.times).toEqual({ saved: T0, note: T0, status: 0, tags: {} });
  });

  it('patchMany records the times of every paper it changes', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    await lib.save(hfDraft('2603.00002'), { addTags: ['bulk'] }, T0);
    const out = await lib.patchMany(['arxiv:2603.00001', 'arxiv:2603.00002', 'arxiv:2603.09999'], { addTags: ['bulk'], status: 'read' }, T0 + 1);
    expect(out.map((r) => r.times)).toEqual([
      { saved: T0, note: 0, status: T0 + 1, tags: { bulk: { tag: 'bulk', on: true, at: T0 + 1 } } },
      { saved: T0, note: 0, status: T0 + 1, tags: { bulk: { tag: 'bulk', on: true, at: T0 } } },
    ]);
  });

  it('remove leaves a tombstone; saving the paper again supersedes it: after it, with none of the old edits', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'), { note: 'old', addTags: ['old'] }, T0);
    await lib.remove([ID], T0 + 10);
    expect(await lib.get(ID)).toBeUndefined();
    expect(await lib.removals()).toEqual([{ id: ID, removedAt: T0 + 10 }]);
    const back = await lib.save(hfDraft('2603.01234'), { addTags: ['new'] }, T0 + 20);
    expect([back.tags, back.note, back.savedAt, back.times]).toEqual([['new'], '', T0 + 20, { saved: T0 + 20, note: 0, status: 0, tags: { new: { tag: 'new', on: true, at: T0 + 20 } } }]);
    expect(await lib.removals()).toEqual([{ id: ID, removedAt: T0 + 10 }]);
  });

  it('an edit whose clock is not after the removal still counts as after it', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'), undefined, T0);
    await lib.remove([ID], T0 + 10);
    const back = await lib.save(hfDraft('2603.01234'), { note: 'same ms' }, T0 + 10);
    expect(back.times).toEqual({ saved: T0 + 11, note: T0 + 11, status: 0, tags: {} });
  });

  it('a removal is after everything that happened to the paper, even with a clock behind', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'), { note: 'later' }, T0 + 100);
    await lib.remove([ID], T0);
    expect(await lib.removals()).toEqual([{ id: ID, removedAt: T0 + 100 }]);
  });

  it('a record stored before times were kept reads as changed at its updatedAt', async () => {
    const lib = freshLibrary();
    const saved = await lib.save(hfDraft('2603.01234'), { addTags: ['x'], note: 'n' }, T0);
    await lib.restore([{ ...withoutTimes(saved), updatedAt: T0 + 1 }], T0 + 2);
    const rec = await lib.patch(ID, { status: 'read' }, T0 + 3);
    expect(rec.times).toEqual({ saved: T0 + 2, note: T0 + 2, status: T0 + 3, tags: { x: { tag: 'x', on: true, at: T0 + 2 } } });
  });

  it('Delete all clears papers and tombstones', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    await lib.save(hfDraft('2603.00002'), undefined, T0);
    await lib.remove(['arxiv:2603.00001'], T0 + 1);
    await lib.clear();
    expect([await lib.count(), await lib.removals()]).toEqual([0, []]);
  });
});
