/**
 * OpenReview (openreview.net): venue group pages (/group?id=ICLR.cc/2018/Conference, every tab)
 * and forum pages (/forum?id=<id>). A paper is its forum note: keyed by the arXiv id it links as
 * its own (a card's title row; a forum page's title row and External IDs, also a DOI), else by
 * the forum id.
 *
 * Two markups: the legacy UI (2017-2019 captures; jQuery) renders every tab's notes into the page
 * at once as `li.note[data-id]`, details (abstract, keywords, TL;DR) collapsed but present. Today's
 * React UI renders `div.note` items into each tab pane, the first page (25) of every tab, and a tab's
 * later pages when they are asked for; a note's details are rendered only once opened. A card in a
 * hidden tab pane is still a card. The scanner sees notes that render later as they appear.
 * Markup reference: shared/fixtures/pages/SITES.md (OpenReview) and shared/fixtures/pages/openreview/.
 */
import { arxivLinks, collapse, compact, draftId, first, firstAll, linkHref, metaDate, paperDraft, readMeta, titleBlock } from '../common';
import { authorsOf, contentFields, dateOf, fieldText, idsOf, keywordsOf, textOf } from './fields';
import { id } from './meta';
import { forumIdOf, forumUrl, groupName, kindOf } from './paths';
import type { ArxivId } from '../../ids';
import type { PaperDraft } from '../../draft';
import type { Anchor, CardIdentity, ExtractContext, PageKind, SiteAdapter } from '../types';

// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

/** Group page notes: legacy `li.note[data-id]`; today's `div.note` in a tab's list. */
const GROUP_CARDS = ['li.note[data-id]', '.submissions-list div.note', '.tab-content div.note'] as const;
/** The note's title links its forum (legacy: absolute; today: relative, with &referrer=…). */
const FORUM_LINK = ['h4 a[href*="forum?id="]', 'a[href*="forum?id="]'] as const;
const TITLE_ROW = ['h4'] as const;
const AUTHOR_LINE = ['.note-authors'] as const;
/** Legacy `span.date`; today the first item of `ul.note-meta-info`. */
const DATE = ['.note-meta-info .date', '.note-meta-info > li:first-child'] as const;
const META_INFO = ['.note-meta-info'] as const;
/** The venue line after the date: today's note.content.venue ("ICLR 2025 Oral"), legacy the invitation. */
const VENUE = ['.note-meta-info > li:nth-child(2)', '.note-meta-info > .date + span'] as const;
/** Legacy `a.pdf-link` to /pdf?id=; today's to /attachment?id=…&name=pdf. */
const PDF_LINK = ['a.pdf-link[href]', 'a.note_content_pdf[href]', 'a.citation_pdf_url[href]'] as const;

/** The forum page: today's `div.forum-note`, the legacy `div.note` around `h2.note_content_title`. */
const FORUM_TITLE = ['.forum-note h2.citation_title', 'h2.citation_title', 'h2.note_content_title'] as const;
const FORUM_CARD = ['.forum-note', '.note', '#content'] as const;
const FORUM_AUTHORS = ['.forum-authors h3', 'h3.signatures.author', '.forum-authors', '.meta_row .signatures'] as const;
/** Today's `.forum-meta` items: the date, then the venue; legacy `.meta_row` spans. */
const FORUM_DATE = ['.forum-meta .date', '.meta_row .date'] as const;
const FORUM_VENUE = ['.forum-meta .item:nth-child(2)', '.meta_row .date + .item'] as const;

// --- group pages ---

/**
 * Whether a listed note is a paper: its title links its own forum. A reply (a review, a comment,
 * a decision, as consoles and activity tabs list them) links its forum with `&noteId=<itself>`;
 * a legacy "My Tasks" tab lists invitation links as li.note with no forum link at all.
 */
function isPaperNote(card: Element): boolean {
  const link = first(card, FORUM_LINK);
  if (!link) return card.hasAttribute('data-id');
  const href = link.getAttribute('href') ?? '';
  // (findCards runs on every change of the page: no URL parsing for the usual link)
  if (!href.includes('noteId=')) return true;
  try {
    const params = new URL(href, 'https://openreview.net/').searchParams;
    const note = params.get('noteId');
    return !note || note === params.get('id');
  } catch {
    return false;
  }
}

/**
 * A venue line as the site names it ("ICLR 2025 Oral", "Submitted to ICLR 2025"). Where it is the
 * invitation a note answered ("ICLR 2018 Conference Blind Submission", "… Withdrawn Submission"),
 * its venue part: "ICLR 2018 Conference".
 */
function venueFrom(line: string): string | undefined {
  return collapse(line.replace(/\s+(?:(?:Blind|Withdrawn|Desk Rejected|Rejected)\s+)?Submission$/i, '')) || undefined;
}

/** The forum id of a card: its title link's `id`, else the legacy `data-id`. */
function forumOf(card: Element, base: URL): { id: string; link: Element | null } | null {
  const link = first(card, FORUM_LINK);
  try {
    const fromLink = link ? forumIdOf(new URL(link.getAttribute('href') ?? '', base)) : null;
    const found = fromLink ?? card.getAttribute('data-id')?.trim();
    return found ? { id: found, link } : null;
  } catch {
    return null;
  }
}

/**
 * A note's TL;DR: kept in `comments`, the draft's free-text line for what the authors say about
 * their paper beyond the abstract (arXiv's "Comments:"), marked so it reads as what it is.
 */
const tldr = (fields: Map<string, Element>): string | undefined => {
  const text = fieldText(fields, 'tl;dr', 'tldr', 'tl; dr');
  return text ? `TL;DR: ${text}` : undefined;
};

function links(forum: string, pdf: string | undefined, arxiv: ArxivId | null): PaperDraft['links'] {
  return { page: forumUrl(forum), ...(arxiv ? { abs: arxivLinks(arxiv.id).abs } : {}), pdf };
}

/**
 * What names a card: its forum id, title, and an arXiv id its title row links (today's html link
 * may be the arXiv page). Only what every card always shows: today's UI renders a note's details
 * only once opened, and a paper must not change identity when they open. Shared by identify()
 * and extract().
 */
function groupIdentity(card: Element, ctx: ExtractContext) {
  const forum = forumOf(card, ctx.url);
  const title = textOf(forum?.link);
  if (!forum || !title) return null;
  const { arxiv } = idsOf(first(card, TITLE_ROW), new Map(), ctx.url);
  const key = draftId(id, { arxiv, siteId: forum.id });
  return key ? { forum, title, arxiv, id: key } : null;
}

function extractGroupCard(card: Element, ctx: ExtractContext, page: PageData): PaperDraft | null {
  const found = groupIdentity(card, ctx);
  if (!found) return null;
  const { forum, title, arxiv } = found;
  const fields = contentFields(card);
  return paperDraft(id, ctx.url.href, { arxiv, siteId: forum.id }, {
    title,
    // "Anonymous" (a venue under double-blind review) gives authors []: see authorsOf.
    ...authorsOf(first(card, AUTHOR_LINE)),
    abstract: fieldText(fields, 'abstract'),
    ...dateOf(textOf(first(card, DATE))),
    venue: venueFrom(textOf(first(card, VENUE))) ?? page.venue,
    comments: tldr(fields),
    links: links(forum.id, linkHref(first(card, PDF_LINK)?.getAttribute('href'), ctx.url), arxiv),
    // OpenReview's keywords are the authors' own; reply counts are left out (they change by the hour).
    signals: compact({ keywords: keywordsOf(fieldText(fields, 'keywords')) }),
  });
}

// --- forum pages: citation_* meta tags, the visible note as the fallback ---

/**
 * The meta tags, when they describe this forum: after a client-side navigation the head could
 * still hold the previous paper's. Their PDF link must name the forum of the URL, or (a paper
 * without a PDF) their title must be the one the page shows.
 */
function forumMeta(page: PageData, forum: string, shownTitle: string): Map<string, string[]> {
  const pdf = page.meta.get('citation_pdf_url')?.[0];
  try {
    if (pdf ? forumIdOf(new URL(pdf)) === forum : collapse(page.meta.get('citation_title')?.[0]) === shownTitle) return page.meta;
  } catch {
    // not a URL: not this forum's
  }
  return new Map();
}

function extractForum(card: Element, ctx: ExtractContext, page: PageData): PaperDraft | null {
  const forum = forumIdOf(ctx.url);
  if (!forum) return null;
  const titleEl = first(card, FORUM_TITLE);
  const shownTitle = textOf(titleEl, 'a.note_content_pdf, .forum-content-link');
  const meta = forumMeta(page, forum, shownTitle);
  const one = (name: string): string | undefined => meta.get(name)?.[0];
  const title = collapse(one('citation_title')) || shownTitle;
  if (!title) return null;
  const fields = contentFields(card);
  const ids = idsOf(titleEl?.parentElement ?? null, fields, ctx.url);
  const metaAuthors = (meta.get('citation_author') ?? []).map(collapse).filter(Boolean);
  const shown = authorsOf(first(card, FORUM_AUTHORS));
  const date = metaDate(one('citation_online_date') ?? one('citation_publication_date'));
  // The venue line, as on the group page's cards; the meta tags' conference name as the fallback.
  const venue = venueFrom(textOf(first(card, FORUM_VENUE))) ?? (collapse(one('citation_conference_title') ?? one('citation_journal_title')) || undefined);
  return paperDraft(id, ctx.url.href, { arxiv: ids.arxiv, doi: ids.doi ?? one('citation_doi'), siteId: forum }, {
    title,
    ...(metaAuthors.length ? { authors: metaAuthors } : shown),
    abstract: collapse(one('citation_abstract')) || fieldText(fields, 'abstract'),
    ...(date ? { publishedAt: date } : dateOf(textOf(first(card, FORUM_DATE)))),
    venue,
    comments: tldr(fields),
    links: links(forum, linkHref(first(card, PDF_LINK)?.getAttribute('href'), ctx.url) ?? one('citation_pdf_url'), ids.arxiv),
    signals: compact({ keywords: keywordsOf(fieldText(fields, 'keywords')) }),
  });
}

// --- the adapter ---

/** What every card of a page shares: the group's name (the venue) and a forum page's meta tags. */
interface PageData {
  venue?: string;
  meta: Map<string, string[]>;
}

function prepare(root: ParentNode | null, url: URL, kind: PageKind): PageData {
  const group = kind === 'group' ? url.searchParams.get('id')?.trim() : undefined;
  return {
    venue: group ? groupName(group) || undefined : undefined,
    meta: root && kind === 'paper' ? readMeta(root, (name) => name.startsWith('citation_')) : new Map<string, string[]>(),
  };
}

function pageData(data: unknown, url: URL, kind: PageKind): PageData {
  if (typeof data === 'object' && data !== null && (data as PageData).meta instanceof Map) return data as PageData;
  return prepare(null, url, kind);
}

/** OpenReview venue group pages (every tab) and forum pages. */
export const adapter: SiteAdapter = {
  id,

  detect: (url: URL): PageKind | null => kindOf(url),

  /** The venue: the group's name (ICLR.cc/2018/Conference -> "ICLR 2018 Conference"); a forum page's meta tags. */
  prepare: (root: ParentNode, url: URL, kind: PageKind): PageData => prepare(root, url, kind),

  findCards(root: ParentNode, kind: PageKind): Element[] {
    if (kind === 'paper') return titleBlock(root, FORUM_TITLE, FORUM_CARD);
    return firstAll(root, GROUP_CARDS).filter(isPaperNote);
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      const page = pageData(ctx.data, ctx.url, ctx.kind);
      return ctx.kind === 'paper' ? extractForum(card, ctx, page) : extractGroupCard(card, ctx, page);
    } catch {
      return null; // an unreadable card is a skip, never an error
    }
  },

  /** A card's id and title without its details (the forum page: its whole record). */
  identify(card: Element, ctx: ExtractContext): CardIdentity | null {
    try {
      if (ctx.kind === 'paper') {
        const d = extractForum(card, ctx, pageData(ctx.data, ctx.url, ctx.kind));
        return d && { id: d.id, title: d.title };
      }
      const found = groupIdentity(card, ctx);
      return found && { id: found.id, title: found.title, key: found.forum.link ?? undefined };
    } catch {
      return null;
    }
  },

  /** Under the author and date lines (above the collapsed details). */
  anchorFor(card: Element, kind: PageKind): Anchor | null {
    const after = kind === 'paper' ? first(card, [...FORUM_AUTHORS, ...FORUM_TITLE]) : first(card, [...META_INFO, ...AUTHOR_LINE, ...TITLE_ROW]);
    return after ? { element: after, position: 'after' } : { element: card, position: 'append' };
  },
};
