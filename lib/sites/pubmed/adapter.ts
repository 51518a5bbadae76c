/**
 * PubMed (pubmed.ncbi.nlm.nih.gov): search results (/?term=…, similar articles
 * /?linkname=…&from_uid=…) and article pages (/<PMID>/). Server-rendered HTML: the PMID is in
 * the result's `data-article-id` and the article URL, the DOI in the journal citation or the
 * article's identifier list; a DOI is the paper's identity, else its PMID (`pubmed:<PMID>`).
 * Markup reference: shared/fixtures/pages/SITES.md (PubMed) and pubmed/ (two real results). No
 * article page was captured: its selectors follow the markup PubMed has served since 2020
 * (#full-view-heading, .authors-list, #full-view-identifiers, #eng-abstract), with the page's
 * citation_* meta tags and its URL as fallbacks.
 */
import { monthOf } from '../../dates';
import { parseDoi } from '../../ids';
import { collapse, first, firstAll, isoDate, paperDraft, readMeta, text } from '../common';
import { id, HOST, pmidOf } from './meta';
import type { PaperDraft } from '../../draft';
import type { Anchor, ExtractContext, PageKind, SiteAdapter } from '../types';

// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

const RESULT_CARDS = ['article.full-docsum', '.search-results-chunk article', 'article.docsum'] as const;
const RESULT_TITLE = ['a.docsum-title'] as const;
const RESULT_AUTHORS = ['span.docsum-authors.full-authors', 'span.docsum-authors'] as const;
const RESULT_CITATION = ['span.docsum-journal-citation.full-journal-citation', 'span.docsum-journal-citation'] as const;
const RESULT_PMID = ['span.docsum-pmid'] as const;
const RESULT_CITATION_BLOCK = ['div.docsum-citation'] as const;

/** The article: its heading block (title, citation, authors, identifiers) and the abstract beside it. */
const ARTICLE_CARD = ['main#article-details', 'main.article-details', '#full-view-heading'] as const;
const ARTICLE_HEADING = ['#full-view-heading', 'header#heading'] as const;
const ARTICLE_TITLE = ['h1.heading-title'] as const;
/** Authors with full names; the heading's first list only (the page repeats it elsewhere). */
const ARTICLE_AUTHOR_LIST = ['.inline-authors .authors-list', '.authors-list'] as const;
const ARTICLE_AUTHOR = 'a.full-name';
const ARTICLE_JOURNAL = ['#full-view-journal-trigger', '.article-source .journal-actions-trigger'] as const;
const ARTICLE_CIT = ['.article-source span.cit', 'span.cit'] as const;
const ARTICLE_PMID = ['#full-view-identifiers strong.current-id', '.identifier.pubmed strong.current-id'] as const;
const ARTICLE_DOI = ['#full-view-identifiers .identifier.doi a.id-link', '.identifier.doi a.id-link'] as const;
const ARTICLE_CITATION_DOI = ['.article-citation span.citation-doi'] as const;
const ARTICLE_ABSTRACT = ['#eng-abstract', '#abstract .abstract-content.selected', '#abstract .abstract-content'] as const;

// --- URL kinds ---

function detect(url: URL): PageKind | null {
  if (url.protocol !== 'https:' || url.hostname !== HOST) return null;
  const q = (name: string): boolean => !!url.searchParams.get(name)?.trim();
  if (url.pathname === '/') return q('term') || (q('linkname') && q('from_uid')) ? 'search' : null;
  return pmidOf(url) ? 'paper' : null;
}

// --- helpers ---

/** MEDLINE ends every title and author list with a period; the paper's title does not have it. */
const noFinalPeriod = (s: string): string => s.replace(/\.$/, '');

/** "Lightbourne A, Foley S, Cronin M." -> names. */
const namesOf = (s: string): string[] => noFinalPeriod(collapse(s)).split(/,\s*/).map(collapse).filter(Boolean);

const pageOf = (pmid: string): string => `https://${HOST}/${pmid}/`;

interface Citation {
  /** the journal citation without its DOI and e-publication notes ("Qual Health Res. 2023 Nov 21:1049…") */
  venue?: string;
  doi?: string;
  publishedAt?: string;
  year?: number;
}

/**
 * A journal citation as PubMed prints it: "Qual Health Res. 2023 Nov 21:10497323231214114. doi:
 * 10.1177/10497323231214114. Online ahead of print." / "Nature. 2020 Jan;577(7788):89-94. doi: …
 * Epub 2019 Dec 4.". The date after the journal is the publication date: a full one gives
 * publishedAt, a month or season only the year.
 */
export function parseCitation(raw: string): Citation {
  const s = collapse(raw);
  const doi = /\bdoi:\s*(10\.\d{4,9}\/\S+?)\.?(?:\s|$)/i.exec(s)?.[1];
  const venue = noFinalPeriod(collapse(s.split(/(?:\.\s+|\s)(?:doi:|Epub\b|Online ahead of print)/i)[0])) || undefined;
  return { venue, doi: doi ? (parseDoi(doi) ?? undefined) : undefined, ...dateIn(venue ?? '') };
}

/** "Qual Health Res. 2023 Nov 21:…" / "2023 Nov 21:…" (span.cit) -> the date after the journal. */
function dateIn(s: string): { publishedAt?: string; year?: number } {
  const m = /(?:^|\.\s)(\d{4})(?:\s([A-Za-z]{3})[a-z]*\.?(?:\s(\d{1,2}))?)?(?=[\s:;.(]|$)/.exec(s);
  if (!m) return {};
  const year = Number(m[1]);
  const month = m[2] ? monthOf(m[2]) : 0;
  const day = isoDate(year, month, Number(m[3] ?? 0));
  return day ? { publishedAt: day } : { year };
}

// --- search results: article.full-docsum ---

function extractResult(card: Element, ctx: ExtractContext): PaperDraft | null {
  const a = first(card, RESULT_TITLE);
  const pmid = /^\d{1,9}$/.exec(a?.getAttribute('data-article-id') ?? text(first(card, RESULT_PMID)))?.[0];
  const title = noFinalPeriod(text(a));
  if (!pmid || !title) return null;
  const cit = parseCitation(text(first(card, RESULT_CITATION)));
  return paperDraft(id, ctx.url.href, { doi: cit.doi, siteId: pmid }, {
    title,
    authors: namesOf(text(first(card, RESULT_AUTHORS))),
    publishedAt: cit.publishedAt,
    year: cit.year,
    venue: cit.venue,
    links: { page: pageOf(pmid) },
    signals: {},
  });
}

// --- the article page ---

/** The page's citation_* meta tags (fallbacks for the visible heading). */
function prepareArticle(root: ParentNode): Map<string, string[]> {
  return readMeta(root, (name) => name.startsWith('citation_'));
}

function extractArticle(card: Element, ctx: ExtractContext): PaperDraft | null {
  const meta = ctx.data instanceof Map ? (ctx.data as Map<string, string[]>) : new Map<string, string[]>();
  const one = (name: string): string => meta.get(name)?.[0] ?? '';
  const heading = first(card, ARTICLE_HEADING) ?? card;
  const pmid = pmidOf(ctx.url) ?? (/^\d{1,9}$/.exec(text(first(heading, ARTICLE_PMID)) || one('citation_pmid'))?.[0] ?? null);
  const title = noFinalPeriod(text(first(heading, ARTICLE_TITLE)) || one('citation_title'));
  if (!pmid || !title) return null;
  const journal = noFinalPeriod(text(first(heading, ARTICLE_JOURNAL)));
  const cit = parseCitation(`${journal}. ${text(first(heading, ARTICLE_CIT))} ${text(first(heading, ARTICLE_CITATION_DOI))}`);
  const doi = parseDoi(text(first(heading, ARTICLE_DOI))) ?? cit.doi ?? parseDoi(one('citation_doi'));
  const list = first(heading, ARTICLE_AUTHOR_LIST);
  const authors = list ? [...list.querySelectorAll(ARTICLE_AUTHOR)].map(text).filter(Boolean) : [];
  const abstract = first(card, ARTICLE_ABSTRACT);
  const paragraphs = abstract ? [...abstract.querySelectorAll('p')].map(text).filter(Boolean) : [];
  return paperDraft(id, ctx.url.href, { doi, siteId: pmid }, {
    title,
    authors,
    abstract: paragraphs.join(' ') || undefined,
    publishedAt: cit.publishedAt,
    year: cit.year,
    venue: journal ? cit.venue : undefined,
    links: { page: pageOf(pmid) },
    signals: {},
  });
}

// --- the adapter ---

/** PubMed search results and article pages. */
export const adapter: SiteAdapter = {
  id,
  cardSelector: 'article, main',

  detect,

  /** Page-level data: the article page's citation_* meta tags (results need none). */
  prepare(root: ParentNode, _url: URL, kind: PageKind): Map<string, string[]> | null {
    return kind === 'paper' ? prepareArticle(root) : null;
  },

  findCards(root: ParentNode, kind: PageKind): Element[] {
    if (kind === 'search') return firstAll(root, RESULT_CARDS);
    if (kind === 'paper') {
      const card = first(root, ARTICLE_CARD);
      return card ? [card] : [];
    }
    return [];
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      if (ctx.kind === 'search') return extractResult(card, ctx);
      if (ctx.kind === 'paper') return extractArticle(card, ctx);
      return null;
    } catch {
      return null; // an unreadable card is a skip, never an error
    }
  },

  /** Under a result's citation lines; under the article's author list (else its title). */
  anchorFor(card: Element, kind: PageKind): Anchor | null {
    if (kind === 'search') {
      const after = first(card, RESULT_CITATION_BLOCK) ?? first(card, RESULT_TITLE);
      return after ? { element: after, position: 'after' } : null;
    }
    const heading = first(card, ARTICLE_HEADING) ?? card;
    const after = heading.querySelector('.inline-authors') ?? first(heading, ARTICLE_TITLE);
    return after ? { element: after, position: 'after' } : { element: heading, position: 'append' };
  },
};
