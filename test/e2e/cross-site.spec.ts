import path from 'node:path';
import { addNote, addTag, expect, save, SHOTS, storedRecords, test, toolbarFor, toolbars, urlOf } from './extension';

const ID = 'arxiv:2602.21847';
const TITLE = 'LatticeTune: Sparse Adapter Lattices for Continual Instruction Tuning';

test('one paper, one record: saved on Hugging Face, seen and annotated on arXiv', async ({ context, extId }) => {
  const hf = await context.newPage();
  await hf.goto(urlOf('huggingface', 'daily'));
  const hfBar = toolbarFor(hf, ID);
  await save(hfBar);
  await addTag(hfBar, 'lattice');
  await expect(hfBar.getByRole('listitem')).toHaveText(['lattice×']);

  const ax = await context.newPage();
  await ax.goto(urlOf('arxiv', 'list-cross'));
  await expect(toolbars(ax)).toHaveCount(3);
  const axBar = toolbarFor(ax, ID);
  await expect(axBar).toHaveAttribute('data-papershelf-state', 'saved');
  await expect(axBar.getByRole('listitem')).toHaveText(['lattice×']);
  await expect(toolbarFor(ax, 'arxiv:2301.00218')).toHaveAttribute('data-papershelf-state', 'unsaved');
  // arXiv lays out every entry: its toolbars skip rendering off screen themselves (page.css);
  // Hugging Face's cards already do, so its toolbars do not.
  const skipping = (p: import('@playwright/test').Page) => p.locator('papershelf-toolbar').evaluateAll((hs) => hs.map((h) => getComputedStyle(h).contentVisibility));
  expect(await skipping(ax)).toEqual(['auto', 'auto', 'auto']);
  expect(new Set(await skipping(hf))).toEqual(new Set(['visible']));

  await addNote(axBar, 'Seen on arXiv too');
  await expect(axBar.getByText('Seen on arXiv too')).toHaveCount(1);
  await ax.screenshot({ path: path.join(SHOTS, 'arxiv-listing.png') });
  // The Hugging Face tab follows.
  await expect(hfBar.getByText('Seen on arXiv too')).toHaveCount(1);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/popup.html`);
  const list = popup.getByRole('list', { name: 'Saved papers' });
  await expect(list.locator(':scope > li')).toHaveCount(1);
  await expect(list).toContainText(TITLE);
  await expect(list).toContainText('Seen on arXiv too');
  const records = await storedRecords(popup);
  expect(records.map((r) => [r.id, r.tags, r.note])).toEqual([[ID, ['lattice'], 'Seen on arXiv too']]);
  expect((records[0]!.sources as Array<{ site: string; url: string }>).map((s) => [s.site, s.url])).toEqual([
    ['huggingface', 'https://huggingface.co/papers/2602.21847'],
    ['arxiv', 'https://arxiv.org/abs/2602.21847'],
  ]);
  // The Hugging Face record kept its richer fields (all 7 authors, abstract, upvotes).
  expect((records[0]!.authors as string[]).length).toBe(7);
  expect((records[0]!.signals as { upvotes: number }).upvotes).toBe(87);
});
