/**
 * Options page, Sync: the folder this browser syncs through (picked with the browser's folder
 * picker), this device's name and file, the last sync's outcome (files merged, files skipped and
 * why). Where the browser cannot pick a folder (Firefox), one line says how to sync by hand with
 * the same files. Props in, callbacks out.
 */
import { useState } from 'preact/hooks';
import { SYNC_PERIOD_MINUTES } from '@/lib/sync/runner';

export interface SyncSkip {
  name: string;
  reason: string;
}

export interface SyncView {
  /** the browser can pick a folder (File System Access) */
  supported: boolean;
  device: { name: string; file: string } | null;
  /** the folder's name, when one is chosen */
  folder: string | null;
  /** a folder is kept, but the browser asks again before PaperShelf may use it (the background waits for that click) */
  needsPermission: boolean;
  /** this page syncs the folder itself, while it is open (a folder that cannot be kept); else the background does */
  runsHere: boolean;
  busy: boolean;
  /** the last sync: when, what it merged and skipped; or an error */
  last: { at: string; merged: readonly string[]; added: number; updated: number; skipped: readonly SyncSkip[]; wrote: boolean } | { at: string; error: string } | null;
  /** a message about picking (cancelled, refused) */
  notice: string | null;
}

export interface SyncSectionProps extends SyncView {
  onPick: () => void;
  onAllow: () => void;
  onSyncNow: () => void;
  onStop: () => void;
  onRename: (name: string) => void;
  /** Firefox: save this device's file (to put into the synced folder by hand) */
  onExportDeviceFile: () => void;
}

function Last({ last }: { last: NonNullable<SyncView['last']> }) {
  if ('error' in last) {
    return (
      <p class="notice notice-error" role="alert">
        Sync failed at {last.at}: {last.error}
      </p>
    );
  }
  const files = last.merged.length === 1 ? '1 other device file' : `${last.merged.length} other device files`;
  return (
    <div class={`notice ${last.skipped.length ? 'notice-error' : 'notice-ok'}`} role="status">
      <p>
        Synced at {last.at}: merged {files} ({last.added} added, {last.updated} updated){last.wrote ? '; wrote this device’s file' : ''}.
      </p>
      {last.skipped.length > 0 && (
        <ul aria-label="Skipped files">
          {last.skipped.map((s) => (
            <li key={s.name}>
              Skipped “{s.name}”: {s.reason}. Nothing was taken from it.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SyncSection(props: SyncSectionProps) {
  const { supported, device, folder, needsPermission, runsHere, busy, last, notice } = props;
  const [name, setName] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p>
        Sync through a folder you already sync (Dropbox, iCloud Drive, Syncthing, a network drive): this browser writes only its own file there and merges the
        other devices’ files. Nothing else leaves this computer.
      </p>
      {device && (
        <form
          class="actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (name !== null && name.trim()) props.onRename(name.trim());
            setName(null);
          }}
        >
          <label for="device-name">This device</label>{' '}
          <input id="device-name" value={name ?? device.name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />{' '}
          <button type="submit" class="button" disabled={name === null}>
            Rename
          </button>{' '}
          <span class="hint">
            writes <code>{device.file}</code>
          </span>
        </form>
      )}
      {!supported ? (
        <>
          <p class="hint">
            This browser cannot write to a folder you pick: save this device’s file into your synced folder with the button below, and import the other devices’
            <code> papershelf-*.json</code> files there with Import.
          </p>
          <div class="actions">
            <button type="button" class="button" disabled={!device} onClick={props.onExportDeviceFile}>
              Save this device’s file
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            Folder: <strong>{folder ?? 'none chosen'}</strong>
          </p>
          <div class="actions">
            {needsPermission && (
              <button type="button" class="button primary" onClick={props.onAllow}>
                Allow access to “{folder}” again
              </button>
            )}
            <button type="button" class="button" disabled={busy} onClick={props.onPick}>
              {folder ? 'Choose another folder…' : 'Choose sync folder…'}
            </button>
            {folder && !needsPermission && (
              <>
                <button type="button" class="button" disabled={busy} onClick={props.onSyncNow}>
                  Sync now
                </button>
                <button type="button" class="button" disabled={busy} onClick={props.onStop}>
                  Stop syncing
                </button>
              </>
            )}
          </div>
          <p class="hint">
            {runsHere
              ? 'Syncs while this page is open: now, a moment after every change, and with Sync now.'
              : `Syncs in the background, with or without this page open: when the browser starts, a moment after every change, every ${SYNC_PERIOD_MINUTES} minutes, and with Sync now.`}
          </p>
        </>
      )}
      {notice && <p class="muted">{notice}</p>}
      {busy && <p role="status">Syncing…</p>}
      {last && <Last last={last} />}
    </section>
  );
}
