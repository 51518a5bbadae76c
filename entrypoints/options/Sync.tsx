/**
 * The options page's Sync (components/options/SyncSection) wired to lib/sync: this device,
 * the picked folder (kept for the next visit), the runner that syncs while the page is open, and
 * Firefox's export of this device's file.
 *
 * Sync runs here, in the extension's page, not in the background: picking a folder
 * (showDirectoryPicker, absent in the service worker) and asking for its permission again
 * (requestPermission needs the user's click) need a page. Chromium 156's service worker does have
 * the handle API (queryPermission, createWritable: checked 2026-12-03), so syncing from the
 * background while a kept permission holds is possible later; it is not done here (the e2e's
 * folder cannot be stored, so nothing could test it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { SyncSection, type SyncView } from '@/components/options/SyncSection';
import { errorMessage } from '@/lib/errors';
import { downloadFile } from '@/lib/exchange/export';
import type { Library } from '@/lib/library';
import { deviceFileName, loadDevice, renameDevice, type KeyValue } from '@/lib/sync/device';
import { canPickFolder, forgetFolder, hasPermission, keepFolder, keptFolder, pickFolder, type FolderHandle } from '@/lib/sync/folder';
import { deviceFile } from '@/lib/sync/folder-sync';
import { SyncRunner, type SyncEvent } from '@/lib/sync/runner';
import type { DeviceInfo } from '@/lib/exchange/backup';

const store: KeyValue = {
  get: (key) => browser.storage.local.get(key),
  set: (items) => browser.storage.local.set(items),
};

const time = (d: Date) => d.toLocaleTimeString();

export function Sync({ library }: { library: Library }) {
  const supported = canPickFolder();
  const [device, setDevice] = useState<DeviceInfo | null>(null);
  const [folder, setFolder] = useState<FolderHandle | null>(null);
  const [needsPermission, setNeedsPermission] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<SyncView['last']>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const runner = useRef<SyncRunner | null>(null);

  const onEvent = (e: SyncEvent) => setLast(e.kind === 'error' ? { at: time(e.at), error: e.error } : { at: time(e.at), ...e.report });

  const start = async (dir: FolderHandle, dev: DeviceInfo) => {
    runner.current?.stop();
    const r = new SyncRunner(library, dir, dev, onEvent);
    runner.current = r;
    setBusy(true);
    await r.start().finally(() => setBusy(false));
  };

  useEffect(() => {
    let live = true;
    void (async () => {
      const dev = await loadDevice(store);
      if (!live) return;
      setDevice(dev);
      const kept = supported ? await keptFolder() : null;
      if (!live || !kept) return;
      setFolder(kept);
      // Chrome may have dropped the permission since the last visit: then one click asks again.
      if (await hasPermission(kept)) await start(kept, dev);
      else setNeedsPermission(true);
    })().catch((err: unknown) => setNotice(`Could not start sync: ${errorMessage(err)}`));
    return () => {
      live = false;
      runner.current?.stop();
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
    if (!(await keepFolder(dir))) setNotice('This folder cannot be kept for the next visit: choose it again then.');
    if (device) await start(dir, device);
  };

  const onAllow = async () => {
    if (!folder || !device) return;
    if (await hasPermission(folder, true)) {
      setNeedsPermission(false);
      await start(folder, device);
    } else setNotice('PaperShelf was not allowed to write in that folder.');
  };

  const onSyncNow = async () => {
    if (!runner.current) return;
    setBusy(true);
    await runner.current.syncNow().finally(() => setBusy(false));
  };

  const onStop = async () => {
    runner.current?.stop();
    runner.current = null;
    setFolder(null);
    setLast(null);
    await forgetFolder().catch(() => undefined);
  };

  const onRename = async (name: string) => {
    const dev = await renameDevice(store, name);
    setDevice(dev);
    if (folder && runner.current) await start(folder, dev);
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
