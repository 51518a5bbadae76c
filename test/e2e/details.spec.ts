/**
 * A paper's details in the reading list, the options page from the list, the side panel and the
 * toolbar button's count, in real Chromium with the built extension: a paper saved on a feed is
 * opened in the popup's Details (its abstract read there), a note written in "Note" and a tag
 * added there show on the open feed card without a reload; the side panel page shows the same
 * list, follows an edit made on a card and narrows to "On this page".
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { addTag, badgesOf, expect, expected, save, SHOTS, test, toolbarFor, toolbars, urlOf } from './extension';

const daily = expected('huggingface', 'daily').papers;
const DAILY = urlOf('huggingface', 'daily');
const paper = daily[0]!;
const other = daily[1]!;

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** A feed tab with `ids` saved through their cards. */
async function feedWithSaved(context: BrowserContext, ids: string[]): Promise<Page> {
  const feed = await context.newPage();
  await feed.goto(DAILY);
  await expect(toolbars(feed)).toHaveCount(daily.length);
  for (const id of ids) {
    const bar = toolbarFor(feed, id);
    await save(bar);
  }
  return feed;
}

/** The toolbar button's badge on the tab showing `url`. */
const badgeOf = async (context: BrowserContext, url: string): Promise<string | undefined> => (await badgesOf(context, url))[0];

test('Details in the popup: the abstract, a note and a tag that show on the open card; the options page opens from the list', async ({ context, extId }) => {
  const feed = await feedWithSaved(context, [paper.id]);
  const bar = toolbarFor(feed, paper.id);
  // The toolbar button counts the saved papers on the page.
  await expect.poll(() => badgeOf(context, DAILY)).toBe('1');

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const row = popup.getByRole('list', { name: 'Saved papers' }).locator(':scope > li').filter({ hasText: paper.title });
  await expect(row).toHaveCount(1);
  await popup.screenshot({ path: path.join(SHOTS, 'popup-list.png') });
  await row.getByRole('button', { name: 'Details' }).click();
  const details = popup.getByRole('region', { name: paper.title });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(paper.title);
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(details.locator('.abstract')).toHaveText(paper.abstract!);

  const note = details.getByRole('textbox', { name: 'Note' });
  await note.fill('Compare the lattice routing with table 2\nand the ablation');
  await note.press('Control+Enter');
  await expect(details.getByText('Note saved.')).toBeVisible();
  await expect(bar.getByText('Compare the lattice routing with table 2')).toHaveCount(1);

  const tag = details.locator('input').and(details.getByLabel('Add tag'));
  await tag.fill('from-popup');
  await tag.press('Enter');
  await expect(details.getByRole('button', { name: 'Remove tag from-popup' })).toBeVisible();
  await expect(bar.getByRole('listitem').filter({ hasText: 'from-popup' })).toHaveCount(1);
  await popup.screenshot({ path: path.join(SHOTS, 'popup-details.png') });
  const axe = await new AxeBuilder({ page: popup }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  // Escape goes back to the list, focus on the paper's row; the keyboard opens it again.
  await popup.keyboard.press('Escape');
  await expect(row).toBeFocused();
  await popup.keyboard.press('ArrowRight');
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();
  await popup.keyboard.press('ArrowLeft');
  await expect(row).toBeFocused();

  // A tag removed on the card leaves the popup's details too.
  await row.getByRole('button', { name: 'Details' }).click();
  await bar.getByRole('button', { name: 'Remove tag from-popup' }).click();
  await expect(details.getByRole('button', { name: 'Remove tag from-popup' })).toHaveCount(0);

  // The options page, from the list.
  const [options] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Options' }).click()]);
  await expect(options).toHaveURL(`chrome-extension://${extId}/options.html`);
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('PaperShelf options');

  // The count goes when it is turned off there.
  await options.getByRole('checkbox', { name: 'Count of saved papers on the toolbar button' }).uncheck();
  await expect.poll(() => badgeOf(context, DAILY)).toBe('');
});

test('the side panel page shows the same list, follows an edit made on a card, and narrows to the current tab', async ({ context, extId }) => {
  const feed = await feedWithSaved(context, [paper.id, other.id]);
  await expect.poll(() => badgeOf(context, DAILY)).toBe('2');

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 360, height: 800 });
  await panel.goto(`chrome-extension://${extId}/sidepanel.html`);
  const list = panel.getByRole('list', { name: 'Saved papers' });
  await expect(list.locator(':scope > li')).toHaveCount(2);
  await expect(list).toContainText(paper.title);
  await expect(panel.getByRole('button', { name: 'Side panel' })).toHaveCount(0);

  // An edit on the card shows in the panel.
  await addTag(toolbarFor(feed, other.id), 'from-card');
  const row = list.locator(':scope > li').filter({ hasText: other.title });
  await expect(row.locator('.chip')).toHaveText(['from-card']);

  // The panel follows the active tab: the feed shows both saved papers.
  await feed.bringToFront();
  const onPage = panel.getByRole('button', { name: 'On this page (2)' });
  await expect(onPage).toBeVisible();
  await onPage.click();
  await expect(onPage).toHaveAttribute('aria-pressed', 'true');
  await expect(list.locator(':scope > li')).toHaveCount(2);
  // Removing one on the card: the count and the list follow.
  await toolbarFor(feed, paper.id).getByRole('button', { name: /^Saved/ }).click();
  await expect(panel.getByRole('button', { name: 'On this page (1)' })).toBeVisible();
  await expect(list.locator(':scope > li')).toHaveCount(1);
  await expect.poll(() => badgeOf(context, DAILY)).toBe('1');

  await row.getByRole('button', { name: 'Details' }).click();
  await expect(panel.getByRole('region', { name: other.title }).getByRole('textbox', { name: 'Note' })).toBeVisible();
  await panel.screenshot({ path: path.join(SHOTS, 'sidepanel-details.png') });
  const axe = await new AxeBuilder({ page: panel }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
