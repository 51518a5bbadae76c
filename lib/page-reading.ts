/**
 * What the popup learns from the page in front when the user opens it there (the page-reader
 * script, entrypoints/page-reader.ts, injected with scripting.executeScript: nothing runs on a
 * page before that). Runs in the page: pure over (root, url, contentType), plain data out (it
 * crosses to the popup by structured clone), no zod (the popup parses what it gets with
 * lib/page-access.ts) and no database.
 *
 * - `draft`: the page's paper from its embedded metadata (lib/sites/embedded), or null.
 * - `listed`: the listed site whose adapter claims this URL although its content script does not
 *   run here (an address outside its manifest matches: another host it knows, http instead of
 *   https): turning the site on registers that site's own content script for the origin.
 */
import type { PaperDraft } from './draft';
import { readPage } from './sites/embedded/adapter';
import { pickAdapter } from './sites/pick';
import { SITES } from './sites/registry';
import type { SiteAdapter } from './sites/types';

export interface PageReading {
  /** the page's address as the page sees it */
  url: string;
  /** document.contentType ('application/pdf' in a browser's PDF viewer) */
  contentType: string;
  /** the paper its metadata describes, not yet validated (the popup parses it with zod) */
  draft: PaperDraft | null;
  /** the id of the listed site whose adapter claims the URL, else null */
  listed: string | null;
}

// Every listed site's adapter, in the registry's order (this script is the only bundle that
// carries them all: it runs once, when the user opens the popup on a page).
const MODULES = import.meta.glob<{ adapter: SiteAdapter }>('./sites/*/adapter.ts', { eager: true });
const LISTED: readonly SiteAdapter[] = SITES.flatMap((s) => MODULES[`./sites/${s.id}/adapter.ts`]?.adapter ?? []);

/** The listed site whose adapter claims `url` (any page kind), else null. */
export function listedSiteFor(url: string | URL): string | null {
  return pickAdapter(LISTED, url)?.adapter.id ?? null;
}

/** Read a page: its paper (embedded metadata) and the listed site that claims its URL. */
export function readThisPage(root: ParentNode, url: string, contentType = 'text/html'): PageReading {
  let draft: PaperDraft | null = null;
  let listed: string | null = null;
  try {
    listed = listedSiteFor(url);
    // A listed site's page is read by its own adapter (its toolbars), not as one paper.
    draft = listed ? null : readPage(root, url);
  } catch {
    // an unreadable page is "no paper here", never an error
  }
  return { url, contentType, draft, listed };
}
