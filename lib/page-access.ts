/**
 * The popup's "Save this page": the tab it was opened on, read when the user opens it there and
 * not before. The popup injects the page-reader script (entrypoints/page-reader.ts, built as
 * /page-reader.js) with scripting.executeScript, which the toolbar button's click allows on that
 * one tab (`activeTab`, no host permission), and parses what comes back with zod: the page's
 * paper (lib/draft.ts PaperDraft) or none. A listed site's page is left to its own content
 * script; browser pages, extension stores and PDFs get a plain message.
 */
import { z } from 'zod/mini';
import { PaperDraft } from './draft';
import { EMBEDDED_SCRIPT, hostOf, isListedOrigin, isListedPage, originOf } from './site-access';

/** What the popup knows of the page in front. */
export type PageAccess =
  /** reading it (the popup has just opened) */
  | { kind: 'reading' }
  /** a listed site's page: its toolbars show on the page itself */
  | { kind: 'listed' }
  /** the page in front is the extension's own (popup.html opened as a tab): nothing to offer */
  | { kind: 'self' }
  /** a page PaperShelf cannot read: a browser page, a store, a PDF, no tab */
  | { kind: 'unavailable'; message: string }
  /** an http(s) page that was read: its paper (null: no paper metadata) */
  | { kind: 'read'; url: string; origin: string; host: string; draft: PaperDraft | null; script: string; listedOrigin: boolean };

/** The tab the popup belongs to (tests: the id in the popup's own URL, see findTab). */
export interface TargetTab {
  id: number;
  url?: string;
}

export const MESSAGES = {
  noTab: 'There is no page to read here.',
  notWeb: 'PaperShelf reads web pages (http and https addresses); this is a browser page.',
  store: "The browser does not let extensions read its extension store's pages.",
  blocked: 'The browser does not let PaperShelf read this page.',
  pdf: "This is a PDF file: PaperShelf reads a paper's web page. Open its abstract or landing page and save it there.",
} as const;

/** Pages no extension may read: the browsers' add-on stores. */
const STORE_PAGES = [/^https:\/\/chromewebstore\.google\.com\//, /^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/microsoftedge\.microsoft\.com\/addons/, /^https:\/\/addons\.mozilla\.org\//];

const isPdfUrl = (url: string): boolean => {
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

/** What the page-reader script returns (lib/page-reading.ts PageReading), as it arrives. */
const Reading = z.object({
  url: z.string(),
  contentType: z.string(),
  draft: z.nullable(z.unknown()),
  listed: z.nullable(z.string()),
});

/**
 * The popup's tab: the active tab of the popup's window. `?tab=<id>` in the popup's address
 * names another (the end-to-end tests open popup.html as a page of its own, which is then the
 * active tab itself).
 */
export async function findTab(search = typeof location === 'undefined' ? '' : location.search): Promise<TargetTab | null> {
  const named = /^\d{1,15}$/.exec(new URLSearchParams(search).get('tab') ?? '')?.[0];
  const tab = named ? await browser.tabs.get(Number(named)) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

/** What an address says before the page is read (null: read it). */
export function precheck(url: string | undefined): PageAccess | null {
  if (url === undefined) return null; // not visible to the extension (yet): the script says
  if (!/^https?:/i.test(url)) return { kind: 'unavailable', message: MESSAGES.notWeb };
  if (STORE_PAGES.some((re) => re.test(url))) return { kind: 'unavailable', message: MESSAGES.store };
  if (isListedPage(url)) return { kind: 'listed' };
  return null;
}

/** The popup's page as a PageAccess, from what the page-reader script returned. */
export function fromReading(result: unknown): PageAccess {
  const parsed = Reading.safeParse(result);
  if (!parsed.success) return { kind: 'unavailable', message: MESSAGES.blocked };
  const r = parsed.data;
  const first = precheck(r.url);
  if (first) return first;
  const origin = originOf(r.url);
  if (!origin) return { kind: 'unavailable', message: MESSAGES.notWeb };
  if (r.contentType === 'application/pdf') return { kind: 'unavailable', message: MESSAGES.pdf };
  // Zod where the page's data enters the extension: a draft that fails it is no paper.
  const draft = r.draft === null ? null : PaperDraft.safeParse(r.draft);
  return {
    kind: 'read',
    url: r.url,
    origin,
    host: hostOf(origin),
    draft: draft?.success ? draft.data : null,
    script: r.listed ?? EMBEDDED_SCRIPT,
    listedOrigin: isListedOrigin(origin),
  };
}

/** Read the tab: inject the page reader, parse its answer. Never throws. */
export async function readTab(tab: TargetTab | null): Promise<PageAccess> {
  if (!tab) return { kind: 'unavailable', message: MESSAGES.noTab };
  if (tab.url?.startsWith(browser.runtime.getURL('/'))) return { kind: 'self' };
  const first = precheck(tab.url);
  if (first) return first;
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/page-reader.js'] });
    return fromReading(frame?.result);
  } catch {
    // Chrome's and Firefox's PDF viewers, error pages, pages the browser keeps to itself.
    return { kind: 'unavailable', message: tab.url && isPdfUrl(tab.url) ? MESSAGES.pdf : MESSAGES.blocked };
  }
}

/** The popup's page: find the tab, read it. */
export async function readActivePage(search?: string): Promise<PageAccess> {
  return readTab(await findTab(search).catch(() => null));
}
