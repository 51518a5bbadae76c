/** NeurIPS proceedings: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { siteKey } from '../../ids';
import { siteOf } from './paths';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'neurips';

/** The pages its content script runs on: the year listings and the paper pages, on both hosts. */
export const matches = [
  'https://proceedings.neurips.cc/paper_files/*',
  'https://proceedings.neurips.cc/paper/*',
  'https://papers.nips.cc/paper_files/*',
  'https://papers.nips.cc/paper/*',
  'https://papers.nips.cc/book/*',
];

export const meta: SiteMeta = {
  id,
  label: 'NeurIPS Proceedings',
  hosts: ['https://proceedings.neurips.cc/*', 'https://papers.nips.cc/*'],
  matches,
  pages:
    'year listings `/paper_files/paper/<year>` (and `/paper/<year>`), one paper `…/hash/<hash>-Abstract….html`; on the old papers.nips.cc also the book pages `/book/<book>-<year>` and papers `/paper/<number>-<slug>`',
  why: 'read the papers of NeurIPS proceedings listings and paper pages and show the toolbar there',
  home: 'https://proceedings.neurips.cc/',
  aliases: ['nips', 'nips.cc'],
  idFromUrl(url) {
    const page = siteOf(url);
    return page?.kind === 'paper' && page.paperId ? siteKey(id, page.paperId) : null;
  },
};
