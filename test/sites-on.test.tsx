/**
 * The options page's "Other sites" (components/options/SitesOnSection wired by
 * entrypoints/options/SitesOn.tsx): the sites turned on with what their toolbar reads, Turn off,
 * and turning one on by its address (the request made in the submit itself; bad addresses and
 * listed sites refused with a message); then the same on lib/site-access over fakeBrowser.
 */
import axe from 'axe-core';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SitesOn, toRows } from '@/entrypoints/options/SitesOn';
import { scriptIdOf, sitesOn, type SiteOn } from '@/lib/site-access';
import { fakeAccess } from './helpers/fake-access';
import { $, container, mount, useContainer, waitFor } from './helpers/view';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());
useContainer(); // after hooks run last-registered first: unmount, then restore the mocks

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
function submit(address: string) {
  const input = $<HTMLInputElement>('#sites-on-address')!;
  act(() => {
    input.value = address;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => void $('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
}
const rows = () => [...container.querySelectorAll('ul[aria-label="Sites turned on"] > li')].map(text);

const ON: SiteOn[] = [
  { origin: 'https://journals.example.org', script: 'embedded', since: Date.UTC(2026, 2, 4) },
  { origin: 'http://scholar.google.com.mx', script: 'scholar', since: 0 },
];

function fakeApi(list: SiteOn[] = ON) {
  let current = list;
  const listeners = new Set<(l: SiteOn[]) => void>();
  const set = (l: SiteOn[]) => {
    current = l;
    for (const f of listeners) f(l);
  };
  return {
    list: vi.fn(async () => current),
    watch: (f: (l: SiteOn[]) => void) => (listeners.add(f), () => void listeners.delete(f)),
    request: vi.fn(async (origin: string, script: string) => {
      const s = { origin, script, since: 1 };
      set([...current, s]);
      return s;
    }),
    turnOff: vi.fn(async (origin: string) => set(current.filter((s) => s.origin !== origin))),
  };
}

describe('Other sites', () => {
  it('lists the sites turned on with what their toolbar reads', () => {
    expect(toRows(ON)).toEqual([
      { origin: 'https://journals.example.org', name: 'journals.example.org', reads: 'paper pages (their embedded metadata)', since: ON[0]!.since },
      { origin: 'http://scholar.google.com.mx', name: 'http://scholar.google.com.mx', reads: 'Google Scholar pages', since: 0 },
    ]);
  });

  it('shows them with Turn off, which turns that one off', async () => {
    const api = fakeApi();
    mount(<SitesOn api={api} />);
    await waitFor(() => expect(rows()).toEqual([
      'journals.example.org paper pages (their embedded metadata), on since Mar 4, 2026Turn off',
      'http://scholar.google.com.mx Google Scholar pagesTurn off',
    ]));
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
    act(() => $<HTMLButtonElement>('button[aria-label="Turn off journals.example.org"]')!.click());
    expect(api.turnOff).toHaveBeenCalledWith('https://journals.example.org');
    await waitFor(() => expect(rows()).toEqual(['http://scholar.google.com.mx Google Scholar pagesTurn off']));
    expect(text($('[role="status"]'))).toBe('PaperShelf is off for journals.example.org.');
  });

  it('turns a site on by its address, asking in the submit itself', async () => {
    const api = fakeApi([]);
    mount(<SitesOn api={api} />);
    await waitFor(() => expect(text($('.card > p:nth-of-type(2)'))).toBe('No other site is turned on.'));
    submit('https://papers.example.net/some/article?id=3');
    expect(api.request).toHaveBeenCalledWith('https://papers.example.net', 'embedded');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(text($('[role="status"]'))).toMatch(/^PaperShelf is on for papers\.example\.net/);
  });

  it('refuses what is not a web address and the supported sites, asking nothing', async () => {
    const api = fakeApi([]);
    mount(<SitesOn api={api} />);
    submit('chrome://settings');
    expect(text($('[role="alert"]'))).toBe('“chrome://settings” is not a web address (example: journals.example.org).');
    submit('arxiv.org');
    expect(text($('[role="alert"]'))).toBe('arxiv.org is one of the supported sites: PaperShelf reads it already (Settings above).');
    expect(api.request).not.toHaveBeenCalled();
  });

  it('on the extension’s own site access: the prompt refused, then allowed; Turn off gives the origin back', async () => {
    const fake = fakeAccess();
    fake.answer = false;
    mount(<SitesOn />);
    submit('journals.example.org');
    await waitFor(() => expect(text($('[role="alert"]'))).toBe('journals.example.org was not allowed: PaperShelf stays off there.'));
    expect(fake.requests).toEqual([['https://journals.example.org/*']]);
    fake.answer = true;
    submit('journals.example.org');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect([...fake.scripts.keys()]).toEqual([scriptIdOf('https://journals.example.org')]);
    act(() => $<HTMLButtonElement>('button[aria-label="Turn off journals.example.org"]')!.click());
    await waitFor(() => expect(rows()).toEqual([]));
    expect(fake.granted.size).toBe(0);
    expect(fake.scripts.size).toBe(0);
    expect(await sitesOn()).toEqual([]);
  });
});
