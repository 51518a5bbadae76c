/** arXiv: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { arxivIdFromPath, arxivKey } from '../../ids';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'arxiv';

/** The pages its content script runs on (the entrypoint imports only these and the id). */
export const matches = ['https://arxiv.org/list/*', 'https://arxiv.org/search/*', 'https://arxiv.org/abs/*'];

export const meta: SiteMeta = {
  id,
  label: 'arXiv',
  hosts: ['https://arxiv.org/*'],
  matches,
  pages:
    'listings `/list/<archive>/new`, `/recent`, `/pastweek`, `/YYMM` (with `?skip=&show=`), search results `/search/?query=…`, one paper `/abs/<id>`',
  why: 'the same on arXiv listing, search and abstract pages',
  home: 'https://arxiv.org/list/cs.LG/new',
  idFromUrl(url) {
    if (url.hostname !== 'arxiv.org' && url.hostname !== 'www.arxiv.org') return null;
    const a = /^\/(?:abs|pdf|html)\//.test(url.pathname) ? arxivIdFromPath(url.pathname) : null;
    return a && arxivKey(a);
  },
};
