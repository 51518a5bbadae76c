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
import { z } from 'zod/mini';
import { arxivKey, parseArxivId, type ArxivId } from '../../ids';
import { arxivDraft, arxivLinks, collapse, compact, first, metaDate, readMeta, type CardFields } from '../common';
import { id } from './meta';
import type { PaperDraft } from '../../paper';
import type { Anchor, CardIdentity, ExtractContext, PageKind, SiteAdapter } from '../types';

const ORIGIN = 'https://huggingface.co';

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
/** Elements that may hold the "N authors" label or the visible date (text-only leaves). */
const LABEL_SELECTOR = 'li, span, time, div';
/** Search cards show the abstract as a paragraph in the text column. */
const ABSTRACT_SELECTORS = ['div.w-full.min-w-0 p', 'p'] as const;
/** The GitHub mark's viewBox: the stars link is `a[href="/papers/<id>"]` holding this svg. */
const GITHUB_MARK_VIEWBOX = '0 0 256 250';

// Single paper pages (/papers/<id>)
const PAPER_TITLE_SELECTORS = ['[data-target="PaperContent"] h1', 'main h1', 'h1'] as const;
/** The card is the block around the title; it holds the arXiv links the scanner re-checks. */
const PAPER_CARD_SELECTORS = ['[data-target="PaperContent"]', 'header', 'section'] as const;
const PAPER_CONTENT_PROPS = '[data-target="PaperContent"][data-props]';
const UPVOTE_PROPS = '[data-target="UpvoteControl"][data-props]';
const UPVOTE_DOM_SELECTORS = ['[data-target="UpvoteControl"] .leading-none', '[role="checkbox"] .leading-none'] as const;
/** Author names on the page: `span.inline-block` items, some wrapping a /user/ link. */
const PAPER_AUTHOR_SELECTORS = ['span.inline-block'] as const;
/** The abstract paragraph follows the "Abstract" h2. */
const PAPER_ABSTRACT_SELECTORS = ['h2 + div p', 'h2 + p'] as const;
const GITHUB_LINK = 'a[href^="https://github.com/"]';

// --- embedded JSON (validated loosely: every field optional, wrong types dropped) ---

const opt = <T extends z.ZodMiniType>(t: T) => z.catch(z.optional(t), undefined);
const Organization = z.object({ name: opt(z.string()), fullname: opt(z.string()) });
const PaperJson = z.object({
  id: z.string(),
  title: opt(z.string()),
  summary: opt(z.string()),
  authors: opt(z.array(z.object({ name: z.string() }))),
  publishedAt: opt(z.string()),
  upvotes: opt(z.number()),
  githubRepo: opt(z.string()),
  githubStars: opt(z.number()),
  projectPage: opt(z.string()),
  ai_keywords: opt(z.array(z.string())),
  organization: opt(Organization),
});
/** One `dailyPapers[]` or `searchResults[]` entry (search entries may carry fewer fields). */
const EntryJson = z.object({
  paper: PaperJson,
  title: opt(z.string()),
  summary: opt(z.string()),
  thumbnail: opt(z.string()),
  numComments: opt(z.number()),
  organization: opt(Organization),
});
export type HfEntry = z.infer<typeof EntryJson>;
const PropsJson = z.object({
  dailyPapers: opt(z.array(z.unknown())),
  searchResults: opt(z.array(z.unknown())),
});
/** UpvoteControl island on a paper page. */
const UpvoteJson = z.object({ paperId: opt(z.string()), upvotes: opt(z.number()) });

/**
 * The listing island's entries by arXiv id, read lazily: nothing is parsed until a card's whole
 * paper is wanted (a save, a saved paper seen again, the CLI), so a 1,000-card feed gets its
 * toolbars without parsing megabytes of JSON first. Each entry is validated with zod when first
 * asked for. The island is read again by each run of code that uses it (once per batch of
 * lookups, not once per card: the attribute is megabytes), so cards saved after a client-side
 * navigation get the current page's data; one parse is shared while its text stays the same.
 */
export class LazyEntries {
  private island: Island | null = null;
  constructor(private readonly read: () => string | null | undefined) {}
  /** The island as it is now, read once per run of code (a batch of lookups reads it once). */
  private current(): Island {
    if (!this.island) {
      const raw = this.read() ?? '';
      if (lastIsland?.raw !== raw) lastIsland = { raw, entries: indexIsland(raw), parsed: new Map() };
      this.island = lastIsland;
      queueMicrotask(() => (this.island = null));
    }
    return this.island;
  }
  get size(): number {
    return this.current().entries.size;
  }
  keys(): IterableIterator<string> {
    return this.current().entries.keys();
  }
  get(id: string): HfEntry | undefined {
    const { entries, parsed } = this.current();
    let e = parsed.get(id);
    if (e === undefined) {
      const r = EntryJson.safeParse(entries.get(id));
      e = r.success ? r.data : null;
      parsed.set(id, e);
    }
    return e ?? undefined;
  }
}

/** An island's text, its raw entries by id and those validated so far. */
interface Island {
  raw: string;
  entries: Map<string, unknown>;
  parsed: Map<string, HfEntry | null>;
}

/** The last island text parsed, shared by later scans of the same page state (appended cards). */
let lastIsland: Island | null = null;

/** id -> raw entry, first occurrence wins; anything malformed is left out. */
function indexIsland(raw: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!raw) return out;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return out;
  }
  const props = PropsJson.safeParse(json);
  if (!props.success) return out;
  for (const item of [...(props.data.dailyPapers ?? []), ...(props.data.searchResults ?? [])]) {
    const rawId = (item as { paper?: { id?: unknown } } | null)?.paper?.id;
    const id = typeof rawId === 'string' ? parseArxivId(rawId)?.id : undefined;
    if (id && !out.has(id)) out.set(id, item);
  }
  return out;
}

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

// --- helpers ---

/**
 * Ids of the `/papers/<id>` hrefs parsed so far: a listing's cards are checked when found and
 * read again when identified, and appended cards repeat links. Bounded; the ids are not changed.
 */
const hrefIds = new Map<string, ArxivId | null>();

/** The arXiv id of a `/papers/<id>` link (hash/query ignored), or null. */
function paperIdFromHref(href: string | null): ArxivId | null {
  if (href === null) return null;
  let id = hrefIds.get(href);
  if (id === undefined) {
    if (hrefIds.size >= 5000) hrefIds.clear();
    hrefIds.set(href, (id = parsePaperHref(href)));
  }
  return id;
}

function parsePaperHref(href: string): ArxivId | null {
  const m = /^\/papers\/([^/?#]+)\/?(?:[?#].*)?$/.exec(href);
  if (!m) return null;
  try {
    return parseArxivId(decodeURIComponent(m[1]!));
  } catch {
    return null; // malformed %-escape
  }
}

/** Whether the link's path is exactly /papers/<valid arXiv id> (no hash, no query). */
function isPaperLink(a: Element): boolean {
  const href = a.getAttribute('href') ?? '';
  return !href.includes('?') && !href.includes('#') && paperIdFromHref(href) !== null;
}

/** "110" -> 110, "1,234" -> 1234, "-" (HF's zero) -> 0; anything else undefined. */
function parseCount(text: string | null | undefined): number | undefined {
  const t = collapse(text).replace(/,/g, '');
  if (t === '-') return 0;
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** An absolute http(s) URL (relative ones resolved against `base`), or undefined. */
function httpUrl(s: string | null | undefined, base?: URL): string | undefined {
  if (!s) return undefined;
  try {
    const u = new URL(s, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "May 22, 2023" -> "2023-05-22". No year ("Jan 1") -> undefined: we will not guess it. */
function parseVisibleDate(text: string): string | undefined {
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(collapse(text));
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  const day = Number(m[2]);
  const year = Number(m[3]);
  const d = new Date(Date.UTC(year, month, day));
  if (month < 0 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/** "2026-09-25T00:00:00.000Z" -> "2026-09-25". */
const isoDatePart = (s: string | undefined): string | undefined => /^(\d{4}-\d{2}-\d{2})/.exec(s ?? '')?.[1];

/** Small text elements of the card, e.g. "11 authors" or "May 22, 2023". */
function labels(card: Element): string[] {
  return [...card.querySelectorAll(LABEL_SELECTOR)]
    .filter((el) => el.childElementCount === 0)
    .map((el) => collapse(el.textContent));
}

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

// --- single paper pages (/papers/<id>) ---

/** Page-level data of a paper page; each source is kept only when it names the page's paper. */
interface HfPaperPage {
  id: string;
  /** the PaperContent island (same shape as a listing entry) */
  entry?: HfEntry;
  upvotes?: number;
  /** meta name / property (lower case) -> contents */
  meta: Map<string, string[]>;
}

const pagePaperId = (url: URL): ArxivId | null => paperIdFromHref(url.pathname.replace(/\/+$/, ''));

function paperIdOfUrl(url: string): string | undefined {
  try {
    return pagePaperId(new URL(url))?.id;
  } catch {
    return undefined;
  }
}

function propsOf(el: Element | null): unknown {
  const raw = el?.getAttribute('data-props');
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** Islands and head meta can describe the previous paper after a client-side navigation. */
function preparePaper(root: ParentNode, url: URL): HfPaperPage | null {
  const id = pagePaperId(url)?.id;
  if (!id) return null;
  const names = (s: string | undefined) => parseArxivId(s ?? '')?.id === id;
  const content = EntryJson.safeParse(propsOf(root.querySelector(PAPER_CONTENT_PROPS)));
  const upvote = UpvoteJson.safeParse(propsOf(root.querySelector(UPVOTE_PROPS)));
  const meta = readMeta(root);
  const ogUrl = meta.get('og:url')?.[0];
  return {
    id,
    entry: content.success && names(content.data.paper.id) ? content.data : undefined,
    // The button's DOM is re-rendered with the page; its island props may be stale.
    upvotes:
      parseCount(first(root, UPVOTE_DOM_SELECTORS)?.textContent) ??
      (upvote.success && (upvote.data.paperId === undefined || names(upvote.data.paperId)) ? upvote.data.upvotes : undefined),
    // og:url says which paper the head describes; without it, trust the head.
    meta: !ogUrl || paperIdOfUrl(ogUrl) === id ? meta : new Map(),
  };
}

function isPaperPage(data: unknown): data is HfPaperPage {
  return typeof data === 'object' && data !== null && !(data instanceof LazyEntries) && (data as HfPaperPage).meta instanceof Map;
}

function paperCards(root: ParentNode): Element[] {
  const h1 = first(root, PAPER_TITLE_SELECTORS);
  if (!h1) return [];
  return [PAPER_CARD_SELECTORS.map((s) => h1.closest(s)).find(Boolean) ?? h1.parentElement ?? h1];
}

function extractPaper(card: Element, ctx: ExtractContext): PaperDraft | null {
  const arxiv = pagePaperId(ctx.url);
  if (!arxiv) return null;
  const page = isPaperPage(ctx.data) && ctx.data.id === arxiv.id ? ctx.data : undefined;
  const entry = page?.entry;
  const paper = entry?.paper;
  const meta = (name: string): string[] => page?.meta.get(name) ?? [];

  // The visible heading first: it is always the current paper.
  const title =
    collapse(first(card, PAPER_TITLE_SELECTORS)?.textContent) ||
    collapse(paper?.title ?? entry?.title) ||
    collapse(meta('citation_title')[0] ?? meta('og:title')[0]?.replace(/^Paper page - /, ''));
  if (!title) return null;

  const jsonAuthors = (paper?.authors ?? []).map((a) => collapse(a.name)).filter(Boolean);
  const metaAuthors = meta('citation_author');
  const domAuthors = [...card.querySelectorAll(PAPER_AUTHOR_SELECTORS.join(', '))].map((el) => collapse(el.textContent)).filter(Boolean);
  const authors = jsonAuthors.length ? jsonAuthors : metaAuthors.length ? metaAuthors : domAuthors;

  const abstract =
    collapse(paper?.summary ?? entry?.summary) || meta('citation_abstract')[0] || collapse(first(card, PAPER_ABSTRACT_SELECTORS)?.textContent) || undefined;
  const publishedAt =
    isoDatePart(paper?.publishedAt) ??
    metaDate(meta('citation_publication_date')[0] ?? meta('citation_date')[0]) ??
    labels(card).map((t) => parseVisibleDate(t.replace(/^Published on /i, ''))).find((d) => d !== undefined);

  const githubLink = card.querySelector(GITHUB_LINK);
  const githubRepo = httpUrl(paper?.githubRepo) ?? httpUrl(githubLink?.getAttribute('href'));
  const keywords = paper?.ai_keywords?.map(collapse).filter(Boolean);
  return hfDraft(ctx, arxiv, {
    title,
    authors,
    abstract,
    publishedAt,
    code: githubRepo,
    project: httpUrl(paper?.projectPage),
    thumbnail: httpUrl(meta('og:image')[0]) ?? httpUrl(entry?.thumbnail),
    signals: compact({
      upvotes: page?.upvotes ?? paper?.upvotes,
      comments: entry?.numComments,
      githubRepo,
      // "GitHub 41": the button shows the stars after the label.
      githubStars: paper?.githubStars ?? parseCount(/(\d[\d,]*)$/.exec(collapse(githubLink?.textContent))?.[1]),
      organization: collapse(paper?.organization?.fullname ?? entry?.organization?.fullname) || undefined,
      keywords: keywords?.length ? keywords : undefined,
    }),
  });
}

type HfFields = Omit<CardFields, 'links'> & { code?: string; project?: string };

/** A whole Hugging Face draft: identity and links are the same on listings and paper pages. */
function hfDraft(ctx: ExtractContext, arxiv: ArxivId, { code, project, ...f }: HfFields): PaperDraft {
  const links = compact({ page: `${ORIGIN}/papers/${arxiv.id}`, ...arxivLinks(arxiv.id), code, project });
  return arxivDraft('huggingface', ctx.url.href, arxiv, { ...f, links });
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
  const column = h3 && (TEXT_COLUMN_SELECTORS.map((s) => h3.closest(s)).find(Boolean) ?? h3.parentElement);
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

    const domThumb = httpUrl(first(card, THUMBNAIL_SELECTORS)?.getAttribute('src'), ctx.url);

    const githubRepo = httpUrl(paper?.githubRepo);
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
      project: httpUrl(paper?.projectPage),
      thumbnail: domThumb ?? httpUrl(entry?.thumbnail),
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
