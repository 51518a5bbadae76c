/** dblp: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { arxivKey, parseArxivId, siteKey, type ArxivId } from '../../ids';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'dblp';

/** dblp.org, and its old address dblp.uni-trier.de (still served). */
export const HOSTS = ['dblp.org', 'dblp.uni-trier.de'] as const;

/** The pages its content script runs on: person pages, tables of contents, search results. */
export const matches = [
  'https://dblp.org/pid/*',
  'https://dblp.org/pers/*',
  'https://dblp.org/db/*',
  'https://dblp.org/search*',
  'https://dblp.uni-trier.de/pid/*',
  'https://dblp.uni-trier.de/pers/*',
  'https://dblp.uni-trier.de/db/*',
  'https://dblp.uni-trier.de/search*',
];

/**
 * The arXiv id of a CoRR key: dblp files arXiv preprints as `journals/corr/abs-YYMM-NNNNN`
 * (`abs-2305-13169` is 2305.13169, `abs-cond-mat-0503087` is cond-mat/0503087). Older keys
 * (`journals/corr/PeelC15`) name no id: their electronic edition does.
 */
export function arxivIdOfKey(key: string): ArxivId | null {
  const m = /^journals\/corr\/abs-(?:(\d{4})-(\d{4,5})|([a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?)-(\d{7}))$/.exec(key);
  if (!m) return null;
  return parseArxivId(m[1] ? `${m[1]}.${m[2]}` : `${m[3]}/${m[4]}`);
}

export const meta: SiteMeta = {
  id,
  label: 'dblp',
  hosts: ['https://dblp.org/*', 'https://dblp.uni-trier.de/*'],
  matches,
  pages:
    'person pages `/pid/…`, `/pers/…`, tables of contents `/db/conf/…`, `/db/journals/…`, search results `/search?q=…`',
  why: 'read the entries on dblp person, table-of-contents and search pages (dblp.org and its old address dblp.uni-trier.de) and show the toolbar there',
  home: 'https://dblp.org/',
  idFromUrl(url) {
    if (!(HOSTS as readonly string[]).includes(url.hostname)) return null;
    // https://dblp.org/rec/<key>(.html|.bib|.xml…): the record's persistent address
    const key = /^\/rec\/(?:bibtex\/)?((?:conf|journals|books|series|phd|reference|tr|persons|data|ms|www)\/[^.?#]+?)(?:\.[a-z]+)?$/.exec(url.pathname)?.[1];
    if (!key) return null;
    const arxiv = arxivIdOfKey(key);
    return arxiv ? arxivKey(arxiv) : siteKey(id, key);
  },
};
