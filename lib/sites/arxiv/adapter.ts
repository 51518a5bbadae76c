/**
 * arXiv (arxiv.org): listings (/list/<archive>/{new,recent,pastweek,current,YYMM}), search
 * results (/search/?query=…) and single-paper pages (/abs/<id>). Server-rendered HTML without
 * embedded JSON: ids come from link targets (`/abs/<id>`), the abs page's record from its
 * `citation_*` meta tags, the rest from the visible markup.
 * Markup reference: shared/fixtures/pages/SITES.md (arXiv) and shared/fixtures/pages/arxiv-list/.
 */
import { monthOf } from '../../dates';
import { arxivIdFromPath, parseArxivId, parseDoi, type ArxivId } from '../../ids';
import { arxivDraft, arxivLinks, citationAuthors, collapse, first, firstAll, isoDate, linkUrl, metaDate, readMeta, textWith, titleBlock } from '../common';
import { id } from './meta';
import type { PaperDraft } from '../../paper';
import type { Anchor, ExtractContext, PageKind, SiteAdapter } from '../types';


// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

/** Listing sections: one `dl#articles` per section (New / Cross / Replacement, or per day). */
const LISTING_SELECTORS = ['dl#articles', '#dlpage dl'] as const;
/** The dt's abstract link carries the id (2024 markup; older markup wrapped it in span.list-identifier). */
const LISTING_ID_LINKS = ['a[title="Abstract"]', 'span.list-identifier a[href*="/abs/"]', 'a[href*="/abs/"]'] as const;
const LISTING_META = ['div.meta'] as const;
const LISTING_TITLE = ['div.list-title'] as const;
const LISTING_AUTHORS = ['div.list-authors'] as const;
const LISTING_COMMENTS = ['div.list-comments'] as const;
const LISTING_SUBJECTS = ['div.list-subjects'] as const;
/** Only /new pages show the abstract, as a paragraph after the subjects. */
const LISTING_ABSTRACT = ['div.meta > p.mathjax', 'div.meta > p', 'p.mathjax'] as const;

const SEARCH_CARDS = ['ol.breathe-horizontal > li.arxiv-result', 'li.arxiv-result'] as const;
const SEARCH_ID_LINK = ['p.list-title a[href*="/abs/"]', 'a[href*="/abs/"]'] as const;
const SEARCH_TITLE = ['p.title'] as const;
const SEARCH_AUTHORS = ['p.authors'] as const;
/** The full abstract (hidden until "▽ More"); abstract-short is truncated, so it is not used. */
const SEARCH_ABSTRACT = ['span.abstract-full'] as const;
/** Category tags: primary first; the DOI badge sits in a separate `div.tags.has-addons`. */
const SEARCH_TAGS = ['div.tags.is-inline-block > span.tag', 'div.tags:not(.has-addons) > span.tag'] as const;
const SEARCH_DOI_LINK = 'div.tags.has-addons a[href*="doi.org/"]';
/** `p.comments` rows: "Comments:", "Journal ref:", "Report number:" … told apart by their label. */
const SEARCH_INFO_ROWS = 'p.comments';
const SEARCH_DATE_ROWS = 'p.is-size-7';

const ABS_TITLE = ['#abs h1.title', 'h1.title'] as const;
const ABS_CARD = ['#abs'] as const;
const ABS_AUTHORS = ['div.authors'] as const;
const ABS_ABSTRACT = ['blockquote.abstract'] as const;
const ABS_COMMENTS = ['td.tablecell.comments'] as const;
const ABS_SUBJECTS = ['td.tablecell.subjects'] as const;
/** "(or arXiv:2301.01234v2 for this version)": the version the page shows. */
const ABS_THIS_VERSION = ['td.arxividv a[href]', '.arxividv a[href]'] as const;

/** Labels, never content: "Title:", "Authors:", "Comments:" … */
const DESCRIPTOR = 'span.descriptor';
/** MathJax 2 keeps the TeX in a script next to its rendering: read the TeX, skip the rendering. */
const MATH_SOURCE = 'script[type^="math/tex"]';
const NOT_TEXT = `script, style, ${DESCRIPTOR}, .MathJax_Preview, .MathJax, .MathJax_Display, .MathJax_SVG, .MathJax_SVG_Display, .MathJax_CHTML`;

// --- URL kinds ---

/** cs, cs.LG, hep-th, math.GT, astro-ph.CO, physics.acc-ph, cond-mat.mes-hall */
const ARCHIVE = String.raw`[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[a-z]+)*)?`;
/** new | recent | pastweek | current | YY | YYMM | YYYYMM (what arXiv's list controller accepts) */
const PERIOD = String.raw`(?:new|recent|pastweek|current|\d{2}|\d{2}(?:0[1-9]|1[0-2])|\d{4}(?:0[1-9]|1[0-2]))`;
const LIST_PATH = new RegExp(`^/list/${ARCHIVE}/${PERIOD}$`);
/** /search/, /search/cs (archive-scoped: the author links on listings go there) */
const SEARCH_PATH = new RegExp(`^/search(?:/(?:${ARCHIVE})?)?$`);

function isArxivHost(hostname: string): boolean {
  return hostname === 'arxiv.org' || hostname === 'www.arxiv.org';
}

function detect(url: URL): PageKind | null {
  if (!isArxivHost(url.hostname) || !/^https?:$/.test(url.protocol)) return null;
  const path = url.pathname;
  if (LIST_PATH.test(path.replace(/\/+$/, ''))) return 'listing';
  if (path.replace(/\/+$/, '') === '/search/advanced') return url.searchParams.get('terms-0-term')?.trim() ? 'search' : null;
  if (SEARCH_PATH.test(path)) return url.searchParams.get('query')?.trim() ? 'search' : null;
  if (absIdOf(url)) return 'paper';
  return null;
}

/** The id of an /abs/<id> page, or null. */
function absIdOf(url: URL): ArxivId | null {
  return /^\/abs\/.+$/.test(url.pathname) ? arxivIdFromPath(url.pathname) : null;
}

// --- helpers ---

/**
 * The visible text of an element, whitespace collapsed: search-hit spans and links are read as
 * text, labels and MathJax renderings are dropped (their TeX source is kept as `$…$`), and
 * `skip` drops more (e.g. the "△ Less" toggle).
 */
function textOf(el: Element | null | undefined, skip: (e: Element) => boolean = () => false): string {
  return textWith(el, (e) => {
    if (e.matches(MATH_SOURCE)) {
      const tex = e.textContent ?? '';
      return /mode\s*=\s*display/.test(e.getAttribute('type') ?? '') ? ` $$${tex}$$ ` : `$${tex}$`;
    }
    if (e.tagName === 'BR') return ' ';
    return e.matches(NOT_TEXT) || skip(e) ? '' : undefined;
  });
}

/** An arXiv id from a link target on arxiv.org (relative or absolute), or null. */
function idFromHref(href: string | null | undefined, base: URL): ArxivId | null {
  const u = linkUrl(href, base);
  return u && isArxivHost(u.hostname) ? arxivIdFromPath(u.pathname) : null;
}

/** Names from the links of an author line ("Authors:" labels and commas are not links). */
const namesIn = (el: Element | null): string[] => (el ? [...el.querySelectorAll('a')].map((a) => textOf(a)).filter(Boolean) : []);

/**
 * "Human-Computer Interaction (cs.HC); Graphics (cs.GR)" -> ['cs.HC', 'cs.GR'], primary first.
 * Codes rather than display names: every arXiv view (listing, search tags, abs page) shows them.
 */
function subjectsOf(el: Element | null): string[] | undefined {
  if (!el) return undefined;
  const code = (s: string): string => /\(([^()]+)\)\s*$/.exec(s)?.[1]?.trim() ?? s;
  const primary = el.querySelector('span.primary-subject');
  const all = textOf(el).split(';').map((s) => code(collapse(s))).filter(Boolean);
  if (primary) all.unshift(code(textOf(primary)));
  const unique = [...new Set(all)];
  return unique.length ? unique : undefined;
}

/** "3 January, 2023" / "3 Jan 2023" -> "2023-01-03". */
function parseDayMonthYear(d: string, m: string, y: string): string | undefined {
  const month = monthOf(m);
  return month > 0 ? isoDate(Number(y), month, Number(d)) : undefined;
}

type Fields = Pick<PaperDraft, 'title' | 'authors' | 'authorCount' | 'abstract' | 'publishedAt' | 'doi' | 'comments' | 'subjects'>;

/** A whole arXiv draft: identity and links are the same on every arXiv page kind. */
function draft(ctx: ExtractContext, arxiv: ArxivId, f: Fields): PaperDraft | null {
  if (!f.title) return null;
  const links = arxivLinks(arxiv.id);
  // arXiv shows no feed signals (votes, stars): nothing here changes over time.
  return arxivDraft('arxiv', ctx.url.href, arxiv, { ...f, links: { page: links.abs, ...links }, signals: {} });
}

/** The version shown among `links` for paper `id` (listings link the HTML view as /html/<id>vN). */
function versionAmong(links: Iterable<Element>, id: string, base: URL): number | undefined {
  for (const a of links) {
    const found = idFromHref(a.getAttribute('href'), base);
    if (found?.id === id && found.version) return found.version;
  }
  return undefined;
}

// --- listings: dt (id, links) + dd (title, authors, comments, subjects, abstract) ---

/**
 * One card per dt, paired only with the dd right after it: a dt without its dd, or a dd without
 * its dt, is still returned (and extract() reads it as null), so a count mismatch is reported as
 * skipped cards instead of shifting every later pair onto the wrong paper.
 */
function listingCards(root: ParentNode): Element[] {
  const cards: Element[] = [];
  for (const dl of firstAll(root, LISTING_SELECTORS)) {
    for (const el of dl.children) {
      if (el.tagName === 'DT') cards.push(el);
      else if (el.tagName === 'DD' && el.previousElementSibling?.tagName !== 'DT') cards.push(el);
    }
  }
  return cards;
}

const ddOf = (dt: Element): Element | null =>
  dt.tagName === 'DT' && dt.nextElementSibling?.tagName === 'DD' ? dt.nextElementSibling : null;

function extractListing(dt: Element, ctx: ExtractContext): PaperDraft | null {
  const dd = ddOf(dt);
  if (!dd) return null;
  const link = first(dt, LISTING_ID_LINKS);
  const found = idFromHref(link?.getAttribute('href'), ctx.url) ?? parseArxivId(link?.getAttribute('id') ?? '');
  if (!found) return null;
  const version = found.version ?? versionAmong(dt.querySelectorAll('a[href]'), found.id, ctx.url);
  const meta = first(dd, LISTING_META) ?? dd;
  return draft(ctx, { id: found.id, ...(version ? { version } : {}) }, {
    title: textOf(first(meta, LISTING_TITLE)),
    authors: namesIn(first(meta, LISTING_AUTHORS)),
    abstract: textOf(first(meta, LISTING_ABSTRACT)) || undefined,
    comments: textOf(first(meta, LISTING_COMMENTS)) || undefined,
    subjects: subjectsOf(first(meta, LISTING_SUBJECTS)),
    // No publishedAt: listings show the announcement day (and only on /new), not the submission date.
  });
}

// --- search results: li.arxiv-result ---

/** The "▽ More" / "△ Less" toggles inside the abstract spans. */
const isToggle = (e: Element): boolean => e.tagName === 'A' && (e.hasAttribute('onclick') || /^[△▽]\s*(?:Less|More)$/.test(collapse(e.textContent)));

/** "Submitted 5 February, 2023; v1 submitted 3 January, 2023; …" -> the v1 date (2023-01-03). */
function submittedDate(li: Element): string | undefined {
  for (const p of li.querySelectorAll(SEARCH_DATE_ROWS)) {
    const text = textOf(p);
    const m = /v1 submitted (\d{1,2}) ([A-Za-z]+),? (\d{4})/i.exec(text) ?? /Submitted (\d{1,2}) ([A-Za-z]+),? (\d{4})/.exec(text);
    if (m) return parseDayMonthYear(m[1]!, m[2]!, m[3]!);
  }
  return undefined;
}

/** The value of the `p.comments` row labelled `label` (its first span), without the label. */
function infoRow(li: Element, label: RegExp): string | undefined {
  for (const p of li.querySelectorAll(SEARCH_INFO_ROWS)) {
    const head = p.querySelector('span');
    if (head && label.test(collapse(head.textContent))) return textOf(p, (e) => e === head) || undefined;
  }
  return undefined;
}

function extractSearch(li: Element, ctx: ExtractContext): PaperDraft | null {
  const found = idFromHref(first(li, SEARCH_ID_LINK)?.getAttribute('href'), ctx.url);
  if (!found) return null;
  const abstractEl = first(li, SEARCH_ABSTRACT);
  // Results for the current version link the bare id; the abstract's element id keeps the version.
  const version = found.version ?? parseArxivId(/^(.+)-abstract-full$/.exec(abstractEl?.id ?? '')?.[1] ?? '')?.version;
  const authorLine = first(li, SEARCH_AUTHORS);
  const authors = namesIn(authorLine);
  // Long lists show 25 names and "et al. (N additional authors not shown)".
  const more = /\((\d+) additional authors? not shown\)/.exec(textOf(authorLine))?.[1];
  const tags = firstAll(li, SEARCH_TAGS).map((t) => textOf(t)).filter(Boolean);
  return draft(ctx, { id: found.id, ...(version ? { version } : {}) }, {
    title: textOf(first(li, SEARCH_TITLE)),
    authors,
    authorCount: more ? authors.length + Number(more) : undefined,
    abstract: textOf(abstractEl, isToggle) || undefined,
    publishedAt: submittedDate(li),
    doi: parseDoi(li.querySelector(SEARCH_DOI_LINK)?.getAttribute('href') ?? '') ?? undefined,
    comments: infoRow(li, /^Comments:?$/i),
    subjects: tags.length ? [...new Set(tags)] : undefined,
  });
}

// --- the abs page: one paper, record from citation_* meta tags, visible markup as fallback ---

interface AbsPage {
  /** meta name (lower case) -> contents, in page order */
  meta: Map<string, string[]>;
  /** the "for this version" link's id, when the page shows one */
  thisVersion: ArxivId | null;
}

function prepareAbs(root: ParentNode, url: URL): AbsPage {
  const meta = readMeta(root, (name) => name.startsWith('citation_'));
  return { meta, thisVersion: idFromHref(first(root, ABS_THIS_VERSION)?.getAttribute('href'), url) };
}

function extractAbs(card: Element, ctx: ExtractContext): PaperDraft | null {
  const page = isAbsPage(ctx.data) ? ctx.data : { meta: new Map<string, string[]>(), thisVersion: null };
  const one = (name: string): string | undefined => page.meta.get(name)?.[0];
  const fromUrl = absIdOf(ctx.url);
  const found = parseArxivId(one('citation_arxiv_id') ?? '') ?? fromUrl;
  if (!found) return null;
  // The version the page shows: in its URL (/abs/<id>v2), else in "… for this version".
  const version = [fromUrl, page.thisVersion].find((a) => a?.id === found.id && a.version)?.version;
  const metaAuthors = citationAuthors(page.meta);
  return draft(ctx, { id: found.id, ...(version ? { version } : {}) }, {
    title: collapse(one('citation_title')) || textOf(first(card, ABS_TITLE) ?? card.querySelector('h1')),
    authors: metaAuthors.length ? metaAuthors : namesIn(first(card, ABS_AUTHORS)),
    abstract: collapse(one('citation_abstract')) || textOf(first(card, ABS_ABSTRACT)) || undefined,
    // citation_date is the v1 date, like the search results' "v1 submitted".
    publishedAt: metaDate(one('citation_date')) ?? metaDate(one('citation_online_date')),
    doi: parseDoi(one('citation_doi') ?? '') ?? undefined,
    comments: textOf(first(card, ABS_COMMENTS)) || undefined,
    subjects: subjectsOf(first(card, ABS_SUBJECTS)),
  });
}

function isAbsPage(data: unknown): data is AbsPage {
  return typeof data === 'object' && data !== null && (data as AbsPage).meta instanceof Map;
}

// --- the adapter ---

/** What the toolbar goes after, per page kind: the authors, else the title. */
const ANCHOR_AFTER: Partial<Record<PageKind, readonly string[]>> = {
  listing: [...LISTING_AUTHORS, ...LISTING_TITLE],
  search: [...SEARCH_AUTHORS, ...SEARCH_TITLE],
  paper: [...ABS_AUTHORS, ...ABS_TITLE],
};

/** arXiv listings, search results and single-paper (abs) pages. */
export const adapter: SiteAdapter = {
  id,
  /** a listing's whole entry is its dd's div.meta (the card, a dt, is only the id line) */
  cardSelector: 'div.meta, li, #abs',

  detect,

  /** Page-level data: the abs page's citation_* meta tags (listings and search need none). */
  prepare(root: ParentNode, url: URL, kind: PageKind): AbsPage | null {
    return kind === 'paper' ? prepareAbs(root, url) : null;
  },

  findCards(root: ParentNode, kind: PageKind): Element[] {
    if (kind === 'listing') return listingCards(root);
    if (kind === 'search') return firstAll(root, SEARCH_CARDS);
    // The abs page's one card: the block holding the title, authors, abstract and metadata table.
    if (kind === 'paper') return titleBlock(root, ABS_TITLE, ABS_CARD);
    return [];
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      if (ctx.kind === 'listing') return extractListing(card, ctx);
      if (ctx.kind === 'search') return extractSearch(card, ctx);
      if (ctx.kind === 'paper') return extractAbs(card, ctx);
      return null;
    } catch {
      return null; // an unreadable card is a skip, never an error
    }
  },

  /** Under the title and authors: inside the dd's div.meta, the search result, or the abs block. */
  anchorFor(card: Element, kind: PageKind): Anchor | null {
    const scope = kind === 'listing' ? ddOf(card) : card;
    if (!scope) return null;
    const meta = kind === 'listing' ? (first(scope, LISTING_META) ?? scope) : scope;
    const after = first(meta, ANCHOR_AFTER[kind] ?? []);
    return after ? { element: after, position: 'after' } : { element: meta, position: 'append' };
  },
};
