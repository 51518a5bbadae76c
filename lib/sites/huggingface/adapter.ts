/**
 * Hugging Face Papers (huggingface.co/papers): daily / weekly / monthly / trending listings,
 * search results, and single paper pages (/papers/<arxiv-id>).
 * Listings: cards are `article`s holding a `/papers/<arxiv-id>` link; the page also embeds
 * the whole listing as JSON in the DailyPapers Svelte island (`data-props`). We join the two by
 * id: the JSON has authors, abstract and dates (which the card does not show); the card DOM has
 * the current signals (the JSON can be stale after a client-side navigation).
 * Paper pages: one card (the title block); the record comes from the PaperContent /
 * UpvoteControl islands and citation_* / og: meta tags, each used only when it names this paper.
 * Markup reference: shared/fixtures/pages/huggingface/NOTES.md and SITES.md.
 */
import { arxivKey, type ArxivId } from '../../ids';
import type { PaperDraft } from '../../paper';
import { closestOf, collapse, compact, first, linkHref } from '../common';
import type { Anchor, CardIdentity, ExtractContext, PageKind, SiteAdapter } from '../types';
import { hfDraft, isoDatePart, isPaperLink, labels, paperIdFromHref, parseCount, parseVisibleDate } from './fields';
import { LazyEntries, type HfEntry } from './island';
import { id } from './meta';
import { extractPaper, paperCards, preparePaper, type HfPaperPage } from './paper-page';

export { LazyEntries } from './island';

// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

/** The Svelte island whose `data-props` holds the listing JSON. */
const PROPS_SELECTOR = '[data-target="DailyPapers"][data-props]';
/** The listing island's cards; without the island, any `article` that links to a paper is one. */
const ISLAND_CARDS = '[data-target="DailyPapers"] article';
const ANY_CARD = 'article';
/** The title heading, and in it the title link that carries the paper id. */
const TITLE_HEADING = 'h3';
const TITLE_LINK_IN_HEADING = 'a[href^="/papers/"]';
const ANY_PAPER_LINK = 'a[href^="/papers/"]';
/** The text column that holds the title; the toolbar goes at its end. */
const TEXT_COLUMN_SELECTORS = ['div.w-full.min-w-0'] as const;
const UPVOTE_SELECTORS = ['[role="checkbox"] .leading-none'] as const;
const COMMENTS_SELECTORS = ['a[href$="#community"]'] as const;
const ORGANIZATION_SELECTORS = ['a.rounded-full span.truncate', 'a[href^="/"] span.truncate'] as const;
/** Thumbnail link (`a.peer > div > img`); never the author avatars (`a > ul > li > img`). */
const THUMBNAIL_SELECTORS = ['a.peer img[src]', 'a[href^="/papers/"] > div > img[src]'] as const;
/** Author avatars (name in `title`); only the first few authors are shown. */
const AUTHOR_AVATAR_SELECTOR = 'li[title]';
/** Search cards show the abstract as a paragraph in the text column. */
const ABSTRACT_SELECTORS = ['div.w-full.min-w-0 p', 'p'] as const;
/** The GitHub mark's viewBox: the stars link is `a[href="/papers/<id>"]` holding this svg. */
const GITHUB_MARK_VIEWBOX = '0 0 256 250';


// --- URL kinds ---

const LISTING_PATHS: ReadonlyArray<readonly [RegExp, PageKind]> = [
  [/^\/papers\/date\/\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'daily'],
  [/^\/papers\/week\/\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'weekly'],
  [/^\/papers\/month\/\d{4}-(0[1-9]|1[0-2])$/, 'monthly'],
  [/^\/papers\/trending$/, 'trending'],
];

/** Card elements already seen holding a /papers/<id> link (identify() re-reads them anyway). */
const withPaperLink = new WeakSet<Element>();

function detect(url: URL): PageKind | null {
  if (url.hostname !== 'huggingface.co' || !/^https?:$/.test(url.protocol)) return null;
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/papers') return url.searchParams.get('q')?.trim() ? 'search' : 'daily';
  for (const [re, kind] of LISTING_PATHS) if (re.test(path)) return kind;
  // One paper: /papers/<arXiv id> (not a listing: one card, the title block).
  if (paperIdFromHref(path)) return 'paper';
  return null;
}

// --- listing cards ---

function domAuthors(card: Element): { authors: string[]; authorCount?: number } {
  const count = labels(card)
    .map((t) => /^(\d+) authors?$/i.exec(t)?.[1])
    .find((n) => n !== undefined);
  const names = [...card.querySelectorAll(AUTHOR_AVATAR_SELECTOR)]
    .map((li) => collapse(li.getAttribute('title')))
    .filter(Boolean);
  if (count === undefined) return { authors: [] };
  // The avatar row is cut short on long author lists: trust it only when it is complete.
  return names.length === Number(count) ? { authors: names } : { authors: [], authorCount: Number(count) };
}

function githubStarsFromDom(card: Element, id: string): number | undefined {
  for (const a of card.querySelectorAll(`a[href="/papers/${id}"]`)) {
    const marks = [...a.querySelectorAll('svg')].some((s) => s.getAttribute('viewBox') === GITHUB_MARK_VIEWBOX);
    if (marks) return parseCount(a.querySelector('span')?.textContent);
  }
  return undefined;
}

/**
 * A listing card's paper id (from its title link, else any /papers/<id> link) and title (the
 * heading, else the island's). Shared by identify() and extract(), so the two always agree.
 */
function listingIdentity(card: Element, ctx: ExtractContext): { arxiv: ArxivId; id: string; title: string; key: Element | undefined } | null {
  // The first heading's link; else (rare) the first link inside any heading.
  const h3 = card.querySelector(TITLE_HEADING);
  const inFirst = h3?.querySelector(TITLE_LINK_IN_HEADING);
  const titleLink = inFirst ?? card.querySelector(`${TITLE_HEADING} ${TITLE_LINK_IN_HEADING}`);
  let key = titleLink ?? undefined;
  let arxiv = paperIdFromHref(titleLink?.getAttribute('href') ?? null);
  if (!arxiv) {
    key = undefined;
    for (const a of card.querySelectorAll(ANY_PAPER_LINK)) {
      arxiv = paperIdFromHref(a.getAttribute('href'));
      if (arxiv) {
        key = a;
        break;
      }
    }
  }
  const id = arxiv && arxivKey(arxiv);
  if (!arxiv || !id) return null;
  const heading = inFirst ? h3 : (titleLink?.closest(TITLE_HEADING) ?? h3);
  let title = collapse(heading?.textContent);
  // The island is read only when needed: for the whole paper, or a card without a heading.
  if (!title) {
    const entry = islandEntry(ctx, arxiv);
    title = collapse(entry?.paper.title ?? entry?.title);
  }
  if (!title) return null;
  return { arxiv, id, title, key };
}

/** The listing island's entry for a paper (LazyEntries validates each once). */
function islandEntry(ctx: ExtractContext, arxiv: ArxivId): HfEntry | undefined {
  return ctx.data instanceof LazyEntries ? ctx.data.get(arxiv.id) : undefined;
}

/** A listing card's toolbar goes at the end of the text column that holds its title. */
function listingAnchor(card: Element, h3: Element | null): Anchor {
  const column = h3 && (closestOf(h3, TEXT_COLUMN_SELECTORS) ?? h3.parentElement);
  if (column && column !== card && card.contains(column)) return { element: column, position: 'append' };
  return { element: card, position: 'append' };
}

// --- the adapter ---

/** Hugging Face Papers: daily, weekly, monthly, trending and search listings, and single paper pages. */
export const adapter: SiteAdapter = {
  id,
  cardSelector: 'article',

  detect,

  /**
   * Listings: a Map paper id -> JSON entry from the DailyPapers island (empty when absent or
   * unreadable). Paper pages: the islands and meta tags that describe that paper.
   */
  prepare(root: ParentNode, url: URL, kind: PageKind): LazyEntries | HfPaperPage | null {
    if (kind === 'paper') return preparePaper(root, url);
    return new LazyEntries(() => root.querySelector(PROPS_SELECTOR)?.getAttribute('data-props'));
  },

  findCards(root: ParentNode, kind: PageKind): Element[] {
    // A paper page is not a listing: its one card is the title block, never the linked papers.
    if (kind === 'paper') return paperCards(root);
    // Every article of the island is a card (one without a paper id is skipped by identify()).
    const cards = [...root.querySelectorAll(ISLAND_CARDS)];
    if (cards.length) return cards;
    // Elsewhere, an article is a card if it links to a paper. Usually the first /papers/ link is
    // the paper's: only look further when it is not. A card seen with one before is not checked
    // again (the page is rescanned on every change).
    return [...root.querySelectorAll(ANY_CARD)].filter((card) => {
      if (withPaperLink.has(card)) return true;
      const a = card.querySelector(ANY_PAPER_LINK);
      const ok = !!a && (isPaperLink(a) || [...card.querySelectorAll(ANY_PAPER_LINK)].some(isPaperLink));
      if (ok) withPaperLink.add(card);
      return ok;
    });
  },

  identify(card: Element, ctx: ExtractContext): CardIdentity | null {
    if (ctx.kind === 'paper') {
      const d = extractPaper(card, ctx);
      return d && { id: d.id, title: d.title };
    }
    // (its arXiv id is read by extract() only)
    return listingIdentity(card, ctx);
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    if (ctx.kind === 'paper') return extractPaper(card, ctx);
    const found = listingIdentity(card, ctx);
    if (!found) return null;
    const { arxiv, title } = found;
    const entry = islandEntry(ctx, arxiv);
    const paper = entry?.paper;

    const jsonAuthors = (paper?.authors ?? []).map((a) => collapse(a.name)).filter(Boolean);
    const { authors, authorCount } = jsonAuthors.length ? { authors: jsonAuthors } : domAuthors(card);

    const isSearch = ctx.kind === 'search';
    const domAbstract = isSearch ? collapse(first(card, ABSTRACT_SELECTORS)?.textContent) : '';
    const abstract = collapse(paper?.summary ?? entry?.summary) || domAbstract || undefined;

    const publishedAt =
      isoDatePart(paper?.publishedAt) ?? labels(card).map(parseVisibleDate).find((d) => d !== undefined);

    const domThumb = linkHref(first(card, THUMBNAIL_SELECTORS)?.getAttribute('src'), ctx.url);

    const githubRepo = linkHref(paper?.githubRepo);
    const keywords = paper?.ai_keywords?.map(collapse).filter(Boolean);
    // DOM signals first: the JSON may describe an earlier page after client-side navigation.
    const signals = compact({
      upvotes: parseCount(first(card, UPVOTE_SELECTORS)?.textContent) ?? paper?.upvotes,
      comments: parseCount(first(card, COMMENTS_SELECTORS)?.textContent) ?? entry?.numComments,
      githubRepo,
      githubStars: githubStarsFromDom(card, arxiv.id) ?? paper?.githubStars,
      organization:
        collapse(first(card, ORGANIZATION_SELECTORS)?.textContent) ||
        collapse(paper?.organization?.fullname ?? entry?.organization?.fullname) ||
        undefined,
      keywords: keywords?.length ? keywords : undefined,
    });

    return hfDraft(ctx, arxiv, {
      title,
      authors,
      authorCount,
      abstract,
      publishedAt,
      code: githubRepo,
      project: linkHref(paper?.projectPage),
      thumbnail: domThumb ?? linkHref(entry?.thumbnail),
      signals,
    });
  },

  anchorFor(card: Element, kind: PageKind): Anchor | null {
    // Paper page: right under the title (inside its block when it has one).
    const h1 = kind === 'paper' ? card.querySelector('h1') : null;
    if (h1) {
      const block = h1.parentElement;
      return block && block !== card && card.contains(block) ? { element: block, position: 'append' } : { element: h1, position: 'after' };
    }
    // Listings: at the end of the text column that holds the title.
    return listingAnchor(card, card.querySelector(TITLE_HEADING));
  },
};
