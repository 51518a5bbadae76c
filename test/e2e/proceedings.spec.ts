/**
 * Proceedings sites in real Chromium: CVF open access, NeurIPS and OpenReview. Every fixture page
 * gets exactly its cards' toolbars; a CVF page and an OpenReview venue page of 300 cards each
 * (built here from the fixtures' card markup, served at a real https URL) get one toolbar per
 * card, hidden tabs included, and save, tags and notes work there; a paper saved on arXiv shows
 * as saved on an OpenReview card that links its arXiv id.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addNote, addTag, badgesOf, expect, expected, PAGES, ROOT, save, serve, SHOTS, storedRecords, test, toolbarFor, toolbars, urlOf } from './extension';

const fixture = (site: string, name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', site, `${name}.html`), 'utf8');

/** The ids of the toolbars on a page, in page order. */
const toolbarIds = (page: Page) => toolbars(page).evaluateAll((hosts) => hosts.map((h) => h.getAttribute('data-papershelf-id')));

/**
 * Scroll a page from top to bottom a screen at a time: a big feed's toolbars go on the cards as
 * they near the screen (lib/content/near.ts), and a placed toolbar stays. Ends at the top again.
 */
async function scrollThrough(page: Page): Promise<void> {
  const step = await page.evaluate(() => window.innerHeight);
  // The height is read again at every step: each toolbar placed makes the page taller.
  for (let y = 0; y <= (await page.evaluate(() => document.documentElement.scrollHeight)); y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

const N = 300;

// --- a CVF day page of N papers, from the fixture's second entry (a paper without an arXiv link) ---

const CVF_URL = 'https://openaccess.thecvf.com/CVPR2024?day=all';
const cvfPaper = (i: number) => `https://openaccess.thecvf.com/content/CVPR2024/html/Ibrahim_Lichen_Maps_${i}_Weakly_Supervised_Texture_Parsing_CVPR_2024_paper.html`;

function cvfPage(): string {
  const html = fixture('cvf', 'cvpr2023-day');
  const entries = html.split('<dt class="ptitle">');
  const entry = `<dt class="ptitle">${entries[2]!.slice(0, entries[2]!.indexOf('</dd>', entries[2]!.indexOf('bibref')) + '</dd>'.length)}`;
  const cards = Array.from({ length: N }, (_, i) =>
    entry
      .replaceAll('CVPR2023', 'CVPR2024')
      .replaceAll('CVPR_2023', 'CVPR_2024')
      .replaceAll('Ibrahim_Lichen_Maps', `Ibrahim_Lichen_Maps_${i}`)
      .replace('Lichen Maps:', `Lichen Maps ${i}:`)
      .replaceAll('{2023}', '{2024}'),
  ).join('\n');
  const head = entries[0]!.replace(/<dd><a href="\/CVPR2023">Back<\/a><\/dd>\s*$/, '');
  return `${head}${cards}\n</dl>\n</div>\n</body>\n</html>\n`;
}

// --- an OpenReview venue page of N papers over two tabs (the second hidden), from today's markup ---

const OR_URL = 'https://openreview.net/group?id=ICLR.cc/2026/Conference';
const ARXIV_ID = 'arxiv:2602.21847';
const forumId = (i: number) => `Gen${String(i).padStart(4, '0')}xQ`;

function openReviewPage(): string {
  const html = fixture('openreview', 'group');
  const items = html.match(/<li><div class="note {2}">[\s\S]*?<\/div><\/li>/g)!;
  // items[0]: the oral that links its arXiv page; items[1]: a note of 22 authors, 20 shown.
  const linked = items[0]!;
  const note = (i: number) =>
    items[1]!.replaceAll('Wm4nB8cQ1z', forumId(i)).replace('Scaling Laws for Mixture-of-Depths Models', `Scaling Laws for Mixture-of-Depths Models, Part ${i}`);
  const list = (notes: string[]) => `<div class="submissions-list"><ul class="list-unstyled list-paginated">\n${notes.join('\n')}\n</ul></div>`;
  const first = [linked, ...Array.from({ length: 199 }, (_, i) => note(i + 1))];
  const second = Array.from({ length: N - 200 }, (_, i) => note(i + 200));
  const tabs = `<div class="tab-content">
<div id="accept-oral" class="tab-pane fade active in" role="tabpanel"><div>${list(first)}</div></div>
<div id="rejected-submissions" class="tab-pane fade" role="tabpanel" style="display: none"><div>${list(second)}</div></div>
</div>`;
  return html
    .replace(/content="https:\/\/openreview\.net\/group\?id=[^"]+"/, `content="${OR_URL}"`)
    .replace(/<div class="tab-content">[\s\S]*<\/div>\s*<\/div>\s*<\/div>\s*<\/main>/, `${tabs}\n</div>\n</div>\n</main>`);
}

/** The listings whose CSS keeps each toolbar's place (lib/sites/<id>/slot.css; test/slots.test.ts). */
const KEEP_PLACES = ['cvf/cvpr2023-day', 'cvf/iccv2015', 'cvf/search', 'neurips/listing-2023', 'openreview/group'];

test('every card of every CVF, NeurIPS and OpenReview fixture page gets its toolbar, and no other; where places are kept, nothing moves', async ({ context }) => {
  const page = await context.newPage();
  // The page's height before any toolbar (the content script starts after the load event).
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => ((window as unknown as { __height: number }).__height = document.body.getBoundingClientRect().height)),
  );
  const kept: string[] = [];
  for (const [url, { site, name }] of PAGES) {
    if (!['cvf', 'neurips', 'openreview'].includes(site)) continue;
    const { kind, papers } = expected(site, name);
    await page.goto(url);
    if (kind === null) {
      await page.waitForTimeout(500);
      await expect(toolbars(page), `${site}/${name}`).toHaveCount(0);
      continue;
    }
    const want = papers.map((p) => p.id);
    await expect(toolbars(page), `${site}/${name}`).toHaveCount(want.length);
    expect(await toolbarIds(page), `${site}/${name}`).toEqual(want);
    const [before, after] = await page.evaluate(() => [(window as unknown as { __height: number }).__height, document.body.getBoundingClientRect().height]);
    if (kind !== 'paper' && want.length && before === after) kept.push(`${site}/${name}`);
  }
  expect(kept).toEqual(KEEP_PLACES);
});

test(`a CVF page of ${N} papers: one toolbar per card, under its authors; save, tag and note`, async ({ context, extId }) => {
  await serve(context, CVF_URL, cvfPage());
  const page = await context.newPage();
  // Where every title is before any toolbar (the content script starts after the load event).
  await page.addInitScript(() =>
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __tops: number[] }).__tops = [...document.querySelectorAll('dt.ptitle')].map((dt) => dt.getBoundingClientRect().top + scrollY);
    }),
  );
  const tops = () => page.evaluate(() => [...document.querySelectorAll('dt.ptitle')].map((dt) => dt.getBoundingClientRect().top + scrollY));
  await page.goto(CVF_URL);
  // The cards near the screen get theirs first; every card has one once it has come near.
  await expect(toolbars(page).first()).toBeAttached();
  expect(await toolbars(page).count()).toBeLessThan(N);
  await scrollThrough(page);
  await expect(toolbars(page)).toHaveCount(N);
  expect(await toolbarIds(page)).toEqual(Array.from({ length: N }, (_, i) => `url:${cvfPaper(i)}`));
  // Each in its entry's authors dd (the first dd after the title), none elsewhere.
  expect(await page.locator('dt.ptitle + dd > papershelf-toolbar').count()).toBe(N);
  // Each took the place the page kept for it (lib/sites/cvf/slot.css): no title moved.
  const before = await page.evaluate(() => (window as unknown as { __tops: number[] }).__tops);
  expect(before).toHaveLength(N);
  expect(await tops()).toEqual(before);

  const id = `url:${cvfPaper(137)}`;
  const bar = toolbarFor(page, id);
  await bar.scrollIntoViewIfNeeded();
  await save(bar);
  await addTag(bar, 'cvpr-2024');
  await expect(bar.getByRole('listitem')).toHaveText(['cvpr-2024×']);
  await addNote(bar, 'Compare with the lichen survey');
  await expect(bar.getByText('Compare with the lichen survey')).toHaveCount(1);
  await expect(toolbarFor(page, `url:${cvfPaper(136)}`)).toHaveAttribute('data-papershelf-state', 'unsaved');
  await page.screenshot({ path: path.join(SHOTS, 'cvf-day.png') });
  // The same page in a second tab: the saved paper's card is far down, still waiting for its
  // toolbar, and the toolbar button counts it all the same (lib/content/waiting-ids.ts).
  const again = await context.newPage();
  await again.goto(CVF_URL);
  await expect(toolbars(again).first()).toBeAttached();
  await expect.poll(() => badgesOf(context, CVF_URL)).toEqual(['1', '1']);
  expect(await toolbarFor(again, id).count()).toBe(0);
  expect(await toolbars(again).count()).toBeLessThan(N);
  await again.close();

  // A reload shows it saved, with its tag, once it comes near the screen.
  await page.reload();
  await scrollThrough(page);
  await expect(toolbars(page)).toHaveCount(N);
  await expect(toolbarFor(page, id)).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(toolbarFor(page, id).getByRole('listitem')).toHaveText(['cvpr-2024×']);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const records = await storedRecords(popup);
  expect(records.map((r) => [r.id, r.title, r.authors, r.venue, r.year, r.tags, r.note])).toEqual([
    [id, 'Lichen Maps 137: Weakly Supervised Texture Parsing of Rock Surfaces', ['Samira Ibrahim'], 'CVPR 2024', 2024, ['cvpr-2024'], 'Compare with the lichen survey'],
  ]);

  // CVF turned off in the options: its toolbars go, and so do the places kept for them.
  const gap = async () => page.evaluate(() => [...document.querySelectorAll('dt.ptitle + dd')].map((dd) => getComputedStyle(dd, '::after').display));
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extId}/options.html`);
  await options.getByRole('checkbox', { name: 'CVF Open Access' }).uncheck();
  await expect(toolbars(page)).toHaveCount(0);
  expect(await gap()).toEqual(Array.from({ length: N }, () => 'none'));
  const off = await tops();
  expect(off.map((t, i) => t - off[0]! - i * (before[1]! - before[0]! - 44))).toEqual(Array.from({ length: N }, () => 0));
});

test(`an OpenReview venue page of ${N} papers over two tabs: one toolbar per card; a paper saved on arXiv shows as saved; save, tag and note`, async ({ context, extId }) => {
  // Saved on arXiv first.
  const ax = await context.newPage();
  await ax.goto(urlOf('arxiv', 'list-cross'));
  const axBar = toolbarFor(ax, ARXIV_ID);
  await save(axBar);

  await serve(context, OR_URL, openReviewPage());
  const page = await context.newPage();
  // Where the open tab's titles are before any toolbar (the content script starts after the load event).
  const titles = () => [...document.querySelectorAll('#accept-oral div.note > h4')].map((h) => h.getBoundingClientRect().top + scrollY);
  await page.addInitScript(`document.addEventListener('DOMContentLoaded', () => { window.__tops = (${titles.toString()})(); });`);
  await page.goto(OR_URL);
  // The open tab's cards get theirs as they near the screen; the hidden tab's when it is shown.
  await scrollThrough(page);
  await expect(toolbars(page)).toHaveCount(200);
  // Each card kept its toolbar's height from the start (lib/sites/openreview/slot.css): no title moved.
  const before = await page.evaluate(() => (window as unknown as { __tops: number[] }).__tops);
  expect(before).toHaveLength(200);
  expect(await page.evaluate(titles)).toEqual(before);
  await page.locator('#rejected-submissions').evaluate((tab) => ((tab as HTMLElement).style.display = 'block'));
  await scrollThrough(page);
  await expect(toolbars(page)).toHaveCount(N);
  expect(await toolbarIds(page)).toEqual([ARXIV_ID, ...Array.from({ length: N - 1 }, (_, i) => `openreview:${forumId(i + 1)}`)]);
  expect(await page.locator('#rejected-submissions papershelf-toolbar').count()).toBe(N - 200);
  // The card linking the arXiv paper shows it saved; the others do not.
  await expect(toolbarFor(page, ARXIV_ID)).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(toolbarFor(page, `openreview:${forumId(1)}`)).toHaveAttribute('data-papershelf-state', 'unsaved');

  const id = `openreview:${forumId(42)}`;
  const bar = toolbarFor(page, id);
  await bar.scrollIntoViewIfNeeded();
  await save(bar);
  await addTag(bar, 'iclr');
  await expect(bar.getByRole('listitem')).toHaveText(['iclr×']);
  await addNote(bar, 'Depth routing ablations');
  await expect(bar.getByText('Depth routing ablations')).toHaveCount(1);
  await page.screenshot({ path: path.join(SHOTS, 'openreview-group.png') });

  // A tag added on OpenReview reaches the arXiv tab's card of the same paper.
  await addTag(toolbarFor(page, ARXIV_ID), 'seen-at-iclr');
  await expect(axBar.getByRole('listitem')).toHaveText(['seen-at-iclr×']);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const records = new Map((await storedRecords(popup)).map((r) => [r.id as string, r]));
  expect([...records.keys()].sort()).toEqual([ARXIV_ID, id].sort());
  const saved = records.get(id)!;
  expect([saved.title, (saved.authors as string[]).length, saved.authorCount, saved.venue, saved.publishedAt, saved.tags, saved.note, saved.siteIds]).toEqual([
    'Scaling Laws for Mixture-of-Depths Models, Part 42',
    20,
    22,
    'ICLR 2025 Oral',
    '2025-01-22',
    ['iclr'],
    'Depth routing ablations',
    { openreview: forumId(42) },
  ]);
  expect(records.get(ARXIV_ID)!.tags).toEqual(['seen-at-iclr']);
});
