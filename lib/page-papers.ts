/**
 * Which papers each tab's page shows, kept by the background: the saved ones are counted on the
 * toolbar button (its badge, per tab; off in the options), and the side panel's "On this page"
 * reads the ids (lib/list/active-page.ts).
 *
 * The content script is the authority on what its page shows (cards come and go with infinite
 * scroll and client-side navigation), so the background asks it (the typed `pageIds` message) a
 * moment after the tab looks papers up (new cards) and when the tab navigates; a tab that does
 * not answer (another site, a page still loading) shows none. Content scripts send nothing new
 * for this. The answers live in storage.session, one key per tab: they outlive the service
 * worker going idle, and the side panel reads and watches them there.
 */
import { onChanged } from './changes';
import type { Library } from './library';
import { messaging } from './messages';
import { PAGE_KEY_PREFIX, pageKey } from './page-key';
import { loadSettings, watchSettings } from './settings';

export { pageKey };

/** How long after a tab's lookup it is asked: a feed's batches of cards make one question. */
export const ASK_DELAY_MS = 150;

/** The part of a storage area used here (storage.session in the extension). */
export interface SessionStore {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

export interface PagePapersDeps {
  /** the ids the tab's content script shows; rejects when nothing answers */
  ask(tabId: number): Promise<string[]>;
  /** how many of these ids are saved */
  countSaved(ids: readonly string[]): Promise<number>;
  /** set the toolbar button's badge for one tab ('' hides it) */
  setBadge(tabId: number, text: string): Promise<void>;
  store: SessionStore;
}

/** The badge for n saved papers: nothing for 0, at most four characters. */
export function badgeText(n: number): string {
  return n <= 0 ? '' : n > 999 ? '999+' : String(n);
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export class PagePapers {
  private readonly pages = new Map<number, string[]>();
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  /** the newest question per tab: an older answer arriving late is dropped */
  private readonly asked = new Map<number, number>();
  private seq = 0;
  private loaded: Promise<void> | null = null;
  private badgeOn = true;

  constructor(
    private readonly deps: PagePapersDeps,
    private readonly delayMs = ASK_DELAY_MS,
  ) {}

  /** The tab's page may show other papers now: ask it shortly (once for a burst of lookups). */
  touched(tabId: number): void {
    if (this.timers.has(tabId)) return;
    this.timers.set(
      tabId,
      setTimeout(() => {
        this.timers.delete(tabId);
        void this.refresh(tabId);
      }, this.delayMs),
    );
  }

  /** Ask the tab now, store its answer and recount its badge. */
  async refresh(tabId: number): Promise<void> {
    const mine = ++this.seq;
    this.asked.set(tabId, mine);
    let ids: string[];
    try {
      ids = [...new Set(await this.deps.ask(tabId))];
    } catch {
      ids = []; // no content script there (any more)
    }
    await this.load();
    if (this.asked.get(tabId) !== mine) return;
    const before = this.pages.get(tabId) ?? [];
    if (ids.length === 0) this.pages.delete(tabId);
    else this.pages.set(tabId, ids);
    if (!sameIds(before, ids)) {
      await (ids.length ? this.deps.store.set({ [pageKey(tabId)]: ids }) : this.deps.store.remove(pageKey(tabId))).catch(() => undefined);
    }
    await this.recount(tabId);
  }

  /** Papers changed (saved, removed): recount the tabs that show any of them. */
  async changed(ids: readonly string[]): Promise<void> {
    await this.load();
    const set = new Set(ids);
    const tabs = [...this.pages].filter(([, shown]) => shown.some((id) => set.has(id))).map(([tab]) => tab);
    await Promise.all(tabs.map((tab) => this.recount(tab)));
  }

  /** The tab closed: forget it. */
  async closed(tabId: number): Promise<void> {
    clearTimeout(this.timers.get(tabId));
    this.timers.delete(tabId);
    this.asked.delete(tabId);
    await this.load();
    this.pages.delete(tabId);
    await this.deps.store.remove(pageKey(tabId)).catch(() => undefined);
  }

  /** The badge setting: off clears every badge, on counts again. */
  async setBadgeOn(on: boolean): Promise<void> {
    if (on === this.badgeOn) return;
    this.badgeOn = on;
    await this.load();
    await Promise.all([...this.pages.keys()].map((tab) => this.recount(tab)));
  }

  /** The ids a tab's page shows, as last answered. */
  async idsOf(tabId: number): Promise<readonly string[]> {
    await this.load();
    return this.pages.get(tabId) ?? [];
  }

  private async recount(tabId: number): Promise<void> {
    const ids = this.pages.get(tabId) ?? [];
    const n = this.badgeOn && ids.length > 0 ? await this.deps.countSaved(ids).catch(() => 0) : 0;
    await this.deps.setBadge(tabId, badgeText(n)).catch(() => undefined); // the tab may have closed
  }

  /** The pages stored before the service worker last went idle (once). */
  private load(): Promise<void> {
    this.loaded ??= this.deps.store.get(null).then(
      (all) => {
        for (const [key, value] of Object.entries(all)) {
          const tab = key.startsWith(PAGE_KEY_PREFIX) ? Number(key.slice(PAGE_KEY_PREFIX.length)) : NaN;
          if (Number.isInteger(tab) && !this.pages.has(tab) && Array.isArray(value)) this.pages.set(tab, value.filter((x): x is string => typeof x === 'string'));
        }
      },
      () => undefined,
    );
    return this.loaded;
  }
}

/** The browser's toolbar button: `action` (MV3), `browserAction` (Firefox's MV2). */
function toolbarButton(): typeof browser.action | undefined {
  return browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
}

/** Wire PagePapers to the browser (background only); `touched` is called on each tab's lookups. */
export function setupPagePapers(lib: Library): PagePapers {
  const button = toolbarButton();
  const pages = new PagePapers({
    ask: async (tabId) => (await messaging.sendMessage('pageIds', undefined, tabId)).ids,
    countSaved: async (ids) => (await lib.lookup(ids)).size,
    setBadge: async (tabId, text) => {
      await button?.setBadgeText({ tabId, text });
    },
    store: browser.storage.session,
  });
  void button?.setBadgeBackgroundColor({ color: '#1d4ed8' })?.catch(() => undefined);
  // A new address (a link, client-side navigation, a reload) may show other papers, or none.
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.url !== undefined || info.status !== undefined) pages.touched(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void pages.closed(tabId));
  onChanged(({ ids }) => void pages.changed(ids));
  loadSettings().then(
    (s) => pages.setBadgeOn(s.badgeCount),
    () => undefined,
  );
  watchSettings((s) => void pages.setBadgeOn(s.badgeCount));
  return pages;
}
