/**
 * Playwright fixtures: a persistent Chromium profile with the built extension loaded, and
 * the project's own Hugging Face fixtures served under the real https://huggingface.co URLs.
 */
import { test as base, chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const EXT_DIR = path.join(ROOT, '.output', 'chrome-mv3');
export const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');

/** Which fixture answers which Hugging Face URL. */
export const HF_PAGES: Record<string, string> = {
  '/papers/date/2026-03-02': 'daily',
  '/papers/week/2026-W10': 'weekly',
  '/papers/month/2026-03': 'monthly',
  '/papers/trending': 'trending',
  '/papers': 'search',
};

export function fixtureHtml(site: string, name: string): string {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', site, `${name}.html`), 'utf8');
}

export async function launch(profileDir: string, extDir = EXT_DIR): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: false,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
    ],
  });
  // No network: fixtures for huggingface.co, nothing else leaves the machine.
  await context.route(/^https?:\/\//, (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'huggingface.co') {
      const name = HF_PAGES[url.pathname];
      if (name) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixtureHtml('huggingface', name) });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
  });
  return context;
}

export async function extensionId(context: BrowserContext): Promise<string> {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(sw.url()).host;
}

/** Toolbar host elements on a page. */
export function toolbars(page: Page) {
  return page.locator('papershelf-toolbar');
}

export function toolbarFor(page: Page, id: string) {
  return page.locator(`papershelf-toolbar[data-papershelf-id="${id}"]`);
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
