/**
 * NeurIPS proceedings (proceedings.neurips.cc; until 2020 papers.nips.cc): year listings and paper
 * pages. Server-rendered HTML without ids or dates: a paper is known by the id in its link (the
 * old site's number, today's hash), its year by the listing's URL. Listings show no abstracts.
 * Markup reference: shared/fixtures/pages/SITES.md (NeurIPS) and shared/fixtures/pages/neurips/.
 */
import { citationAuthors, collapse, draftId, first, firstAll, linkHref, linkUrl, metaDate, metaYear, paperDraft, readMeta, textWith, titleBlock } from '../common';
import { id } from './meta';
import { pdfOf, siteOf } from './paths';
import type { Links, PaperDraft } from '../../draft';
import type { Anchor, CardIdentity, ExtractContext, PageKind, SiteAdapter } from '../types';

// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

/**
 * One li per paper: today's `ul.paper-list > li` (a div.paper-content with the title link and
 * span.paper-authors), the 2020-2022 `li` (title link, then the authors in an i), the old book
 * page's plain `ul > li` (title link, then one a.author per author).
 */
const LISTING_ITEMS = ['ul.paper-list > li', 'div.main ul > li', 'div.container-fluid ul > li', 'ul > li'] as const;
/** The title link names the paper: /hash/<md5>-Abstract….html, or the old /paper/<number>-<slug>. */
const TITLE_LINKS = ['a[href*="/hash/"]', 'a[href*="/paper/"]'] as const;
const AUTHOR_LINKS = ['a.author'] as const;
/** A link to a paper page, as a listing writes it (relative or absolute). */
const PAPER_HREF = /\/hash\/[0-9a-f]{32}-Abstract|\/paper\/\d+-[a-z0-9]/i;
/** A comma-separated author line. */
const AUTHOR_LINE = ['span.paper-authors', 'i'] as const;

/** The paper page's title: today's first h4, the old site's h2.subtitle. */
const PAPER_TITLE = ['h2.subtitle', 'div.col h4', 'h4'] as const;
const PAPER_AUTHOR_LINKS = ['ul.authors li.author a', 'li.author a'] as const;
const PAPER_ABSTRACT = ['p.abstract'] as const;

/** A title's math: the old listing marks TeX up as <var>\ell_1</var>; read it as `$\ell_1$`. */
const MATH = 'VAR';

// --- helpers ---

/** Text with each <var> read as inline TeX (`$…$`), whitespace collapsed. */
const textOf = (el: Element | null | undefined): string =>
  textWith(el, (e) => (e.tagName === MATH ? `$${collapse(e.textContent)}$` : e.tagName === 'SCRIPT' || e.tagName === 'STYLE' ? '' : undefined));

/** "Risto Vuorio, Shao-Hua Sun" -> names (the site writes no commas inside a name). */
const splitNames = (line: string): string[] => line.split(',').map(collapse).filter(Boolean);

/** A paper page of the site: its address, id and year. */
interface PaperPage {
  url: URL;
  paperId: string;
  year?: number;
}

/** The paper a link names, or null when the link is not a paper page of the site. */
function paperOf(a: Element, base: URL): PaperPage | null {
  const url = linkUrl(a.getAttribute('href'), base);
  const page = url && siteOf(url);
  return url && page?.kind === 'paper' && page.paperId ? { url, paperId: page.paperId, year: page.year } : null;
}

/** The link of a listing item that names its paper, and that paper. */
function titleLinkOf(li: Element, base: URL): { link: Element; paper: PaperPage } | null {
  for (const sel of TITLE_LINKS) {
    for (const link of li.querySelectorAll(sel)) {
      const paper = paperOf(link, base);
      if (paper) return { link, paper };
    }
  }
  return null;
}

/** NeurIPS papers have a year and no date: the venue is always "NeurIPS <year>". */
const venueOf = (year: number | undefined): string | undefined => (year ? `NeurIPS ${year}` : undefined);

/** What every card of a page shares: the year (from the URL, else the page's heading) and the meta tags. */
interface PageData {
  year?: number;
  meta: Map<string, string[]>;
}

/** "Advances in Neural Information Processing Systems 32 (NeurIPS 2019)", "(NIPS 2019) pre-proceedings" */
const yearIn = (text: string): number | undefined => Number(/\((?:NeurIPS|NIPS) (\d{4})\)/.exec(text)?.[1]) || undefined;

function prepare(root: ParentNode | null, url: URL, kind: PageKind): PageData {
  const meta = root && kind === 'paper' ? readMeta(root, (name) => name.startsWith('citation_')) : new Map<string, string[]>();
  let year = siteOf(url)?.year;
  if (!year && root) {
    // The old paper page links its book: "Part of: Advances in … 32 (NIPS 2019)" -> /book/…-2019.
    const book = root.querySelector('a[href*="/book/"], a[href*="/paper_files/paper/"]');
    year = Number(/-(\d{4})\/?$|\/(\d{4})\/?$/.exec(book?.getAttribute('href') ?? '')?.slice(1).find(Boolean)) || yearIn(collapse(book?.textContent));
  }
  if (!year && root) year = yearIn(collapse(root.querySelector('h2.subtitle, title')?.textContent));
  return { year, meta };
}

function pageData(data: unknown, url: URL, kind: PageKind): PageData {
  if (typeof data === 'object' && data !== null && (data as PageData).meta instanceof Map) return data as PageData;
  return prepare(null, url, kind);
}

// --- listings: one li per paper ---

/** What names a listing item: its title link, the paper id in it and the title. Shared by identify() and extract(). */
function listingIdentity(li: Element, ctx: ExtractContext) {
  const found = titleLinkOf(li, ctx.url);
  const title = textOf(found?.link);
  const key = found && draftId(id, { siteId: found.paper.paperId });
  return found && title && key ? { ...found, title, id: key } : null;
}

function extractListing(li: Element, ctx: ExtractContext, page: PageData): PaperDraft | null {
  const card = listingIdentity(li, ctx);
  if (!card) return null;
  const { paper, title } = card;
  const authorLinks = firstAll(li, AUTHOR_LINKS);
  const authors = authorLinks.length ? authorLinks.map((a) => collapse(a.textContent)).filter(Boolean) : splitNames(collapse(first(li, AUTHOR_LINE)?.textContent));
  const year = paper.year ?? page.year;
  return paperDraft(id, ctx.url.href, { siteId: paper.paperId }, {
    title,
    authors,
    venue: venueOf(year),
    year,
    links: { page: paper.url.href, pdf: pdfOf(paper.url) },
    // The proceedings show no feed signals: nothing on a card changes over time.
    signals: {},
  });
}

// --- the paper page: citation_* meta tags, the visible page as the fallback ---

/**
 * The text of the section under the heading whose text is `label` ("Authors", "Abstract") on
 * today's paper page: the elements after it up to the next heading (its abstract is a <p> inside
 * a <p>, which the parser turns into siblings).
 */
function section(card: Element, label: string): { first: Element | null; text: string } {
  for (const h of card.querySelectorAll('h4')) {
    if (collapse(h.textContent) !== label) continue;
    let text = '';
    for (let e = h.nextElementSibling; e && e.tagName !== 'H4'; e = e.nextElementSibling) text += ` ${e.textContent ?? ''}`;
    return { first: h.nextElementSibling, text: collapse(text) };
  }
  return { first: null, text: '' };
}

function paperLinks(card: Element, url: URL, pdfMeta: string | undefined): Links {
  const links: Links = { page: url.href };
  for (const a of card.querySelectorAll('a[href]')) {
    const href = linkHref(a.getAttribute('href'), url);
    if (!href) continue;
    if (/-Bibtex(?:-[A-Za-z_]+)?\.bib$|\/bibtex\/?$/i.test(href)) links.bib ??= href;
    else if (/-Supplemental[^/]*$|-supplemental\.[a-z]+$/i.test(href)) links.supp ??= href;
    else if (/\.pdf$/i.test(href) && !/-Supplemental|-Review/i.test(href)) links.pdf ??= href;
  }
  links.pdf = linkHref(pdfMeta, url) ?? links.pdf ?? pdfOf(url);
  return links;
}

function extractPaper(card: Element, ctx: ExtractContext, page: PageData): PaperDraft | null {
  const one = (name: string): string | undefined => page.meta.get(name)?.[0];
  const paperId = siteOf(ctx.url)?.paperId;
  // The visible title keeps its math markup; the meta tag is the fallback.
  const title = textOf(first(card, PAPER_TITLE)) || collapse(one('citation_title'));
  if (!paperId || !title) return null;
  const metaAuthors = citationAuthors(page.meta);
  const shownLinks = firstAll(card, PAPER_AUTHOR_LINKS).map((a) => collapse(a.textContent)).filter(Boolean);
  const authors = metaAuthors.length ? metaAuthors : shownLinks.length ? shownLinks : splitNames(section(card, 'Authors').text);
  const date = metaDate(one('citation_publication_date'));
  const year = metaYear(one('citation_publication_date')) ?? page.year;
  return paperDraft(id, ctx.url.href, { siteId: paperId }, {
    title,
    authors,
    abstract: collapse(first(card, PAPER_ABSTRACT)?.textContent) || section(card, 'Abstract').text || collapse(one('citation_abstract')) || undefined,
    publishedAt: date,
    venue: venueOf(year),
    year: date ? undefined : year,
    links: paperLinks(card, ctx.url, one('citation_pdf_url')),
    signals: {},
  });
}

// --- the adapter ---

/** NeurIPS year listings and paper pages. */
export const adapter: SiteAdapter = {
  id,

  detect: (url: URL): PageKind | null => siteOf(url)?.kind ?? null,

  /** The page's year (its URL, else its heading or book link) and a paper page's meta tags. */
  prepare: (root: ParentNode, url: URL, kind: PageKind): PageData => prepare(root, url, kind),

  findCards(root: ParentNode, kind: PageKind): Element[] {
    // The paper page's block: the title's parent (today's div.col, the old div.main).
    if (kind === 'paper') return titleBlock(root, PAPER_TITLE);
    // The listing's li that link a paper (not the site's navigation, nor the year links).
    for (const sel of LISTING_ITEMS) {
      const items = [...root.querySelectorAll(sel)].filter((li) => [...li.querySelectorAll('a[href]')].some((a) => PAPER_HREF.test(a.getAttribute('href') ?? '')));
      if (items.length) return items;
    }
    return [];
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      const page = pageData(ctx.data, ctx.url, ctx.kind);
      return ctx.kind === 'paper' ? extractPaper(card, ctx, page) : extractListing(card, ctx, page);
    } catch {
      return null; // an unreadable card is a skip, never an error
    }
  },

  /** A listing item's id and title without its authors (the paper page: its whole record). */
  identify(card: Element, ctx: ExtractContext): CardIdentity | null {
    try {
      if (ctx.kind === 'paper') {
        const d = extractPaper(card, ctx, pageData(ctx.data, ctx.url, ctx.kind));
        return d && { id: d.id, title: d.title };
      }
      const found = listingIdentity(card, ctx);
      return found && { id: found.id, title: found.title, key: found.link };
    } catch {
      return null;
    }
  },

  /** At the end of the listing's li; after the paper page's author list. */
  anchorFor(card: Element, kind: PageKind): Anchor | null {
    if (kind !== 'paper') return { element: card, position: 'append' };
    const after = first(card, ['ul.authors']) ?? section(card, 'Authors').first ?? first(card, PAPER_TITLE);
    return after ? { element: after, position: 'after' } : { element: card, position: 'append' };
  },
};
