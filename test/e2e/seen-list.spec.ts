/**
 * The Seen view and the seen history's options, in real Chromium with the built extension: seen
 * records written straight into the extension's IndexedDB (as the feed's recorder leaves them),
 * the popup's Seen view lists them newest first, a search finds a paper that was seen but never
 * saved, Save makes it a saved paper (in the Saved list, the seen record unchanged); the options
 * page turns recording off and clears the history, saved papers untouched.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { serviceWorker } from '../chromium';
import { expect, SHOTS, storedRecords, test } from './extension';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const NOW = Date.now();
const HOUR = 3_600_000;
/**
 * `hours` ago, or less where that would be before midnight (UTC, the days the Seen view names):
 * the two newest rows must say "today" whenever the suite runs (a run at 00:27 once found two
 * hours ago to be "yesterday"). Keeps their order: the fraction of today is taken in proportion.
 */
const SINCE_MIDNIGHT = NOW % (24 * HOUR);
const earlierToday = (hours: number) => NOW - Math.min(hours * HOUR, (SINCE_MIDNIGHT * hours) / 3);
const SEEN = [
  {
    id: 'arxiv:2501.01234',
    title: 'Sparse Lattice Routing for Mixture-of-Experts',
    authors: ['Ada Park', 'Ben Okafor', 'Chen Wu', 'Dana Levi'],
    link: 'https://huggingface.co/papers/2501.01234',
    url: 'https://huggingface.co/papers?date=2025-01-08',
    site: 'huggingface',
    firstSeen: NOW - 30 * HOUR,
    lastSeen: earlierToday(2),
  },
  {
    id: 'arxiv:2412.04321',
    title: 'Quantized Diffusion Policies for Robot Control',
    authors: ['Eve Santos', 'Femi Adeyemi'],
    url: 'https://arxiv.org/list/cs.RO/new',
    site: 'arxiv',
    firstSeen: earlierToday(1),
    lastSeen: earlierToday(1),
  },
  {
    id: 'arxiv:2411.00007',
    title: 'A Survey of Graph Neural Operators',
    authors: ['Gil Moreau'],
    link: 'https://arxiv.org/abs/2411.00007',
    url: 'https://arxiv.org/list/cs.LG/recent',
    site: 'arxiv',
    firstSeen: NOW - 50 * HOUR,
    lastSeen: NOW - 49 * HOUR,
  },
];

/** Put seen records into the extension's database, as the recorder stores them (the page made the database). */
async function seedSeen(page: Page, records: readonly object[]): Promise<void> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'papershelf' && (d.version ?? 0) > 0));
  await page.evaluate(
    (recs) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('papershelf');
        open.onsuccess = () => {
          const tx = open.result.transaction('seen', 'readwrite');
          for (const r of recs) tx.objectStore('seen').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    records,
  );
}

test('the popup’s Seen view finds a paper seen but never saved, and Save puts it on the shelf', async ({ context, extId }) => {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 600 });
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  await seedSeen(popup, SEEN);
  await popup.reload();

  const seenButton = popup.getByRole('button', { name: 'Seen', exact: true });
  await expect(seenButton).toHaveAttribute('aria-pressed', 'false');
  await seenButton.click();
  await expect(seenButton).toHaveAttribute('aria-pressed', 'true');
  const search = popup.getByRole('searchbox', { name: 'Search seen papers' });
  await expect(search).toBeFocused();
  const list = popup.getByRole('list', { name: 'Seen papers' });
  const rows = list.locator(':scope > li');
  // Newest first (lastSeen).
  await expect(rows.locator('.paper-title')).toHaveText([SEEN[1]!.title, SEEN[0]!.title, SEEN[2]!.title]);
  await expect(popup.locator('.shelf-count')).toHaveText('3 seen');
  await expect(rows.nth(1).locator('.seen-where')).toHaveText('Seen on Hugging Face Papers · today');
  await expect(rows.nth(1).getByRole('link', { name: 'Hugging Face Papers' })).toHaveAttribute('href', SEEN[0]!.url);

  // Instant search, the list's syntax.
  await search.fill('lattice rout');
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('.paper-title')).toHaveText(SEEN[0]!.title);
  await search.fill('site:arxiv');
  await expect(rows.locator('.paper-title')).toHaveText([SEEN[1]!.title, SEEN[2]!.title]);
  await search.fill('okafor');
  await expect(rows.locator('.paper-title')).toHaveText([SEEN[0]!.title]);
  await popup.screenshot({ path: path.join(SHOTS, 'popup-seen.png') });
  const axe = await new AxeBuilder({ page: popup }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Save: a normal saved paper; the row says so; the seen record stays as it was.
  const before = await storedRecords(popup, 'seen');
  await rows.getByRole('button', { name: `Save ${SEEN[0]!.title}` }).click();
  await expect(rows.getByRole('button', { name: `${SEEN[0]!.title} is saved` })).toHaveText('Saved');
  await expect(popup.locator('main .undo-region')).toHaveText(`Saved “${SEEN[0]!.title}”.`);
  const papers = await storedRecords(popup, 'papers');
  expect(papers).toHaveLength(1);
  const saved = papers[0]!;
  expect(saved).toEqual({
    id: SEEN[0]!.id,
    title: SEEN[0]!.title,
    authors: SEEN[0]!.authors,
    links: { page: SEEN[0]!.link },
    signals: {},
    signalsSeenAt: saved.savedAt,
    sources: [{ site: 'huggingface', url: SEEN[0]!.link, firstSeenAt: saved.savedAt, lastSeenAt: saved.savedAt }],
    tags: [],
    note: '',
    status: 'unread',
    savedAt: saved.savedAt,
    updatedAt: saved.savedAt,
    sites: ['huggingface'],
    times: { saved: saved.savedAt, note: 0, status: 0, tags: {} },
  });
  expect(typeof saved.savedAt).toBe('number');
  expect(await storedRecords(popup, 'seen')).toEqual(before);
  await search.fill('');
  await expect(rows).toHaveCount(3);
  await popup.screenshot({ path: path.join(SHOTS, 'popup-seen-saved.png') });

  // The Saved list has it; the switch keeps each list's search.
  await popup.getByRole('button', { name: 'Saved', exact: true }).click();
  const savedRows = popup.getByRole('list', { name: 'Saved papers' }).locator(':scope > li');
  await expect(savedRows.locator('.paper-title')).toHaveText([SEEN[0]!.title]);
  await popup.getByRole('button', { name: 'Seen', exact: true }).click();
  await expect(search).toHaveValue('');

  // The side panel has the same two lists.
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(`chrome-extension://${extId}/sidepanel.html`);
  await panel.getByRole('button', { name: 'Seen', exact: true }).click();
  const panelRows = panel.getByRole('list', { name: 'Seen papers' }).locator(':scope > li');
  await expect(panelRows.locator('.paper-title')).toHaveText([SEEN[1]!.title, SEEN[0]!.title, SEEN[2]!.title]);
  await expect(panelRows.nth(1).getByRole('button', { name: `${SEEN[0]!.title} is saved` })).toBeVisible();
  await panel.screenshot({ path: path.join(SHOTS, 'sidepanel-seen.png') });
});

test('options: turn the seen history off, clear it (asks first, says what it did); saved papers stay', async ({ context, extId }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId}/options.html`);
  await seedSeen(options, SEEN);
  await options.reload();
  const section = options.getByRole('region', { name: 'Seen history' });
  await expect(section).toBeVisible();

  const record = section.getByRole('checkbox', { name: 'Record the papers I scroll past' });
  await expect(record).toBeChecked();
  await record.uncheck();
  const sw = await serviceWorker(context);
  const settings = () =>
    sw.evaluate(async () => ((await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('settings')).settings ?? null) as Record<string, unknown> | null);
  await expect.poll(async () => (await settings())?.seenHistory).toBe(false);

  const days = section.getByRole('spinbutton', { name: 'Keep seen papers for' });
  await expect(days).toHaveValue('90');
  await days.fill('30');
  await days.press('Enter');
  await expect.poll(async () => (await settings())?.seenRetentionDays).toBe(30);
  await section.getByRole('radio', { name: 'Hide them (a line on the card shows it again)' }).check();
  await expect.poll(async () => (await settings())?.readCards).toBe('hide');

  await section.getByRole('button', { name: 'Clear seen history (3 seen papers)…' }).click();
  await expect(section).toContainText('Delete all 3 seen papers from the history? Saved papers, their tags and notes are not touched.');
  await options.screenshot({ path: path.join(SHOTS, 'options-seen.png'), fullPage: true });
  await section.getByRole('button', { name: 'Clear history' }).click();
  await expect(section.getByRole('status')).toHaveText('Cleared the seen history: 3 seen papers deleted. Saved papers were not touched.');
  expect(await storedRecords(options, 'seen')).toEqual([]);
  await expect(section.getByRole('button', { name: 'Clear seen history (0 seen papers)…' })).toBeDisabled();
  const axe = await new AxeBuilder({ page: options }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // The popup's Seen view then says the history is off and empty.
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  await popup.getByRole('button', { name: 'Seen', exact: true }).click();
  await expect(popup.getByRole('heading', { name: 'The seen history is off' })).toBeVisible();
  await popup.screenshot({ path: path.join(SHOTS, 'popup-seen-off.png') });
});
