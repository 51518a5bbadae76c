/**
 * Any paper page, in real Chromium: a publisher-like page (citation_* tags, made up here) served
 * at its https URL. The popup offers "Save this page", saving puts the paper in the list; "Show
 * PaperShelf on <host>" turns the site on, after which a reload shows the toolbar on the page
 * (and survives a browser restart); the options page turns it off and the toolbar is gone.
 *
 * What the test grants, and why: the popup reads the page under `activeTab`, which only a click
 * on the toolbar button gives, and headless Chromium has no toolbar. So the test gives the
 * extension the one origin the way a user can by hand: chrome://extensions' site access
 * (chrome.developerPrivate.addHostPermission, called from the chrome://extensions page), then
 * (globalThis as unknown as { chrome: Chrome }).chrome.permissions.request for that origin from an extension page (answered at once, without
 * a prompt, for an origin granted there). Nothing else: the popup's "Show PaperShelf on" button
 * then makes the real request (it answers at once too) and registers the content script itself.
 * The popup is opened as a tab, popup.html?tab=<id>, naming the page's tab (a popup of its own
 * would read the active tab of its window).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { serviceWorker } from '../chromium';
import { expect, extensionId, launch, serve, SHOTS, test, toolbarFor, toolbars } from './extension';

/** The extension API as pages and the service worker see it (in functions run there). */
type Chrome = typeof browser;

const ORIGIN = 'https://journals.example.org';
const PAPER_URL = `${ORIGIN}/article/tide-17`;
const ABOUT_URL = `${ORIGIN}/about`;
const TITLE = 'Salt-marsh snails climb with the tide, not the sun';
const ID = 'doi:10.5555/ate.2026.0017';

/** A journal's article page: Highwire Press citation_* tags, as publishers embed them for Google Scholar. */
const PAPER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${TITLE} | Annals of Tidal Ecology</title>
<meta name="citation_title" content="${TITLE}">
<meta name="citation_author" content="Quist, Mara">
<meta name="citation_author" content="Brandt, Ilse">
<meta name="citation_author" content="Ferreira, Tomás">
<meta name="citation_journal_title" content="Annals of Tidal Ecology">
<meta name="citation_publication_date" content="2026/03/05">
<meta name="citation_doi" content="10.5555/ate.2026.0017">
<meta name="citation_pdf_url" content="${ORIGIN}/article/tide-17.pdf">
<meta name="citation_abstract" content="Snails on the salt marsh climb grass stems before the flood tide arrives. Over two seasons we tracked 400 marked snails and found that climbing follows the lunar tide rather than daylight.">
</head><body>
<header><a href="/">Annals of Tidal Ecology</a></header>
<main><article><h1>${TITLE}</h1><p class="authors">Mara Quist, Ilse Brandt, Tomás Ferreira</p>
<section><h2>Abstract</h2><p>Snails on the salt marsh climb grass stems before the flood tide arrives.</p></section></article></main>
</body></html>`;

const ABOUT_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>About the journal</title></head><body><h1>About the journal</h1></body></html>`;

/** The journal's two pages (anything else there gets extension.ts's 404). */
async function serveJournal(context: BrowserContext): Promise<void> {
  await serve(context, PAPER_URL, PAPER_HTML);
  await serve(context, ABOUT_URL, ABOUT_HTML);
}

/** The grant described above: chrome://extensions' site access, then permissions.request from an extension page. */
async function grantOrigin(context: BrowserContext, extId: string): Promise<void> {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    ([id, pattern]) => (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }).chrome.developerPrivate.addHostPermission(id!, pattern!),
    [extId, `${ORIGIN}/*`],
  );
  await settings.close();
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extId}/options.html`);
  const granted = await ext.evaluate((pattern) => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.request({ origins: [pattern] }), `${ORIGIN}/*`);
  expect(granted).toBe(true);
  await ext.close();
}

/** The id of the tab showing `url` (visible to the extension once its origin is granted). */
async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const sw = await serviceWorker(context);
  const id = await sw.evaluate(async (u) => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ url: u }))[0]?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** The popup as a page of its own, reading the tab `tabId`. */
async function openPopup(context: BrowserContext, extId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extId}/popup.html?tab=${tabId}`);
  return popup;
}

const registered = (context: BrowserContext) =>
  serviceWorker(context).then((sw) => sw.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches, js: s.js, css: s.css }))));

test('Save this page on a publisher page, then turn the site on (toolbar after a reload), then off in the options', async ({ context, extId }) => {
  await serveJournal(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(PAPER_URL);
  // Nothing runs on the page before the user opens the popup there.
  await expect(page.locator('h1')).toHaveText(TITLE);
  expect(await toolbars(page).count()).toBe(0);

  await grantOrigin(context, extId);
  const tabId = await tabIdOf(context, PAPER_URL);
  const popup = await openPopup(context, extId, tabId);
  const section = popup.locator('section.this-page');
  await expect(section.locator('.this-page-title')).toHaveText(TITLE);
  await expect(section.locator('.this-page-authors')).toHaveText('Mara Quist, Ilse Brandt, Tomás Ferreira');
  await expect(section.locator('.this-page-when')).toHaveText('Annals of Tidal Ecology · Mar 5, 2026');

  // Save this page: the paper is on the shelf and in the list below.
  await section.getByRole('button', { name: '☆ Save this page' }).click();
  await expect(section.getByRole('button', { name: '★ Saved' })).toHaveAttribute('aria-pressed', 'true');
  const row = popup.locator('ul[aria-label="Saved papers"] > li');
  await expect(row).toHaveCount(1);
  await expect(row.locator('.paper-title')).toHaveText(TITLE);
  const tag = section.getByLabel('Add tag');
  await tag.fill('tides');
  await tag.press('Enter');
  await expect(section.locator('.chip span')).toHaveText(['tides']);
  await expect(row.locator('.chip')).toHaveText(['tides']);
  await popup.screenshot({ path: path.join(SHOTS, 'any-page-popup.png') });

  // Turn the site on: the real request (answered at once: granted above) and the registration.
  await section.getByRole('button', { name: 'Show PaperShelf on journals.example.org' }).click();
  await expect(section.locator('.this-page-site')).toHaveText('PaperShelf is on for journals.example.org: reload the page to see its toolbar.');
  expect(await registered(context)).toEqual([
    { id: `papershelf-site:${ORIGIN}`, matches: [`${ORIGIN}/*`], js: ['content-scripts/embedded.js'], css: ['content-scripts/embedded.css'] },
  ]);

  // A reload shows the toolbar after the title, saved, with its tag.
  await page.reload();
  const bar = toolbarFor(page, ID);
  await expect(bar).toHaveCount(1);
  await expect(toolbars(page)).toHaveCount(1);
  await expect(bar).toHaveAttribute('data-papershelf-state', 'saved');
  expect(await page.evaluate(() => document.querySelector('papershelf-toolbar')?.previousElementSibling?.tagName)).toBe('H1');
  await expect(bar.locator('.tag > span')).toHaveText(['tides']);
  // An edit in the popup reaches the page (the background tells the tabs of the sites turned on).
  await tag.fill('snails');
  await tag.press('Enter');
  await expect(bar.locator('.tag > span')).toHaveText(['tides', 'snails']);
  await page.screenshot({ path: path.join(SHOTS, 'any-page-toolbar.png') });

  // A page of the site with no paper metadata: the popup says so; no toolbar there.
  const about = await context.newPage();
  await about.goto(ABOUT_URL);
  const aboutPopup = await openPopup(context, extId, await tabIdOf(context, ABOUT_URL));
  await expect(aboutPopup.locator('.this-page-message')).toHaveText(/^No paper metadata on this page: journals\.example\.org/);
  expect(await toolbars(about).count()).toBe(0);
  // A browser page: a plain message, nothing injected.
  const settingsTab = await context.newPage();
  await settingsTab.goto('chrome://version');
  const sw = await serviceWorker(context);
  const chromeTab = await sw.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).find((t) => t.url === undefined || t.url.startsWith('chrome://'))?.id);
  const chromePopup = await openPopup(context, extId, chromeTab!);
  await expect(chromePopup.locator('.this-page-message')).toHaveText(/^(PaperShelf reads web pages|The browser does not let PaperShelf read this page)/);

  // popup.html opened as a page of its own (the active tab is the popup itself): no "This page".
  const selfPopup = await context.newPage();
  await selfPopup.goto(`chrome-extension://${extId}/popup.html`);
  await expect(selfPopup.locator('.shelf-header')).toBeVisible();
  await selfPopup.waitForTimeout(300);
  expect(await selfPopup.locator('section.this-page').count()).toBe(0);

  // The options list the site; Turn off unregisters the script and gives the origin back.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId}/options.html`);
  const list = options.getByRole('list', { name: 'Sites turned on' });
  await expect(list.locator('li')).toHaveCount(1);
  await expect(list.locator('.sites-on-name')).toHaveText('journals.example.org');
  await options.getByRole('button', { name: 'Turn off journals.example.org' }).click();
  await expect(options.getByText('No other site is turned on.')).toBeVisible();
  expect(await registered(context)).toEqual([]);
  expect(await sw.evaluate((p) => (globalThis as unknown as { chrome: Chrome }).chrome.permissions.contains({ origins: [p] }), `${ORIGIN}/*`)).toBe(false);
  await page.reload();
  await expect(page.locator('h1')).toHaveText(TITLE);
  await page.waitForTimeout(500);
  expect(await toolbars(page).count()).toBe(0);
});

test('a site turned on keeps its toolbar after the browser restarts (registered again at startup)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-any-page-'));
  try {
    let context = await launch(dir);
    const extId = await extensionId(context);
    await serveJournal(context);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(PAPER_URL);
    await grantOrigin(context, extId);
    const popup = await openPopup(context, extId, await tabIdOf(context, PAPER_URL));
    await popup.getByRole('button', { name: 'Show PaperShelf on journals.example.org' }).click();
    await expect(popup.locator('.this-page-site')).toHaveText(/^PaperShelf is on for journals\.example\.org/);
    await context.close();

    context = await launch(dir);
    await serveJournal(context);
    // Chromium forgets registered scripts when an extension loaded with --load-extension starts
    // again (as on an update, even with persistAcrossSessions): the background registers the
    // sites of its list again at startup (lib/site-access.ts reconcile). Wait for that.
    await expect.poll(async () => (await registered(context)).map((r) => r.id), { timeout: 10_000 }).toEqual([`papershelf-site:${ORIGIN}`]);
    const again = context.pages()[0] ?? (await context.newPage());
    await again.goto(PAPER_URL);
    await expect(toolbarFor(again, ID)).toHaveCount(1);
    await expect(toolbarFor(again, ID)).toHaveAttribute('data-papershelf-state', 'unsaved');
    await context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
