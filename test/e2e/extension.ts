/**
 * Playwright fixtures: a persistent Chromium profile with the built extension loaded, and the
 * project's fixture pages served under their real https URLs (fixtures.ts); the steps and reads
 * the specs share (a toolbar's Save, tag and note; the stored records).
 */
import { test as base, chromium, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, chromiumArgs, serviceWorker, VIEWPORT } from '../chromium';
import { PAGES, ROOT, served } from './fixtures';

export { expected, PAGES, ROOT, urlOf } from './fixtures';
export const EXT_DIR = path.join(ROOT, '.output', 'chrome-mv3');
export const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');

export async function launch(profileDir: string, extDir = EXT_DIR, opts: { dark?: boolean } = {}): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: VIEWPORT,
    args: chromiumArgs(extDir),
  });
  // No network: fixtures for huggingface.co, nothing else leaves the machine.
  await context.route(/^https?:\/\//, (route) => {
    const page = PAGES.get(new URL(route.request().url()).href);
    if (page) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: served(page.site, page.html, !!opts.dark) });
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
  });
  return context;
}

export async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorker(context)).url()).host;
}

/** The toolbar button's badge on each tab showing `url` (in the order the browser lists them). */
export async function badgesOf(context: BrowserContext, url: string): Promise<string[]> {
  const sw = await serviceWorker(context);
  return sw.evaluate(async (u) => {
    type Chrome = {
      tabs: { query(q: object): Promise<Array<{ id?: number }>> };
      action: { getBadgeText(d: { tabId: number }): Promise<string> };
    };
    const c = (globalThis as unknown as { chrome: Chrome }).chrome;
    const tabs = await c.tabs.query({ url: u });
    return Promise.all(tabs.map((tab) => c.action.getBadgeText({ tabId: tab.id! })));
  }, url);
}

/** Toolbar host elements on a page. */
export function toolbars(page: Page) {
  return page.locator('papershelf-toolbar');
}

/** Counters the content script answers to its own extension (see entrypoints/content). */
export async function contentStats(context: BrowserContext, url: string): Promise<{ hosts: number; live: number; uis: number; mounted: number; skipped: number; scans: number }> {
  const sw = await serviceWorker(context);
  return sw.evaluate(async (u) => {
    type Tabs = { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(id: number, m: unknown): Promise<never> };
    const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
    const [tab] = await tabs.query({ url: u });
    return tabs.sendMessage(tab!.id!, { type: 'papershelf:stats' });
  }, url);
}

export function toolbarFor(page: Page, id: string) {
  return page.locator(`papershelf-toolbar[data-papershelf-id="${id}"]`);
}

/**
 * A toolbar's tag field, as a user gets to it: pointing at the toolbar shows "+ tag" (an unsaved
 * card shows Save alone until then), which turns into the field when clicked (older builds had the
 * button, or the field, from the start).
 */
export async function tagField(bar: Locator): Promise<Locator> {
  await bar.hover();
  const button = bar.getByRole('button', { name: 'Add tag' });
  const clicked = (await button.count()) > 0;
  if (clicked) await button.click();
  // With its tag suggestions (a datalist) the field's role is combobox: find it by its label.
  const field = bar.locator('input').and(bar.getByLabel('Add tag'));
  if (clicked) await expect(field).toBeFocused();
  return field;
}

/** Serve `html` at `url` (added after the fixture routes, so it wins over them). */
export async function serve(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
}

/** Every record of a store (the papers by default), read straight from IndexedDB on the extension origin (in primary-key order). */
export async function storedRecords(page: Page, store: 'papers' | 'seen' = 'papers'): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('papershelf');
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
    store,
  );
}

/** Save a card's paper with its toolbar's Save, and wait until the toolbar says saved. */
export async function save(bar: Locator): Promise<void> {
  await bar.getByRole('button', { name: /^Save/ }).click();
  await expect(bar).toHaveAttribute('data-papershelf-state', 'saved');
}

/** Type `tag` into a toolbar's tag field and press Enter (the caller checks the tags shown). */
export async function addTag(bar: Locator, tag: string): Promise<void> {
  const field = await tagField(bar);
  await field.fill(tag);
  await field.press('Enter');
}

/** Write `note` in a toolbar's note and save it (the caller checks the preview). */
export async function addNote(bar: Locator, note: string): Promise<void> {
  await bar.getByRole('button', { name: 'Add note' }).click();
  await bar.getByRole('textbox', { name: 'Note' }).fill(note);
  await bar.getByRole('button', { name: 'Save note' }).click();
}

export const test = base.extend<{ context: BrowserContext; extId: string }>({
  context: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-e2e-'));
    const context = await launch(dir);
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  extId: async ({ context }, use) => {
    await use(await extensionId(context));
  },
});

export const expect = test.expect;
