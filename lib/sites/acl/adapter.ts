/**
 * ACL Anthology (aclanthology.org; saved pages of the old www.aclweb.org/anthology too): person
 * pages, volume pages, event pages (every volume of a conference) and single-paper pages.
 * Server-rendered Hugo pages without embedded data: the anthology id comes from the title link's
 * target (`/<anthology id>/`), the paper page's record from its `citation_*` meta tags and the
 * visible markup.
 * Markup reference: shared/fixtures/pages/SITES.md (ACL Anthology) and
 * shared/fixtures/pages/aclanthology/, and the site's templates (acl-org/acl-anthology,
 * hugo/layouts/papers/list-entry*.html, volumes/single.html, events/single.html).
 *
 * Identity: the anthology id on every page kind (`acl:W18-6560`). Only the paper page shows a
 * DOI, and listing cards never do: keying that page by its DOI would make the same paper two
 * records, one saved from the person page and one not saved on its own page. The DOI is kept as
 * the record's `doi` field.
 */
import { parseDoi } from '../../ids';
import { collapse, compact, first, firstAll, linkHref, linkUrl, paperDraft, readMeta, text, titleBlock } from '../common';
import { anthologyIdOf, anthologyPath, id } from './meta';
import type { PaperDraft } from '../../draft';
import type { Anchor, ExtractContext, PageKind, SiteAdapter } from '../types';

// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

/**
 * One entry of a person, volume or event page: a flex row of badges and the title block.
 * 2026 (Bootstrap 5) markup is a div; 2021 (Bootstrap 4) markup was a p (kept, 2026-07).
 */
const CARDS = ['div.d-sm-flex.align-items-stretch', 'p.d-sm-flex.align-items-stretch'] as const;
/** The title link, whose target is `/<anthology id>/` (`/anthology/<id>/` on the old host). */
const CARD_TITLE = ['strong > a.align-middle[href]', 'strong > a[href]'] as const;
const TITLE_BLOCK = 'span.d-block';
/** Author links; the volume link after them (person pages) is not an author. */
const AUTHOR_LINKS = 'a[href*="/people/"]';
/** Person pages name each paper's volume under its authors. */
const CARD_VOLUME = ['a.text-muted[href*="/volumes/"]', 'a[href*="/volumes/"]'] as const;
const PDF_LINK = ['a[href$=".pdf"]'] as const;
const BIB_LINK = ['a[href$=".bib"]'] as const;
/** The collapsed abstract right after its entry (shown by the "abs" badge). */
const ABSTRACT_BLOCK = '.abstract-collapse';
const ABSTRACT_BODY = ['.card-body'] as const;
/** A volume page's title; an event page's volume headings (`h4`, before each volume's entries). */
const VOLUME_TITLE = ['#title a', '#title'] as const;
const EVENT_VOLUME_TITLE = [':scope > a.align-middle', ':scope > a[href*="/volumes/"]'] as const;

const PAPER_TITLE = ['h2#title', '#title'] as const;
const PAPER_AUTHORS = ['p.lead'] as const;
const PAPER_ABSTRACT = ['.acl-abstract > span', '.acl-abstract'] as const;
/** The details list: "Anthology ID:", "Volume:" … (dt label, dd value). */
const PAPER_DETAILS = '.acl-paper-details dl > dt';

// --- URL kinds ---

const PERSON_PATH = /^\/people\/(?:[a-z]\/)?[a-z0-9][a-z0-9-]*\/(?:unverified\/?)?$/;
const VOLUME_PATH = /^\/volumes\/(?:\d{4}\.[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*|[A-Z]\d{2}-\d{1,2})\/?$/;
const EVENT_PATH = /^\/events\/[a-z0-9]+(?:-[a-z0-9]+)*\/?$/;

function detect(url: URL): PageKind | null {
  const path = anthologyPath(url);
  if (path === null) return null;
  if (PERSON_PATH.test(path)) return 'person';
  if (VOLUME_PATH.test(path)) return 'volume';
  if (EVENT_PATH.test(path)) return 'event';
  // A paper page is `/<id>/` (or `/<id>`); its PDF is not a page the script runs on.
  if (!path.endsWith('.pdf') && anthologyIdOf(path)) return 'paper';
  return null;
}

// --- helpers ---

/** The anthology id a link target names, relative or absolute, on either host. */
function idFromHref(href: string | null | undefined, base: URL): string | null {
  const u = linkUrl(href, base);
  const path = u && anthologyPath(u);
  return path === null ? null : anthologyIdOf(path);
}

/** The year an anthology id carries: `2021.naacl-main.208` -> 2021, `W18-6560` -> 2018, `C65-1001` -> 1965. */
function yearOf(anthologyId: string): number {
  const m = /^(\d{4})\./.exec(anthologyId);
  if (m) return Number(m[1]);
  const yy = Number(anthologyId.slice(1, 3));
  return yy >= 60 ? 1900 + yy : 2000 + yy;
}

/** The entry's title block (title, authors, volume), or the entry itself. */
function blockOf(card: Element, link: Element): Element {
  const block = link.closest(TITLE_BLOCK);
  return block && card.contains(block) ? block : card;
}

const names = (links: Iterable<Element>): string[] => [...links].map(text).filter(Boolean);

interface Fields {
  title: string;
  authors: string[];
  venue?: string;
  abstract?: string;
  pdf?: string;
  bib?: string;
  doi?: string;
}

/**
 * A whole ACL draft, keyed by its anthology id (see the note at the top). Its page link is the
 * paper's canonical address (what its page names as `rel=canonical`), on whichever host and
 * however the entry linked it.
 */
function draft(ctx: ExtractContext, anthologyId: string, f: Fields): PaperDraft | null {
  if (!f.title) return null;
  const d = paperDraft(id, ctx.url.href, { siteId: anthologyId }, {
    title: f.title,
    authors: f.authors,
    abstract: f.abstract || undefined,
    venue: f.venue || undefined,
    year: yearOf(anthologyId),
    links: compact({ page: `https://aclanthology.org/${anthologyId}/`, pdf: f.pdf, bib: f.bib }),
    signals: {},
  });
  return d && f.doi ? { ...d, doi: f.doi } : d;
}

// --- person, volume and event pages: one entry per paper ---

/** What a volume page tells every entry: the volume's title (its venue). */
interface ListingPage {
  volume?: string;
}

function extractEntry(card: Element, ctx: ExtractContext): PaperDraft | null {
  const link = first(card, CARD_TITLE);
  const anthologyId = idFromHref(link?.getAttribute('href'), ctx.url);
  if (!link || !anthologyId) return null;
  const block = blockOf(card, link);
  const buttons = card.querySelector('.list-button-row') ?? card;
  const after = card.nextElementSibling;
  const abstract = after?.matches(ABSTRACT_BLOCK) ? text(first(after, ABSTRACT_BODY) ?? after) : undefined;
  return draft(ctx, anthologyId, {
    title: text(link),
    authors: names(block.querySelectorAll(AUTHOR_LINKS)),
    venue: text(first(card, CARD_VOLUME)) || venueAround(card, ctx),
    // A collapsed abstract is still shown: one click on "abs" opens it.
    abstract,
    pdf: linkHref(first(buttons, PDF_LINK)?.getAttribute('href'), ctx.url),
    bib: linkHref(first(buttons, BIB_LINK)?.getAttribute('href'), ctx.url),
  });
}

/**
 * The volume an entry is in, when the entry does not say: a volume page's title, or on an event
 * page the volume heading (h4) its section starts with, the nearest one before it.
 */
function venueAround(card: Element, ctx: ExtractContext): string | undefined {
  if (ctx.kind === 'volume') return (ctx.data as ListingPage | null)?.volume;
  if (ctx.kind !== 'event') return undefined;
  for (let el = card.previousElementSibling; el; el = el.previousElementSibling) {
    if (el.tagName === 'H4') return text(first(el, EVENT_VOLUME_TITLE)) || undefined;
  }
  return undefined;
}

// --- the paper page: one paper, from citation_* meta tags and the visible details ---

/** What the paper page shows outside its title block (read once per scan). */
interface PaperPage {
  meta: Map<string, string[]>;
  /** the details list's "Anthology ID:" and "Volume:" values */
  anthologyId?: string;
  volume?: string;
  abstract?: string;
  bib?: string;
}

/** The value of the details list's row labelled `label` ("Volume:"), or null. */
function detail(root: ParentNode, label: string): Element | null {
  for (const dt of root.querySelectorAll(PAPER_DETAILS)) {
    if (text(dt) === label && dt.nextElementSibling?.tagName === 'DD') return dt.nextElementSibling;
  }
  return null;
}

function preparePaper(root: ParentNode, url: URL): PaperPage {
  return {
    meta: readMeta(root, (name) => name.startsWith('citation_')),
    anthologyId: text(detail(root, 'Anthology ID:')) || undefined,
    volume: text(detail(root, 'Volume:')) || undefined,
    abstract: text(first(root, PAPER_ABSTRACT)) || undefined,
    bib: linkHref(first(root, BIB_LINK)?.getAttribute('href'), url),
  };
}

function extractPaper(card: Element, ctx: ExtractContext): PaperDraft | null {
  const page: PaperPage = (ctx.data as PaperPage | null) ?? { meta: new Map() };
  const one = (name: string): string | undefined => page.meta.get(name)?.[0];
  const path = anthologyPath(ctx.url);
  const anthologyId = (path && anthologyIdOf(path)) || anthologyIdOf(`/${page.anthologyId ?? ''}/`);
  if (!anthologyId) return null;
  // The visible author links give each person's Anthology name, as the listings show it; the
  // meta tags give the name as printed on the paper ("Alexander M. Rush" for "Alexander Rush").
  const shown = names(first(card, PAPER_AUTHORS)?.querySelectorAll(AUTHOR_LINKS) ?? []);
  return draft(ctx, anthologyId, {
    title: collapse(one('citation_title')) || text(first(card, PAPER_TITLE)),
    authors: shown.length ? shown : (page.meta.get('citation_author') ?? []),
    venue: page.volume ?? one('citation_conference_title') ?? one('citation_journal_title'),
    abstract: page.abstract,
    pdf: linkHref(one('citation_pdf_url') ?? first(card, PDF_LINK)?.getAttribute('href'), ctx.url),
    bib: page.bib,
    doi: parseDoi(one('citation_doi') ?? '') ?? undefined,
  });
}

// --- the adapter ---

/** ACL Anthology person, volume, event and paper pages. */
export const adapter: SiteAdapter = {
  id,
  detect,

  prepare(root: ParentNode, url: URL, kind: PageKind): ListingPage | PaperPage | null {
    if (kind === 'paper') return preparePaper(root, url);
    if (kind === 'volume') return { volume: text(first(root, VOLUME_TITLE)) || undefined };
    return null;
  },

  findCards(root: ParentNode, kind: PageKind): Element[] {
    if (kind === 'paper') return titleBlock(root, PAPER_TITLE);
    return firstAll(root, CARDS);
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      return ctx.kind === 'paper' ? extractPaper(card, ctx) : extractEntry(card, ctx);
    } catch {
      return null; // an unreadable card is a skip, never an error
    }
  },

  /** Under the authors: at the end of the entry's title block, or after the paper page's author line. */
  anchorFor(card: Element, kind: PageKind): Anchor | null {
    if (kind === 'paper') {
      const after = first(card, [...PAPER_AUTHORS, ...PAPER_TITLE]);
      return after ? { element: after, position: 'after' } : { element: card, position: 'append' };
    }
    const link = first(card, CARD_TITLE);
    return { element: link ? blockOf(card, link) : card, position: 'append' };
  },
};
