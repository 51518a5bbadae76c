/**
 * Any paper page in real Firefox (the MV2 build): a publisher-like page with citation_* tags,
 * served at https://journals.example.org by this file's own request interception. Run after the
 * other journeys; it leaves the shelf and the sites turned on as it found them.
 *
 * What it grants: the options page's "Turn on a site" asks Firefox for that one origin from a
 * real click (puppeteer's input); the harness turns Firefox's optional-permission prompt off
 * (`extensions.webextOptionalPermissionPrompts: false`, Firefox's own switch for tests), so the
 * request is granted without the doorhanger. `activeTab` needs a click on the toolbar button,
 * which a test cannot make: the popup (popup.html?tab=<id>) reads the page under that granted
 * origin instead.
 */
import type { HTTPRequest, Page } from 'puppeteer-core';
import { element, same, until } from './harness';
import type { Journey } from './journeys.ff';

const ORIGIN = 'https://journals.example.org';
const PAPER_URL = `${ORIGIN}/article/tide-17`;
const TITLE = 'Salt-marsh snails climb with the tide, not the sun';
const ID = 'doi:10.5555/ate.2026.0017';

const PAPER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<meta name="citation_title" content="${TITLE}">
<meta name="citation_author" content="Quist, Mara">
<meta name="citation_author" content="Brandt, Ilse">
<meta name="citation_journal_title" content="Annals of Tidal Ecology">
<meta name="citation_publication_date" content="2026/03/05">
<meta name="citation_doi" content="10.5555/ate.2026.0017">
</head><body><main><h1>${TITLE}</h1><p>Mara Quist, Ilse Brandt</p></main></body></html>`;

/** The publisher's page in a new tab (anything else: 404). */
async function publisherPage(open: () => Promise<Page>): Promise<Page> {
  const page = await open();
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    const done = req.url() === PAPER_URL ? req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: PAPER_HTML }) : req.respond({ status: 404, contentType: 'text/plain', body: 'not served' });
    done.catch(() => undefined);
  });
  await page.goto(PAPER_URL);
  return page;
}

/** Run in an extension page: what the extension knows of the site and the page's tab. */
async function access(args: string[]): Promise<{ granted: boolean; scripts: string[]; tab: number | null; on: string[] }> {
  const [pattern = '', url = ''] = args;
  const b = (globalThis as unknown as { browser: typeof browser }).browser;
  const got = await b.storage.local.get('sitesOn');
  return {
    granted: await b.permissions.contains({ origins: [pattern] }),
    scripts: (await b.scripting.getRegisteredContentScripts()).map((s) => `${s.id} ${(s.js ?? []).join(',')}`),
    tab: (await b.tabs.query({ url })).find((t) => t.url === url)?.id ?? null,
    on: ((got.sitesOn ?? []) as Array<{ origin: string }>).map((s) => s.origin),
  };
}

const toolbarsOf = () => [...document.querySelectorAll('papershelf-toolbar')].map((h) => `${h.getAttribute('data-papershelf-id')} ${h.getAttribute('data-papershelf-state')}`);
const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

export const anyPageJourneys: readonly Journey[] = [
  {
    name: 'any page: a site turned on in the options (one origin asked from the click) gets the toolbar; Save this page in the popup; turned off again',
    async run({ session, extension }) {
      const opened: Page[] = [];
      const open = async () => {
        const p = await session.browser.newPage();
        opened.push(p);
        return p;
      };
      try {
        const page = await publisherPage(open);
        await until(page, () => document.querySelector('h1')?.textContent ?? null, undefined, TITLE, 'the publisher page');
        same(await page.evaluate(toolbarsOf), [], 'toolbars before the site is on');

        // Turn the site on from the options page: a click, one origin.
        const options = await extension('options.html');
        const field = await element(options, '#sites-on-address');
        await field.click();
        await options.keyboard.type('journals.example.org');
        await (await element(options, 'form.sites-on-add button[type="submit"]')).click();
        await until(options, text, 'ul[aria-label="Sites turned on"] .sites-on-name', 'journals.example.org', 'the site listed');
        const on = await options.evaluate(access, [`${ORIGIN}/*`, PAPER_URL]);
        same([on.granted, on.scripts, on.on], [true, [`papershelf-site:${ORIGIN} content-scripts/embedded.js`], [ORIGIN]], 'the origin granted and its script registered (scripting.registerContentScripts in the MV2 build)');

        // A reload shows the toolbar after the title.
        await page.reload();
        await until(page, toolbarsOf, undefined, [`${ID} unsaved`], 'the toolbar on the reloaded page');

        // The popup on that tab: Save this page.
        const { tab } = on;
        if (tab === null) throw new Error('the page’s tab is not visible to the extension');
        const popup = await extension(`popup.html?tab=${tab}`);
        await until(popup, text, '.this-page-title', TITLE, 'This page in the popup');
        same(await popup.evaluate(text, '.this-page-authors'), 'Mara Quist, Ilse Brandt', 'its authors');
        // On already: the popup says so instead of offering it.
        // (the line follows the permission check, which answers after the paper is shown)
        await until(popup, text, '.this-page-site', 'PaperShelf shows its toolbar on journals.example.org (the options turn it off).', 'the site line');
        await (await element(popup, 'button.this-page-save')).click();
        await until(popup, text, 'button.this-page-save', '★ Saved', 'Saved in the popup');
        await until(popup, () => [...document.querySelectorAll('ul[aria-label="Saved papers"] .paper-title')].map((e) => e.textContent).includes(document.querySelector('.this-page-title')?.textContent ?? '-'), undefined, true, 'the paper in the list');
        // The page's toolbar follows (the background tells the tabs of the sites turned on).
        await until(page, toolbarsOf, undefined, [`${ID} saved`], 'the toolbar after Save in the popup');

        // Turn it off in the options: the script and the origin are gone, and the toolbar after a reload.
        await (await element(options, 'button[aria-label="Turn off journals.example.org"]')).click();
        await until(options, text, '#sites-on-heading ~ p:not(.hint)', 'No other site is turned on.', 'the empty list');
        const after = await options.evaluate(access, [`${ORIGIN}/*`, PAPER_URL]);
        same([after.granted, after.scripts, after.on], [false, [], []], 'the access given back');
        await page.reload();
        await until(page, () => document.querySelector('h1')?.textContent ?? null, undefined, TITLE, 'the reloaded page');
        await new Promise((r) => setTimeout(r, 500));
        same(await page.evaluate(toolbarsOf), [], 'toolbars after the site is off');

        // Leave the shelf as it was.
        await (await element(popup, 'button.this-page-save')).click();
        await until(popup, text, 'button.this-page-save', '☆ Save this page', 'removed again');
      } finally {
        await Promise.all(opened.map((p) => p.close().catch(() => undefined)));
      }
    },
  },
];
