/**
 * The papers the active tab of this window shows, for the list's "On this page": the background
 * keeps each tab's ids in storage.session (lib/page-papers.ts); this follows the window's active
 * tab and that tab's key. The side panel stays open while the user switches tabs and the page
 * changes, so it follows both; the popup reads the tab it was opened on. A plain class, like
 * ListStore: the App renders what it reports.
 */
import { pageKey } from '../page-key';

/** What the list is told: the active tab's paper ids (null: none known). */
export type PageIdsListener = (ids: ReadonlySet<string> | null) => void;

/** A source of the active page's ids (tests pass their own). */
export interface PageSource {
  start(listener: PageIdsListener): void;
  stop(): void;
  /** this window's id once known (opening the side panel needs it at once) */
  readonly windowId: number | undefined;
}

type StorageChanges = Record<string, { newValue?: unknown }>;

function idsOf(value: unknown): ReadonlySet<string> | null {
  return Array.isArray(value) && value.length > 0 ? new Set(value.filter((x): x is string => typeof x === 'string')) : null;
}

export class ActivePage implements PageSource {
  windowId: number | undefined;
  private tabId: number | undefined;
  private listener: PageIdsListener | null = null;

  start(listener: PageIdsListener): void {
    this.listener = listener;
    browser.tabs.onActivated.addListener(this.activated);
    browser.storage.onChanged.addListener(this.stored);
    void this.init();
  }

  stop(): void {
    this.listener = null;
    browser.tabs.onActivated.removeListener(this.activated);
    browser.storage.onChanged.removeListener(this.stored);
  }

  private async init(): Promise<void> {
    try {
      this.windowId = (await browser.windows.getCurrent())?.id;
      const [tab] = await browser.tabs.query(this.windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId: this.windowId });
      if (this.tabId === undefined) await this.show(tab?.id);
    } catch {
      this.listener?.(null); // no tabs to follow here
    }
  }

  private readonly activated = ({ tabId, windowId }: { tabId: number; windowId: number }) => {
    if (this.windowId === undefined || windowId === this.windowId) void this.show(tabId);
  };

  private readonly stored = (changes: StorageChanges, area: string) => {
    if (area !== 'session' || this.tabId === undefined) return;
    const change = changes[pageKey(this.tabId)];
    if (change) this.listener?.(idsOf(change.newValue));
  };

  private async show(tabId: number | undefined): Promise<void> {
    this.tabId = tabId;
    if (tabId === undefined) {
      this.listener?.(null);
      return;
    }
    const key = pageKey(tabId);
    const got = await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>);
    if (this.tabId === tabId) this.listener?.(idsOf(got[key]));
  }
}
