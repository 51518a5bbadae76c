/**
 * Google Scholar values read from text and link targets, shared by the search results and the
 * profile rows: the byline ("authors - venue, year - host"), cut author lists, Scholar's
 * cluster id, and the arXiv id or DOI a result's links name. Pure functions, no DOM globals.
 */
import { arxivIdFromPath, parseArxivId, parseDoi, type ArxivId } from '../../ids';
import { collapse, linkUrl } from '../common';

/** Authors as shown; `cut` when Scholar ended the list with "…" (its length is then unknown). */
export interface Names {
  authors: string[];
  cut: boolean;
}

/** "G Cohen, M Qadan" / "F Fang, C Ventre, L Kanthan…" (results) / "A B, C D, ..." (profiles). */
export function namesOf(text: string): Names {
  const cut = /…|\.\.\./.test(text);
  const authors = text
    .replace(/…|\.\.\./g, ',')
    .split(',')
    .map((s) => collapse(s))
    .filter(Boolean);
  return { authors, cut };
}

/**
 * What an author list cut with "…" can say in the data model: at least one more author than the
 * names shown. authorCount is a lower bound here (the popup shows "et al."); the true count is
 * not on the page.
 */
export const cutCount = (n: Names): number | undefined => (n.cut ? n.authors.length + 1 : undefined);

export interface Byline extends Names {
  venue?: string;
  year?: number;
}

/** "Mathematics, 2022" -> venue and year; "2022" -> year; "Nature" -> venue. */
export function venueYear(s: string): { venue?: string; year?: number } {
  const m = /^(?:(.*?),\s*)?(\d{4})$/.exec(s);
  const venue = collapse(m ? m[1] : s) || undefined;
  return m ? { venue, year: Number(m[2]) } : { venue };
}

/** A bare host ("mdpi.com"), the byline's last part. */
const HOST = /^[\w-]+(?:\.[\w-]+)+$/;

/**
 * A result's byline, `div.gs_a`: "authors - venue, year - host". Scholar separates the parts
 * with " - " (the first dash after a no-break space, which \s matches); the host is left out.
 * Two parts are "authors - venue, year" (citations have no host) or "authors - host".
 */
export function parseByline(text: string): Byline {
  const [who = '', ...rest] = collapse(text).split(/(?:^|\s+)-\s+/);
  if (rest.length > 1) rest.pop();
  else if (rest.length === 1 && HOST.test(rest[0]!)) rest.pop();
  return { ...namesOf(who), ...venueYear(rest.join(' - ')) };
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Scholar's cluster id (the decimal of `?cluster=` and `?cites=` links) from a result's
 * `data-cid`: 12 base64url characters, the id's 8 bytes least significant first and a tag byte
 * (9). Anything else is not read (null), so a changed encoding falls back to the links.
 */
export function clusterFromCid(cid: string | null | undefined): string | null {
  if (!cid || !/^[A-Za-z0-9_-]{12}$/.test(cid)) return null;
  let bits = 0n;
  for (const c of cid) bits = (bits << 6n) | BigInt(B64URL.indexOf(c));
  if ((bits & 0xffn) !== 9n) return null;
  let n = 0n;
  for (let i = 0; i < 8; i++) n |= ((bits >> BigInt(8 * (8 - i))) & 0xffn) << BigInt(8 * i);
  return n > 0n ? n.toString() : null;
}

/** The one cluster id of a `?cluster=N` or `?cites=N` link (merged rows list several: none). */
export function clusterFromLink(href: string | null | undefined, base: URL): string | null {
  const u = linkUrl(href, base);
  if (!u) return null;
  return /^\d{1,20}$/.exec(u.searchParams.get('cluster') ?? u.searchParams.get('cites') ?? '')?.[0] ?? null;
}

/** An arXiv id in a link to arxiv.org (/abs/, /pdf/), or null. */
export function arxivFromLink(u: URL | null): ArxivId | null {
  return u && /^(?:www\.|export\.)?arxiv\.org$/.test(u.hostname) && /^\/(?:abs|pdf)\//.test(u.pathname) ? arxivIdFromPath(u.pathname) : null;
}

/** "arXiv preprint arXiv:1706.03762" / "CoRR abs/1706.03762": an id the venue shows whole. */
export function arxivFromVenue(venue: string | undefined): ArxivId | null {
  const m = /\barXiv:\s*(\S+)/i.exec(venue ?? '') ?? /\bCoRR\b.*?\babs\/(\S+)/.exec(venue ?? '');
  return m ? parseArxivId(m[1]!.replace(/[,;.]$/, '')) : null;
}

/**
 * The DOI a publisher link carries in its path: doi.org/<doi>, …/doi/[abs|full|pdf|epdf/]<doi>
 * (Wiley, ACM, Taylor & Francis, SAGE, the Royal Society…), link.springer.com/article/<doi>.
 * Only these well-known forms: a DOI read from any path could be a wrong identity.
 */
export function doiFromLink(u: URL | null): string | null {
  if (!u) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (/^(?:dx\.)?doi\.org$/.test(u.hostname)) return parseDoi(path.slice(1));
  const m =
    /\/doi\/(?:abs\/|full\/|pdf\/|epdf\/|pdfdirect\/|reader\/)?(10\.\d{4,9}\/.+)$/.exec(path) ??
    (u.hostname === 'link.springer.com' ? /^\/(?:article|chapter)\/(10\.\d{4,9}\/.+)$/.exec(path) : null);
  return m ? parseDoi(m[1]!.replace(/\/$/, '')) : null;
}
