/**
 * Canonical identity: one key per paper whatever page it was seen on.
 * `arxiv:2305.13169`, `arxiv:hep-th/9901001`, `doi:10.1000/xyz`, `url:https://host/path`.
 */

/** The shortest paper id (`doi:` / `arxiv:` / `url:` / a site's `<site>:` and at least one more character). */
export const MIN_ID_LENGTH = 3;

export interface ArxivId {
  /** id without version, e.g. 2305.13169 or hep-th/9901001 */
  id: string;
  version?: number;
}

// New style: YYMM.NNNN (2007-2014) or YYMM.NNNNN (2015+), optional vN (N >= 1; v0 is not an id).
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$/;
// Old style: archive(.SUBJ)?/YYMMNNN, optional vN.
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(?:\.([A-Z]{2}))?\/(\d{7})(?:v([1-9]\d*))?$/;

/** Parse an arXiv id, tolerating an `arXiv:` prefix and surrounding whitespace. */
export function parseArxivId(input: string): ArxivId | null {
  if (typeof input !== 'string') return null;
  const s = input.trim().replace(/^arxiv:\s*/i, '');
  let m = NEW_STYLE.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    // 4-digit numbers were used from 0704 (the scheme's start) until 1412, 5-digit from 1501.
    const yymm = Number(m[1]) * 100 + month;
    if (m[3]!.length === 4 ? yymm < 704 || yymm > 1412 : yymm < 1501) return null;
    return withVersion(`${m[1]}${m[2]}.${m[3]}`, m[4]);
  }
  m = OLD_STYLE.exec(s);
  if (m) {
    const month = Number(m[3]!.slice(2, 4));
    if (month < 1 || month > 12) return null;
    // The subject class (math.GT) is not part of the identity: arXiv's canonical form is math/0309136.
    const id = `${m[1]}/${m[3]}`;
    return withVersion(id, m[4]);
  }
  return null;
}

function withVersion(id: string, v: string | undefined): ArxivId {
  if (v === undefined) return { id };
  const version = Number(v);
  return version > 0 ? { id, version } : { id };
}

/** Find an arXiv id inside a URL path such as /abs/2305.13169v2, /pdf/…, /papers/2305.13169. */
export function arxivIdFromPath(path: string): ArxivId | null {
  const m = /\/(?:abs|pdf|html|papers)\/(.+?)(?:\.pdf)?\/?(?:[?#].*)?$/.exec(path);
  if (!m) return null;
  try {
    return parseArxivId(decodeURIComponent(m[1]!));
  } catch {
    return null; // a malformed %-escape is not an id (decodeURIComponent throws URIError)
  }
}

const DOI = /^10\.\d{4,9}\/\S+$/;

/** Normalise a DOI (strip resolver prefixes, lower-case) or return null. */
export function parseDoi(input: string): string | null {
  if (typeof input !== 'string') return null;
  const s = input
    .trim()
    .replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '')
    .replace(/^doi:\s*/i, '');
  return DOI.test(s) ? s.toLowerCase() : null;
}

/** Normalise a URL: https only for http(s), no hash, no tracking params, no trailing slash. */
export function normaliseUrl(input: string): string | null {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.hostname = u.hostname.replace(/^www\./, '');
  // forEach, not the keys() iterator: in a Firefox content script URL is the page's (an Xray
  // wrapper), and its iterators are not iterable there ("keys() is not iterable").
  const keys: string[] = [];
  u.searchParams.forEach((_value, key) => keys.push(key));
  for (const key of keys) {
    if (/^utm_|^(fbclid|gclid|ref)$/i.test(key)) u.searchParams.delete(key);
  }
  u.searchParams.sort();
  let s = u.toString();
  if (u.pathname !== '/' && s.endsWith('/') && !u.search) s = s.slice(0, -1);
  return s;
}

/**
 * The canonical key of a paper known only by a site's own stable id (no arXiv id, no DOI):
 * `openreview:rJXMpikCZ`, `acl:2021.naacl-main.208`, `pubmed:31452104`, `dblp:conf/iclr/X18`.
 */
export const siteKey = (site: string, id: string): string => `${site}:${id}`;

/** The canonical key of a parsed arXiv id (what canonicalId gives for it). */
export const arxivKey = (a: ArxivId): string => `arxiv:${a.id}`;

/** The canonical key for a paper, from the best identifier available. */
export function canonicalId(ids: { arxivId?: string; doi?: string; url?: string }): string | null {
  if (ids.arxivId) {
    const a = parseArxivId(ids.arxivId);
    if (a) return arxivKey(a);
  }
  if (ids.doi) {
    const d = parseDoi(ids.doi);
    if (d) return `doi:${d}`;
  }
  if (ids.url) {
    const a = arxivFromUrl(ids.url);
    if (a) return arxivKey(a);
    const d = doiFromUrl(ids.url);
    if (d) return `doi:${d}`;
    const n = normaliseUrl(ids.url);
    if (n) return `url:${n}`;
  }
  return null;
}

/** arXiv's abstract page of an id (arXiv's host is part of its identifier scheme). */
export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;

/** Whether a URL is on arxiv.org (or one of its subdomains). */
export function isArxivUrl(url: string): boolean {
  try {
    return /(^|\.)arxiv\.org$/.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

function arxivFromUrl(url: string): ArxivId | null {
  try {
    const u = new URL(url);
    if (!isArxivUrl(url)) return null;
    return arxivIdFromPath(u.pathname);
  } catch {
    return null;
  }
}

function doiFromUrl(url: string): string | null {
  try {
    const u = new URL(url);
    if (!/^(dx\.)?doi\.org$/.test(u.hostname)) return null;
    return parseDoi(decodeURIComponent(u.pathname.slice(1)));
  } catch {
    return null;
  }
}
