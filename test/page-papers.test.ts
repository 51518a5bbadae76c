/**
 * Which papers each tab shows: the background's PagePapers (asks the tab a moment after its
 * lookups, keeps the answer in storage.session, counts the saved ones on the toolbar button's
 * badge, follows changes, tab closes and the setting), the list's ActivePage (follows the active
 * tab's key) and the content script's answer to `pageIds` (lib/content/channel.ts).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onPageIdsRequest } from '@/lib/content/channel';
import { ActivePage } from '@/lib/list/active-page';
import { messaging } from '@/lib/messages';
import { badgeText, PagePapers, pageKey, type PagePapersDeps } from '@/lib/page-papers';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Deps over fakeBrowser's storage.session, with tabs answering from `shown` and `saved` ids. */
function setup(shown: Map<number, string[]>, saved: Set<string>) {
  const badges = new Map<number, string>();
  const asked: number[] = [];
  const deps: PagePapersDeps = {
    ask: async (tab) => {
      asked.push(tab);
      const ids = shown.get(tab);
      if (!ids) throw new Error('No response');
      return ids;
    },
    countSaved: async (ids) => ids.filter((id) => saved.has(id)).length,
    setBadge: async (tab, text) => void badges.set(tab, text),
    store: fakeBrowser.storage.session,
  };
  return { deps, badges, asked };
}

const stored = async (tab: number) => (await fakeBrowser.storage.session.get(pageKey(tab)))[pageKey(tab)];

describe('PagePapers (background)', () => {
  it('asks a tab once for a burst of lookups, stores its ids and counts the saved ones', async () => {
    vi.useFakeTimers();
    const shown = new Map([[1, ['a', 'b', 'c', 'b']]]);
    const { deps, badges, asked } = setup(shown, new Set(['a', 'c']));
    const pages = new PagePapers(deps, 100);
    pages.touched(1);
    pages.touched(1);
    pages.touched(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(badges.get(1)).toBe('2'));
    expect(asked).toEqual([1]);
    expect(await stored(1)).toEqual(['a', 'b', 'c']);
    expect(await pages.idsOf(1)).toEqual(['a', 'b', 'c']);
  });

  it('recounts the tabs showing a changed paper, and clears a tab that no longer answers', async () => {
    const shown = new Map([
      [1, ['a', 'b']],
      [2, ['x']],
    ]);
    const saved = new Set(['a']);
    const { deps, badges } = setup(shown, saved);
    const pages = new PagePapers(deps);
    await pages.refresh(1);
    await pages.refresh(2);
    expect([badges.get(1), badges.get(2)]).toEqual(['1', '']);
    saved.add('b');
    const count = vi.spyOn(deps, 'countSaved');
    await pages.changed(['b']);
    expect(badges.get(1)).toBe('2');
    expect(count).toHaveBeenCalledTimes(1); // tab 2 does not show b
    shown.delete(1); // navigated away: no content script answers
    await pages.refresh(1);
    expect(badges.get(1)).toBe('');
    expect(await stored(1)).toBeUndefined();
  });

  it('drops an answer that arrives after a newer question', async () => {
    let release: (ids: string[]) => void = () => {};
    const { deps, badges } = setup(new Map(), new Set(['new']));
    deps.ask = vi
      .fn<PagePapersDeps['ask']>()
      .mockImplementationOnce(() => new Promise((r) => (release = r)))
      .mockResolvedValueOnce(['new']);
    const pages = new PagePapers(deps);
    const first = pages.refresh(1);
    await pages.refresh(1);
    release(['old']);
    await first;
    expect(await pages.idsOf(1)).toEqual(['new']);
    expect(badges.get(1)).toBe('1');
  });

  it('the setting turns every badge off and back on; a closed tab is forgotten', async () => {
    const { deps, badges } = setup(new Map([[4, ['a']]]), new Set(['a']));
    const pages = new PagePapers(deps);
    await pages.refresh(4);
    expect(badges.get(4)).toBe('1');
    await pages.setBadgeOn(false);
    expect(badges.get(4)).toBe('');
    await pages.changed(['a']);
    expect(badges.get(4)).toBe('');
    await pages.setBadgeOn(true);
    expect(badges.get(4)).toBe('1');
    await pages.closed(4);
    expect(await stored(4)).toBeUndefined();
    expect(await pages.idsOf(4)).toEqual([]);
  });

  it('picks up the pages stored before the service worker went idle', async () => {
    await fakeBrowser.storage.session.set({ [pageKey(9)]: ['a', 'b'], other: 1 });
    const { deps, badges } = setup(new Map(), new Set(['b']));
    const pages = new PagePapers(deps);
    await pages.changed(['b']);
    expect(badges.get(9)).toBe('1');
  });

  it('writes at most four characters on the badge, nothing for none', () => {
    expect([0, 1, 999, 1000, 25_000].map(badgeText)).toEqual(['', '1', '999', '999+', '999+']);
  });
});

describe('ActivePage (the list\'s "On this page")', () => {
  it('follows the active tab and its stored ids', async () => {
    await fakeBrowser.storage.session.set({ [pageKey(5)]: ['a', 'b'] });
    const seen: (string[] | null)[] = [];
    const active = new ActivePage();
    active.start((ids) => seen.push(ids && [...ids]));
    await vi.waitFor(() => expect(seen).toEqual([null])); // no focused window in the fake: nothing known yet
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 5, windowId: 0 });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['a', 'b']));
    await fakeBrowser.storage.session.set({ [pageKey(5)]: ['c'] });
    await fakeBrowser.storage.session.set({ [pageKey(6)]: ['other tab'] });
    expect(seen.at(-1)).toEqual(['c']);
    await fakeBrowser.storage.session.remove(pageKey(5));
    expect(seen.at(-1)).toBeNull();
    active.stop();
    await fakeBrowser.storage.session.set({ [pageKey(5)]: ['late'] });
    expect(seen.at(-1)).toBeNull();
  });
});

describe('the content script answers pageIds in the messaging wire format', () => {
  it('answers the background with the ids of its toolbars, and leaves other messages alone', async () => {
    const listeners: ((m: unknown, s: unknown, reply: (r: unknown) => void) => unknown)[] = [];
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(((l: (typeof listeners)[0]) => void listeners.push(l)) as never);
    // The background's messaging sends through chrome.tabs.sendMessage and reads {res}.
    vi.stubGlobal('chrome', {
      runtime: { onMessage: { addListener: () => undefined }, lastError: undefined },
      tabs: {
        sendMessage: (_tab: number, message: unknown, _o: unknown, callback: (r: unknown) => void) => {
          // A listener that returns true answers later; the first answer is the one sent back.
          let answered = false;
          const reply = (r: unknown) => {
            if (!answered) callback(r);
            answered = true;
          };
          const later = listeners.map((l) => l(JSON.parse(JSON.stringify(message)), {}, reply)).includes(true);
          if (!later && !answered) callback(undefined);
        },
      },
    });
    onPageIdsRequest(() => ['arxiv:2603.00001', 'doi:10.1000/x']);
    await expect(messaging.sendMessage('pageIds', undefined, 3)).resolves.toEqual({ ids: ['arxiv:2603.00001', 'doi:10.1000/x'] });
    await expect(messaging.sendMessage('changed', { papers: {} }, 3)).rejects.toThrow('No response');
  });
});
