/** Google Scholar: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { siteKey } from '../../ids';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'scholar';

/**
 * Scholar's country domains (scholar.google.<tld>). A match pattern cannot wildcard a top-level
 * domain and `*://scholar.google.*` is not a valid host, so the common ones are listed: .com,
 * where most links and every redirect land, and the domains Scholar sends readers to in the
 * countries that publish the most (Europe, East and South Asia, the Americas, Australia). Each
 * is the same site, so together they are the site's one host permission; a reader on another
 * country domain can switch to scholar.google.com.
 */
export const TLDS = ['com', 'co.uk', 'de', 'fr', 'es', 'it', 'nl', 'ch', 'ca', 'com.au', 'co.jp', 'co.kr', 'com.hk', 'com.tw', 'cn', 'co.in', 'com.br'] as const;

/** scholar.google.com, scholar.google.co.uk, … */
export const HOSTNAMES: readonly string[] = TLDS.map((tld) => `scholar.google.${tld}`);

export const isScholarHost = (hostname: string): boolean => HOSTNAMES.includes(hostname);

/** The pages its content script runs on: search results (/scholar?…) and profiles (/citations?…). */
export const matches = HOSTNAMES.flatMap((h) => [`https://${h}/scholar*`, `https://${h}/citations*`]);

/** The decimal cluster id of a /scholar?cluster=N link (one paper and its versions), or null. */
export function clusterOf(url: URL): string | null {
  if (!isScholarHost(url.hostname) || url.pathname !== '/scholar') return null;
  return /^\d{1,20}$/.exec(url.searchParams.get('cluster') ?? '')?.[0] ?? null;
}

export const meta: SiteMeta = {
  id,
  label: 'Google Scholar',
  hosts: HOSTNAMES.map((h) => `https://${h}/*`),
  matches,
  pages: 'search results `/scholar?q=…` (also `?cites=…`, `?cluster=…`), author profiles `/citations?user=…`; on scholar.google.com and its common country domains',
  why: "read the results on Google Scholar search and profile pages and show the toolbar there (one site: scholar.google.com and its country domains, each listed because a pattern cannot wildcard a domain's ending)",
  home: 'https://scholar.google.com/',
  aliases: ['gs', 'google-scholar'],
  idFromUrl(url) {
    const cluster = clusterOf(url);
    return cluster && siteKey(id, cluster);
  },
};
