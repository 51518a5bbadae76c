/**
 * Real Firefox for the end-to-end journeys: puppeteer-core over WebDriver BiDi (Playwright cannot
 * drive a stock Firefox), the Firefox build (.output/firefox-mv2) installed as a temporary add-on
 * under a fixed moz-extension uuid, and the project's fixtures (../fixtures.ts, as the Chromium
 * suite serves them) under the real https URLs by request interception (per page: every page of a journey is opened with feedPage()). Nothing
 * leaves the machine: any other http(s) request gets a 404.
 *
 * Firefox pitfalls handled here (see ../shared/TOOLCHAIN.md): moz-extension pages open only with
 * `--remote-allow-system-access`, and only through the BiDi browsing context's navigate (page.goto
 * never resolves there); on ESR 140 an extension page's CSP refuses puppeteer's waitForFunction
 * (it builds the predicate with Function()), so waiting polls page.evaluate instead (until()).
 */
import { AssertionError, deepStrictEqual } from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { PAGES, ROOT, served } from '../fixtures';

export { expected, urlOf } from '../fixtures';
export const EXT_DIR = path.join(ROOT, '.output', 'firefox-mv2');
/** The moz-extension:// host of the installed add-on (Firefox picks a random one otherwise). */
export const UUID = '5b0c2f47-8a1e-4d36-9c7b-3e2f1a6d8b90';

export interface Firefox {
  name: string;
  exe: string;
  /** the major version this must be (a check that the suite runs the Firefox it names) */
  major: (major: number) => boolean;
}

/** Where run.mjs installs the two Firefox ESRs (env variables override). */
export const FIREFOX_ESR = process.env.FIREFOX_ESR_PATH || '/usr/bin/firefox-esr';
export const FIREFOX_ESR_140 = process.env.FIREFOX_ESR140_PATH || '/opt/firefox-esr-140/usr/lib/firefox-esr/firefox-esr';

export const FIREFOXES: readonly Firefox[] = [
  // Debian's current ESR (apt-get install firefox-esr): 153 when this was written, newer later.
  { name: 'Firefox ESR (153+)', exe: FIREFOX_ESR, major: (m) => m >= 153 },
  // The oldest Firefox the manifest accepts (strict_min_version 140.0).
  { name: 'Firefox ESR 140', exe: FIREFOX_ESR_140, major: (m) => m === 140 },
];

export interface Session {
  browser: Browser;
  version: string;
  major: number;
}

/** Start headless Firefox and install the built extension as a temporary add-on. */
export async function launchFirefox(fx: Firefox): Promise<Session> {
  if (!existsSync(fx.exe)) throw new Error(`${fx.name} not found at ${fx.exe} (npm run test:e2e installs it when run as root)`);
  const manifest = JSON.parse(readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: fx.exe,
    headless: true,
    // The window's size is the viewport's: page.setViewport needs BiDi commands ESR 140 lacks.
    defaultViewport: null,
    args: ['--remote-allow-system-access', '--width=1280', '--height=800'],
    // No prompt for optional permissions (Firefox's switch for tests): a site turned on from a
    // click is granted as if the user allowed it (any-page.ff.ts).
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: UUID }), 'extensions.webextOptionalPermissionPrompts': false },
  });
  try {
    const version = await browser.version();
    const major = Number(/firefox\/(\d+)/i.exec(version)?.[1]);
    if (!fx.major(major)) throw new Error(`${fx.name}: ${fx.exe} is ${version}`);
    const installed = await browser.installExtension(EXT_DIR);
    if (installed !== geckoId) throw new Error(`installed ${installed}, expected ${geckoId}`);
    return { browser, version, major };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

function serve(req: HTTPRequest, csp: string | undefined): void {
  const url = req.url();
  const headers = csp ? { 'content-security-policy': csp } : undefined;
  // data: and blob: URLs (the site's inline fonts) are not network requests: let them through.
  const page = PAGES.get(url);
  const done = /^https?:/.test(url)
    ? req.respond(page ? { status: 200, headers, contentType: 'text/html; charset=utf-8', body: served(page.site, page.html) } : { status: 404, contentType: 'text/plain', body: 'not served in tests' })
    : req.continue();
  // A request the page dropped meanwhile cannot be answered: that is no failure of the test.
  done.catch(() => undefined);
}

/** A new tab showing a fixture under its real URL (with this Content-Security-Policy header), the content script running on it. */
export async function feedPage(browser: Browser, url: string, csp?: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => serve(req, csp));
  await page.goto(url);
  return page;
}

/** A new tab showing one of the extension's pages (popup.html, options.html). */
export async function extensionPage(browser: Browser, file: string): Promise<Page> {
  const page = await browser.newPage();
  // Not part of puppeteer's public types: the BiDi frame's browsing context.
  const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> } };
  await frame.browsingContext.navigate(`moz-extension://${UUID}/${file}`, 'complete');
  return page;
}

/** Assert that `actual` deep-equals `expected`; the failure shows both whole values as JSON. */
export function same<T>(actual: unknown, expected: T, what: string): void {
  try {
    deepStrictEqual(actual, expected);
  } catch {
    throw new AssertionError({ message: `${what}:\n        got      ${JSON.stringify(actual)}\n        expected ${JSON.stringify(expected)}` });
  }
}

/**
 * Wait until `fn` (run in the page) returns exactly `expected` (deep equality), polling; on
 * timeout the assertion error shows the last value seen.
 */
export async function until<A, T>(page: Page, fn: (arg: A) => T, arg: A, expected: T, what: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    const last: unknown = await page.evaluate(fn as (arg: unknown) => unknown, arg as unknown);
    if (isDeepStrictEqual(last, expected)) return;
    if (Date.now() > end) same(last, expected, `${what} (after ${timeout / 1000} s)`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An element inside the toolbar of one paper (its shadow root), or a failure naming what is missing. */
export async function inToolbar(page: Page, id: string, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(
    (i, s) => document.querySelector(`papershelf-toolbar[data-papershelf-id="${i}"]`)?.shadowRoot?.querySelector(s) ?? null,
    id,
    selector,
  );
  const el = handle.asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error(`no ${selector} in the toolbar of ${id}`);
  return el;
}

/** An element of a page (the popup, the options page), or a failure naming what is missing. */
export async function element(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((s) => document.querySelector(s), selector);
  const el = handle.asElement() as ElementHandle<Element> | null;
  if (!el) throw new Error(`no ${selector} on ${page.url()}`);
  return el;
}

/** Every toolbar of the page: [paper id, state]. */
export function toolbarStates(): Array<[string | null, string | null]> {
  return [...document.querySelectorAll('papershelf-toolbar')].map((h) => [h.getAttribute('data-papershelf-id'), h.getAttribute('data-papershelf-state')]);
}

/** What one toolbar shows: its state, its buttons' texts ("[label]" for the tag field), tags, note preview and status. */
export function toolbarShows(id: string): { state: string | null; buttons: string[]; tags: string[]; note: string | null; status: string | null } | null {
  const host = document.querySelector(`papershelf-toolbar[data-papershelf-id="${id}"]`);
  const root = host?.shadowRoot;
  if (!host || !root) return null;
  const status = root.querySelector<HTMLSelectElement>('select.status');
  return {
    state: host.getAttribute('data-papershelf-state'),
    // the buttons shown (a saved paper's Zotero button stays, hidden, once it is removed)
    buttons: [...root.querySelectorAll<HTMLElement>('.bar > button, .bar > input')].filter((b) => !b.hidden).map((b) => (b.localName === 'input' ? `[${b.getAttribute('aria-label')}]` : (b.textContent ?? ''))),
    tags: [...root.querySelectorAll('.tag > span')].map((t) => t.textContent ?? ''),
    note: root.querySelector('.notepreview')?.textContent ?? null,
    status: status && !status.hidden ? status.value : null,
  };
}
