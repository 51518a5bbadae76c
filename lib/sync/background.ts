/**
 * Folder sync in the background (Chrome, Edge), the one runner of a profile: whenever a folder is
 * kept (lib/sync/folder keepFolder, from the options page) and the browser still grants it
 * (queryPermission says "granted"), the background syncs at start (unless it synced less than
 * SYNC_PERIOD_MINUTES ago: see syncedLately), a moment after every change to the shelf
 * (SYNC_DEBOUNCE_MS; the background is where the feeds' writes happen, and it hears the pages'
 * writes), every SYNC_PERIOD_MINUTES (an alarm: a service worker's timers die with it, and the
 * other devices' files change while this one is idle; the alarm exists only while a folder is
 * kept), and when the options page asks (`syncNow`). Without a folder, or when Chrome has dropped
 * the permission, it does nothing: the options page offers the click that allows it again
 * (requestPermission needs a page and a click).
 *
 * Each sync's outcome is kept in browser.storage.local (lib/sync/last), which the options page
 * shows and follows. Firefox has no folder handles to keep: nothing of this runs there.
 */
import { z } from 'zod/mini';
import { toFailure } from '../handlers';
import type { Library } from '../library';
import { messaging, type Result } from '../messages';
import { loadDevice, type KeyValue } from './device';
import { hasPermission, keptFolder, type FolderHandle } from './folder';
import { loadLast, saveLast, storedOutcome, type StoredOutcome } from './last';
import { SYNC_PERIOD_MINUTES, SyncRunner, type Idle, type SyncTarget } from './runner';

export const SYNC_ALARM = 'papershelf-folder-sync';
export { SYNC_PERIOD_MINUTES };

/** Options page -> background: sync now. */
export const SyncNowRequest = z.strictObject({});
export type SyncNowRequest = z.input<typeof SyncNowRequest>;

export interface SyncNowAnswer {
  /** the run's outcome (a sync, its error, or why nothing ran) */
  outcome: StoredOutcome;
}

/** The part of chrome.alarms the background uses. */
export interface AlarmsLike {
  get(name: string): Promise<{ name: string } | undefined>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

export interface BackgroundSyncDeps {
  /** the folder kept by the options page (lib/sync/folder keptFolder) */
  kept(): Promise<FolderHandle | null>;
  /** browser.storage.local: this device, and where the last outcome is kept */
  store: KeyValue;
  /** null: no periodic runs */
  alarms: AlarmsLike | null;
  now?: () => Date;
}

export interface BackgroundSync {
  runner: SyncRunner;
  /** the first run's outcome (at start), or the last sync's when the start skipped its run */
  started: Promise<StoredOutcome>;
  /** answer a `syncNow` message (validated here); never throws */
  syncNow(raw: unknown): Promise<Result<SyncNowAnswer>>;
}

/** The kept folder, when the browser still grants it, and this device; else why not. */
export function keptTarget(deps: Pick<BackgroundSyncDeps, 'kept' | 'store'>): () => Promise<SyncTarget | Idle> {
  return async () => {
    const dir = await deps.kept();
    if (!dir) return 'no-folder';
    // queryPermission only: asking (requestPermission) needs a page and the user's click.
    if (!(await hasPermission(dir))) return 'needs-permission';
    return { dir, device: await loadDevice(deps.store) };
  };
}

/**
 * The periodic alarm exists while a folder is kept (no waking the worker for nothing otherwise).
 * Made only when missing: creating it again at every start of the worker (which may come more
 * often than the period) would put the next run off every time.
 */
async function tendAlarm(alarms: AlarmsLike, wanted: boolean): Promise<void> {
  const exists = !!(await alarms.get(SYNC_ALARM));
  if (wanted && !exists) await alarms.create(SYNC_ALARM, { delayInMinutes: SYNC_PERIOD_MINUTES, periodInMinutes: SYNC_PERIOD_MINUTES });
  if (!wanted && exists) await alarms.clear(SYNC_ALARM);
}

/**
 * The last sync, when it succeeded less than SYNC_PERIOD_MINUTES ago. Chrome stops an idle
 * service worker after about 30 s and starts it again at the next event (a feed page's lookups):
 * a full sync at each such start (every device file read and checked, this device's file made
 * again) would compete with those lookups every time. A worker started that soon after a sync
 * skips the start's run: what changes on this device still syncs a debounce after the change,
 * and the other devices' files come with the alarm, as while the worker runs.
 */
async function syncedLately(store: KeyValue, now: number): Promise<StoredOutcome | null> {
  const last = await loadLast(store).catch(() => null);
  if (last?.kind !== 'synced') return null;
  const age = now - last.at;
  return age >= 0 && age < SYNC_PERIOD_MINUTES * 60_000 ? last : null;
}

/** Start the background's runner: at start (unless it synced lately), after changes, on the alarm, and when asked. */
export function startFolderSync(lib: Library, deps: BackgroundSyncDeps): BackgroundSync {
  const target = keptTarget(deps);
  const alarms = deps.alarms;
  const now = deps.now ?? (() => new Date());
  const runner = new SyncRunner(
    lib,
    async () => {
      const t = await target();
      if (alarms) await tendAlarm(alarms, t !== 'no-folder').catch((err: unknown) => console.warn('PaperShelf: no periodic sync:', err));
      return t;
    },
    (e) => void saveLast(deps.store, e).catch((err: unknown) => console.warn('PaperShelf: sync result not kept:', err)),
    now,
  );
  alarms?.onAlarm.addListener((a) => {
    if (a.name === SYNC_ALARM) void runner.syncNow();
  });
  runner.listen();
  const started = syncedLately(deps.store, now().getTime()).then(async (lately) => lately ?? storedOutcome(await runner.syncNow()));
  return {
    runner,
    started,
    async syncNow(raw) {
      const parsed = SyncNowRequest.safeParse(raw);
      if (!parsed.success) return { ok: false, error: { code: 'invalid', message: `syncNow: ${z.prettifyError(parsed.error)}` } };
      try {
        return { ok: true, outcome: storedOutcome(await runner.syncNow()) };
      } catch (err) {
        return toFailure(err);
      }
    },
  };
}

/** Whether this context can use a kept folder: handles with queryPermission (Chromium; not Firefox). */
export function canSyncInBackground(): boolean {
  const h = (globalThis as { FileSystemHandle?: { prototype: object } }).FileSystemHandle;
  return !!h && 'queryPermission' in h.prototype;
}

/** Wire folder sync into the background (entrypoints/background.ts); nothing where folders cannot be kept. */
export function setupFolderSync(lib: Library): void {
  if (!canSyncInBackground()) return;
  const store: KeyValue = { get: (key) => browser.storage.local.get(key), set: (items) => browser.storage.local.set(items) };
  const alarms = (browser as unknown as { alarms?: AlarmsLike }).alarms ?? null;
  const sync = startFolderSync(lib, { kept: keptFolder, store, alarms });
  messaging.onMessage('syncNow', ({ data }) => sync.syncNow(data));
}
