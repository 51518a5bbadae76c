/**
 * CVF open access (openaccess.thecvf.com; until about 2020 www.cv-foundation.org/openaccess):
 * conference listings (/ICCV2015.py, /CVPR2023?day=all), search results (/CVPR2023_search.py,
 * the same markup) and paper pages (…/html/…_paper.html). Server-rendered HTML without ids: a
 * paper is known by its paper page, an arXiv id when the card links one. No abstracts on listings.
 * Markup reference: shared/fixtures/pages/SITES.md (CVF) and shared/fixtures/pages/cvf/.
 */
import type { ArxivId } from '../../ids';
import { arxivIdOfUrl, arxivLinks, citationAuthors, collapse, draftId, first, firstAll, linkHref, linkUrl, metaDate, metaYear, paperDraft, readMeta, titleBlock } from '../common';
import { id } from './meta';
import { canonicalPaperUrl, siteOf } from './paths';
import type { Links, PaperDraft } from '../../draft';
import type { Anchor, CardIdentity, ExtractContext, PageKind, SiteAdapter } from '../types';

// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

/** One dt.ptitle per paper (2015 and 2020+ markup alike; 2020 puts a <br> before the link). */
const LISTING_TITLES = ['#content dl > dt.ptitle', 'dt.ptitle'] as const;
const TITLE_LINK = ['a[href*="/html/"]', 'a[href]'] as const;
/** One form per author, the name as the link's text. */
const AUTHOR_LINKS = ['form.authsearch a', 'a'] as const;
const BIBTEX = 'div.bibref';

const PAPER_TITLE = ['#papertitle'] as const;
const PAPER_AUTHORS = ['#authors b i', '#authors i', '#authors b'] as const;
const PAPER_AUTHORS_BLOCK = ['#authors'] as const;
const PAPER_ABSTRACT = ['#abstract'] as const;
/** The paper page's one block: title, authors, abstract, links and BibTeX. */
const PAPER_CARD = ['#content dd', 'dd', '#content'] as const;

// --- helpers ---

/** The dd elements that belong to a dt: its siblings up to the next dt. */
function ddsOf(dt: Element): Element[] {
  const dds: Element[] = [];
  for (let e = dt.nextElementSibling; e && e.tagName !== 'DT'; e = e.nextElementSibling) if (e.tagName === 'DD') dds.push(e);
  return dds;
}

/** The listing dd holding the author forms (the first one, if the forms are gone). */
const authorsDdOf = (dds: readonly Element[]): Element | undefined => dds.find((dd) => dd.querySelector('form.authsearch')) ?? dds[0];

/** The arXiv id of the first "[arXiv]" link that names one (a link to arxiv.org/abs or /pdf). */
function arxivLinkIn(scope: Element | undefined, base: URL): ArxivId | null {
  for (const a of scope?.querySelectorAll('a[href]') ?? []) {
    if (collapse(a.textContent).toLowerCase() !== 'arxiv') continue;
    const found = arxivIdOfUrl(linkUrl(a.getAttribute('href'), base));
    if (found) return found;
  }
  return null;
}

/** The "[pdf] [supp]" links by their label (the target as a fallback for the pdf), and the arXiv abstract. */
function relatedLinks(scope: Element | undefined, base: URL, arxiv: ArxivId | null): Links {
  const links: Links = {};
  for (const a of scope?.querySelectorAll('a[href]') ?? []) {
    const href = linkHref(a.getAttribute('href'), base);
    const label = collapse(a.textContent).toLowerCase();
    if (!href) continue;
    if (label === 'pdf' || (!links.pdf && /\/papers\/[^/]+\.pdf$/i.test(href))) links.pdf ??= href;
    else if (label === 'supp') links.supp ??= href;
  }
  if (arxiv) links.abs = arxivLinks(arxiv.id).abs;
  return links;
}

interface Venue {
  venue?: string;
  year?: number;
}

/**
 * Venue and year from a BibTeX block: the acronym in the booktitle's parentheses ("… Computer
 * Vision (ICCV)") and the year field. Missing parts stay undefined.
 */
function bibtexVenue(bib: Element | null | undefined): Venue {
  const text = bib?.textContent ?? '';
  const book = /booktitle\s*=\s*\{([^}]*)\}/i.exec(text)?.[1] ?? '';
  const acronym = [...book.matchAll(/\(([A-Z][A-Za-z]*)\)/g)].at(-1)?.[1];
  const year = Number(/\byear\s*=\s*\{?\s*(\d{4})/i.exec(text)?.[1]) || undefined;
  return { venue: acronym && year ? `${acronym} ${year}` : undefined, year };
}

/** The venue of a card: its BibTeX where it has one, else the page's (from its URL). */
function venueOf(bib: Element | null | undefined, page: Venue): Venue {
  const own = bibtexVenue(bib);
  const year = own.year ?? page.year;
  return { venue: own.venue ?? page.venue, year };
}

// --- listings and search results: dt.ptitle + dd (authors) + dd (links, BibTeX) ---

/**
 * What names a listing entry: its title link (page and title) and the arXiv id its [arXiv] link
 * gives. Shared by identify() and extract(), so the two always agree.
 */
function listingIdentity(dt: Element, ctx: ExtractContext) {
  const link = first(dt, TITLE_LINK);
  const target = linkUrl(link?.getAttribute('href'), ctx.url);
  const title = collapse(link?.textContent);
  if (!link || !target || !title) return null;
  const href = target.href;
  const dds = ddsOf(dt);
  const authorsDd = authorsDdOf(dds);
  const linksDd = dds.find((dd) => dd !== authorsDd) ?? authorsDd;
  const ids = { arxiv: arxivLinkIn(linksDd, ctx.url), page: canonicalPaperUrl(target) };
  const key = draftId(id, ids);
  return key ? { id: key, title, link, href, ids, authorsDd, linksDd } : null;
}

function extractListing(dt: Element, ctx: ExtractContext, page: PageData): PaperDraft | null {
  const card = listingIdentity(dt, ctx);
  if (!card) return null;
  const { authorsDd, linksDd } = card;
  return paperDraft(id, ctx.url.href, card.ids, {
    title: card.title,
    authors: authorsDd ? firstAll(authorsDd, AUTHOR_LINKS).map((a) => collapse(a.textContent)).filter(Boolean) : [],
    ...venueOf(linksDd?.querySelector(BIBTEX), page),
    links: { page: card.href, ...relatedLinks(linksDd, ctx.url, card.ids.arxiv) },
    // CVF shows no feed signals: nothing on a card changes over time.
    signals: {},
  });
}

// --- the paper page: citation_* meta tags, the visible block as the fallback ---

function extractPaper(card: Element, ctx: ExtractContext, page: PageData): PaperDraft | null {
  const meta = page.meta;
  const one = (name: string): string | undefined => meta.get(name)?.[0];
  const title = collapse(one('citation_title')) || collapse(first(card, PAPER_TITLE)?.textContent);
  if (!title) return null;
  const metaAuthors = citationAuthors(meta);
  const shown = collapse(first(card, PAPER_AUTHORS)?.textContent);
  const arxiv = arxivLinkIn(card, ctx.url);
  const links = relatedLinks(card, ctx.url, arxiv);
  const venue = venueOf(card.querySelector(BIBTEX), page);
  const date = metaDate(one('citation_publication_date'));
  return paperDraft(id, ctx.url.href, { arxiv, page: canonicalPaperUrl(ctx.url) }, {
    title,
    authors: metaAuthors.length ? metaAuthors : shown.split(',').map(collapse).filter(Boolean),
    abstract: collapse(first(card, PAPER_ABSTRACT)?.textContent) || undefined,
    publishedAt: date,
    venue: venue.venue,
    year: date ? undefined : (metaYear(one('citation_publication_date')) ?? venue.year),
    links: { page: ctx.url.href, ...links, pdf: linkHref(one('citation_pdf_url'), ctx.url) ?? links.pdf },
    signals: {},
  });
}

// --- the adapter ---

/** What every card of a page shares: the page's venue (from its URL) and its meta tags. */
interface PageData extends Venue {
  meta: Map<string, string[]>;
}

function pageData(data: unknown, url: URL): PageData {
  if (typeof data === 'object' && data !== null && (data as PageData).meta instanceof Map) return data as PageData;
  return prepare(null, url);
}

function prepare(root: ParentNode | null, url: URL): PageData {
  const site = siteOf(url);
  const meta = root ? readMeta(root, (name) => name.startsWith('citation_')) : new Map<string, string[]>();
  return site ? { venue: `${site.conference} ${site.year}`, year: site.year, meta } : { meta };
}

/** CVF conference listings, search results and paper pages. */
export const adapter: SiteAdapter = {
  id,

  detect: (url: URL): PageKind | null => siteOf(url)?.kind ?? null,

  /** The page's venue and year from its URL (/ICCV2015.py: ICCV 2015), and a paper page's meta tags. */
  prepare: (root: ParentNode, url: URL, kind: PageKind): PageData => prepare(kind === 'paper' ? root : null, url),

  findCards(root: ParentNode, kind: PageKind): Element[] {
    if (kind === 'paper') return titleBlock(root, PAPER_TITLE, PAPER_CARD);
    return firstAll(root, LISTING_TITLES);
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      const page = pageData(ctx.data, ctx.url);
      return ctx.kind === 'paper' ? extractPaper(card, ctx, page) : extractListing(card, ctx, page);
    } catch {
      return null; // an unreadable card is a skip, never an error
    }
  },

  /** A listing entry's id and title without its authors and BibTeX (the paper page: its whole record). */
  identify(card: Element, ctx: ExtractContext): CardIdentity | null {
    try {
      if (ctx.kind === 'paper') {
        const d = extractPaper(card, ctx, pageData(ctx.data, ctx.url));
        return d && { id: d.id, title: d.title };
      }
      const found = listingIdentity(card, ctx);
      return found && { id: found.id, title: found.title, key: found.link };
    } catch {
      return null;
    }
  },

  /** Under the authors: in the listing's authors dd, after the paper page's author line. */
  anchorFor(card: Element, kind: PageKind): Anchor | null {
    if (kind === 'paper') {
      const after = first(card, [...PAPER_AUTHORS_BLOCK, ...PAPER_TITLE]);
      return after ? { element: after, position: 'after' } : { element: card, position: 'append' };
    }
    const dd = authorsDdOf(ddsOf(card));
    return dd ? { element: dd, position: 'append' } : { element: card, position: 'after' };
  },
};
