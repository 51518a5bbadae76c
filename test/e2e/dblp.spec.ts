/**
 * dblp and ACL Anthology in real Chromium: the project's fixtures served at their real https
 * URLs (test/e2e/extension.ts). A paper saved on arXiv shows as saved on a dblp page that lists
 * it as a CoRR entry; every readable entry of each page kind gets one toolbar; save and tag work,
 * and an ACL paper saved from a volume page is saved on its person and paper pages.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addTag, expect, expected, save, SHOTS, test, toolbarFor, toolbars, urlOf } from './extension';

/** The ids of the papers a fixture's expected file lists, in page order. */
function idsOf(site: string, name: string): string[] {
  return expected(site, name).papers.map((p) => p.id);
}

const LATTICE = 'arxiv:2602.21847';

/** One toolbar per readable entry, each carrying its paper's id, in page order, all unsaved. */
async function expectToolbars(page: Page, site: string, name: string): Promise<void> {
  const ids = idsOf(site, name);
  await page.goto(urlOf(site, name));
  await expect(toolbars(page)).toHaveCount(ids.length);
  expect(await toolbars(page).evaluateAll((hs) => hs.map((h) => h.getAttribute('data-papershelf-id')))).toEqual(ids);
  for (const id of ids) await expect(toolbarFor(page, id)).toHaveAttribute('data-papershelf-state', 'unsaved');
}

/** A page no content script reads (an unclaimed kind, or a host the extension has no permission for). */
async function expectNoToolbars(page: Page, site: string, name: string): Promise<void> {
  await page.goto(urlOf(site, name));
  await page.waitForTimeout(1000);
  await expect(toolbars(page)).toHaveCount(0);
}

test('one toolbar per entry on every dblp and ACL Anthology page kind, none elsewhere', async ({ context }) => {
  const page = await context.newPage();
  for (const name of ['person', 'person-2015', 'toc', 'search']) await expectToolbars(page, 'dblp', name);
  for (const name of ['person', 'volume', 'event', 'paper']) await expectToolbars(page, 'acl', name);
  // The unreadable entries of the dblp person page and the ACL volume page got none (above); an
  // empty search, an empty volume, a venue index and a FAQ page get none at all.
  await expectNoToolbars(page, 'dblp', 'search-empty');
  await expectNoToolbars(page, 'dblp', 'venue-index');
  await expectNoToolbars(page, 'acl', 'volume-empty');
  await expectNoToolbars(page, 'acl', 'faq');
  // The old host (www.aclweb.org/anthology) is read by the adapter, but no permission is asked for it.
  await expectNoToolbars(page, 'acl', 'person-2021');
});

test('a paper saved and tagged on an arXiv listing is saved, with its tag, on the dblp pages listing its CoRR entry', async ({ context }) => {
  const ax = await context.newPage();
  await ax.goto(urlOf('arxiv', 'list-cross'));
  const axBar = toolbarFor(ax, LATTICE);
  await save(axBar);
  await addTag(axBar, 'lattice');
  await expect(axBar.getByRole('listitem')).toHaveText(['lattice×']);

  const dblp = await context.newPage();
  await dblp.goto(urlOf('dblp', 'person'));
  await expect(toolbars(dblp)).toHaveCount(idsOf('dblp', 'person').length);
  const bar = toolbarFor(dblp, LATTICE);
  await expect(bar).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(bar.getByRole('listitem')).toHaveText(['lattice×']);
  // The entry's toolbar sits in the CoRR entry (the li whose id is its dblp key).
  expect(await bar.evaluate((h) => h.closest('li.entry')?.id)).toBe('journals/corr/abs-2602-21847');
  for (const id of idsOf('dblp', 'person').filter((i) => i !== LATTICE)) await expect(toolbarFor(dblp, id)).toHaveAttribute('data-papershelf-state', 'unsaved');
  await dblp.screenshot({ path: path.join(SHOTS, 'dblp-person.png'), fullPage: true });

  const search = await context.newPage();
  await search.goto(urlOf('dblp', 'search'));
  await expect(toolbarFor(search, LATTICE)).toHaveAttribute('data-papershelf-state', 'saved');

  // Tagging it on dblp reaches the arXiv tab.
  await addTag(bar, 'dblp-seen');
  await expect(bar.getByRole('listitem')).toHaveText(['lattice×', 'dblp-seen×']);
  await expect(axBar.getByRole('listitem')).toHaveText(['lattice×', 'dblp-seen×']);
});

test('save and tag on dblp (a DOI entry) and on ACL Anthology (saved from a volume, saved on the person and paper pages)', async ({ context }) => {
  const dblp = await context.newPage();
  await dblp.goto(urlOf('dblp', 'toc'));
  const doi = 'doi:10.1145/3700000.3700027';
  const dblpBar = toolbarFor(dblp, doi);
  await save(dblpBar);
  await addTag(dblpBar, 'tone');
  await expect(dblpBar.getByRole('listitem')).toHaveText(['tone×']);
  await dblp.reload();
  await expect(toolbarFor(dblp, doi)).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(toolbarFor(dblp, doi).getByRole('listitem')).toHaveText(['tone×']);

  const acl = await context.newPage();
  await acl.goto(urlOf('acl', 'volume'));
  const id = 'acl:2030.lowres-1.4';
  const aclBar = toolbarFor(acl, id);
  await save(aclBar);
  await addTag(aclBar, 'suffixes');
  await expect(aclBar.getByRole('listitem')).toHaveText(['suffixes×']);
  await acl.screenshot({ path: path.join(SHOTS, 'acl-volume.png'), fullPage: true });

  for (const name of ['person', 'paper']) {
    const other = await context.newPage();
    await other.goto(urlOf('acl', name));
    await expect(toolbarFor(other, id)).toHaveAttribute('data-papershelf-state', 'saved');
    await expect(toolbarFor(other, id).getByRole('listitem')).toHaveText(['suffixes×']);
    await other.close();
  }
});
