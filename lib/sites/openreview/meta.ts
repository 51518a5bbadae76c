/** OpenReview: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { siteKey } from '../../ids';
import { forumIdOf } from './paths';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'openreview';

/**
 * The pages its content script runs on: the whole site. OpenReview is a single-page app: a reader
 * who opens openreview.net and follows a venue link reaches its group page without a page load,
 * and a content script matched to /group and /forum only would not be there. On its other pages
 * the adapter claims nothing and the script does nothing.
 */
export const matches = ['https://openreview.net/*'];

export const meta: SiteMeta = {
  id,
  label: 'OpenReview',
  hosts: ['https://openreview.net/*'],
  matches,
  pages: 'venue group pages `/group?id=<venue>` (every tab: submissions, orals, posters, withdrawn…), one paper `/forum?id=<id>`',
  why: 'read the papers of OpenReview venue pages (all tabs) and forum pages and show the toolbar there; the whole site because it navigates between pages without reloading',
  home: 'https://openreview.net/',
  aliases: ['or'],
  idFromUrl(url) {
    const forum = forumIdOf(url);
    return forum ? siteKey(id, forum) : null;
  },
};
