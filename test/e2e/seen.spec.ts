/**
 * Feeds that remember, in real Chromium: a Hugging Face feed read (scrolled through) is recorded
 * as seen; an arXiv listing sharing one paper with it then marks that card seen and the others New
 * (N jumps between those); a paper marked read steps back on an open feed (dimmed, or hidden behind
 * a "· show" line).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expected, SHOTS, test, toolbarFor, toolbars, urlOf } from './extension';

const daily = expected('huggingface', 'daily').papers;
const cross = expected('arxiv', 'list-cross').papers;
/** the one paper both pages show */
const SHARED = 'arxiv:2602.21847';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Every seen record, read straight from IndexedDB on the extension origin (by id). */
function seenRecords(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('papershelf');
        open.onsuccess = () => {
          const req = open.result.transaction('seen').objectStore('seen').getAll();
          req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
          req.onerror = () => reject(req.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
}

/** Scroll a page from top to bottom, staying on each screenful longer than a card must be seen. */
async function readThrough(page: Page): Promise<void> {
  for (;;) {
    await page.waitForTimeout(1300);
    const done = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
    if (done) return;
    await page.mouse.wheel(0, 500);
  }
}

const marks = (page: Page) =>
  toolbars(page).evaluateAll((hs) => hs.map((h) => [h.getAttribute('data-papershelf-id'), h.getAttribute('data-papershelf-new'), h.getAttribute('data-papershelf-seen')]));

test('a feed read on Hugging Face: on an arXiv listing its paper says seen, the others New; N jumps to them', async ({ context, extId }) => {
  const hf = await context.newPage();
  await hf.goto(urlOf('huggingface', 'daily'));
  await expect(toolbars(hf)).toHaveCount(daily.length);
  await readThrough(hf);
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extId}/popup.html`);
  await expect.poll(async () => (await seenRecords(ext)).length).toBe(daily.length);
  // The first feed ever read: no history before it, so nothing on it is marked.
  expect(await marks(hf)).toEqual(daily.map((p) => [p.id, null, null]));
  const records = await seenRecords(ext);
  const shared = records.find((r) => r.id === SHARED)!;
  const want = daily.find((p) => p.id === SHARED)!;
  expect(shared).toEqual({
    id: SHARED,
    title: want.title,
    authors: want.authors,
    link: 'https://huggingface.co/papers/2602.21847',
    url: urlOf('huggingface', 'daily'),
    site: 'huggingface',
    firstSeen: shared.lastSeen,
    lastSeen: expect.any(Number),
  });
  // Nothing was saved by being seen.
  const saved = await ext.evaluate(
    () => new Promise<number>((resolve) => (indexedDB.open('papershelf').onsuccess = (e) => ((e.target as IDBOpenDBRequest).result.transaction('papers').objectStore('papers').count().onsuccess = (c) => resolve((c.target as IDBRequest<number>).result)))),
  );
  expect(saved).toBe(0);

  // The popup's Seen view finds a paper of that page that was never saved, by a word of its title.
  const lost = daily.find((p) => p.id !== SHARED)!;
  await ext.reload();
  await ext.getByRole('button', { name: 'Seen', exact: true }).click();
  await ext.getByRole('searchbox', { name: 'Search seen papers' }).fill(lost.title.split(' ').slice(0, 2).join(' '));
  const found = ext.getByRole('list', { name: 'Seen papers' }).locator(':scope > li');
  await expect(found.locator('.paper-title')).toHaveText([lost.title]);

  const ax = await context.newPage();
  await ax.goto(urlOf('arxiv', 'list-cross'));
  await expect(toolbars(ax)).toHaveCount(cross.length);
  await expect(toolbarFor(ax, SHARED)).toHaveAttribute('data-papershelf-seen', 'true');
  for (const p of cross.filter((p) => p.id !== SHARED)) {
    await expect(toolbarFor(ax, p.id)).toHaveAttribute('data-papershelf-new', 'true');
    await expect(toolbarFor(ax, p.id).getByText('New', { exact: true })).toBeVisible();
  }
  expect(await marks(ax)).toEqual(cross.map((p) => (p.id === SHARED ? [p.id, null, 'true'] : [p.id, 'true', null])));
  await expect(toolbarFor(ax, SHARED).getByText('New', { exact: true })).toHaveCount(0);
  await ax.screenshot({ path: path.join(SHOTS, 'seen-arxiv-new.png') });

  // N: from the top to each New card in turn; none after the last.
  const active = () => ax.locator('papershelf-toolbar[data-papershelf-active="true"]').getAttribute('data-papershelf-id');
  const news = cross.filter((p) => p.id !== SHARED).map((p) => p.id);
  await ax.keyboard.press('Shift+N');
  expect(await active()).toBe(news[0]);
  await ax.keyboard.press('Shift+N');
  expect(await active()).toBe(news[1]);
  await ax.keyboard.press('Shift+N');
  expect(await active()).toBe(news[1]);

  // Reading the arXiv page does not turn its New cards into seen ones while it is open.
  await readThrough(ax);
  await expect.poll(async () => (await seenRecords(ext)).length).toBe(daily.length + news.length);
  expect(await marks(ax)).toEqual(cross.map((p) => (p.id === SHARED ? [p.id, null, 'true'] : [p.id, 'true', null])));
  // Loaded again, every card there was seen.
  await ax.reload();
  await expect(toolbars(ax)).toHaveCount(cross.length);
  await expect(toolbarFor(ax, news[0]!)).toHaveAttribute('data-papershelf-seen', 'true');
  expect(await marks(ax)).toEqual(cross.map((p) => [p.id, null, 'true']));
});

/** The Hugging Face card of a paper (the article holding its toolbar). */
const cardOf = (page: Page, id: string) => page.locator('article').filter({ has: toolbarFor(page, id) });

test('a paper marked read elsewhere dims its card on an open feed; hidden, it leaves a line whose show brings it back', async ({ context, extId }) => {
  const feed = await context.newPage();
  await feed.goto(urlOf('huggingface', 'daily'));
  await expect(toolbars(feed)).toHaveCount(daily.length);
  const [first, second, third] = daily.map((p) => p.id);

  // Read on arXiv (keyboard: the first card, r twice: reading, then read).
  const ax = await context.newPage();
  await ax.goto(urlOf('arxiv', 'list-cross'));
  await expect(toolbars(ax)).toHaveCount(cross.length);
  await ax.keyboard.press('j');
  await ax.keyboard.press('r');
  await expect(toolbarFor(ax, SHARED)).toHaveAttribute('data-papershelf-state', 'saved');
  await ax.keyboard.press('r');
  // Its own card steps back at once, and so does the open feed's.
  await expect(ax.locator(`dt:has(+ dd papershelf-toolbar[data-papershelf-id="${SHARED}"])`)).toHaveAttribute('data-papershelf-read', 'dim');
  expect(first).toBe(SHARED);
  await expect(cardOf(feed, SHARED)).toHaveAttribute('data-papershelf-read', 'dim');
  await expect(cardOf(feed, SHARED)).toHaveCSS('opacity', '0.45');
  await expect(cardOf(feed, second!)).not.toHaveAttribute('data-papershelf-read', /./);
  await expect(cardOf(feed, second!)).toHaveCSS('opacity', '1');
  await feed.mouse.move(0, 0);
  await feed.screenshot({ path: path.join(SHOTS, 'seen-read-dimmed.png') });

  // Hide read cards (the options page's setting): two consecutive read cards, one line.
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extId}/popup.html`);
  const setReadCards = (mode: string) =>
    ext.evaluate(async (m) => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
      const cur = (await storage.get('settings')).settings ?? {};
      await storage.set({ settings: { ...cur, readCards: m } });
    }, mode);
  await setReadCards('hide');
  await expect(cardOf(feed, SHARED)).toBeHidden();
  const line = feed.locator('papershelf-hidden');
  await expect(line).toHaveCount(1);
  await expect(line).toHaveText('1 read paper hidden · show');
  // The second card read too, in this tab: still one line, for both.
  const bar = toolbarFor(feed, second!);
  await bar.getByRole('button', { name: 'Save' }).click();
  await expect(bar).toHaveAttribute('data-papershelf-state', 'saved');
  await bar.getByRole('combobox', { name: 'Reading status' }).selectOption('read');
  await expect(cardOf(feed, second!)).toBeHidden();
  await expect(line).toHaveCount(1);
  await expect(line).toHaveText('2 read papers hidden · show');
  await expect(cardOf(feed, third!)).toBeVisible();
  await feed.screenshot({ path: path.join(SHOTS, 'seen-read-hidden.png') });
  await line.getByRole('button', { name: 'Show 2 hidden read papers' }).click();
  await expect(cardOf(feed, SHARED)).toBeVisible();
  await expect(cardOf(feed, second!)).toBeVisible();
  await expect(cardOf(feed, second!)).toHaveAttribute('data-papershelf-read', 'dim');
  await expect(line).toHaveCount(0);
  // Left as is: no card steps back.
  await setReadCards('show');
  await expect(feed.locator('[data-papershelf-read]')).toHaveCount(0);
  // Back to unread: dimmed no more, whatever the setting.
  await setReadCards('dim');
  await expect(cardOf(feed, second!)).toHaveAttribute('data-papershelf-read', 'dim');
  await bar.getByRole('combobox', { name: 'Reading status' }).selectOption('unread');
  await expect(cardOf(feed, second!)).not.toHaveAttribute('data-papershelf-read', /./);
});
