/**
 * The options page's sync and backup parts in happy-dom (no folder picker, as in Firefox): the
 * one-line explanation and the device file saved by hand; a sync report naming a skipped file;
 * the JSON backup's "Include the seen history" box (off by default) and its tombstones.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SyncSection, type SyncSectionProps } from '@/components/options/SyncSection';
import { App } from '@/entrypoints/options/App';
import { openDb } from '@/lib/db';
import type { ExportFile } from '@/lib/exchange/export';
import { Library } from '@/lib/library';
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
