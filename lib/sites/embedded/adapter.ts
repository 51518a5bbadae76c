/**
 * Embedded metadata: the single paper page of any site, read from what publishers embed for
 * Google Scholar and reference managers (like Zotero's "Embedded Metadata" translator). Sources,
 * best first, each field from the first source that has it:
 *
 *   1. Highwire Press `citation_*` meta tags
 *   2. JSON-LD (`ScholarlyArticle`, `Article`, … also inside `@graph` / `mainEntity`)
 *   3. Dublin Core (`DC.*`, `dc.*`, `dcterms.*`)
 *   4. COinS (`span.Z3988`, when the page has exactly one)
 *   5. Open Graph (`og:title` only on an `og:type` article page, and only as a last resort)
 *
 * The author list comes whole from one source (lists are never merged). Nothing is invented: a
 * field no source gives stays out. A page with no title in any source is not a paper page (no
 * card). See ./sources.ts for each source's tags and ./text.ts for cleaning and limits.
 *
 * Used only where no listed site's adapter claims the URL (lib/sites/index.ts extractAll), and
 * by the popup for the page in front. The draft's `site` is the page's host without `www.`
 * ("biorxiv.org"): it is shown as where the paper was seen and `site:biorxiv` finds it.
 */
import { parseArxivId, siteKey, type ArxivId } from '../../ids';
import type { PaperDraft } from '../../draft';
import { arxivIdOfDoi, arxivIdOfUrl, compact, isoDate, paperDraft } from '../common';
import type { Anchor, ExtractContext, PageKind, SiteAdapter } from '../types';
import { LIMITS, doiOf, httpLink, pmidOf } from './text';
import { canonical, coins, dublinCore, highwire, jsonLd, openGraph, pageMeta, type Found } from './sources';

/** What the page says about its paper, every source merged (links and ids still raw). */
export interface PageRecord {
  title: string;
  authors: string[];
  dates: string[];
  venue?: string;
  abstract?: string;
  ids: string[];
  page: string[];
  pdf: string[];
}

/** Every source of the page, best first. */
function sources(root: ParentNode): Found[] {
  const meta = pageMeta(root);
  return [highwire(meta), jsonLd(root), dublinCore(meta), coins(root), openGraph(meta), canonical(root)];
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * og:description and JSON-LD `description` are often the site's generic blurb, a teaser cut with
 * "…", or a citation line ("Teven Le Scao, Alexander Rush. Proceedings of … 2021."). One is taken
 * as the abstract only when no source gives an abstract, it is at least 300 characters long, it
 * is not cut short ("…" / "..." at its end), it does not start with the first author's name and
 * it does not repeat the title.
 */
export function descriptionIsAbstract(d: string, title: string, authors: readonly string[]): boolean {
  const first = authors[0];
  return d.length >= 300 && !/(?:\.\.\.|…)$/.test(d) && !(first && d.startsWith(first)) && !norm(d).includes(norm(title));
}

/** The page's sources merged by precedence, or null when none gives a title (not a paper page). */
export function readRecord(root: ParentNode): PageRecord | null {
  const found = sources(root);
  const pick = <K extends 'title' | 'venue' | 'abstract'>(k: K): string | undefined => found.find((f) => f[k])?.[k];
  const title = pick('title');
  if (!title) return null;
  const authors = found.find((f) => f.authors?.length)?.authors ?? [];
  const description = found.map((f) => f.description).find((d) => d && descriptionIsAbstract(d, title, authors));
  return compact({
    title,
    authors,
    dates: found.flatMap((f) => f.dates ?? []),
    venue: pick('venue'),
    abstract: pick('abstract') ?? description,
    ids: found.flatMap((f) => f.ids ?? []),
    page: found.flatMap((f) => f.page ?? []),
    pdf: found.flatMap((f) => f.pdf ?? []),
  });
}

/**
 * The first date text that reads as a date decides, at the precision it gives: a day
 * ("2021/06/17", "2021-6-7", "2021-06-17T10:00:00Z") or a year alone ("2021", "2021/6",
 * "June 2021": the model has no month field, and month names are not read).
 */
function dateOf(dates: readonly string[]): { publishedAt?: string; year?: number } {
  for (const d of dates) {
    const m = /^\s*(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?!\d)/.exec(d);
    if (m) {
      // A day that does not exist ("2024/13/45") says nothing, not even its year.
      const day = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (day) return { publishedAt: day };
      continue;
    }
    const y = /(?:^|\D)([12]\d{3})(?!\d)/.exec(d)?.[1];
    if (y) return { year: Number(y) };
  }
  return {};
}

/** An arXiv id named by an identifier text: `arXiv:…`, a 10.48550/arXiv.… DOI, an arxiv.org link. */
function arxivOf(raw: string): ArxivId | null {
  const s = raw.trim();
  if (/^arxiv:/i.test(s)) return parseArxivId(s);
  const doi = doiOf(s);
  if (doi) return arxivIdOfDoi(doi);
  try {
    return arxivIdOfUrl(new URL(s));
  } catch {
    return null;
  }
}

/** The arXiv id the metadata names first, with the version any of its mentions gives. */
function arxivIn(ids: readonly string[]): ArxivId | null {
  const found = ids.map(arxivOf).filter((a): a is ArxivId => !!a);
  const a = found[0];
  if (!a) return null;
  const version = found.find((b) => b.id === a.id && b.version)?.version;
  return version ? { id: a.id, version } : { id: a.id };
}

const firstOf = <T>(values: readonly string[], read: (s: string) => T | null): T | undefined => {
  for (const v of values) {
    const r = read(v);
    if (r) return r;
  }
  return undefined;
};

/** The draft's `site`: the page's host without `www.`. */
export const siteOf = (url: URL): string => url.hostname.toLowerCase().replace(/^www\./, '');

/**
 * The draft of the paper a page's record describes. Identity, best first: the arXiv id, the DOI,
 * the PubMed id (as `pubmed:<pmid>`, the key the PubMed site gives the same paper; the PMID is not
 * stored as `siteId`, which is an id on `site`, the page's own host), the page's canonical URL.
 */
export function draftOf(rec: PageRecord, url: URL): PaperDraft | null {
  const page = firstOf(rec.page, (p) => httpLink(p, url)) ?? url.href;
  const pdf = firstOf(rec.pdf, (p) => httpLink(p, url));
  const arxiv = arxivIn([...rec.ids, url.href]);
  const doi = firstOf(rec.ids, doiOf);
  const pmid = firstOf(rec.ids, pmidOf);
  const cut = rec.authors.length > LIMITS.authors;
  const d = paperDraft(siteOf(url), url.href, { arxiv, doi, page }, {
    title: rec.title,
    authors: cut ? rec.authors.slice(0, LIMITS.authors) : rec.authors,
    authorCount: cut ? rec.authors.length : undefined,
    abstract: rec.abstract,
    ...dateOf(rec.dates),
    venue: rec.venue,
    links: compact({ page, pdf }),
    signals: {},
  });
  if (d && !arxiv && !doi && pmid) d.id = siteKey('pubmed', pmid);
  return d;
}

/** The page's paper: the root's record as a draft, or null when it has no title metadata. */
export function readPage(root: ParentNode, url: URL | string): PaperDraft | null {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    const rec = detect(u) ? readRecord(root) : null;
    return rec ? draftOf(rec, u) : null;
  } catch {
    return null;
  }
}

// --- the card: the heading that shows the title, else the body ---

/** Where a paper page shows its title: h1 (most), else h2 (ACL Anthology's h2#title). */
const HEADINGS = ['h1', 'h2'] as const;
/** Headings looked at per level: a page's title is near its top. */
const MAX_HEADINGS = 20;

/** Whether a heading shows the title: the same letters and digits, maybe after a label ("Title:"), or its main part. */
function showsTitle(heading: Element, title: string): boolean {
  const t = norm(title);
  const raw = heading.textContent ?? '';
  if (!t || raw.length > title.length * 4 + 200) return false;
  const h = norm(raw);
  return h === t || (h.endsWith(t) && t.length >= 10) || (t.startsWith(h) && h.length >= 20);
}

function findCard(root: ParentNode, title: string): Element | null {
  for (const sel of HEADINGS) {
    const heading = [...root.querySelectorAll(sel)].slice(0, MAX_HEADINGS).find((h) => showsTitle(h, title));
    if (heading) return heading;
  }
  return root.querySelector('body') ?? ((root as Node).nodeType === 1 ? (root as Element) : root.firstElementChild);
}

function detect(url: URL): PageKind | null {
  return url.protocol === 'http:' || url.protocol === 'https:' ? 'paper' : null;
}

const isRecord = (data: unknown): data is PageRecord =>
  typeof data === 'object' && data !== null && typeof (data as PageRecord).title === 'string' && Array.isArray((data as PageRecord).ids);

/**
 * The single paper page of any http(s) site. detect() claims every http(s) URL: the caller uses
 * this adapter only where no listed site's adapter claims the URL.
 */
export const adapter: SiteAdapter = {
  id: 'embedded',

  detect,

  /** The page's merged record (null: no title metadata). */
  prepare(root: ParentNode): PageRecord | null {
    return readRecord(root);
  },

  /** One card when the page has title metadata: the heading showing the title, else the body. */
  findCards(root: ParentNode, kind: PageKind): Element[] {
    if (kind !== 'paper') return [];
    const rec = readRecord(root);
    const card = rec && findCard(root, rec.title);
    return card ? [card] : [];
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      const rec = isRecord(ctx.data) ? ctx.data : readRecord(card.ownerDocument ?? card);
      return rec ? draftOf(rec, ctx.url) : null;
    } catch {
      return null; // an unreadable page is a skip, never an error
    }
  },

  /**
   * Right after the title's heading; on a page whose title no heading shows, at the end of the
   * body (an Anchor can only append or follow: a place at the top needs a 'prepend' position).
   */
  anchorFor(card: Element): Anchor | null {
    return /^H[1-6]$/.test(card.tagName) ? { element: card, position: 'after' } : { element: card, position: 'append' };
  },
};
