/**
 * CVF URLs: the page kinds and the canonical address of a paper page. Shared by the adapter and
 * the metadata (idFromUrl), so the content script and the extension pages agree on identity.
 */

/** Where the site lives today; the old host served the same paths under /openaccess. */
export const HOME = 'https://openaccess.thecvf.com';
const OLD_HOSTS = ['www.cv-foundation.org', 'cv-foundation.org'];
const OLD_ROOT = '/openaccess';

/** A conference code and year as the site writes them in paths: CVPR2023, ICCV2015, WACV2024. */
const CONF = String.raw`([A-Z]{2,6})(\d{4})`;
/** /ICCV2015.py (until 2020) */
const LISTING_PY = new RegExp(`^/${CONF}\\.py$`);
/** /CVPR2023?day=all, /CVPR2023?day=2023-06-20 (2021 on; without ?day= it lists the days) */
const LISTING_DAY = new RegExp(`^/${CONF}$`);
/** /CVPR2023_search.py (the search box posts here) */
const SEARCH = new RegExp(`^/${CONF}_search\\.py$`);
/** /content_iccv_2015/html/…_paper.html, /content_CVPR_2020/html/…, /content/CVPR2023/html/… */
const PAPER = /^\/(?:content_([a-z]+)_(\d{4})|content\/([a-z]+)(\d{4}))\/html\/[^/]+_paper\.html$/i;

export type CvfKind = 'conference' | 'search' | 'paper';

export interface CvfPage {
  kind: CvfKind;
  /** the conference's short name and year, from the path (ICCV, 2015) */
  conference: string;
  year: number;
  /** the same page on today's host, https (old-host and http addresses give the same paper id) */
  canonical: string;
}

/** The path of a CVF page below the site's root, or null for any other host or path. */
function sitePath(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === 'openaccess.thecvf.com') return url.pathname;
  if (OLD_HOSTS.includes(url.hostname) && url.pathname.startsWith(`${OLD_ROOT}/`)) return url.pathname.slice(OLD_ROOT.length);
  return null;
}

/** What a CVF URL is (null: not a page PaperShelf reads). */
export function siteOf(url: URL): CvfPage | null {
  const path = sitePath(url);
  if (!path) return null;
  const page = (kind: CvfKind, conference: string | undefined, year: string | undefined): CvfPage => ({
    kind,
    conference: (conference ?? '').toUpperCase(),
    year: Number(year),
    canonical: HOME + path,
  });
  let m = LISTING_PY.exec(path);
  if (m) return page('conference', m[1], m[2]);
  m = LISTING_DAY.exec(path);
  if (m && url.searchParams.get('day')?.trim()) return page('conference', m[1], m[2]);
  m = SEARCH.exec(path);
  if (m) return page('search', m[1], m[2]);
  m = PAPER.exec(path);
  if (m) return page('paper', m[1] ?? m[3], m[2] ?? m[4]);
  return null;
}

/** The canonical address of a paper page link (any CVF host, http or https), else the link itself. */
export function canonicalPaperUrl(link: URL): string {
  const site = siteOf(link);
  return site?.kind === 'paper' ? site.canonical : link.href;
}
