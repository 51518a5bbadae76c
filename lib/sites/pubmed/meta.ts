/** PubMed: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { siteKey } from '../../ids';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'pubmed';

export const HOST = 'pubmed.ncbi.nlm.nih.gov';

/**
 * The pages its content script runs on: the whole host, since search results live at the root
 * (`/?term=…`) and articles at `/<PMID>/`; detect() claims only those.
 */
export const matches = [`https://${HOST}/*`];

/** The PMID of an article page URL (`/<PMID>/`), or null. */
export function pmidOf(url: URL): string | null {
  return url.hostname === HOST ? (/^\/(\d{1,9})\/?$/.exec(url.pathname)?.[1] ?? null) : null;
}

export const meta: SiteMeta = {
  id,
  label: 'PubMed',
  hosts: [`https://${HOST}/*`],
  matches,
  pages: 'search results `/?term=…` (also similar articles `/?linkname=…&from_uid=…`), one article `/<PMID>/`',
  why: 'read the results on PubMed search pages and its article pages and show the toolbar there',
  home: `https://${HOST}/`,
  aliases: ['pm'],
  idFromUrl(url) {
    const pmid = pmidOf(url);
    return pmid && siteKey(id, pmid);
  },
};
