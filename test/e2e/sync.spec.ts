/**
 * Folder sync in real Chromium, two tests. First, between two Chromium profiles sharing one real
 * temporary folder. Each options page
 * gets the folder the way a test can: `window.showDirectoryPicker` is replaced (addInitScript)
 * by a handle whose calls go to this test's node fs (exposeBinding). The handle implements only
 * lib/sync/dir.ts DirLike, the calls PaperShelf makes:
 *   folder: name, getFileHandle(name, { create }), removeEntry(name), values() (files only)
 *   file:   kind, name, getFile() -> { text() }, createWritable() -> { write(text), close() }
 * (no queryPermission / requestPermission: lib/sync/folder treats a handle without them as
 * allowed; such a handle cannot be kept in IndexedDB either, so the background cannot have it and
 * the options page syncs it itself while open, saying to choose it again next visit). Keeping a
 * real handle, and the background syncing through it, is the second test.
 *
 * Tags are added on each profile, a note edited on one, a paper removed on the other; after both
 * sync, both shelves (stored records and the popup's list) are identical and hold every edit.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { serviceWorker } from '../chromium';
import { addNote, addTag, expect, expected, extensionId, launch, save, SHOTS, storedRecords, test, toolbarFor, urlOf } from './extension';

const PAPERS = expected('huggingface', 'daily').papers.slice(0, 3) as Array<{ id: string; title: string }>;
const [P1, P2, P3] = PAPERS as [(typeof PAPERS)[0], (typeof PAPERS)[0], (typeof PAPERS)[0]];

/** Give every page of `context` a showDirectoryPicker answering with `folder` on disk. */
async function shareFolder(context: BrowserContext, folder: string): Promise<void> {
  const at = (name: string) => {
    // The page names files in the folder only.
    if (name !== path.basename(name)) throw new Error(`not a file name: ${name}`);
    return path.join(folder, name);
  };
  await context.exposeBinding('__papershelfFolder', (_source, op: string, name: string, data: string) => {
    switch (op) {
      case 'list':
        return readdirSync(folder);
      case 'exists':
        return existsSync(at(name));
      case 'read':
        return readFileSync(at(name), 'utf8');
      case 'write':
        writeFileSync(at(name), data);
        return null;
      case 'remove':
        unlinkSync(at(name));
        return null;
      default:
        throw new Error(`unknown op ${op}`);
    }
  });
  await context.addInitScript(() => {
    type Call = (op: string, name?: string, data?: string) => Promise<unknown>;
    const call: Call = (op, name = '', data = '') => (window as unknown as { __papershelfFolder: Call }).__papershelfFolder(op, name, data);
    const file = (name: string) => ({
      kind: 'file' as const,
      name,
      getFile: async () => {
        const text = (await call('read', name)) as string;
        return { text: async () => text };
      },
      createWritable: async () => {
        let buf = '';
        return { write: async (d: string) => void (buf += d), close: async () => void (await call('write', name, buf)) };
      },
    });
    const dir = {
      kind: 'directory' as const,
      name: 'Shared folder',
      async getFileHandle(name: string, o?: { create?: boolean }) {
        if (!(await call('exists', name))) {
          if (!o?.create) throw new DOMException(`${name} not found`, 'NotFoundError');
          await call('write', name, '');
        }
        return file(name);
      },
      async removeEntry(name: string) {
        await call('remove', name);
      },
      async *values() {
        for (const name of (await call('list')) as string[]) yield { kind: 'file' as const, name };
      },
    };
    (window as unknown as { showDirectoryPicker: () => Promise<unknown> }).showDirectoryPicker = async () => dir;
  });
}

async function openOptions(context: BrowserContext): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${await extensionId(context)}/options.html`);
  return options;
}

const syncSection = (options: Page) => options.locator('section[aria-labelledby="sync-heading"]');

/** Click Sync now and wait for that run's report. */
async function syncNow(options: Page): Promise<void> {
  const section = syncSection(options);
  await expect(section.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 30_000 });
  await section.getByRole('button', { name: 'Sync now' }).click();
  await expect(section.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 30_000 });
  await expect(section.getByText(/^Synced at /)).toBeVisible();
}

/** The popup's rows, as text. */
async function listed(context: BrowserContext): Promise<string[]> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html`);
  const rows = popup.getByRole('list', { name: 'Saved papers' }).locator(':scope > li');
  await expect(rows.first()).toBeVisible();
  const out = await rows.allInnerTexts();
  await popup.close();
  return out;
}

const byId = (rows: Array<Record<string, unknown>>) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));

test('two profiles sync through one folder: tags on each, a note on one, a removal on the other; both end identical', async () => {
  test.setTimeout(180_000);
  const root = mkdtempSync(path.join(tmpdir(), 'papershelf-sync-'));
  const folder = path.join(root, 'Shared');
  mkdirSync(folder);
  const laptop = await launch(path.join(root, 'laptop'));
  const desktop = await launch(path.join(root, 'desktop'));
  try {
    await shareFolder(laptop, folder);
    await shareFolder(desktop, folder);

    // The laptop saves three papers and starts syncing: its file appears.
    const feed1 = await laptop.newPage();
    await feed1.goto(urlOf('huggingface', 'daily'));
    for (const p of PAPERS) await save(toolbarFor(feed1, p.id));
    const opt1 = await openOptions(laptop);
    await syncSection(opt1).getByRole('button', { name: 'Choose sync folder…' }).click();
    await expect(syncSection(opt1).getByText(/^Synced at .*wrote this device’s file/)).toBeVisible({ timeout: 30_000 });
    const files1 = readdirSync(folder);
    expect(files1).toHaveLength(1);
    expect(files1[0]).toMatch(/^papershelf-chrome-on-linux-[0-9a-f]{6}\.json$/);

    // The desktop picks the same folder: it merges the laptop's file and writes its own.
    const opt2 = await openOptions(desktop);
    await syncSection(opt2).getByRole('button', { name: 'Choose sync folder…' }).click();
    await expect(syncSection(opt2).getByText('Synced at', { exact: false })).toContainText('merged 1 other device file (3 added, 0 updated); wrote this device’s file', { timeout: 30_000 });
    expect(readdirSync(folder)).toHaveLength(2);
    expect((await storedRecords(opt2)).map((r) => r.id).sort()).toEqual(PAPERS.map((p) => p.id).sort());

    // Edits: a tag on each, a note on the laptop, a removal on the desktop.
    await addTag(toolbarFor(feed1, P1.id), 'from-laptop');
    await expect(toolbarFor(feed1, P1.id).getByRole('listitem')).toHaveText(['from-laptop×']);
    await addNote(toolbarFor(feed1, P2.id), 'Laptop note');
    await expect(toolbarFor(feed1, P2.id).getByText('Laptop note')).toHaveCount(1);
    const feed2 = await desktop.newPage();
    await feed2.goto(urlOf('huggingface', 'daily'));
    await expect(toolbarFor(feed2, P1.id)).toHaveAttribute('data-papershelf-state', 'saved');
    await addTag(toolbarFor(feed2, P1.id), 'from-desktop');
    await expect(toolbarFor(feed2, P1.id).getByRole('listitem')).toHaveText(['from-desktop×']);
    const popup2 = await desktop.newPage();
    await popup2.goto(`chrome-extension://${await extensionId(desktop)}/popup.html`);
    await popup2.getByRole('button', { name: `Remove ${P3.title}` }).click();
    await expect(popup2.getByRole('list', { name: 'Saved papers' }).locator(':scope > li')).toHaveCount(2);
    await Promise.all([feed1.close(), feed2.close(), popup2.close()]);

    // A half-written file from a third device: skipped, named, nothing taken from it.
    writeFileSync(path.join(folder, 'papershelf-phone-123456.json'), '{"format": "papershelf-backup", "version": 2, "papers": [');

    // Both sync (the laptop again after the desktop, to hear of the desktop's edits).
    await syncNow(opt1);
    await syncNow(opt2);
    await syncNow(opt1);
    await expect(syncSection(opt1).getByRole('list', { name: 'Skipped files' })).toHaveText(/^Skipped “papershelf-phone-123456\.json”: JSON syntax error at position \d+ .*truncated.*Nothing was taken from it\.$/);

    const one = byId(await storedRecords(opt1));
    const two = byId(await storedRecords(opt2));
    expect(two).toEqual(one);
    expect(one.map((r) => [r.id, r.tags, r.note])).toEqual(
      [
        [P1.id, ['from-laptop', 'from-desktop'], ''],
        [P2.id, [], 'Laptop note'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const lists = [await listed(laptop), await listed(desktop)];
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[0]).toHaveLength(2);
    // Each device wrote only its own file, the one its Sync section names.
    const own = async (options: Page) => (await syncSection(options).locator('code').first().textContent())!;
    expect([await own(opt1), await own(opt2)]).toEqual([files1[0], expect.stringMatching(/^papershelf-chrome-on-linux-[0-9a-f]{6}\.json$/)]);
    expect(readdirSync(folder).sort()).toEqual([await own(opt1), await own(opt2), 'papershelf-phone-123456.json'].sort());

    mkdirSync(SHOTS, { recursive: true });
    await syncSection(opt1).screenshot({ path: path.join(SHOTS, 'options-sync.png') });

    // The background kept today's snapshot in the extension's private folder; the page lists it.
    const sw = await serviceWorker(laptop);
    const snapshots = await sw.evaluate(async () => {
      const dir = (await navigator.storage.getDirectory()) as unknown as { keys(): AsyncIterable<string> };
      const names: string[] = [];
      for await (const n of dir.keys()) names.push(n);
      return names;
    });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatch(/^papershelf-snapshot-\d{4}-\d{2}-\d{2}\.json$/);
    await opt1.reload();
    await expect(opt1.getByRole('list', { name: 'Daily snapshots' }).locator('li')).toHaveCount(1);
  } finally {
    await laptop.close();
    await desktop.close();
    rmSync(root, { recursive: true, force: true });
  }
});

/**
 * The background syncs on its own, through a folder kept by the options page: a real, storable
 * FileSystemDirectoryHandle with no picker, the extension's private folder (OPFS) `sync`, kept in
 * the `papershelf-sync` database as lib/sync/folder keepFolder keeps it. With no options page open,
 * saving a paper on a feed makes the background write this device's file there; a second
 * device's file put there is merged by the background when the options page asks ("Sync now");
 * the options page, opened again, shows the kept folder and the background's last sync.
 */
test('the background syncs through the kept folder with no options page open; the page shows it and asks it to sync', async ({ context, extId }) => {
  test.setTimeout(120_000);
  const sw = await serviceWorker(context);

  // Keep the private folder `sync` as the sync folder, from an extension page, then close it.
  const setup = await context.newPage();
  await setup.goto(`chrome-extension://${extId}/options.html`);
  await setup.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle('sync', { create: true });
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('papershelf-sync', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('folder');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('folder', 'readwrite');
      tx.objectStore('folder').put(dir, 'folder');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
  await setup.close();

  /** The files of the kept folder, read from the extension's service worker. */
  const folderFiles = () =>
    sw.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const dir = (await root.getDirectoryHandle('sync')) as unknown as { values(): AsyncIterable<FileSystemFileHandle> };
      const out: Record<string, string> = {};
      for await (const h of dir.values()) out[h.name] = await (await h.getFile()).text();
      return out;
    });

  // (a) A paper saved on a feed, no options page open: the background writes this device's file.
  const feed = await context.newPage();
  await feed.goto(urlOf('huggingface', 'daily'));
  await save(toolbarFor(feed, P1.id));
  await expect.poll(async () => Object.keys(await folderFiles()), { timeout: 20_000 }).toEqual([expect.stringMatching(/^papershelf-chrome-on-linux-[0-9a-f]{6}\.json$/)]);
  const [ownName, ownText] = Object.entries(await folderFiles())[0]!;
  const own = JSON.parse(ownText) as { format: string; version: number; device: { id: string; name: string }; papers: unknown[]; removed: unknown[] };
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const stored = await storedRecords(popup);
  expect(stored.map((r) => r.id)).toEqual([P1.id]);
  expect(own).toEqual({ format: 'papershelf-backup', version: 2, exportedAt: expect.any(String), device: { id: ownName.slice('papershelf-'.length, -'.json'.length), name: 'Chrome on Linux' }, papers: stored, removed: [] });
  expect(stored[0]).toMatchObject({ id: P1.id, title: P1.title, tags: [], note: '', status: 'unread' });
  await popup.close();
  // With a folder kept, the background also syncs every 15 minutes (the alarms permission).
  const alarm = await sw.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ periodInMinutes?: number } | undefined> } } }).chrome.alarms.get('papershelf-folder-sync'));
  expect(alarm?.periodInMinutes).toBe(15);

  // (b) A second device's file in the folder, with a paper this one does not have.
  const T = Date.UTC(2026, 2, 3);
  const draft = P2 as unknown as { id: string; title: string; authors: string[]; arxivId: string; pageUrl: string; links: Record<string, string> };
  const phone = {
    format: 'papershelf-backup',
    version: 2,
    exportedAt: new Date(T).toISOString(),
    device: { id: 'phone-123456', name: 'Phone' },
    papers: [
      {
        id: draft.id,
        title: draft.title,
        authors: draft.authors,
        arxivId: draft.arxivId,
        links: draft.links,
        signals: {},
        sources: [{ site: 'huggingface', url: draft.pageUrl, firstSeenAt: T, lastSeenAt: T }],
        tags: ['from-phone'],
        note: 'Phone note',
        status: 'reading',
        savedAt: T,
        updatedAt: T,
        times: { saved: T, note: T, status: T, tags: { 'from-phone': { tag: 'from-phone', on: true, at: T } } },
      },
    ],
    removed: [],
  };
  await sw.evaluate(async (text) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('sync');
    const w = await (await dir.getFileHandle('papershelf-phone-123456.json', { create: true })).createWritable();
    await w.write(text);
    await w.close();
  }, JSON.stringify(phone));

  // (c) The options page, opened again: the kept folder, the background's last sync, no "allow again".
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId}/options.html`);
  const section = syncSection(options);
  await expect(section.getByText('Folder:')).toHaveText('Folder: sync');
  await expect(section.getByText(/^Synced at /)).toBeVisible();
  await expect(section.getByRole('button', { name: /^Allow access/ })).toHaveCount(0);
  await expect(section.getByText(/^Syncs in the background/)).toBeVisible();

  // Sync now asks the background, which merges the phone's file.
  await syncNow(options);
  await expect(section.getByText(/^Synced at /)).toContainText('merged 1 other device file');
  await expect.poll(async () => (await storedRecords(options)).map((r) => r.id).sort()).toEqual([P1.id, P2.id].sort());
  expect((await storedRecords(options)).find((r) => r.id === P2.id)).toMatchObject({ title: draft.title, tags: ['from-phone'], note: 'Phone note', status: 'reading' });
  expect((await listed(context)).join('\n')).toContain(draft.title);
  // The background wrote the merged shelf back into this device's file; the phone's file is untouched.
  const after = await folderFiles();
  expect(Object.keys(after).sort()).toEqual([ownName, 'papershelf-phone-123456.json'].sort());
  expect((JSON.parse(after[ownName]!) as { papers: Array<{ id: string }> }).papers.map((p) => p.id).sort()).toEqual([P1.id, P2.id].sort());
  expect(after['papershelf-phone-123456.json']).toBe(JSON.stringify(phone));
});
