/**
 * The background's folder sync (lib/sync/background.ts) over an in-memory folder with the
 * permission calls of a real handle: it syncs at start (not when it synced less than a period
 * before: the worker restarts often), a debounce after a change, on its alarm
 * (made once, not put off at every start of the worker) and when the options page asks (a checked
 * message); it keeps each outcome in storage; it does nothing without a folder or when the
 * browser no longer grants it.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyValue } from '@/lib/sync/device';
import type { FolderHandle } from '@/lib/sync/folder';
import { makeBackup, serialiseBackup } from '@/lib/exchange/backup';
import { startFolderSync, SYNC_ALARM, SYNC_PERIOD_MINUTES, type AlarmsLike, type BackgroundSync } from '@/lib/sync/background';
import { LAST_KEY, loadLast } from '@/lib/sync/last';
import { SYNC_DEBOUNCE_MS } from '@/lib/sync/runner';
import { freshLibrary, hfDraft } from './helpers/drafts';
import { memoryDir } from './helpers/memory-dir';

const T0 = 1_780_000_000_000;
const laptop = { id: 'laptop-aaaaaa', name: 'Laptop' };
const OWN = 'papershelf-laptop-aaaaaa.json';

type Permission = 'granted' | 'prompt' | 'denied';

/** A folder as a kept handle is: the DirLike calls and queryPermission. */
function keptDir(permission: { state: Permission }) {
  const dir = memoryDir('Dropbox');
  const handle: FolderHandle & { files: Map<string, string> } = Object.assign(dir, {
    queryPermission: vi.fn(async () => permission.state),
  });
  return handle;
}

/** storage.local in memory, this device already made; `written()` resolves at the next write of the last outcome. */
function memoryStore() {
  const items = new Map<string, unknown>([['syncDevice', laptop]]);
  const waiting: Array<() => void> = [];
  const store: KeyValue & { written(): Promise<void> } = {
    async get(key) {
      return items.has(key) ? { [key]: items.get(key) } : {};
    },
    async set(obj) {
      for (const [k, v] of Object.entries(obj)) items.set(k, v);
      if (LAST_KEY in obj) for (const w of waiting.splice(0)) w();
    },
    written: () => new Promise<void>((resolve) => waiting.push(resolve)),
  };
  return store;
}

function fakeAlarms() {
  const made = new Map<string, { delayInMinutes?: number; periodInMinutes: number }>();
  const listeners: Array<(a: { name: string }) => void> = [];
  const alarms: AlarmsLike & { made: typeof made; fire(name: string): void } = {
    made,
    get: async (name) => (made.has(name) ? { name } : undefined),
    create: vi.fn((name: string, info: { delayInMinutes?: number; periodInMinutes: number }) => void made.set(name, info)),
    clear: async (name) => made.delete(name),
    onAlarm: { addListener: (l) => void listeners.push(l) },
    fire: (name) => listeners.forEach((l) => l({ name })),
  };
  return alarms;
}

/** A device file of another device holding one paper. */
async function otherDeviceFile(arxiv: string): Promise<string> {
  const other = freshLibrary();
  await other.save(hfDraft(arxiv), { addTags: ['from-desktop'] }, T0);
  return serialiseBackup(makeBackup(await other.all(), new Date(T0), { removed: [], device: { id: 'desktop-bbbbbb', name: 'Desktop' } }));
}

const papersIn = (text: string | undefined) => (JSON.parse(text ?? '{}') as { papers?: Array<{ id: string }> }).papers?.map((p) => p.id);

const running: BackgroundSync[] = [];
function start(...args: Parameters<typeof startFolderSync>): BackgroundSync {
  const sync = startFolderSync(...args);
  running.push(sync);
  return sync;
}
afterEach(() => {
  for (const s of running.splice(0)) s.runner.stop();
  vi.useRealTimers();
});

describe('background folder sync', () => {
  it('at start with a kept, granted folder: writes this device’s file whole and keeps the outcome; the alarm is made once and syncs', async () => {
    const lib = freshLibrary();
    const saved = await lib.save(hfDraft('2603.00001'), { addTags: ['rl'], note: 'Read it' }, T0);
    const dir = keptDir({ state: 'granted' });
    const store = memoryStore();
    const alarms = fakeAlarms();
    const sync = start(lib, { kept: async () => dir, store, alarms, now: () => new Date(T0 + 5) });

    const first = await sync.started;
    expect(first).toEqual({ kind: 'synced', at: T0 + 5, report: { merged: [], added: 0, updated: 0, skipped: [], wrote: true } });
    const file = JSON.parse(dir.files.get(OWN)!) as { device: unknown; papers: unknown[] };
    expect(file.device).toEqual(laptop);
    expect(file.papers).toEqual([JSON.parse(JSON.stringify(saved))]);
    await vi.waitFor(async () => expect(await loadLast(store)).toEqual(first));
    expect(dir.queryPermission).toHaveBeenCalledWith({ mode: 'readwrite' });

    expect(alarms.made.get(SYNC_ALARM)).toEqual({ delayInMinutes: SYNC_PERIOD_MINUTES, periodInMinutes: SYNC_PERIOD_MINUTES });
    // The worker starts again: the alarm that exists is left as it is (its next run not put off).
    start(lib, { kept: async () => dir, store, alarms });
    await Promise.all(running.map((s) => s.started));
    expect(alarms.create).toHaveBeenCalledTimes(1);

    // Another device's file arrives; the alarm's run merges it.
    dir.files.set('papershelf-desktop-bbbbbb.json', await otherDeviceFile('2603.00002'));
    const kept = store.written();
    alarms.fire('some-other-alarm');
    alarms.fire(SYNC_ALARM);
    await kept;
    expect(await loadLast(store)).toMatchObject({ kind: 'synced', report: { merged: ['papershelf-desktop-bbbbbb.json'], added: 1, skipped: [] } });
    expect((await lib.lookup(['arxiv:2603.00002'])).get('arxiv:2603.00002')?.tags).toEqual(['from-desktop']);
  });

  it('a change to the shelf is written to the folder once, a debounce after the last change', async () => {
    const lib = freshLibrary();
    const dir = keptDir({ state: 'granted' });
    const store = memoryStore();
    const sync = start(lib, { kept: async () => dir, store, alarms: null });
    await sync.started;
    expect(papersIn(dir.files.get(OWN))).toEqual([]);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    await vi.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS - 100);
    await lib.save(hfDraft('2603.00002'), undefined, T0);
    await vi.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS - 100);
    // Still within the quiet time after the second change: nothing written yet.
    expect(papersIn(dir.files.get(OWN))).toEqual([]);
    const kept = store.written();
    await vi.advanceTimersByTimeAsync(100);
    await kept;
    expect(papersIn(dir.files.get(OWN))).toEqual(['arxiv:2603.00001', 'arxiv:2603.00002']);
  });

  it('a worker started less than a period after a sync skips the start’s run (no folder read or written); a change still syncs a debounce later', async () => {
    const lib = freshLibrary();
    const dir = keptDir({ state: 'granted' });
    dir.files.set('papershelf-desktop-bbbbbb.json', await otherDeviceFile('2603.00002'));
    const store = memoryStore();
    const last = { kind: 'synced', at: T0, report: { merged: [], added: 0, updated: 0, skipped: [], wrote: true } } as const;
    await store.set({ [LAST_KEY]: last });
    const kept = vi.fn(async () => dir);
    const sync = start(lib, { kept, store, alarms: null, now: () => new Date(T0 + SYNC_PERIOD_MINUTES * 60_000 - 1) });
    expect(await sync.started).toEqual(last);
    expect(kept).not.toHaveBeenCalled();
    expect([...dir.files.keys()]).toEqual(['papershelf-desktop-bbbbbb.json']);
    expect(await lib.lookup(['arxiv:2603.00002'])).toEqual(new Map());
    expect(await loadLast(store)).toEqual(last);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    const written = store.written();
    await vi.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS);
    await written;
    expect(papersIn(dir.files.get(OWN))).toEqual(['arxiv:2603.00001', 'arxiv:2603.00002']);
    expect(await loadLast(store)).toMatchObject({ kind: 'synced', report: { merged: ['papershelf-desktop-bbbbbb.json'], added: 1, wrote: true } });
  });

  it.each([
    ['a period ago', { kind: 'synced', at: T0 - SYNC_PERIOD_MINUTES * 60_000, report: { merged: [], added: 0, updated: 0, skipped: [], wrote: true } }],
    ['in the future (a clock set back)', { kind: 'synced', at: T0 + 60_000, report: { merged: [], added: 0, updated: 0, skipped: [], wrote: true } }],
    ['a minute ago, and it failed', { kind: 'error', at: T0 - 60_000, error: 'The folder went away' }],
    ['unreadable', { kind: 'synced', at: 'yesterday' }],
  ])('a worker started after a sync %s syncs at start', async (_, stored) => {
    const lib = freshLibrary();
    const dir = keptDir({ state: 'granted' });
    dir.files.set('papershelf-desktop-bbbbbb.json', await otherDeviceFile('2603.00002'));
    const store = memoryStore();
    await store.set({ [LAST_KEY]: stored });
    const sync = start(lib, { kept: async () => dir, store, alarms: null, now: () => new Date(T0) });
    expect(await sync.started).toEqual({ kind: 'synced', at: T0, report: { merged: ['papershelf-desktop-bbbbbb.json'], added: 1, updated: 0, skipped: [], wrote: true } });
    expect(papersIn(dir.files.get(OWN))).toEqual(['arxiv:2603.00002']);
  });

  it('when the browser no longer grants the folder, or none is kept: nothing is read, written or kept, Sync now says why, and without a folder there is no alarm', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    const permission = { state: 'prompt' as Permission };
    const dir = keptDir(permission);
    dir.files.set('papershelf-desktop-bbbbbb.json', await otherDeviceFile('2603.00002'));
    const store = memoryStore();
    const sync = start(lib, { kept: async () => dir, store, alarms: null });
    expect(await sync.started).toEqual({ kind: 'idle', why: 'needs-permission' });
    expect(await sync.syncNow({})).toEqual({ ok: true, outcome: { kind: 'idle', why: 'needs-permission' } });
    expect([...dir.files.keys()]).toEqual(['papershelf-desktop-bbbbbb.json']);
    expect(await lib.lookup(['arxiv:2603.00002'])).toEqual(new Map());
    expect(await loadLast(store)).toBeNull();

    // Allowed again on the options page: the next run syncs.
    permission.state = 'granted';
    expect(await sync.syncNow({})).toMatchObject({ ok: true, outcome: { kind: 'synced', report: { merged: ['papershelf-desktop-bbbbbb.json'], added: 1, wrote: true } } });

    // No folder kept (never, or forgotten with Stop syncing): no alarm wakes the worker for nothing.
    const alarms = fakeAlarms();
    let folder: FolderHandle | null = dir;
    const other = start(freshLibrary(), { kept: async () => folder, store: memoryStore(), alarms });
    await other.started;
    expect([...alarms.made.keys()]).toEqual([SYNC_ALARM]);
    folder = null;
    expect(await other.syncNow({})).toEqual({ ok: true, outcome: { kind: 'idle', why: 'no-folder' } });
    expect([...alarms.made.keys()]).toEqual([]);
  });

  it('the syncNow message is checked: anything but {} is refused and runs nothing; a failing folder is an answer, not a throw', async () => {
    const lib = freshLibrary();
    const dir = keptDir({ state: 'granted' });
    const kept = vi.fn(async () => dir);
    const sync = start(lib, { kept, store: memoryStore(), alarms: null });
    await sync.started;
    kept.mockClear();
    for (const bad of [undefined, null, 'now', { force: true }]) {
      const r = await sync.syncNow(bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('invalid');
      expect(!r.ok && r.error.message).toMatch(/^syncNow: /);
    }
    expect(kept).not.toHaveBeenCalled();

    dir.getFileHandle = async () => {
      throw new DOMException('The folder went away', 'NotFoundError');
    };
    const r = await sync.syncNow({});
    expect(r).toMatchObject({ ok: true, outcome: { kind: 'error', error: 'The folder went away' } });
  });
});
