/**
 * "Save this page", below the view: what the page-reader script reads in the page
 * (lib/page-reading.ts, on the embedded fixtures), and how the popup finds its tab, injects the
 * reader and parses its answer with zod (lib/page-access.ts, on fakeBrowser with a fake
 * scripting.executeScript): restricted pages, stores, PDFs, listed sites, hostile answers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { findTab, fromReading, MESSAGES, precheck, readActivePage, readTab } from '@/lib/page-access';
import { listedSiteFor, readThisPage } from '@/lib/page-reading';
import { fixtureUrl } from './fixture-url';
import { fakeAccess, type FakeAccess } from './helpers/fake-access';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures', 'embedded');

function fixture(name: string): { doc: Document; url: string } {
  const html = readFileSync(path.join(FIXTURES, `${name}.html`), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, url: fixtureUrl(html)! };
}

function expected(name: string): { id: string; title: string } {
  return (JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as { papers: Array<{ id: string; title: string }> }).papers[0]!;
}

let fake: FakeAccess;
beforeEach(() => {
  fakeBrowser.reset();
  fake = fakeAccess();
});
afterEach(() => vi.restoreAllMocks());

describe('in the page: readThisPage', () => {
  it('reads the paper of a publisher page, as the embedded reader does', () => {
    const { doc, url } = fixture('citation-journal');
    const r = readThisPage(doc, url);
    expect(r.listed).toBeNull();
    expect(r.draft).toMatchObject(expected('citation-journal'));
    expect(r).toMatchObject({ url, contentType: 'text/html' });
  });

  it('a page without title metadata has no paper', () => {
    const { doc, url } = fixture('no-metadata');
    expect(readThisPage(doc, url).draft).toBeNull();
  });

  it('names the listed site whose adapter claims the address (outside its content script’s matches too)', () => {
    expect(listedSiteFor('https://arxiv.org/abs/2401.00001')).toBe('arxiv');
    expect(listedSiteFor('http://dblp.org/pid/34/10186.html')).toBe('dblp');
    expect(listedSiteFor('https://journals.example.org/a/1')).toBeNull();
    const { doc } = fixture('citation-journal');
    // A listed site's page is its adapter's (its cards), not one paper.
    expect(readThisPage(doc, 'http://dblp.org/pid/34/10186.html')).toMatchObject({ listed: 'dblp', draft: null });
  });

  it('never throws: a document that breaks the reader is no paper', () => {
    const broken = { querySelectorAll: () => { throw new Error('boom'); }, querySelector: () => { throw new Error('boom'); } } as unknown as ParentNode;
    expect(readThisPage(broken, 'https://x.example.org/')).toMatchObject({ draft: null, listed: null });
  });
});

describe('in the popup: parsing what the page answered', () => {
  const reading = (over: Record<string, unknown> = {}) => {
    const { doc, url } = fixture('citation-journal');
    return { ...readThisPage(doc, url), ...over };
  };

  it('a paper: parsed with zod, with its origin, host and the script a site turned on would get', () => {
    const p = fromReading(reading());
    expect(p).toMatchObject({ kind: 'read', origin: 'https://www.annals-of-tidal-ecology.example', host: 'www.annals-of-tidal-ecology.example', script: 'embedded', listedOrigin: false });
    expect(p.kind === 'read' && p.draft?.id).toBe(expected('citation-journal').id);
  });

  it('a draft that fails the schema is no paper; an answer that is not a reading is an unreadable page', () => {
    expect(fromReading(reading({ draft: { id: 'x', title: 42 } }))).toMatchObject({ kind: 'read', draft: null });
    expect(fromReading(reading({ draft: { ...reading().draft, links: { page: 'javascript:alert(1)' } } }))).toMatchObject({ kind: 'read', draft: null });
    for (const bad of [null, undefined, 'x', 42, { url: 'https://x.org/' }, { url: 1, contentType: '', draft: null, listed: null }]) {
      expect(fromReading(bad)).toEqual({ kind: 'unavailable', message: MESSAGES.blocked });
    }
  });

  it('a PDF in the browser’s viewer, a listed adapter’s page, a listed site’s own page', () => {
    expect(fromReading(reading({ contentType: 'application/pdf', draft: null }))).toEqual({ kind: 'unavailable', message: MESSAGES.pdf });
    expect(fromReading(reading({ url: 'http://dblp.org/pid/1.html', draft: null, listed: 'dblp' }))).toMatchObject({ kind: 'read', script: 'dblp', host: 'dblp.org', draft: null });
    expect(fromReading(reading({ url: 'https://arxiv.org/abs/2401.00001', listed: 'arxiv' }))).toEqual({ kind: 'listed' });
  });

  it('precheck: browser pages, stores and listed pages before anything is injected', () => {
    expect(precheck('chrome://extensions/')).toEqual({ kind: 'unavailable', message: MESSAGES.notWeb });
    expect(precheck('about:addons')).toEqual({ kind: 'unavailable', message: MESSAGES.notWeb });
    expect(precheck('file:///home/me/paper.html')).toEqual({ kind: 'unavailable', message: MESSAGES.notWeb });
    expect(precheck('https://chromewebstore.google.com/detail/x')).toEqual({ kind: 'unavailable', message: MESSAGES.store });
    expect(precheck('https://addons.mozilla.org/en-US/firefox/')).toEqual({ kind: 'unavailable', message: MESSAGES.store });
    expect(precheck('https://huggingface.co/papers')).toEqual({ kind: 'listed' });
    expect(precheck('https://journals.example.org/')).toBeNull();
    expect(precheck(undefined)).toBeNull();
  });
});

/**
 * A new tab that is the active one of the popup's window (fakeBrowser's tabs.create ignores
 * `active`: its query answers with this tab for the active tab of the current window).
 */
async function activeTab(url: string) {
  const made = await fakeBrowser.tabs.create({ url });
  const query = fakeBrowser.tabs.query.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (q) => (q.active && q.currentWindow && Object.keys(q).length === 2 ? [made] : query(q)));
  return made;
}

describe('in the popup: the tab and the injection', () => {
  it('finds the active tab of its window, or the tab its address names (?tab=, the tests)', async () => {
    const active = await activeTab('https://journals.example.org/a/1');
    const other = await fakeBrowser.tabs.create({ url: 'https://other.example.org/', active: false });
    expect(await findTab('')).toEqual({ id: active.id, url: 'https://journals.example.org/a/1' });
    expect(await findTab(`?tab=${other.id}`)).toEqual({ id: other.id, url: 'https://other.example.org/' });
    // Not a number: the active tab.
    expect((await findTab('?tab=abc'))?.id).toBe(active.id);
  });

  it('injects /page-reader.js into that tab and parses its answer', async () => {
    const { doc, url } = fixture('citation-journal');
    const tab = await activeTab(url);
    const injected: Array<[number, string[]]> = [];
    fake.inject = (tabId, files) => {
      injected.push([tabId, files]);
      return readThisPage(doc, url);
    };
    const p = await readActivePage('');
    expect(injected).toEqual([[tab.id, ['/page-reader.js']]]);
    expect(p.kind === 'read' && p.draft?.title).toBe(expected('citation-journal').title);
  });

  it('injects nothing on a browser page or a listed site’s page; a refused injection gets a plain message', async () => {
    fake.inject = () => {
      throw new Error('should not inject');
    };
    expect(await readTab({ id: 1, url: 'chrome://newtab/' })).toEqual({ kind: 'unavailable', message: MESSAGES.notWeb });
    expect(await readTab({ id: 1, url: 'https://arxiv.org/list/cs.LG/new' })).toEqual({ kind: 'listed' });
    expect(await readTab(null)).toEqual({ kind: 'unavailable', message: MESSAGES.noTab });
    // The popup opened as a page of its own is the active tab: nothing to read, nothing shown.
    expect(await readTab({ id: 1, url: fakeBrowser.runtime.getURL('/popup.html') })).toEqual({ kind: 'self' });
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page.'));
    expect(await readTab({ id: 1, url: 'https://journals.example.org/error' })).toEqual({ kind: 'unavailable', message: MESSAGES.blocked });
    expect(await readTab({ id: 1, url: 'https://journals.example.org/paper.PDF' })).toEqual({ kind: 'unavailable', message: MESSAGES.pdf });
    // A tab whose address the extension cannot see: the page says it.
    expect(await readTab({ id: 1 })).toEqual({ kind: 'unavailable', message: MESSAGES.blocked });
  });
});
