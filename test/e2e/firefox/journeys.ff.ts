/**
 * The core journeys in real Firefox, run in this order in one browser per Firefox version (see
 * run.ts): the shelf starts empty, the Hugging Face and arXiv journeys each save one paper, and the
 * popup journey finds both, edits one and removes it. Every page a journey opens is closed after it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { decodedWidths, pngSize } from '../../tools/icons';
import { element, EXT_DIR, expected, inToolbar, same, toolbarShows, toolbarStates, until, urlOf, type Session } from './harness';

export interface JourneyContext {
  session: Session;
  /** a new tab on a fixture's real URL (served with this Content-Security-Policy) */
  feed(url: string, csp?: string): Promise<Page>;
  /** a new tab on one of the extension's pages */
  extension(file: string): Promise<Page>;
}

export interface Journey {
  name: string;
  run(ctx: JourneyContext): Promise<void>;
}

const HF = urlOf('huggingface', 'daily');
const HF_PAPERS = expected('huggingface', 'daily').papers;
const ARXIV = urlOf('arxiv', 'list-new');
const ARXIV_PAPERS = expected('arxiv', 'list-new').papers;
const CVF = urlOf('cvf', 'cvpr2023-day');
const CVF_PAPERS = expected('cvf', 'cvpr2023-day').papers;
/** saved on Hugging Face, with a tag, a note and a status */
const A = HF_PAPERS[0]!;
/** saved on arXiv, with a tag */
const B = ARXIV_PAPERS[1]!;
const NOTE = 'zebrafish ablation, table 3';

/** What a toolbar's bar and Save button look like (computed styles from its shadow root). */
function lookOf(id: string): Record<string, string> {
  const root = document.querySelector(`papershelf-toolbar[data-papershelf-id="${id}"]`)!.shadowRoot!;
  const out: Record<string, string> = {};
  for (const sel of ['.bar', '.save']) {
    const cs = getComputedStyle(root.querySelector(sel)!);
    for (const p of ['display', 'height', 'padding-left', 'border-top-style', 'border-top-width', 'border-radius', 'font-size', 'cursor', 'box-sizing']) out[`${sel} ${p}`] = cs.getPropertyValue(p);
  }
  // The bar's height is its content's: a narrow card wraps "+ tag" and Note to a second line.
  delete out['.bar height'];
  return out;
}

/** How a toolbar's shadow root gets toolbar.css: an adopted sheet, or a <style> where adopting throws. */
function styledBy(id: string): { adopted: number; styles: number; tagButton: string | null } {
  const root = document.querySelector(`papershelf-toolbar[data-papershelf-id="${id}"]`)!.shadowRoot!;
  const tag = root.querySelector('button.taginput');
  const cs = tag && getComputedStyle(tag);
  return {
    adopted: root.adoptedStyleSheets.length,
    styles: root.querySelectorAll('style').length,
    tagButton: cs && `${cs.height} ${cs.borderTopStyle} ${cs.borderRadius}`,
  };
}

/** The saved papers the popup lists, as the titles they show, in order. */
function rowTitles(titles: string[]): Array<string | null> {
  return [...document.querySelectorAll('ul[aria-label="Saved papers"] > li')].map((li) => titles.find((t) => li.textContent?.includes(t)) ?? null);
}

const BOTH_TITLES = [A.title, B.title];

/** A saved paper's toolbar: Save (now Saved), tags, the note and Send to Zotero. */
const SAVED_BUTTONS = ['★ Saved', '+ tag', '✎ Note', '→ Zotero'];

const ICONS = { '16': 'icon/16.png', '32': 'icon/32.png', '48': 'icon/48.png', '96': 'icon/96.png', '128': 'icon/128.png' };

export const journeys: readonly Journey[] = [
  {
    name: 'the installed add-on: its manifest (icons, gecko settings) and icons of the declared sizes',
    async run({ extension }) {
      const manifest = JSON.parse(readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      same(
        [manifest.icons, (manifest.browser_action as { default_icon?: unknown } | undefined)?.default_icon, manifest.browser_specific_settings],
        [ICONS, ICONS, { gecko: { id: 'papershelf@papershelf.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } } }],
        'the Firefox manifest',
      );
      // MV2 names the toolbar button's shortcut _execute_browser_action (_execute_action is MV3's).
      same(
        Object.keys(manifest.commands as Record<string, unknown>).filter((c) => c.startsWith('_execute')).sort(),
        ['_execute_browser_action', '_execute_sidebar_action'],
        'the shortcuts that open the list',
      );
      same(Object.values(ICONS).map((f) => pngSize(readFileSync(path.join(EXT_DIR, f)))), [16, 32, 48, 96, 128].map((n) => ({ width: n, height: n })), 'the PNGs');
      // Firefox loads them from the add-on (as its toolbar and about:addons do).
      const popup = await extension('popup.html');
      same(await popup.evaluate(decodedWidths, Object.values(ICONS)), [16, 32, 48, 96, 128], 'the icons as Firefox decodes them');
    },
  },
  {
    name: 'Hugging Face feed: one toolbar per card, styled before and after the pointer reaches it',
    async run({ session, feed }) {
      const page = await feed(HF);
      await until(page, toolbarStates, undefined, HF_PAPERS.map((p) => [p.id, 'unsaved']), 'toolbars of the feed');
      // The skeleton is styled by the content script's manifest CSS, through its parts.
      const before = await page.evaluate(lookOf, A.id);
      same(before, {
        '.bar display': 'inline-flex', '.bar padding-left': '6px', '.bar border-top-style': 'solid', '.bar border-top-width': '1px',
        '.bar border-radius': '8px', '.bar font-size': '13px', '.bar cursor': 'auto', '.bar box-sizing': 'border-box',
        '.save display': 'flex', '.save height': '24px', '.save padding-left': '8px', '.save border-top-style': 'solid', '.save border-top-width': '1px',
        '.save border-radius': '6px', '.save font-size': '13px', '.save cursor': 'pointer', '.save box-sizing': 'border-box',
      }, 'the skeleton\'s look');
      await (await inToolbar(page, A.id, 'button.save')).hover();
      await until(page, toolbarShows, A.id, { state: 'unsaved', buttons: ['☆ Save', '+ tag', '✎ Note'], tags: [], note: null, status: null }, 'the toolbar the pointer reached');
      await page.mouse.move(0, 0);
      // Its own sheet (toolbar.css) now styles Save exactly as the page's rules did, and "+ tag".
      same(await page.evaluate(lookOf, A.id), before, 'the look once the view attached');
      const adopts = session.major >= 153;
      same(await page.evaluate(styledBy, A.id), { adopted: adopts ? 1 : 0, styles: adopts ? 0 : 1, tagButton: '24px dashed 6px' }, 'toolbar.css in the shadow root');
      // A card nobody pointed at keeps the skeleton.
      const last = HF_PAPERS[HF_PAPERS.length - 1]!.id;
      same(await page.evaluate(toolbarShows, last), { state: 'unsaved', buttons: ['☆ Save'], tags: [], note: null, status: null }, 'an untouched toolbar');
    },
  },
  {
    name: 'a page whose CSP allows no inline styles: the toolbar is styled all the same',
    async run({ session, feed }) {
      const page = await feed(HF, "default-src 'self'; style-src 'self'");
      await until(page, toolbarStates, undefined, HF_PAPERS.map((p) => [p.id, 'unsaved']), 'toolbars of the feed');
      const last = HF_PAPERS[HF_PAPERS.length - 1]!.id;
      await (await inToolbar(page, last, 'button.save')).hover();
      await until(page, toolbarShows, last, { state: 'unsaved', buttons: ['☆ Save', '+ tag', '✎ Note'], tags: [], note: null, status: null }, 'the toolbar the pointer reached');
      // A <style> a content script adds is exempt from the page's CSP (Firefox 140).
      const adopts = session.major >= 153;
      same(await page.evaluate(styledBy, last), { adopted: adopts ? 1 : 0, styles: adopts ? 0 : 1, tagButton: '24px dashed 6px' }, 'toolbar.css in the shadow root');
    },
  },
  {
    name: 'Hugging Face: Save, a tag, a note and a status work; a second tab follows',
    async run({ feed }) {
      const page = await feed(HF);
      const other = await feed(HF);
      for (const p of [page, other]) await until(p, toolbarStates, undefined, HF_PAPERS.map((x) => [x.id, 'unsaved']), 'toolbars of the feed');
      // Input goes to the tab in front (a background tab's frames are throttled: clicks there take seconds).
      await page.bringToFront();

      await (await inToolbar(page, A.id, 'button.save')).click();
      const saved = { state: 'saved', buttons: SAVED_BUTTONS, tags: [], note: null, status: 'unread' };
      await until(page, toolbarShows, A.id, saved, 'the saved toolbar');
      await until(other, toolbarStates, undefined, HF_PAPERS.map((x) => [x.id, x.id === A.id ? 'saved' : 'unsaved']), 'the second tab after Save');

      await (await inToolbar(page, A.id, 'button.taginput')).click();
      await page.keyboard.type('world-models');
      await page.keyboard.press('Enter');
      // The "+ tag" button became the tag field.
      const tagged = { ...saved, buttons: ['★ Saved', '[Add tag]', '✎ Note', '→ Zotero'], tags: ['world-models'] };
      await until(page, toolbarShows, A.id, tagged, 'the toolbar after a tag');

      await (await inToolbar(page, A.id, 'button.notebtn')).click();
      await (await inToolbar(page, A.id, 'textarea')).type(NOTE);
      await (await inToolbar(page, A.id, '.note button.primary')).click();
      await until(page, toolbarShows, A.id, { ...tagged, note: NOTE }, 'the toolbar after a note');

      same(await (await inToolbar(page, A.id, 'select.status')).select('reading'), ['reading'], 'the status picked');
      await until(page, toolbarShows, A.id, { ...tagged, note: NOTE, status: 'reading' }, 'the toolbar after a status');
      // The other tab shows all of it without a reload.
      await until(other, toolbarShows, A.id, { ...saved, tags: ['world-models'], note: NOTE, status: 'reading' }, 'the second tab');
    },
  },
  {
    name: 'arXiv listing: one toolbar per card; Save and a tag work',
    async run({ feed }) {
      const page = await feed(ARXIV);
      await until(page, toolbarStates, undefined, ARXIV_PAPERS.map((p) => [p.id, 'unsaved']), 'toolbars of the listing');
      // arXiv lays out every entry: its toolbars skip rendering off screen (page.css, manifest CSS).
      same(await page.evaluate(() => [...document.querySelectorAll('papershelf-toolbar')].map((h) => getComputedStyle(h).contentVisibility)), ARXIV_PAPERS.map(() => 'auto'), 'content-visibility of the hosts');
      await (await inToolbar(page, B.id, 'button.save')).click();
      const saved = { state: 'saved', buttons: SAVED_BUTTONS, tags: [], note: null, status: 'unread' };
      await until(page, toolbarShows, B.id, saved, 'the saved toolbar');
      await (await inToolbar(page, B.id, 'button.taginput')).click();
      await page.keyboard.type('parity');
      await page.keyboard.press('Enter');
      await until(page, toolbarShows, B.id, { ...saved, buttons: ['★ Saved', '[Add tag]', '✎ Note', '→ Zotero'], tags: ['parity'] }, 'the toolbar after a tag');
      await until(page, toolbarStates, undefined, ARXIV_PAPERS.map((p) => [p.id, p.id === B.id ? 'saved' : 'unsaved']), 'toolbars after Save');
    },
  },
  {
    name: 'CVF listing: each toolbar takes the place its card kept, so nothing moves',
    async run({ feed }) {
      const page = await feed(CVF);
      await until(page, toolbarStates, undefined, CVF_PAPERS.map((p) => [p.id, 'unsaved']), 'toolbars of the listing');
      // lib/sites/cvf/slot.css: the authors dd keeps 44px from the first layout; with its toolbar
      // in, the kept place goes and the toolbar is exactly as tall.
      same(
        await page.evaluate(() => [...document.querySelectorAll('dt.ptitle + dd')].map((dd) => [getComputedStyle(dd, '::after').display, dd.querySelector('papershelf-toolbar')?.getBoundingClientRect().height])),
        CVF_PAPERS.map(() => ['none', 44]),
        'the kept places and the toolbars in them',
      );
    },
  },
  {
    name: 'popup: lists, searches and edits; an open feed follows',
    async run({ feed, extension }) {
      const page = await feed(HF);
      await until(page, toolbarShows, A.id, { state: 'saved', buttons: SAVED_BUTTONS, tags: ['world-models'], note: NOTE, status: 'reading' }, 'the saved paper on a fresh feed');
      const popup = await extension('popup.html');
      // Most recently saved first.
      await until(popup, rowTitles, BOTH_TITLES, [B.title, A.title], 'the reading list');
      const search = await element(popup, 'input[type="search"]');
      await search.click();
      await popup.keyboard.type('zebraf');
      await until(popup, rowTitles, BOTH_TITLES, [A.title], 'a search by a word of the note');
      await popup.keyboard.type(' nothingmatches');
      await until(popup, rowTitles, BOTH_TITLES, [], 'a search matching nothing');
      await search.click({ count: 3 });
      await popup.keyboard.press('Backspace');
      await until(popup, rowTitles, BOTH_TITLES, [B.title, A.title], 'the cleared search');

      const status = await element(popup, `select[aria-label="Status of ${A.title.replace(/"/g, '\\"')}"]`);
      same(await status.select('read'), ['read'], 'the status picked');
      await until(page, toolbarShows, A.id, { state: 'saved', buttons: SAVED_BUTTONS, tags: ['world-models'], note: NOTE, status: 'read' }, 'the feed after the popup set the status');

      await (await element(popup, `button[aria-label="Remove ${A.title.replace(/"/g, '\\"')}"]`)).click();
      await until(popup, rowTitles, BOTH_TITLES, [B.title], 'the list after Remove');
      await until(page, toolbarStates, undefined, HF_PAPERS.map((p) => [p.id, 'unsaved']), 'the feed after the popup removed the paper');
      // Its view stays attached (the feed showed it saved): Save with "+ tag" and Note, nothing else.
      same(await page.evaluate(toolbarShows, A.id), { state: 'unsaved', buttons: ['☆ Save', '+ tag', '✎ Note'], tags: [], note: null, status: null }, 'the removed paper\'s toolbar');
    },
  },
  {
    name: 'seen history: a paper on screen on Hugging Face says seen on an arXiv listing, the others New',
    async run({ feed, extension }) {
      const ext = await extension('popup.html');
      const page = await feed(HF);
      await until(page, toolbarStates, undefined, HF_PAPERS.map((p) => [p.id, 'unsaved']), 'toolbars of the feed');
      // The shared paper's card is the first: on screen from the start, recorded after a second
      // in the tab in front (a hidden tab counts no time).
      await page.bringToFront();
      // (page.evaluate awaits the promise: until compares what it resolves to)
      await until(ext, seenIds as unknown as () => boolean, undefined, true, `${SHARED} in the seen history`);
      const ax = await feed(CROSS);
      const want = CROSS_PAPERS.map((p) => (p.id === SHARED ? [p.id, null, 'true', null] : [p.id, 'true', null, 'New']));
      await until(ax, seenMarks, undefined, want, 'New and seen marks of the listing');
    },
  },
];

const CROSS = urlOf('arxiv', 'list-cross');
const CROSS_PAPERS = expected('arxiv', 'list-cross').papers;
/** the one paper the Hugging Face daily fixture and the arXiv cross-list share */
const SHARED = 'arxiv:2602.21847';

/** Whether the seen history (IndexedDB on the extension's origin) holds the shared paper. */
function seenIds(): Promise<boolean> {
  return new Promise((resolve) => {
    const open = indexedDB.open('papershelf');
    open.onsuccess = () => {
      const req = open.result.transaction('seen').objectStore('seen').getKey('arxiv:2602.21847');
      req.onsuccess = () => resolve(req.result !== undefined);
      req.onerror = () => resolve(false);
    };
    open.onerror = () => resolve(false);
  });
}

/** Every toolbar: [paper id, New mark, seen mark, the label it shows]. */
function seenMarks(): Array<[string | null, string | null, string | null, string | null]> {
  return [...document.querySelectorAll('papershelf-toolbar')].map((h) => [
    h.getAttribute('data-papershelf-id'),
    h.getAttribute('data-papershelf-new'),
    h.getAttribute('data-papershelf-seen'),
    h.shadowRoot?.querySelector('.bar > .new')?.textContent ?? null,
  ]);
}
