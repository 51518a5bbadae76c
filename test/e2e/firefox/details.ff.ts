/**
 * The reading list's details and the sidebar page in real Firefox (run after journeys.ff.ts, in
 * the same browser; see run.ts): a paper saved on a feed is opened in the popup's Details, its
 * abstract read there, a note and a tag written there reach the open feed card; the options page
 * opens from the list; the sidebar page (sidepanel.html, Firefox's sidebar_action) lists the same
 * papers and follows a tag added on a card. Each journey removes what it saved.
 */
import type { Page } from 'puppeteer-core';
import { element, expected, inToolbar, same, until, urlOf } from './harness';
import type { Journey } from './journeys.ff';

const HF = urlOf('huggingface', 'daily');
/** (every Hugging Face card carries its abstract) */
const HF_PAPERS = expected('huggingface', 'daily').papers as Array<{ id: string; title: string; abstract: string }>;
/** opened in the popup's details */
const C = HF_PAPERS[2]!;
/** listed in the sidebar page */
const D = HF_PAPERS[3]!;
const NOTE = 'lattice routing vs table 2';

/** The details view: its heading, abstract, tags and note field, or null when the list shows. */
function detailsShow(): { title: string; abstract: string; tags: string[]; note: string } | null {
  const d = document.querySelector('section.details');
  if (!d) return null;
  return {
    title: d.querySelector('#details-title')?.textContent ?? '',
    abstract: d.querySelector('.abstract')?.textContent ?? '',
    tags: [...d.querySelectorAll('.chips li > span')].map((s) => s.textContent ?? ''),
    note: d.querySelector<HTMLTextAreaElement>('#details-note')?.value ?? '',
  };
}

/** The tags the list's row of a paper shows, or null when the list has no row for it (other journeys' papers may be listed too). */
function rowTags(id: string): string[] | null {
  const li = document.querySelector(`ul[aria-label="Saved papers"] > li[data-id="${id}"]`);
  return li ? [...li.querySelectorAll('.chip')].map((c) => c.textContent ?? '') : null;
}

/** What a card's toolbar shows of the paper (not its buttons, which other features add to). */
function cardShows(id: string): { state: string | null; tags: string[]; note: string | null; status: string | null } | null {
  const host = document.querySelector(`papershelf-toolbar[data-papershelf-id="${id}"]`);
  const root = host?.shadowRoot;
  if (!host || !root) return null;
  const status = root.querySelector<HTMLSelectElement>('select.status');
  return {
    state: host.getAttribute('data-papershelf-state'),
    tags: [...root.querySelectorAll('.tag > span')].map((t) => t.textContent ?? ''),
    note: root.querySelector('.notepreview')?.textContent ?? null,
    status: status && !status.hidden ? status.value : null,
  };
}

/** Save a paper from its card and wait until the toolbar says so. */
async function saveOnCard(page: Page, id: string): Promise<void> {
  await page.bringToFront();
  // (the feed may still be placing its toolbars: wait for this one's Save)
  await until(page, (i) => !!document.querySelector(`papershelf-toolbar[data-papershelf-id="${i}"]`)?.shadowRoot?.querySelector('button.save'), id, true, 'the toolbar’s Save');
  await (await inToolbar(page, id, 'button.save')).click();
  await until(page, (i) => document.querySelector(`papershelf-toolbar[data-papershelf-id="${i}"]`)?.getAttribute('data-papershelf-state'), id, 'saved', 'the saved toolbar');
}

const saved = { state: 'saved', tags: [] as string[], note: null as string | null, status: 'unread' };

export const detailsJourneys: readonly Journey[] = [
  {
    name: 'popup Details: the abstract, a note and a tag reach the open feed card; Options opens the options page',
    async run({ session, feed, extension }) {
      const page = await feed(HF);
      await saveOnCard(page, C.id);
      const popup = await extension('popup.html');
      await until(popup, () => document.querySelector('main')?.getAttribute('aria-busy'), undefined, 'false', 'the loaded list');
      const row = await element(popup, `li.paper[data-id="${C.id}"] button[data-control="details"]`);
      await row.click();
      await until(popup, detailsShow, undefined, { title: C.title, abstract: C.abstract, tags: [], note: '' }, 'the details');
      // (focus moves in an effect, which Preact runs after the frame that shows the details)
      await until(popup, () => document.activeElement?.id, undefined, 'details-title', 'focus on opening');

      await (await element(popup, '#details-note')).click();
      await popup.keyboard.type(NOTE);
      await popup.keyboard.down('Control');
      await popup.keyboard.press('Enter');
      await popup.keyboard.up('Control');
      await until(page, cardShows, C.id, { ...saved, note: NOTE }, 'the card after the note');

      await (await element(popup, 'input[aria-label="Add tag"]')).click();
      await popup.keyboard.type('from-popup');
      await popup.keyboard.press('Enter');
      await until(popup, detailsShow, undefined, { title: C.title, abstract: C.abstract, tags: ['from-popup'], note: NOTE }, 'the details after the tag');
      await until(page, cardShows, C.id, { ...saved, tags: ['from-popup'], note: NOTE }, 'the card after the tag');

      // Escape: back to the list, on the paper's row.
      await popup.keyboard.press('Escape');
      await until(popup, () => (document.activeElement as HTMLElement | null)?.dataset.id ?? null, undefined, C.id, 'focus back on the row');

      // The options page, from the list (runtime.openOptionsPage opens it in a tab).
      await (await element(popup, 'button[title="Export, import and settings"]')).click();
      const deadline = Date.now() + 10_000;
      let options: Page | undefined;
      while (!options && Date.now() < deadline) {
        // (page.url() does not follow moz-extension pages here: ask each page where it is)
        for (const p of await session.browser.pages()) {
          if (p !== popup && (await p.evaluate(() => location.href).catch(() => '')).endsWith('/options.html')) options = p;
        }
        if (!options) await new Promise((r) => setTimeout(r, 100));
      }
      if (!options) throw new Error('the options page did not open');
      await until(options, () => document.querySelector('h1')?.textContent, undefined, 'PaperShelf options', 'the options page');
      await options.close();

      await (await element(popup, `button[aria-label="Remove ${C.title.replace(/"/g, '\\"')}"]`)).click();
      await until(page, (i) => document.querySelector(`papershelf-toolbar[data-papershelf-id="${i}"]`)?.getAttribute('data-papershelf-state'), C.id, 'unsaved', 'the card after Remove');
    },
  },
  {
    name: 'sidebar page: the same list; it follows a tag added on a card',
    async run({ feed, extension }) {
      const page = await feed(HF);
      await saveOnCard(page, D.id);
      const sidebar = await extension('sidepanel.html');
      await until(sidebar, rowTags, D.id, [], 'the sidebar\'s row of the paper');
      same(await sidebar.evaluate(() => [...document.querySelectorAll('.header-actions button')].map((b) => b.textContent)), ['Keys', 'Options'], 'the sidebar\'s header (no Side panel button)');
      await page.bringToFront();
      await (await inToolbar(page, D.id, 'button.taginput')).click();
      await page.keyboard.type('from-card');
      await page.keyboard.press('Enter');
      await until(sidebar, rowTags, D.id, ['from-card'], 'the sidebar after a tag on the card');
      await (await element(sidebar, `li.paper[data-id="${D.id}"] button[data-control="details"]`)).click();
      await until(sidebar, detailsShow, undefined, { title: D.title, abstract: D.abstract, tags: ['from-card'], note: '' }, 'the sidebar\'s details');
      await (await inToolbar(page, D.id, 'button.save')).click(); // removes it
      await until(sidebar, () => document.querySelector('section.details p.empty')?.textContent ?? null, undefined, 'This paper is no longer on your shelf.', 'the details of the removed paper');
    },
  },
];
