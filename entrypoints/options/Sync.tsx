/**
 * The options page's Sync (components/options/SyncSection) wired to lib/sync: this device, the
 * picked folder, the background's last sync, and Firefox's export of this device's file.
 *
 * The background runs sync (lib/sync/background.ts: at its start, after changes, on an alarm),
 * through the folder kept here in IndexedDB: one runner per profile, whether this page is open
 * or not. This page picks the folder (showDirectoryPicker needs a page), asks for its permission
 * again when Chrome has dropped it (requestPermission needs the user's click), shows the last
 * outcome the background kept in storage.local (and follows it), and asks the background to
 * "Sync now". Only a folder that cannot be kept (no real handle: the two-profile e2e's) is synced
 * by this page itself, while it is open; the background then has no folder and stays idle.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { SyncSection, type SyncView } from '@/components/options/SyncSection';
import { errorMessage } from '@/lib/errors';
import { downloadFile } from '@/lib/exchange/export';
import type { DeviceInfo } from '@/lib/exchange/backup';
import type { Library } from '@/lib/library';
import { messaging, type Result } from '@/lib/messages';
import type { SyncNowAnswer } from '@/lib/sync/background';
import { deviceFileName, loadDevice, renameDevice, type KeyValue } from '@/lib/sync/device';
import { canPickFolder, forgetFolder, hasPermission, keepFolder, keptFolder, pickFolder, type FolderHandle } from '@/lib/sync/folder';
import { deviceFile } from '@/lib/sync/folder-sync';
import { LAST_KEY, loadLast, parseLast, storedEvent, type StoredOutcome, type StoredSyncEvent } from '@/lib/sync/last';
import { SyncRunner } from '@/lib/sync/runner';

/** What the page needs from the browser (tests pass their own). */
export interface SyncDeps {
  canPick: boolean;
  store: KeyValue;
  kept(): Promise<FolderHandle | null>;
  /** ask the background to sync now */
  ask(): Promise<Result<SyncNowAnswer>>;
  /** follow the last outcome the background keeps; returns the unsubscribe */
  watchLast(on: (e: StoredSyncEvent | null) => void): () => void;
}

function browserDeps(): SyncDeps {
  return {
    canPick: canPickFolder(),
    store: { get: (key) => browser.storage.local.get(key), set: (items) => browser.storage.local.set(items) },
    kept: keptFolder,
    ask: () => messaging.sendMessage('syncNow', {}),
    watchLast(on) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && LAST_KEY in changes) on(parseLast(changes[LAST_KEY]!.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

const view = (e: StoredSyncEvent | null): SyncView['last'] => {
  if (!e) return null;
  const at = new Date(e.at).toLocaleTimeString();
  return e.kind === 'error' ? { at, error: e.error } : { at, ...e.report };
};

export function Sync({ library, deps: given }: { library: Library; deps?: Partial<SyncDeps> }) {
  const deps = useRef<SyncDeps>({ ...browserDeps(), ...given }).current;
  const supported = deps.canPick;
  const [device, setDevice] = useState<DeviceInfo | null>(null);
  const [folder, setFolder] = useState<FolderHandle | null>(null);
  const [needsPermission, setNeedsPermission] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<SyncView['last']>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** this page's own runner, only for a folder that cannot be kept */
  const local = useRef<SyncRunner | null>(null);
  const [runsHere, setRunsHere] = useState(false);

  const stopLocal = () => {
    local.current?.stop();
    local.current = null;
    setRunsHere(false);
  };

  const startLocal = async (dir: FolderHandle, dev: DeviceInfo) => {
    stopLocal();
    const r = SyncRunner.of(library, dir, dev, (e) => setLast(view(storedEvent(e))));
    local.current = r;
    setRunsHere(true);
    setBusy(true);
    await r.start().finally(() => setBusy(false));
  };

  const apply = (o: StoredOutcome) => {
    if (o.kind === 'idle') {
      if (o.why === 'needs-permission') setNeedsPermission(true);
      else setNotice('No folder is kept: choose it again.');
    } else setLast(view(o));
  };

  /** Ask the background to sync, and show its answer. */
  const askBackground = async () => {
    setBusy(true);
    try {
      const r = await deps.ask();
      if (r.ok) apply(r.outcome);
      else setNotice(`Could not sync: ${r.error.message}`);
    } catch (err) {
      setNotice(`Could not sync: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    let live = true;
    const unwatch = supported
      ? deps.watchLast((e) => {
          if (!local.current) setLast(view(e));
        })
      : () => undefined;
    void (async () => {
      const dev = await loadDevice(deps.store);
      if (!live) return;
      setDevice(dev);
      if (!supported) return;
      const [kept, lastEvent] = await Promise.all([deps.kept(), loadLast(deps.store)]);
      if (!live || !kept) return;
      setFolder(kept);
      setLast(view(lastEvent));
      // Chrome may have dropped the permission since: the background is idle until one click allows it again.
      if (!(await hasPermission(kept))) setNeedsPermission(true);
    })().catch((err: unknown) => setNotice(`Could not start sync: ${errorMessage(err)}`));
    return () => {
      live = false;
      unwatch();
      local.current?.stop();
    };
  }, [library]);

  const onPick = async () => {
    setNotice(null);
    let dir: FolderHandle;
    try {
      dir = await pickFolder();
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') return;
      setNotice(`Could not use that folder: ${errorMessage(err)}`);
      return;
    }
    if (!(await hasPermission(dir, true))) {
      setNotice('PaperShelf was not allowed to write in that folder.');
      return;
    }
    setFolder(dir);
    setNeedsPermission(false);
    if (await keepFolder(dir)) {
      stopLocal();
      await askBackground();
      return;
    }
    // Not a real handle: the background cannot have it (and must not go on with an older one).
    await forgetFolder().catch(() => undefined);
    setNotice('This folder cannot be kept: PaperShelf syncs it only while this page is open, and asks for it again next visit.');
    await startLocal(dir, device ?? (await loadDevice(deps.store)));
  };

  const onAllow = async () => {
    if (!folder) return;
    if (await hasPermission(folder, true)) {
      setNeedsPermission(false);
      await askBackground();
    } else setNotice('PaperShelf was not allowed to write in that folder.');
  };

  const onSyncNow = async () => {
    if (local.current) {
      setBusy(true);
      await local.current.syncNow().finally(() => setBusy(false));
    } else await askBackground();
  };

  const onStop = async () => {
    stopLocal();
    setFolder(null);
    setLast(null);
    setNeedsPermission(false);
    await forgetFolder().catch(() => undefined);
    await deps.store.set({ [LAST_KEY]: null });
  };

  const onRename = async (name: string) => {
    const dev = await renameDevice(deps.store, name);
    setDevice(dev);
    // The device's file carries its name: write it again.
    if (folder && local.current) await startLocal(folder, dev);
    else if (folder && !needsPermission) await askBackground();
  };

  const onExportDeviceFile = async () => {
    if (!device) return;
    try {
      downloadFile(await deviceFile(library, device, new Date()));
      setNotice(`Saved ${deviceFileName(device)}: put it in your synced folder.`);
    } catch (err) {
      setNotice(`Could not export: ${errorMessage(err)}`);
    }
  };

  return (
    <SyncSection
      supported={supported}
      device={device && { name: device.name, file: deviceFileName(device) }}
      folder={folder?.name ?? null}
      needsPermission={needsPermission}
      runsHere={runsHere}
      busy={busy}
      last={last}
      notice={notice}
      onPick={() => void onPick()}
      onAllow={() => void onAllow()}
      onSyncNow={() => void onSyncNow()}
      onStop={() => void onStop()}
      onRename={(n) => void onRename(n)}
      onExportDeviceFile={() => void onExportDeviceFile()}
    />
  );
}
