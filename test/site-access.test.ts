/**
 * Sites turned on (lib/site-access.ts) on fakeBrowser with browser-like permissions and
 * scripting (test/helpers/fake-access.ts): origins and patterns, the request made straight from
 * the click, registering the right content script, turning off, the background's reconcile at
 * startup (a browser that did not keep the scripts, a permission taken back), the permission
 * events, and the tabs told about changes.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  changeTabPatterns,
  EMBEDDED_SCRIPT,
  granted,
  isListedOrigin,
  isListedPage,
  matchesPattern,
  originFromPattern,
  originOf,
  PENDING_KEY,
  reconcile,
  requestSite,
  revoked,
  scriptIdOf,
  setupSiteAccess,
  sitesOn,
  SITES_ON_KEY,
  turnOff,
  turnOn,
  watchSitesOn,
} from '@/lib/site-access';
import { CONTENT_MATCHES } from '@/lib/sites/registry';
import { fakeAccess, type FakeAccess } from './helpers/fake-access';

const J = 'https://journals.example.org';
const JP = `${J}/*`;
let fake: FakeAccess;

beforeEach(() => {
  fakeBrowser.reset();
  fake = fakeAccess();
});
afterEach(() => vi.restoreAllMocks());

describe('origins and patterns', () => {
  it('originOf takes a URL or what a user types; only http(s) sites', () => {
    expect(originOf('https://journals.example.org/article/1?x=2#y')).toBe(J);
    expect(originOf('journals.example.org')).toBe(J);
    expect(originOf('  JOURNALS.example.org/path ')).toBe(J);
    expect(originOf('http://old.example.org:8080/x')).toBe('http://old.example.org:8080');
    expect(originOf(new URL('https://a.b.org/'))).toBe('https://a.b.org');
    for (const bad of ['chrome://extensions', 'file:///tmp/x.html', 'javascript:alert(1)', 'about:blank', 'localhost', 'not a url', '', 'https://user:pw@x.org/', 'ftp://x.org/']) {
      expect(originOf(bad), bad).toBeNull();
    }
  });

  it('originFromPattern reads back only the patterns patternOf makes', () => {
    expect(originFromPattern(JP)).toBe(J);
    expect(originFromPattern('http://x.org/*')).toBe('http://x.org');
    expect(originFromPattern('https://*/*')).toBeNull();
    expect(originFromPattern('https://x.org/path/*')).toBeNull();
    expect(originFromPattern('<all_urls>')).toBeNull();
  });

  it('matchesPattern follows the browsers: scheme, host (with *.), path with the query', () => {
    expect(matchesPattern('https://huggingface.co/papers*', 'https://huggingface.co/papers?q=x')).toBe(true);
    expect(matchesPattern('https://huggingface.co/papers*', 'http://huggingface.co/papers')).toBe(false);
    expect(matchesPattern('https://dblp.org/search*', 'https://dblp.org/search?q=a')).toBe(true);
    expect(matchesPattern('https://dblp.org/pid/*', 'https://dblp.org/db/conf/x.html')).toBe(false);
    expect(matchesPattern('*://*.example.org/*', 'http://a.example.org/x')).toBe(true);
    expect(matchesPattern('*://*.example.org/*', 'https://example.org/')).toBe(true);
    expect(matchesPattern('*://*.example.org/*', 'https://badexample.org/')).toBe(false);
    expect(matchesPattern('https://x.org/a.b*', 'https://x.org/aXb')).toBe(false);
    expect(matchesPattern('https://x.org/*', 'not a url')).toBe(false);
  });

  it('a listed site’s content-script pages and hosts are its own', () => {
    expect(isListedPage('https://arxiv.org/abs/2401.00001')).toBe(true);
    expect(isListedPage('https://arxiv.org/help/api')).toBe(false);
    expect(isListedPage('https://scholar.google.de/scholar?q=x')).toBe(true);
    expect(isListedPage('https://journals.example.org/a/1')).toBe(false);
    expect(isListedOrigin('https://arxiv.org')).toBe(true);
    expect(isListedOrigin('https://www.cv-foundation.org')).toBe(true);
    // Not a listed host permission: plain http, another Scholar country domain.
    expect(isListedOrigin('http://arxiv.org')).toBe(false);
    expect(isListedOrigin('https://scholar.google.com.mx')).toBe(false);
    expect(isListedOrigin(J)).toBe(false);
  });
});

describe('turning a site on and off', () => {
  it('requestSite asks for that one origin straight from the click, then registers the embedded script and lists the site', async () => {
    const pending = requestSite(J, EMBEDDED_SCRIPT);
    // Called synchronously: nothing awaited before the browser's request (a user gesture).
    expect(fake.requests).toEqual([[JP]]);
    const site = await pending;
    expect(site).toMatchObject({ origin: J, script: 'embedded' });
    expect([...fake.scripts.values()]).toEqual([
      { id: scriptIdOf(J), matches: [JP], js: ['content-scripts/embedded.js'], css: ['content-scripts/embedded.css'], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true },
    ]);
    expect((await sitesOn()).map((s) => [s.origin, s.script])).toEqual([[J, 'embedded']]);
    // The choice was kept first, for a background finishing the request.
    expect((await fakeBrowser.storage.local.get(PENDING_KEY))[PENDING_KEY]).toMatchObject({ origin: J, script: 'embedded' });
  });

  it('a listed adapter’s page registers that site’s own script; turning on again from such a page switches the script', async () => {
    await requestSite(J, EMBEDDED_SCRIPT);
    await requestSite(J, 'scholar');
    expect(fake.scripts.get(scriptIdOf(J))).toMatchObject({ js: ['content-scripts/scholar.js'], css: ['content-scripts/scholar.css'] });
    expect((await sitesOn()).map((s) => [s.origin, s.script])).toEqual([[J, 'scholar']]);
  });

  it('a refused prompt turns nothing on', async () => {
    fake.answer = false;
    expect(await requestSite(J, EMBEDDED_SCRIPT)).toBeNull();
    expect(fake.scripts.size).toBe(0);
    expect(await sitesOn()).toEqual([]);
  });

  it('refuses a listed site’s host and an unknown script', async () => {
    fake.granted.add('https://arxiv.org/*');
    await expect(turnOn('https://arxiv.org', EMBEDDED_SCRIPT)).rejects.toThrow(/supported sites/);
    await expect(turnOn(J, 'nonsense')).rejects.toThrow(/No content script/);
    expect(fake.scripts.size).toBe(0);
  });

  it('turnOn twice at once (the popup and the background) registers once', async () => {
    fake.granted.add(JP);
    await Promise.all([turnOn(J, EMBEDDED_SCRIPT), turnOn(J, EMBEDDED_SCRIPT)]);
    expect(fake.scripts.size).toBe(1);
    expect(await sitesOn()).toHaveLength(1);
  });

  it('turnOff unregisters the script, gives the origin back and drops the site; other sites stay', async () => {
    await requestSite(J, EMBEDDED_SCRIPT);
    await requestSite('https://papers.example.net', EMBEDDED_SCRIPT);
    const seen: string[][] = [];
    const stop = watchSitesOn((list) => seen.push(list.map((s) => s.origin)));
    await turnOff(J);
    stop();
    expect([...fake.scripts.keys()]).toEqual([scriptIdOf('https://papers.example.net')]);
    expect([...fake.granted]).toEqual(['https://papers.example.net/*']);
    expect((await sitesOn()).map((s) => s.origin)).toEqual(['https://papers.example.net']);
    expect(seen.at(-1)).toEqual(['https://papers.example.net']);
  });

  it('the tabs told about changes: the listed sites’ pages and every site turned on', async () => {
    expect(await changeTabPatterns()).toEqual([...CONTENT_MATCHES]);
    await requestSite(J, EMBEDDED_SCRIPT);
    expect(await changeTabPatterns()).toEqual([...CONTENT_MATCHES, JP]);
  });

  it('a stored list that is not what this code writes is read safely', async () => {
    await fakeBrowser.storage.local.set({
      [SITES_ON_KEY]: [{ origin: J, script: 'evil', since: 5 }, { origin: 'javascript:alert(1)' }, null, 'x', { origin: J, script: 'embedded' }, { origin: 'https://a.org/x' }],
    });
    expect(await sitesOn()).toEqual([{ origin: J, script: 'embedded', since: 5 }]);
  });
});

describe('the background', () => {
  it('reconcile registers again the scripts a browser did not keep (Firefox), drops sites whose access is gone and stray scripts', async () => {
    await requestSite(J, EMBEDDED_SCRIPT);
    await requestSite('https://gone.example.net', EMBEDDED_SCRIPT);
    // A restart that kept the permissions but not the scripts; one permission taken back; a stray script.
    fake.scripts.clear();
    fake.granted.delete('https://gone.example.net/*');
    fake.scripts.set(scriptIdOf('https://old.example.com'), { id: scriptIdOf('https://old.example.com'), matches: ['https://old.example.com/*'] });
    await reconcile();
    expect([...fake.scripts.keys()]).toEqual([scriptIdOf(J)]);
    expect((await sitesOn()).map((s) => s.origin)).toEqual([J]);
  });

  it('a permission granted while the popup waited (the popup closed for the prompt) is finished by the background', async () => {
    await fakeBrowser.storage.local.set({ [PENDING_KEY]: { origin: J, script: 'embedded', at: Date.now() } });
    fake.granted.add(JP);
    await granted(['https://other.org/*']);
    expect(fake.scripts.size).toBe(0);
    await granted([JP]);
    expect([...fake.scripts.keys()]).toEqual([scriptIdOf(J)]);
    expect((await fakeBrowser.storage.local.get(PENDING_KEY))[PENDING_KEY]).toBeUndefined();
    // An old request is not finished.
    await fakeBrowser.storage.local.set({ [PENDING_KEY]: { origin: 'https://late.org', script: 'embedded', at: Date.now() - 3_600_000 } });
    await granted(['https://late.org/*']);
    expect(fake.scripts.has(scriptIdOf('https://late.org'))).toBe(false);
  });

  it('setupSiteAccess follows permission events: taken back in the browser’s settings turns the site off', async () => {
    await requestSite(J, EMBEDDED_SCRIPT);
    setupSiteAccess();
    await vi.waitFor(() => expect(fake.removed).toHaveLength(1));
    await fakeBrowser.permissions.remove({ origins: [JP] });
    await vi.waitFor(async () => expect(await sitesOn()).toEqual([]));
    expect(fake.scripts.size).toBe(0);
    // revoked() of an origin that is not on changes nothing.
    await revoked(['https://nothing.org/*']);
    expect(await sitesOn()).toEqual([]);
  });
});
