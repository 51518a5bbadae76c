/**
 * The popup's copy of the library (lib/list/list-store), without the popup: what it reports to
 * its view while loading, how it follows changes (only changed ids re-read, never overtaken by an
 * older load), failures, the focus check, and stopping.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notifyChanged } from '@/lib/changes';
import type { Library } from '@/lib/library';
import { ListStore, PREVIEW_ROWS, type ListPreview, type ListView } from '@/lib/list/list-store';
import type { SavedPaper } from '@/lib/paper';
import { freshLibrary, hfDraft } from './helpers/drafts';

type Report = ['indexed', number] | ['previewed', ListPreview | null] | ['loadFailed', string | null];

/** A view that records every report, in order. */
function recorder(): ListView & { reports: Report[] } {
  const reports: Report[] = [];
  return {
    reports,
    indexed: (v) => void reports.push(['indexed', v]),
    previewed: (p) => void reports.push(['previewed', p]),
    loadFailed: (m) => void reports.push(['loadFailed', m]),
  };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Let every pending promise callback run. */
const settle = () => new Promise((r) => setTimeout(r, 0));

async function libraryWith(n: number): Promise<{ lib: Library; saved: SavedPaper[] }> {
  const lib = freshLibrary();
  const saved: SavedPaper[] = [];
  for (let i = 1; i <= n; i++) saved.push(await lib.save(hfDraft(`2603.0000${i}`), undefined, 1_000 + i));
  return { lib, saved };
}

const stores: ListStore[] = [];
function started(lib: Library, view = recorder()): { store: ListStore; view: ReturnType<typeof recorder> } {
  const store = new ListStore(lib);
  stores.push(store);
  store.start(view);
  return { store, view };
}

afterEach(() => {
  for (const s of stores.splice(0)) s.stop();
  vi.restoreAllMocks();
});

describe('ListStore loading', () => {
  it('shows the first rows and the count, then the whole library, then indexes the words in steps', async () => {
    const { lib } = await libraryWith(3);
    const all = deferred<SavedPaper[]>();
    const realAll = lib.all.bind(lib);
    vi.spyOn(lib, 'all').mockReturnValue(all.promise);
    const firstPage = vi.spyOn(lib, 'firstPage');
    const { store, view } = started(lib);
    await settle();
    expect(firstPage).toHaveBeenCalledExactlyOnceWith('savedAt', PREVIEW_ROWS);
    expect(view.reports).toEqual([['previewed', { papers: (await realAll()).sort((a, b) => b.savedAt - a.savedAt), total: 3 }]]);
    expect(store.index.size).toBe(0);

    all.resolve(await realAll());
    await settle();
    expect(view.reports.slice(1)).toEqual([
      ['previewed', null],
      ['indexed', store.index.version],
      ['loadFailed', null],
    ]);
    expect(store.index.size).toBe(3);
    await vi.waitFor(() => expect(store.index.prepared).toBe(true));
  });

  it('starts the full read only once the first rows are read', async () => {
    const { lib } = await libraryWith(2);
    const page = deferred<SavedPaper[]>();
    vi.spyOn(lib, 'firstPage').mockReturnValue(page.promise);
    const all = vi.spyOn(lib, 'all');
    const { store, view } = started(lib);
    await settle();
    expect(all).not.toHaveBeenCalled();
    page.resolve([]);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
    expect(all).toHaveBeenCalledTimes(1);
    expect(view.reports.slice(0, 2)).toEqual([['previewed', { papers: [], total: 2 }], ['previewed', null]]);
  });

  it('starts the full read when the first rows fail, and reports only its result', async () => {
    const { lib } = await libraryWith(2);
    vi.spyOn(lib, 'firstPage').mockRejectedValueOnce(new Error('busy'));
    const { store, view } = started(lib);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
    expect(view.reports).toEqual([['previewed', null], ['indexed', store.index.version], ['loadFailed', null]]);
  });

  it('shows the rows read before it started (first-rows.ts) instead of asking the library', async () => {
    const { lib, saved } = await libraryWith(2);
    const firstPage = vi.spyOn(lib, 'firstPage');
    const early = { papers: [saved[1]!], total: 2 };
    const store = new ListStore(lib, Promise.resolve(early));
    stores.push(store);
    const view = recorder();
    store.start(view);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
    expect(firstPage).not.toHaveBeenCalled();
    expect(view.reports.slice(0, 2)).toEqual([['previewed', early], ['previewed', null]]);
  });

  it('asks the library when the early read found nothing to read (null)', async () => {
    const { lib, saved } = await libraryWith(2);
    const store = new ListStore(lib, Promise.resolve(null));
    stores.push(store);
    const view = recorder();
    store.start(view);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
    expect(view.reports[0]).toEqual(['previewed', { papers: [saved[1], saved[0]], total: 2 }]);
  });

  it('reports a failed first load; focus does not retry before a load has landed', async () => {
    const { lib } = await libraryWith(1);
    const all = vi.spyOn(lib, 'all').mockRejectedValueOnce(new Error('disk on fire'));
    const { store, view } = started(lib);
    await vi.waitFor(() => expect(view.reports).toContainEqual(['loadFailed', 'Could not load your papers: disk on fire']));
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(all).toHaveBeenCalledTimes(1);
    expect(store.index.size).toBe(0);
  });

  it('keeps the index it has when a reload fails, and clears the error when one goes well', async () => {
    const { lib } = await libraryWith(2);
    const { store, view } = started(lib);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
    vi.spyOn(lib, 'count').mockResolvedValue(3);
    vi.spyOn(lib, 'all').mockRejectedValueOnce(new Error('busy'));
    window.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(view.reports.at(-1)).toEqual(['loadFailed', 'Could not load your papers: busy']));
    expect(store.index.size).toBe(2);

    // It still follows changes.
    await lib.patch('arxiv:2603.00001', { note: 'still here' });
    await vi.waitFor(() => expect(store.index.get('arxiv:2603.00001')?.note).toBe('still here'));

    window.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(view.reports.slice(-3)).toEqual([['previewed', null], ['indexed', store.index.version], ['loadFailed', null]]));
  });
});

describe('ListStore following changes', () => {
  it('re-reads only the changed ids, and reports the new version', async () => {
    const { lib } = await libraryWith(2);
    const { store, view } = started(lib);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
    const lookup = vi.spyOn(lib, 'lookup');
    const all = vi.spyOn(lib, 'all');
    const before = store.index.version;

    await lib.patch('arxiv:2603.00001', { note: 'read again' });
    await vi.waitFor(() => expect(store.index.get('arxiv:2603.00001')?.note).toBe('read again'));
    expect(lookup).toHaveBeenCalledExactlyOnceWith(['arxiv:2603.00001']);
    expect(all).not.toHaveBeenCalled();
    expect(view.reports.at(-2)).toEqual(['indexed', store.index.version]);
    expect(store.index.version).toBeGreaterThan(before);

    await lib.remove(['arxiv:2603.00002']);
    await vi.waitFor(() => expect(store.index.has('arxiv:2603.00002')).toBe(false));
    expect(store.index.size).toBe(1);
  });

  it('holds changes made during the load until it lands, then re-reads them', async () => {
    const { lib } = await libraryWith(1);
    const all = deferred<SavedPaper[]>();
    const stale = await lib.all();
    vi.spyOn(lib, 'all').mockReturnValue(all.promise);
    const lookup = vi.spyOn(lib, 'lookup');
    const { store } = started(lib);
    await lib.patch('arxiv:2603.00001', { status: 'read' });
    await settle();
    expect(lookup).not.toHaveBeenCalled();

    all.resolve(stale); // read before the patch
    await vi.waitFor(() => expect(store.index.get('arxiv:2603.00001')?.status).toBe('read'));
    expect(lookup).toHaveBeenCalledExactlyOnceWith(['arxiv:2603.00001']);
  });

  it('re-reads after a reload the ids whose lookup the reload overtook', async () => {
    const { lib } = await libraryWith(1);
    const { store } = started(lib);
    await vi.waitFor(() => expect(store.index.size).toBe(1));
    const found = deferred<Map<string, SavedPaper>>();
    const realLookup = lib.lookup.bind(lib);
    const lookup = vi.spyOn(lib, 'lookup').mockReturnValueOnce(found.promise);
    notifyChanged(['arxiv:2603.00001']);
    await settle();
    expect(lookup).toHaveBeenCalledTimes(1);

    // Another paper appears without a notice; focus finds the count changed and reloads.
    vi.spyOn(lib, 'count').mockResolvedValue(2);
    const reload = deferred<SavedPaper[]>();
    const [first] = await lib.all();
    const other = { ...first!, id: 'arxiv:2603.00009', title: 'Other' };
    const records = [first!, other];
    vi.spyOn(lib, 'all').mockReturnValue(reload.promise);
    window.dispatchEvent(new Event('focus'));
    await settle();
    found.resolve(await realLookup(['arxiv:2603.00001'])); // lands while the reload runs: set aside
    await settle();
    expect(store.index.has(other.id)).toBe(false);

    reload.resolve(records);
    await vi.waitFor(() => expect(lookup).toHaveBeenCalledTimes(2));
    expect(lookup).toHaveBeenLastCalledWith(['arxiv:2603.00001']);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
  });

  it('reports a failed lookup and tries those ids again with the next change', async () => {
    const { lib } = await libraryWith(2);
    const { store, view } = started(lib);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
    const lookup = vi.spyOn(lib, 'lookup').mockRejectedValueOnce(new Error('busy'));
    await lib.patch('arxiv:2603.00001', { note: 'one' });
    await vi.waitFor(() => expect(view.reports.at(-1)).toEqual(['loadFailed', 'Could not load your papers: busy']));

    await lib.patch('arxiv:2603.00002', { note: 'two' });
    await vi.waitFor(() => expect(store.index.get('arxiv:2603.00002')?.note).toBe('two'));
    expect(lookup).toHaveBeenLastCalledWith(['arxiv:2603.00001', 'arxiv:2603.00002']);
    expect(store.index.get('arxiv:2603.00001')?.note).toBe('one');
    expect(view.reports.at(-1)).toEqual(['loadFailed', null]);
  });

  it('reloads on focus only when the count differs from the index', async () => {
    const { lib } = await libraryWith(2);
    const { store } = started(lib);
    await vi.waitFor(() => expect(store.index.size).toBe(2));
    const all = vi.spyOn(lib, 'all');
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(all).not.toHaveBeenCalled();

    vi.spyOn(lib, 'count').mockResolvedValue(3);
    window.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(all).toHaveBeenCalledTimes(1));
  });
});

describe('ListStore.stop', () => {
  it('reports nothing more and stops following changes, focus and the word indexing', async () => {
    const { lib } = await libraryWith(2);
    const all = deferred<SavedPaper[]>();
    const records = await lib.all();
    vi.spyOn(lib, 'all').mockReturnValue(all.promise);
    const { store, view } = started(lib);
    await settle();
    const reported = view.reports.length;
    store.stop();
    all.resolve(records);
    await lib.patch('arxiv:2603.00001', { note: 'after stop' });
    const count = vi.spyOn(lib, 'count');
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(view.reports).toHaveLength(reported);
    expect(store.index.size).toBe(0);
    expect(count).not.toHaveBeenCalled();
  });

  it('stops checking the count when the window regains focus', async () => {
    const { lib } = await libraryWith(1);
    const { store } = started(lib);
    await vi.waitFor(() => expect(store.index.size).toBe(1));
    store.stop();
    const count = vi.spyOn(lib, 'count');
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(count).not.toHaveBeenCalled();
  });

  it('cancels the word indexing it scheduled', async () => {
    const { lib } = await libraryWith(2);
    const store = new ListStore(lib);
    stores.push(store);
    const step = vi.spyOn(store.index, 'prepareStep').mockReturnValue(false); // never done
    store.start(recorder());
    await vi.waitFor(() => expect(step.mock.calls.length).toBeGreaterThan(2)); // a step per task
    store.stop();
    const steps = step.mock.calls.length;
    await settle();
    await settle();
    expect(step).toHaveBeenCalledTimes(steps);
  });
});
