/**
 * A storage failure (quota exceeded, a failing transaction) gives a typed error and leaves the
 * existing data exactly as it was.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { openDb } from '@/lib/db';
import { handle } from '@/lib/handlers';
import { Library } from '@/lib/library';
import { hfDraft } from './helpers/drafts';

async function libraryThatFails(kind: 'quota' | 'abort') {
  const db = openDb(`fail-${Math.random()}`);
  const lib = new Library(db);
  await lib.save(hfDraft('2603.00001'), { addTags: ['kept'], note: 'precious note' });
  await lib.save(hfDraft('2603.00002'));
  const before = await lib.all();
  const fail = () => {
    throw kind === 'quota' ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : new DOMException('Transaction failed', 'AbortError');
  };
  db.papers.hook('creating', fail);
  db.papers.hook('updating', fail);
  db.papers.hook('deleting', fail);
  return { lib, before };
}

describe.each(['quota', 'abort'] as const)('storage failure (%s)', (kind) => {
  it('save, patch and remove answer a storage error and change nothing', async () => {
    const { lib, before } = await libraryThatFails(kind);
    const results = [
      await handle(lib, 'save', { draft: hfDraft('2603.00003') }),
      await handle(lib, 'save', { draft: hfDraft('2603.00001'), patch: { note: 'overwrite?' } }),
      await handle(lib, 'patch', { id: 'arxiv:2603.00001', patch: { addTags: ['new'] } }),
      await handle(lib, 'remove', { id: 'arxiv:2603.00002' }),
    ];
    for (const r of results) {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('storage');
        expect(r.error.message).toMatch(kind === 'quota' ? /QuotaExceededError/ : /AbortError|Transaction/);
      }
    }
    expect(await lib.all()).toEqual(before);
  });

  it('a failing bulk import writes nothing', async () => {
    const { lib, before } = await libraryThatFails(kind);
    const extra = (await lib.all()).map((r) => ({ ...r, id: r.id.replace('2603', '2604'), note: 'imported' }));
    // An import writes its papers with IndexedDB's own put (lib/db putAll), past Dexie's
    // hooks: the failure comes from IndexedDB, at the second paper.
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name !== 'papers' || ++puts < 2) return put.apply(this, args);
      if (kind === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const req = put.apply(this, args);
      this.transaction.abort();
      return req;
    });
    try {
      await expect(lib.importRecords(extra)).rejects.toThrow(kind === 'quota' ? /quota/ : /abort/i);
    } finally {
      spy.mockRestore();
    }
    expect(puts).toBe(2);
    expect(await lib.all()).toEqual(before);
  });
});
