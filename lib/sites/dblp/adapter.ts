/**
 * dblp (dblp.org; dblp.uni-trier.de, its old address): person pages, tables of contents (a
 * conference's or a journal volume's papers) and search results. Every kind lists the same
 * entry markup: `li.entry.<type>` whose id is the dblp key, with schema.org microdata (authors,
 * title, venue, year) and a menu of links (the electronic editions, the BibTeX export).
 * Markup reference: shared/fixtures/pages/SITES.md (dblp) and shared/fixtures/pages/dblp/.
 *
 * Identity: an arXiv id (an electronic edition on arxiv.org, arXiv's DataCite DOI 10.48550/arXiv.…,
 * or a CoRR key `journals/corr/abs-2305-13169`), else a DOI (an electronic edition through a DOI
 * resolver), else the dblp key (`dblp:conf/aaai/PeelC15`). So a CoRR entry is the record of the
 * same paper saved on arXiv.
 *
 * Authors: dblp tells people of the same name apart by a number after it ("Wei Wang 0002"); it
 * is not part of the name, and is dropped.
 *
 * Titles: dblp ends every title with a period it adds itself (`Power-Law Distributions in
 * Empirical Data.`; not after a title ending in ? or !). It is not part of the title: one final
 * period is dropped, unless it ends an ellipsis.
 */
import { parseArxivId, parseDoi, type ArxivId } from '../../ids';
import { arxivIdOfDoi, arxivIdOfUrl, arxivLinks, compact, first, firstAll, linkHref, linkUrl, paperDraft, text } from '../common';
import { arxivIdOfKey, HOSTS, id } from './meta';
import type { PaperDraft } from '../../draft';
import type { Anchor, ExtractContext, PageKind, SiteAdapter } from '../types';

// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

/** Entries; `li.year` headings sit between them. On search pages the publications' list only. */
const CARDS = ['ul.publ-list > li.entry', 'li.entry[id]'] as const;
/** The entry's text: a `cite` today, a `div` in 2015 markup. */
const DATA = ['cite.data', 'div.data', '.data'] as const;
const TITLE = ['.title[itemprop="name"]', '.title'] as const;
const AUTHORS = ['[itemprop="author"] [itemprop="name"]'] as const;
/** The venue: the series (conference) or periodical (journal, CoRR) the entry is part of. */
const VENUE = ['[itemprop="isPartOf"] > [itemprop="name"]'] as const;
const YEAR = ['[itemprop="datePublished"]'] as const;
/** Electronic editions, in the "view" menu (today each in an `li.ee`; 2015: the links marked itemprop=url). */
const EE_LINKS = ['nav.publ li.ee > a[href]', 'nav.publ a[itemprop="url"][href]'] as const;
/** The BibTeX export: `/rec/<key>.html?view=bibtex` today, `/rec/bibtex/<key>` in 2015. */
const BIB_LINK = ['nav.publ a[href*="view=bibtex"]', 'nav.publ a[href*="/rec/bibtex/"]', 'nav.publ a[href$=".bib"]'] as const;

// --- URL kinds ---

const PERSON_PATHS = [
  /^\/pid\/[A-Za-z0-9]+\/[A-Za-z0-9-]+(?:\.html)?$/, // /pid/34/10186.html, /pid/v/MosheYVardi.html
  /^\/pers\/(?:h[a-z]\/)?[^/]\/[^/]+?(?<!\.(?:xml|rss|bib|ris|nt|rdf|ttl))$/, // /pers/hd/c/Clauset:Aaron, /pers/c/Clauset:Aaron.html
];
/** A table of contents: /db/conf/aaai/aaai2015.html, /db/journals/corr/corr1503.html (not a venue's index). */
const TOC_PATH = /^\/db\/(?:conf|journals|series)\/[a-z0-9_-]+\/(?!index(?:-|\.))[A-Za-z0-9_-]+\.html$/;
/** /search?q=… (the page), /search/publ?q=… (older); not /search/publ/api (data) */
const SEARCH_PATH = /^\/search(?:\/publ)?\/?$/;

function detect(url: URL): PageKind | null {
  if (!(HOSTS as readonly string[]).includes(url.hostname) || !/^https?:$/.test(url.protocol)) return null;
  const path = url.pathname;
  if (PERSON_PATHS.some((re) => re.test(path))) return 'person';
  if (TOC_PATH.test(path)) return 'toc';
  if (SEARCH_PATH.test(path)) return url.searchParams.get('q')?.trim() ? 'search' : null;
  return null;
}

// --- helpers ---

/** dblp's closing period is not part of the title (see the note at the top). */
const dblpTitle = (s: string): string => (/[^.]\.$/.test(s) ? s.slice(0, -1) : s);

/** An author's name without dblp's homonym number ("Wei Wang 0002" is one of several Wei Wangs). */
const authorName = (el: Element): string => text(el).replace(/ \d{4}$/, '');

/** What one electronic-edition link names: an arXiv id, a DOI, or neither. */
function readLink(u: URL | null): { url: string; arxiv?: ArxivId; doi?: string } | null {
  if (!u) return null;
  const arxiv = arxivIdOfUrl(u);
  if (arxiv) return { url: u.href, arxiv };
  // doi.org, dx.doi.org and the publishers' own resolvers (doi.acm.org, doi.ieeecomputersociety.org)
  if (/^(?:dx\.)?doi\.[a-z.]+$/.test(u.hostname)) {
    let doi: string | null = null;
    try {
      doi = parseDoi(decodeURIComponent(u.pathname.slice(1)));
    } catch {
      doi = null; // a malformed %-escape is not a DOI
    }
    // arXiv's DataCite DOIs name the preprint: its arXiv id is the identity.
    const preprint = arxivIdOfDoi(doi);
    return preprint ? { url: u.href, arxiv: preprint } : { url: u.href, doi: doi ?? undefined };
  }
  return { url: u.href };
}

// --- one entry ---

function extractEntry(li: Element, ctx: ExtractContext): PaperDraft | null {
  const key = li.getAttribute('id')?.trim() || li.getAttribute('data-key')?.trim();
  const data = first(li, DATA);
  if (!key || !data || !/^[a-z]+\/.+/.test(key)) return null;
  const links = firstAll(li, EE_LINKS).flatMap((a) => readLink(linkUrl(a.getAttribute('href'), ctx.url)) ?? []);
  // CoRR entries: the arXiv link, else the key, else the volume ("CoRR abs/1503.06772").
  const volume = /^abs\/(.+)$/.exec(text(data.querySelector('[itemprop="volumeNumber"]')))?.[1];
  const arxiv = links.find((l) => l.arxiv)?.arxiv ?? arxivIdOfKey(key) ?? (key.startsWith('journals/corr/') && volume ? parseArxivId(volume) : null);
  const doi = links.find((l) => l.doi)?.doi;
  const date = first(data, YEAR);
  const year = Number(/\b(\d{4})\b/.exec(text(date) || (date?.getAttribute('content') ?? ''))?.[1]);
  const arxivPages = arxiv ? arxivLinks(arxiv.id) : undefined;
  const title = dblpTitle(text(first(data, TITLE)));
  if (!title) return null;
  return paperDraft(id, ctx.url.href, { arxiv, doi, siteId: key }, {
    title,
    authors: firstAll(data, AUTHORS).map(authorName).filter(Boolean),
    venue: text(first(data, VENUE)) || undefined,
    year: year || undefined,
    links: compact({
      page: `https://dblp.org/rec/${key}.html`,
      // the electronic edition: the arXiv abstract page, else the first one listed
      abs: arxivPages?.abs ?? links[0]?.url,
      pdf: arxivPages?.pdf,
      bib: linkHref(first(li, BIB_LINK)?.getAttribute('href'), ctx.url),
    }),
    signals: {},
  });
}

// --- the adapter ---

/** dblp person pages, tables of contents and search results. */
export const adapter: SiteAdapter = {
  id,
  detect,

  prepare(): null {
    return null;
  },

  findCards(root: ParentNode, kind: PageKind): Element[] {
    // Search pages also list people and venues (other lists): only the publications are cards.
    const scope = kind === 'search' ? (root.querySelector('#completesearch-publs') ?? root) : root;
    return firstAll(scope, CARDS);
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      return extractEntry(card, ctx);
    } catch {
      return null; // an unreadable card is a skip, never an error
    }
  },

  /** Under the entry's text (authors, title, venue), inside its li. */
  anchorFor(card: Element): Anchor | null {
    const data = first(card, DATA);
    return data ? { element: data, position: 'after' } : { element: card, position: 'append' };
  },
};
