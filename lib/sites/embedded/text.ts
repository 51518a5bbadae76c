/**
 * Metadata values as text: the embedded-metadata reader's cleaning, limits and identifier
 * parsing. Pure string functions (no DOM): a meta value that holds markup is never parsed into
 * the page, its tags are dropped by pattern and its entities decoded by table.
 */
import { parseDoi } from '../../ids';
import { linkUrl } from '../common';

/**
 * What one page may put in a draft. Anything longer is cut (never an error): a hostile page
 * with a 100 kB title or 5,000 authors gives a draft of bounded size.
 */
export const LIMITS = {
  /** characters of a title */
  title: 1_000,
  /** names kept; a longer list is cut and the draft's authorCount says how many there were */
  authors: 1_000,
  /** characters of one author's name */
  name: 300,
  /** characters of an abstract */
  abstract: 20_000,
  /** characters of a venue (journal, proceedings) */
  venue: 500,
  /** characters of a link; a longer one is dropped, not cut (a cut URL is another URL) */
  url: 2_048,
  /** characters of one JSON-LD script; a longer one is not parsed */
  jsonLd: 1_000_000,
  /** objects of one page's JSON-LD looked at */
  jsonLdNodes: 500,
  /** characters of a COinS ContextObject; a longer one is not read */
  coins: 100_000,
} as const;

/** An open or close tag (`<p>`, `</i>`, `<mml:mi mathvariant="x">`, `<br/>`), never `a < b`. */
const TAG = /<(\/?)([a-z][\w:-]*)(?:\s[^<>]*)?\/?>/gi;
/** Tags that separate words: replaced by a space, every other tag by nothing (`H<sub>2</sub>O`). */
const BLOCK = /^(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|section|article|header|footer|blockquote|table|tr|td|th|title|jats:p|jats:title|jats:sec)$/i;
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', thinsp: ' ', ensp: ' ', emsp: ' ', shy: '', copy: '©', reg: '®',
};

const stripTags = (s: string): string =>
  s
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(TAG, (_m, _close: string, name: string) => (BLOCK.test(name) ? ' ' : ''));

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,7});/gi, (m, body: string) => {
    if (body[0] !== '#') return NAMED[body.toLowerCase()] ?? m;
    const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '';
  });
}

/**
 * A metadata value as plain text of at most `max` characters: markup dropped (twice: once as
 * given, once after decoding, for values whose markup was escaped twice), entities decoded,
 * control characters and whitespace runs made one space. Only the first `8 * max` characters
 * of the raw value are looked at, so a huge value costs no more than a long one.
 */
export function clean(raw: unknown, max: number): string {
  if (typeof raw !== 'string' && typeof raw !== 'number') return '';
  const s = stripTags(decodeEntities(stripTags(String(raw).slice(0, max * 8 + 1_000))))
    .replace(/[\u0000-\u001f\u007f\u200b\ufeff]/g, ' ')
    // U+FFFD: what the HTML parser makes of a NUL or an invalid character reference.
    .replace(/\ufffd/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length <= max) return s;
  // Never end on half a surrogate pair.
  const cut = /[\ud800-\udbff]/.test(s[max - 1] ?? '') ? max - 1 : max;
  return s.slice(0, cut).trim();
}

/** An abstract without its leading label ("Abstract:", "ABSTRACT Background…", "Summary."). */
export const abstractText = (raw: unknown): string =>
  clean(raw, LIMITS.abstract + 20).replace(/^(?:abstract|summary)(?:\s*[:.\-–—]\s*|\s+(?=[A-Z]))/i, '').slice(0, LIMITS.abstract).trim();

/** Name suffixes that a "Keyname, Suffix" comma must not swap in front. */
const SUFFIX = /^(?:jr|sr|ii|iii|iv|phd|md)\.?$/i;

/**
 * One author's name as people write it: "Riedl, Mark O." -> "Mark O. Riedl" (citation_author,
 * DC.creator and COinS often give "Keyname, Firstnames"); a name with no comma or with more than
 * one is kept as given.
 */
export function personName(raw: unknown): string {
  const s = clean(raw, LIMITS.name);
  const parts = s.split(',');
  if (parts.length !== 2) return s;
  const [last, given] = parts.map((p) => p.trim()) as [string, string];
  return last && given && !SUFFIX.test(given) ? `${given} ${last}` : s;
}

/** A DOI from a value in any form seen in metadata: `10.…`, `doi:…`, `info:doi/…`, a doi.org link. */
export function doiOf(raw: string): string | null {
  const s = raw.trim().replace(/^(?:info:doi\/|urn:doi:)/i, '');
  let d = parseDoi(s);
  if (!d && /^https?:\/\/(?:dx\.)?doi\.org\//i.test(s)) {
    try {
      d = parseDoi(decodeURIComponent(s));
    } catch {
      d = null;
    }
  }
  return d;
}

/** A PubMed id from `pmid:123`, `PMID: 123`, `info:pmid/123`. */
export const pmidOf = (raw: string): string | null => /^(?:pmid|info:pmid\/)\s*:?\s*(\d{1,9})$/i.exec(raw.trim())?.[1] ?? null;

/**
 * An absolute http(s) link from a metadata value, resolved against the page: null for
 * `javascript:`, `data:` and every other scheme, and for values longer than LIMITS.url.
 */
export function httpLink(raw: string | undefined, base: URL): string | null {
  const s = raw?.trim();
  const u = s && s.length <= LIMITS.url ? linkUrl(s, base) : null;
  return u && u.host && u.href.length <= LIMITS.url ? u.href : null;
}
