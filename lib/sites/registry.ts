/**
 * The one list of sites. Everything derived from it is here: the manifest's host permissions and
 * content-script matches (wxt.config.ts), the tabs the background tells about changes, the
 * options page's site list, `site:` aliases and paper ids read from site URLs. Only the sites'
 * metadata is imported, so the pages that use this carry no adapter code; the adapters
 * themselves are loaded from lib/sites/<id>/adapter.ts by lib/sites/index.ts.
 *
 * Adding a site: README.md "Adding a site".
 */
import { meta as acl } from './acl/meta';
import { meta as arxiv } from './arxiv/meta';
import { meta as cvf } from './cvf/meta';
import { meta as dblp } from './dblp/meta';
import { meta as huggingface } from './huggingface/meta';
import { meta as neurips } from './neurips/meta';
import { meta as openreview } from './openreview/meta';
import { meta as pubmed } from './pubmed/meta';
import { meta as scholar } from './scholar/meta';
import type { SiteMeta } from './types';

/** Every site, in the order adapters are tried for a URL (the first that claims it wins). */
export const SITES: readonly SiteMeta[] = [huggingface, arxiv, acl, cvf, neurips, openreview, scholar, pubmed, dblp];

/** The manifest's host permissions: each site's own, nothing broader. */
export const HOST_PERMISSIONS: readonly string[] = /* @__PURE__ */ SITES.flatMap((s) => s.hosts);

/** Every page a content script runs on. */
export const CONTENT_MATCHES: readonly string[] = /* @__PURE__ */ SITES.flatMap((s) => s.matches);

/** The site a `site:` filter names: its id, an alias or its label, case-insensitive; else the name itself. */
export function siteIdFor(name: string): string {
  const n = name.toLowerCase();
  const site = SITES.find((s) => s.id === n || s.aliases?.includes(n) || s.label.toLowerCase() === n);
  return site?.id ?? n;
}

/** The canonical paper id a URL of a listed site names (an HF paper page -> its arXiv id), or null. */
export function paperIdFromSiteUrl(url: string | URL): string | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const s of SITES) {
    const id = s.idFromUrl?.(u);
    if (id) return id;
  }
  return null;
}
