/**
 * Google Scholar and PubMed in real Chromium: the project's fixtures served at their real https
 * URLs (test/e2e/extension.ts). One toolbar per readable card; save, tags and a note; one record
 * per paper across sites (arXiv -> Scholar by the arXiv id, PubMed results -> article by the DOI).
 */
import { addNote, addTag, expect, expected, save, storedRecords, test, toolbarFor, toolbars, urlOf } from './extension';

test('one toolbar per readable card on Scholar search and profile pages and PubMed search and article pages', async ({ context }) => {
  const page = await context.newPage();
  for (const [site, name] of [
    ['scholar', 'search'],
    ['scholar', 'search-2016'],
    ['scholar', 'profile'],
    ['pubmed', 'search'],
    ['pubmed', 'article'],
  ] as const) {
    const want = expected(site, name);
    await page.goto(urlOf(site, name));
    await expect(toolbars(page), `${site}/${name}`).toHaveCount(want.papers.length);
    for (const p of want.papers) await expect(toolbarFor(page, p.id), `${site}/${name}: ${p.id}`).toHaveAttribute('data-papershelf-state', 'unsaved');
  }
  // The toolbar of a profile row sits in its title cell: the table keeps its three columns.
  await page.goto(urlOf('scholar', 'profile'));
  await expect(page.locator('tr.gsc_a_tr td.gsc_a_t papershelf-toolbar')).toHaveCount(3);
  expect(await page.locator('tr.gsc_a_tr').evaluateAll((rows) => rows.map((r) => r.children.length))).toEqual([3, 3, 3, 3]);
  // Pages the adapters do not claim, and a search without results, get none.
  for (const [site, name] of [
    ['scholar', 'unrelated'],
    ['scholar', 'search-empty'],
    ['pubmed', 'unrelated'],
    ['pubmed', 'search-empty'],
  ] as const) {
    await page.goto(urlOf(site, name));
    await page.waitForTimeout(500);
    await expect(toolbars(page), `${site}/${name}`).toHaveCount(0);
  }
});

test('save, tag and note on a Scholar result; a PubMed result saved shows as saved on its article page', async ({ context, extId }) => {
  const scholar = await context.newPage();
  await scholar.goto(urlOf('scholar', 'search'));
  const id = 'scholar:12000451998877665403';
  const bar = toolbarFor(scholar, id);
  await save(bar);
  await addTag(bar, 'manifolds');
  await expect(bar.getByRole('listitem')).toHaveText(['manifolds×']);
  await addNote(bar, 'Check the curvature term');
  await expect(bar.getByText('Check the curvature term')).toHaveCount(1);
  // The other results stay unsaved.
  await expect(toolbarFor(scholar, 'doi:10.1002/cdm.20417')).toHaveAttribute('data-papershelf-state', 'unsaved');

  const results = await context.newPage();
  await results.goto(urlOf('pubmed', 'search'));
  const doiId = 'doi:10.1152/japplphysiol.00412.2023';
  const pmBar = toolbarFor(results, doiId);
  await save(pmBar);
  await addTag(pmBar, 'tendon');
  await expect(pmBar.getByRole('listitem')).toHaveText(['tendon×']);

  const article = await context.newPage();
  await article.goto(urlOf('pubmed', 'article'));
  const articleBar = toolbarFor(article, doiId);
  await expect(articleBar).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(articleBar.getByRole('listitem')).toHaveText(['tendon×']);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const list = popup.getByRole('list', { name: 'Saved papers' });
  await expect(list.locator(':scope > li')).toHaveCount(2);
  await expect(list).toContainText('Score matching on curved manifolds: a consistency view');
  await expect(list).toContainText('Check the curvature term');
  const records = Object.fromEntries((await storedRecords(popup)).map((r) => [r.id as string, r]));
  expect(Object.keys(records).sort()).toEqual([doiId, id]);
  const saved = records[id]!;
  expect([saved.tags, saved.note, saved.venue, saved.year, saved.authorCount, saved.siteIds]).toEqual([
    ['manifolds'],
    'Check the curvature term',
    'Advances in Neural …',
    2022,
    5,
    { scholar: '12000451998877665403' },
  ]);
  expect((saved.signals as { citedBy: number }).citedBy).toBe(212);
  expect((saved.authors as string[]).length).toBe(4);
  expect(records[doiId]!.siteIds).toEqual({ pubmed: '38811223' });
  expect(records[doiId]!.tags).toEqual(['tendon']);
});

test('a paper saved on arXiv shows as saved on a Scholar result that links its arXiv abs page', async ({ context }) => {
  const id = 'arxiv:2411.00417';
  const ax = await context.newPage();
  await ax.goto(urlOf('arxiv', 'search'));
  const axBar = toolbarFor(ax, id);
  await save(axBar);
  await addTag(axBar, 'consistency');
  await expect(axBar.getByRole('listitem')).toHaveText(['consistency×']);

  const scholar = await context.newPage();
  await scholar.goto(urlOf('scholar', 'search'));
  await expect(toolbars(scholar)).toHaveCount(expected('scholar', 'search').papers.length);
  const bar = toolbarFor(scholar, id);
  await expect(bar).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(bar.getByRole('listitem')).toHaveText(['consistency×']);
  await expect(toolbarFor(scholar, 'scholar:12000451998877665403')).toHaveAttribute('data-papershelf-state', 'unsaved');
});
