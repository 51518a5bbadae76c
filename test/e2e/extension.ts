/**
 * Playwright fixtures: a persistent Chromium profile with the built extension loaded, and
 * the project's own Hugging Face fixtures served under the real https://huggingface.co URLs.
 */
import { test as base, chromium, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtureUrl } from '../fixture-url';
import { CHROMIUM, chromiumArgs, serviceWorker, VIEWPORT } from '../chromium';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const EXT_DIR = path.join(ROOT, '.output', 'chrome-mv3');
export const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');

const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** Every fixture page by the URL recorded in its `<meta name="papershelf-fixture-url">`. */
export const PAGES: ReadonlyMap<string, { site: string; name: string; html: string }> = (() => {
  const map = new Map<string, { site: string; name: string; html: string }>();
  for (const site of readdirSync(FIXTURES)) {
    for (const file of readdirSync(path.join(FIXTURES, site)).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(FIXTURES, site, file), 'utf8');
      const url = fixtureUrl(html);
      if (url) map.set(new URL(url).href, { site, name: file.replace(/\.html$/, ''), html });
    }
  }
  return map;
})();

/** The URL a fixture is served under. */
export function urlOf(site: string, name: string): string {
  for (const [url, p] of PAGES) if (p.site === site && p.name === name) return url;
  throw new Error(`no fixture ${site}/${name}`);
}

const SITE_LOOK = `<style>${readFileSync(path.join(import.meta.dirname, 'site-look.css'), 'utf8')}</style>`;

/** A fixture as served: with a stylesheet imitating the site (and dark mode when asked). */
function served(site: string, html: string, dark: boolean): string {
  const withLook = site === 'huggingface' ? html.replace('</head>', `${SITE_LOOK}</head>`) : html;
  return dark ? withLook.replace('<html', '<html class="dark"') : withLook;
}

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
