/**
 * The reading list at 10,000 papers, through the extension: import them on the options page,
 * search, filter by tag and bulk-tag in the popup, export BibTeX and a JSON backup (the real
 * downloaded files), delete everything, import the backup, and get identical records back.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { backupText, savedPapers } from '../bench/records';
import { expect, storedRecords, test } from './extension';

const N = 10_000;

async function importFile(options: Page, file: string): Promise<void> {
  await options.locator('input[type="file"]').setInputFiles(file);
  await expect(options.locator('input[type="file"]')).toHaveAccessibleName(/^Import/);
  await expect(options.getByText(/^Imported “/)).toBeVisible({ timeout: 180_000 });
  await expect(options.locator('body')).toContainText(/10,?000 added, 0 updated, 0 unchanged/);
}

test('10,000 papers: import, search, filter, bulk-tag, export, delete all, import back', async ({ context, extId }) => {
  test.setTimeout(600_000);
  const papers = savedPapers(N);
  const file = path.join(tmpdir(), `papershelf-e2e-${process.pid}.json`);
  writeFileSync(file, backupText(papers));

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId}/options.html`);
  await importFile(options, file);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 600 });
  // Record every cursor opened on the savedAt index, with the script that opened it.
  await popup.addInitScript(() => {
    const opened: Array<{ store: string; index: string; stack: string }> = [];
    (globalThis as unknown as { savedAtCursors: typeof opened }).savedAtCursors = opened;
    const openCursor = IDBIndex.prototype.openCursor;
    IDBIndex.prototype.openCursor = function (this: IDBIndex, ...args: Parameters<IDBIndex['openCursor']>) {
      if (this.name === 'savedAt') opened.push({ store: this.objectStore.name, index: this.name, stack: new Error().stack ?? '' });
      return openCursor.apply(this, args);
    };
  });
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  await expect(popup.locator('body')).toContainText('10,000 papers', { timeout: 60_000 });
  // The first rows came from the early read (first-rows.js), not from a second read through Dexie.
  const cursors = await popup.evaluate(() => (globalThis as unknown as { savedAtCursors: Array<{ store: string; index: string; stack: string }> }).savedAtCursors);
  expect(cursors.map((c) => [c.store, c.index, /\/first-rows\.js:/.test(c.stack)])).toEqual([['papers', 'savedAt', true]]);
  await expect(popup.getByRole('list', { name: 'Saved papers' }).locator(':scope > li').first()).toContainText(papers[0]!.title);
  const list = popup.getByRole('list', { name: 'Saved papers' });
  // Windowed: far fewer rows in the DOM than papers.
  const rendered = await list.locator(':scope > li').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(40);

  // Search: the title word "1234" belongs to exactly one paper.
  const search = popup.getByRole('searchbox', { name: 'Search' });
  await search.fill('1234');
  await expect(list.locator(':scope > li')).toHaveCount(1);
  await expect(list).toContainText(papers[1233]!.title);

  // Filter by tag, typed and picked.
  const robotics = papers.filter((p) => p.tags.includes('robotics')).length;
  await search.fill('');
  await popup.getByRole('combobox', { name: 'Filter by tag' }).selectOption('robotics');
  await expect(popup.locator('body')).toContainText(`Showing ${robotics.toLocaleString('en-US')} of 10,000 papers`);

  // Bulk-tag everything the filter matches.
  await popup.getByRole('button', { name: `Select all ${robotics.toLocaleString('en-US')} matching` }).click();
  const tagBox = popup.getByRole('textbox', { name: /^Tag to add to / });
  await tagBox.fill('bulk-e2e');
  await popup.getByRole('button', { name: 'Apply' }).click();
  await expect.poll(async () => (await storedRecords(popup)).filter((r) => (r.tags as string[]).includes('bulk-e2e')).length, { timeout: 60_000 }).toBe(robotics);
  await popup.screenshot({ path: path.join(import.meta.dirname, 'screenshots', 'popup-10k.png') });

  // Export BibTeX and the JSON backup: read the downloaded files.
  const before = await storedRecords(options);
  expect(before.length).toBe(N);
  await options.reload();
  const [bib] = await Promise.all([options.waitForEvent('download', { timeout: 120_000 }), options.getByRole('button', { name: 'Export BibTeX' }).click()]);
  const bibText = readFileSync((await bib.path())!, 'utf8');
  expect(bibText.match(/^@\w+\{/gm)?.length).toBe(N);
  expect(bibText).toContain('eprint = {2501.01234}');
  const [json] = await Promise.all([options.waitForEvent('download', { timeout: 120_000 }), options.getByRole('button', { name: 'Export JSON backup' }).click()]);
  const backupFile = (await json.path())!;
  const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as { format: string; version: number; papers: Array<Record<string, unknown>> };
  expect([backup.format, backup.version, backup.papers.length]).toEqual(['papershelf-backup', 2, N]);

  // Delete everything, then import the backup: identical records.
  await options.getByRole('button', { name: 'Delete all papers…' }).click();
  await options.getByRole('button', { name: 'Delete all', exact: true }).click();
  await expect(options.getByText('All papers were deleted.')).toBeVisible({ timeout: 60_000 });
  expect((await storedRecords(options)).length).toBe(0);
  await importFile(options, backupFile);
  const byId = (rows: Array<Record<string, unknown>>) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const after = byId(await storedRecords(options));
  expect(after).toEqual(byId(before));
  expect(after).toEqual(byId(backup.papers));
});
