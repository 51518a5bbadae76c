/** CVF open access: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { siteOf } from './paths';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'cvf';

/**
 * The pages its content script runs on. Conference listings and paper pages sit at the root of
 * openaccess.thecvf.com (/CVPR2023?day=all, /content/CVPR2023/html/…), so no narrower path covers
 * them; the old host kept everything under /openaccess/.
 */
export const matches = ['https://openaccess.thecvf.com/*', 'https://www.cv-foundation.org/openaccess/*'];

export const meta: SiteMeta = {
  id,
  label: 'CVF Open Access',
  hosts: ['https://openaccess.thecvf.com/*', 'https://www.cv-foundation.org/*'],
  matches,
  pages:
    'conference listings `/<CONF><YEAR>.py` and `/<CONF><YEAR>?day=…`, search results `/<CONF><YEAR>_search.py`, one paper `/content_<conf>_<year>/html/…_paper.html` or `/content/<CONF><YEAR>/html/…_paper.html` (also on the old host www.cv-foundation.org/openaccess)',
  why: 'read the papers of CVF conference listings (CVPR, ICCV, WACV…), search results and paper pages and show the toolbar there',
  home: 'https://openaccess.thecvf.com/menu',
  aliases: ['thecvf', 'openaccess'],
  idFromUrl(url) {
    const site = siteOf(url);
    return site?.kind === 'paper' ? `url:${site.canonical}` : null;
  },
};
