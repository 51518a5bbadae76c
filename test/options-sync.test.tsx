/**
 * The options page's sync and backup parts in happy-dom (no folder picker, as in Firefox): the
 * one-line explanation and the device file saved by hand; a sync report naming a skipped file;
 * the page beside the background's sync (the kept folder and the background's last outcome shown,
 * followed, Sync now asking the background; a dropped permission offering the click; a folder that
 * cannot be kept synced by the page itself); the JSON backup's "Include the seen history" box (off
 * by default) and its tombstones.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SyncSection, type SyncSectionProps } from '@/components/options/SyncSection';
import { App } from '@/entrypoints/options/App';
import { openDb } from '@/lib/db';
import type { ExportFile } from '@/lib/exchange/export';
import { Library } from '@/lib/library';
import { Sync, type SyncDeps } from '@/entrypoints/options/Sync';
import type { KeyValue } from '@/lib/sync/device';
import type { FolderHandle } from '@/lib/sync/folder';
import { LAST_KEY, type StoredSyncEvent } from '@/lib/sync/last';
import { freshLibrary } from './helpers/drafts';
import { memoryDir } from './helpers/memory-dir';
import type { SeenPaper } from '@/lib/seen/record';
import { $$, click, container, mount, useContainer, waitFor } from './helpers/view';
import { hfDraft } from './helpers/drafts';

beforeEach(() => fakeBrowser.reset());
useContainer();

const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');
const buttonNamed = (name: string) => $$<HTMLButtonElement>('button').find((b) => b.textContent?.trim() === name);
const T0 = 1_780_000_000_000;

function props(over: Partial<SyncSectionProps> = {}): SyncSectionProps {
  return {
    supported: true,
    device: { name: 'Laptop', file: 'papershelf-laptop-abcdef.json' },
    folder: 'Dropbox',
    needsPermission: false,
    runsHere: false,
    busy: false,
    last: null,
    notice: null,
    onPick: vi.fn(),
    onAllow: vi.fn(),
    onSyncNow: vi.fn(),
    onStop: vi.fn(),
    onRename: vi.fn(),
    onExportDeviceFile: vi.fn(),
    ...over,
  };
}

describe('Sync section', () => {
  it('without a folder picker: one line says how, and the device file is saved by hand', () => {
    const p = props({ supported: false, folder: null });
    mount(<SyncSection {...p} />);
    expect(text()).toContain(
      'This browser cannot write to a folder you pick: save this device’s file into your synced folder with the button below, and import the other devices’ papershelf-*.json files there with Import.',
    );
    expect(buttonNamed('Choose sync folder…')).toBeUndefined();
    click(buttonNamed('Save this device’s file')!);
    expect(p.onExportDeviceFile).toHaveBeenCalledTimes(1);
  });

  it('a sync report names each skipped file and says nothing was taken from it', () => {
    mount(<SyncSection {...props({ last: { at: '10:00:00', merged: ['papershelf-desktop-1.json'], added: 1, updated: 2, skipped: [{ name: 'papershelf-phone-2.json', reason: 'The file is empty' }], wrote: true } })} />);
    expect(text()).toContain('Synced at 10:00:00: merged 1 other device file (1 added, 2 updated); wrote this device’s file.');
    expect($$('[aria-label="Skipped files"] li').map((li) => li.textContent)).toEqual(['Skipped “papershelf-phone-2.json”: The file is empty. Nothing was taken from it.']);
  });

  it('a kept folder the browser asks about again offers one button to allow it', () => {
    const p = props({ needsPermission: true });
    mount(<SyncSection {...p} />);
    expect(buttonNamed('Sync now')).toBeUndefined();
    click(buttonNamed('Allow access to “Dropbox” again')!);
    expect(p.onAllow).toHaveBeenCalledTimes(1);
  });
});

/** The page's browser, in memory: a kept folder (or none), storage.local, the background's answers. */
function pageDeps(over: { permission?: 'granted' | 'prompt'; kept?: boolean; last?: StoredSyncEvent } = {}) {
  const folder: FolderHandle = Object.assign(memoryDir('Dropbox'), {
    queryPermission: vi.fn(async () => over.permission ?? 'granted'),
    requestPermission: vi.fn(async () => 'granted' as const),
  });
  const items = new Map<string, unknown>([['syncDevice', { id: 'laptop-abcdef', name: 'Laptop' }]]);
  if (over.last) items.set(LAST_KEY, over.last);
  const store: KeyValue = { get: async (k) => (items.has(k) ? { [k]: items.get(k) } : {}), set: async (o) => void Object.entries(o).forEach(([k, v]) => items.set(k, v)) };
  let push: (e: StoredSyncEvent | null) => void = () => undefined;
  const deps = {
    canPick: true,
    store,
    kept: async () => (over.kept === false ? null : folder),
    ask: vi.fn<SyncDeps['ask']>(async () => ({ ok: true, outcome: { kind: 'synced', at: T0 + 60_000, report: { merged: ['papershelf-desktop-1.json'], added: 2, updated: 0, skipped: [], wrote: false } } })),
    watchLast: (on: (e: StoredSyncEvent | null) => void) => {
      push = on;
      return () => undefined;
    },
  } satisfies SyncDeps;
  return { deps, folder, items, push: (e: StoredSyncEvent | null) => push(e) };
}

const at = (ms: number) => new Date(ms).toLocaleTimeString();

describe('Sync on the options page, beside the background', () => {
  it('shows the kept folder and the background’s last sync, follows its next, and Sync now asks the background', async () => {
    const { deps, push } = pageDeps({ last: { kind: 'synced', at: T0, report: { merged: [], added: 0, updated: 0, skipped: [], wrote: true } } });
    mount(<Sync library={freshLibrary()} deps={deps} />);
    await waitFor(() => expect(text()).toContain('Folder: Dropbox'));
    expect(text()).toContain(`Synced at ${at(T0)}: merged 0 other device files (0 added, 0 updated); wrote this device’s file.`);
    expect(text()).toContain('Syncs in the background, with or without this page open: when the browser starts, a moment after every change, every 15 minutes, and with Sync now.');
    expect(deps.ask).not.toHaveBeenCalled();

    push({ kind: 'error', at: T0 + 1000, error: 'The folder went away' });
    await waitFor(() => expect(text()).toContain(`Sync failed at ${at(T0 + 1000)}: The folder went away`));

    click(buttonNamed('Sync now')!);
    await waitFor(() => expect(text()).toContain(`Synced at ${at(T0 + 60_000)}: merged 1 other device file (2 added, 0 updated).`));
    expect(deps.ask).toHaveBeenCalledTimes(1);
  });

  it('a kept folder Chrome no longer grants: one click allows it again, then the background is asked to sync', async () => {
    const { deps, folder } = pageDeps({ permission: 'prompt' });
    mount(<Sync library={freshLibrary()} deps={deps} />);
    await waitFor(() => expect(buttonNamed('Allow access to “Dropbox” again')).toBeDefined());
    expect(buttonNamed('Sync now')).toBeUndefined();
    click(buttonNamed('Allow access to “Dropbox” again')!);
    await waitFor(() => expect(buttonNamed('Sync now')).toBeDefined());
    expect(folder.requestPermission).toHaveBeenCalledWith({ mode: 'readwrite' });
    await waitFor(() => expect(deps.ask).toHaveBeenCalledTimes(1));
  });

  it('a folder that cannot be kept is synced by the page itself, while it is open; the background is not asked', async () => {
    const { deps } = pageDeps({ kept: false });
    const picked = memoryDir('Shared folder');
    vi.stubGlobal('showDirectoryPicker', async () => picked);
    try {
      mount(<Sync library={freshLibrary()} deps={deps} />);
      await waitFor(() => expect(buttonNamed('Choose sync folder…')).toBeDefined());
      click(buttonNamed('Choose sync folder…')!);
      await waitFor(() => expect(text()).toMatch(/Synced at .*wrote this device’s file\./));
      expect(text()).toContain('This folder cannot be kept: PaperShelf syncs it only while this page is open, and asks for it again next visit.');
      expect(text()).toContain('Syncs while this page is open: now, a moment after every change, and with Sync now.');
      expect([...picked.files.keys()]).toEqual(['papershelf-laptop-abcdef.json']);
      expect(deps.ask).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('JSON backup export', () => {
  it('carries the tombstones, and the seen history only when its box is ticked', async () => {
    const db = openDb(`options-sync-${Math.random()}`);
    const library = new Library(db);
    await library.save(hfDraft('2603.00001'), undefined, T0);
    await library.save(hfDraft('2603.00002'), undefined, T0);
    await library.remove(['arxiv:2603.00002'], T0 + 1);
    const seen: SeenPaper = { id: 'arxiv:2603.00009', title: 'Seen', authors: [], url: 'https://huggingface.co/papers', site: 'huggingface', firstSeen: T0, lastSeen: T0 };
    await db.seen.put(seen);
    const download = vi.fn<(f: ExportFile) => void>();
    mount(<App library={library} search="" storage={null} download={download} sites={[]} now={() => new Date(T0)} />);
    await waitFor(() => expect(text()).toContain('1 paper on your shelf'));
    const box = $$<HTMLInputElement>('input[type="checkbox"]').find((c) => c.closest('label')?.textContent?.includes('seen history'))!;
    expect(box.checked).toBe(false);

    click(buttonNamed('Export JSON backup')!);
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const plain = JSON.parse(download.mock.calls[0]![0].text) as Record<string, unknown>;
    expect([plain.version, plain.removed, 'seen' in plain]).toEqual([2, [{ id: 'arxiv:2603.00002', removedAt: T0 + 1 }], false]);

    click(box);
    await waitFor(() => expect(box.checked).toBe(true));
    click(buttonNamed('Export JSON backup')!);
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    expect((JSON.parse(download.mock.calls[1]![0].text) as { seen: unknown }).seen).toEqual([seen]);
  });
});
