import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '@/lib/db';
import { handle, REQUEST_TYPES } from '@/lib/handlers';
import { Library } from '@/lib/library';
import type { RequestType } from '@/lib/messages';
import { freshLibrary, hfDraft } from './helpers/drafts';

const good = hfDraft('2603.01234');

/** For every message: payloads that must be rejected with a typed 'invalid' error. */
const BAD: Record<RequestType, unknown[]> = {
  lookup: [null, 'x', { ids: [], seenBefore: 'now' }, { ids: 'arxiv:1' }, { ids: [''] }, { drafts: 'x' }, { ids: [], extra: 1 }, { ids: Array(1001).fill('a') }],
  save: [
    null,
    {},
    { draft: { ...good, title: '' } },
    { draft: { ...good, pageUrl: 'javascript:alert(1)' } },
    { draft: { ...good, links: { page: 'javascript:alert(1)' } } },
    { draft: good, patch: { status: 'done' } },
    { draft: good, patch: { tags: [''] } },
    { draft: good, patch: { note: 5 } },
    { draft: good, patch: { savedAt: 1 } },
  ],
  patch: [null, { id: 'arxiv:2603.01234' }, { id: '', patch: {} }, { id: 'arxiv:2603.01234', patch: { status: 'later' } }, { id: 1, patch: {} }],
  remove: [null, {}, { id: '' }, { id: ['a'] }],
  tags: [null, 'all', { all: true }],
  seen: [null, {}, { papers: 'x' }, { papers: [], extra: 1 }, { papers: Array(1001).fill({}) }],
};

describe('background handlers', () => {
  it('has a bad-input table for every message type', () => {
    expect(Object.keys(BAD).sort()).toEqual([...REQUEST_TYPES].sort());
  });

  for (const type of REQUEST_TYPES) {
    it(`${type}: rejects malformed payloads with a typed error and writes nothing`, async () => {
      const lib = freshLibrary();
      await lib.save(hfDraft('2603.00009'), { note: 'existing' });
      const before = await lib.all();
      for (const raw of BAD[type]) {
        const res = await handle(lib, type, raw);
        expect(res.ok, JSON.stringify(raw)).toBe(false);
        if (!res.ok) expect(res.error.code).toBe('invalid');
      }
      expect(await lib.all()).toEqual(before);
    });
  }

  it("lookup: a draft that does not parse is left out, the batch's others still count", async () => {
    const lib = freshLibrary();
    await lib.save(good);
    const before = await lib.all();
    const broken = { ...hfDraft('2603.00009'), links: { pdf: 'javascript:alert(1)' } };
    const res = await handle(lib, 'lookup', { drafts: [{ id: 'arxiv:2603.01234' }, broken, good] });
    expect(res.ok && Object.keys(res.papers)).toEqual(['arxiv:2603.01234']);
    expect(await lib.count()).toBe(1);
    const [after] = await lib.all();
    // only the valid draft touched the record (its sources and signals were seen again)
    expect(after!.sources).toHaveLength(1);
    expect({ ...after, signalsSeenAt: 0, sources: [] }).toEqual({ ...before[0], signalsSeenAt: 0, sources: [] });
  });

  it('save, lookup, patch, tags and remove answer typed results', async () => {
    const lib = freshLibrary();
    const saved = await handle(lib, 'save', { draft: good, patch: { addTags: ['rl'] } });
    expect(saved).toEqual({ ok: true, paper: { id: 'arxiv:2603.01234', tags: ['rl'], note: '', status: 'unread', savedAt: expect.any(Number) } });
    const patched = await handle(lib, 'patch', { id: 'arxiv:2603.01234', patch: { note: 'n', status: 'read' } });
    expect(patched.ok && patched.paper).toEqual({ id: 'arxiv:2603.01234', tags: ['rl'], note: 'n', status: 'read', savedAt: expect.any(Number) });
    const looked = await handle(lib, 'lookup', { drafts: [good, hfDraft('2603.05555')], ids: ['arxiv:2603.07777'] });
    expect(looked.ok && Object.keys(looked.papers)).toEqual(['arxiv:2603.01234']);
    expect(await handle(lib, 'tags', {})).toEqual({ ok: true, tags: ['rl'] });
    expect(await handle(lib, 'remove', { id: 'arxiv:2603.01234' })).toEqual({ ok: true, removed: true });
    expect(await handle(lib, 'remove', { id: 'arxiv:2603.01234' })).toEqual({ ok: true, removed: false });
    expect(await lib.count()).toBe(0);
  });

  it('a lookup by id alone reads the saved papers and opens no read-write transaction', async () => {
    const db = openDb(`test-lookup-${Date.now()}`);
    const lib = new Library(db);
    await lib.save(good, { addTags: ['rl'] });
    const transaction = vi.spyOn(db, 'transaction');
    const looked = await handle(lib, 'lookup', { ids: ['arxiv:2603.01234', 'arxiv:2603.07777'] });
    expect(looked).toEqual({ ok: true, papers: { 'arxiv:2603.01234': { id: 'arxiv:2603.01234', tags: ['rl'], note: '', status: 'unread', savedAt: expect.any(Number) } } });
    expect(transaction).not.toHaveBeenCalled();
    await handle(lib, 'lookup', { drafts: [good] });
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(transaction.mock.calls[0]![0]).toBe('rw');
  });

  it('patching a paper that is not saved answers not-found', async () => {
    const res = await handle(freshLibrary(), 'patch', { id: 'arxiv:2603.01234', patch: { note: 'x' } });
    expect(res).toEqual({ ok: false, error: { code: 'not-found', message: 'No saved paper with id arxiv:2603.01234' } });
  });
});
