/**
 * Google Scholar (scholar.google.com and its country domains): search results (/scholar?q=…,
 * ?cites=…, ?cluster=…) and author profiles (/citations?user=…). Server-rendered HTML without
 * embedded data: a result's identity comes from its link targets (an arXiv link or a DOI in a
 * publisher's URL) or Scholar's own cluster id (`data-cid`, `?cluster=` / `?cites=` links); the
 * rest from the visible markup.
 * Markup reference: shared/fixtures/pages/SITES.md (Google Scholar) and google-scholar/.
 */
import { arxivAbsUrl } from '../../ids';
import { compact, first, firstAll, linkUrl, paperDraft, textWith } from '../common';
import {
  arxivFromLink,
  arxivFromVenue,
  clusterFromCid,
  clusterFromLink,
  cutCount,
  doiFromLink,
  namesOf,
  parseByline,
} from './fields';
import { id, isScholarHost } from './meta';
import type { PaperDraft } from '../../draft';
import type { Anchor, ExtractContext, PageKind, SiteAdapter } from '../types';

// --- selectors (ordered: first match wins; when the site changes, put the new one first) ---

/**
 * Result cards: `div.gs_r.gs_or.gs_scl[data-cid]` (2020-2025); plain `div.gs_r` (2016). Never the
 * alert box at the bottom (`div.gs_r.gs_alrt_btm`).
 */
const RESULT_CARDS = ['div.gs_r.gs_or[data-cid]', 'div.gs_r.gs_or', 'div.gs_r:not(.gs_alrt_btm)'] as const;
const RESULT_BODY = ['div.gs_ri'] as const;
const RESULT_TITLE = ['h3.gs_rt', '.gs_rt'] as const;
const RESULT_BYLINE = ['div.gs_a', '.gs_a'] as const;
/** The side link (`[PDF] host`): 2020+ `div.gs_or_ggsm a`, 2016 `div.gs_ggs div.gs_ttss a`. */
const RESULT_SIDE_LINK = ['div.gs_ggs a[href]', 'div.gs_or_ggsm a[href]'] as const;
/** The "Cited by N" link, known by its target in any language. */
const RESULT_CITED_BY = 'div.gs_fl a[href*="cites="]';
const RESULT_CLUSTER_LINKS = 'div.gs_fl a[href*="cluster="], div.gs_fl a[href*="cites="]';
/** Blocks styled as results that are not papers: the alert box; "User profiles for …" (by its link). */
const ALERT = '.gs_alrt_btm';
const PROFILES_LINK = 'h3 a[href*="/citations?"]';
/** [PDF] / [HTML] / [CITATION] / [BOOK] labels before a title, never part of it. */
const TITLE_LABELS = '.gs_ctc, .gs_ctu, .gs_ct1, .gs_ct2, .gs_ctg2';
/** The same labels as text, for markup that loses the spans (only Scholar's own labels). */
const LABEL_TEXT = /^(?:\[(?:PDF|HTML|CITATION|C|BOOK|B|DOC|PS)\]\s*)+/;

/** Profile rows: `tr.gsc_a_tr` in `tbody#gsc_a_b` ("Show more" appends more rows). */
const PROFILE_ROWS = ['tr.gsc_a_tr', '#gsc_a_b > tr'] as const;
const PROFILE_TITLE = ['a.gsc_a_at', 'td.gsc_a_t a'] as const;
const PROFILE_CELL = ['td.gsc_a_t'] as const;
/** Two grey lines under the title: the authors, then the venue (with ", year" in span.gs_oph). */
const PROFILE_GRAY = 'div.gs_gray';
const PROFILE_YEAR_ONLY = 'span.gs_oph';
const PROFILE_CITED_BY = ['a.gsc_a_ac', 'td.gsc_a_c a'] as const;
const PROFILE_YEAR = ['td.gsc_a_y span.gsc_a_h', 'td.gsc_a_y'] as const;

// --- URL kinds ---

function detect(url: URL): PageKind | null {
  if (!/^https?:$/.test(url.protocol) || !isScholarHost(url.hostname)) return null;
  const q = (name: string): boolean => !!url.searchParams.get(name)?.trim();
  if (url.pathname === '/scholar') return q('q') || q('cites') || q('cluster') ? 'search' : null;
  if (url.pathname === '/citations') {
    const op = url.searchParams.get('view_op') ?? 'list_works';
    return q('user') && op === 'list_works' ? 'profile' : null;
  }
  return null;
}

// --- helpers ---

/** An element's text, whitespace collapsed, without the elements `skip` matches. */
const textOf = (el: Element | null | undefined, skip?: string): string =>
  textWith(el, (e) => (skip && e.matches(skip) ? '' : e.tagName === 'BR' ? ' ' : undefined));

/** "Cited by 2441" / "131" / "131*": the number, or undefined. */
function countIn(el: Element | null): number | undefined {
  const digits = textOf(el).replace(/[^\d]/g, '');
  return digits ? Number(digits) : undefined;
}

const hrefOf = (a: Element | null): string | null => a?.getAttribute('href') ?? null;

// --- search results ---

function extractResult(card: Element, ctx: ExtractContext): PaperDraft | null {
  const body = first(card, RESULT_BODY) ?? card;
  const heading = first(body, RESULT_TITLE);
  const title = textOf(heading, TITLE_LABELS).replace(LABEL_TEXT, '');
  if (!heading || !title) return null;
  const titleLink = heading.querySelector('a[href]');
  const link = linkUrl(hrefOf(titleLink), ctx.url);
  const sideLink = first(card, RESULT_SIDE_LINK);
  const side = linkUrl(hrefOf(sideLink), ctx.url);
  const byline = parseByline(textOf(first(body, RESULT_BYLINE)));
  const arxiv = arxivFromLink(link) ?? arxivFromLink(side) ?? arxivFromVenue(byline.venue);
  const cluster =
    clusterFromCid(card.getAttribute('data-cid')) ??
    [...card.querySelectorAll(RESULT_CLUSTER_LINKS)].map((a) => clusterFromLink(hrefOf(a), ctx.url)).find(Boolean);
  // A title labelled [PDF] links the PDF itself; the side link is a PDF when its label says so.
  const pdf = side && /\[PDF\]/.test(textOf(sideLink)) ? side : link && /\[PDF\]/.test(textOf(heading)) ? link : undefined;
  return paperDraft(id, ctx.url.href, { arxiv, doi: doiFromLink(link), siteId: cluster, page: link?.href }, {
    title,
    authors: byline.authors,
    authorCount: cutCount(byline),
    venue: byline.venue,
    year: byline.year,
    links: compact({ page: link?.href, abs: arxiv ? arxivAbsUrl(arxiv.id) : undefined, pdf: pdf?.href }),
    signals: compact({ citedBy: countIn(card.querySelector(RESULT_CITED_BY)) }),
  });
}

// --- profile rows ---

function extractRow(row: Element, ctx: ExtractContext): PaperDraft | null {
  const a = first(row, PROFILE_TITLE);
  const title = textOf(a);
  if (!a || !title) return null;
  // 2016 rows put the target in data-href (href="javascript:void(0)").
  const link = linkUrl(a.getAttribute('data-href'), ctx.url) ?? linkUrl(hrefOf(a), ctx.url);
  const forView = link?.searchParams.get('citation_for_view');
  const [who, where] = [...(first(row, PROFILE_CELL) ?? row).querySelectorAll(PROFILE_GRAY)];
  const names = namesOf(textOf(who));
  const citedBy = first(row, PROFILE_CITED_BY);
  const year = /\b\d{4}\b/.exec(textOf(first(row, PROFILE_YEAR)))?.[0] ?? /\b\d{4}\b/.exec(textOf(where?.querySelector(PROFILE_YEAR_ONLY)))?.[0];
  // Without a cluster id (no citations yet), the paper is known by its profile citation page.
  const page = forView ? `https://scholar.google.com/citations?view_op=view_citation&citation_for_view=${encodeURIComponent(forView)}` : link?.href;
  return paperDraft(id, ctx.url.href, { siteId: clusterFromLink(hrefOf(citedBy), ctx.url), page }, {
    title,
    authors: names.authors,
    authorCount: cutCount(names),
    venue: textOf(where, PROFILE_YEAR_ONLY) || undefined,
    year: year ? Number(year) : undefined,
    links: compact({ page: link?.href }),
    signals: compact({ citedBy: countIn(citedBy) }),
  });
}

// --- the adapter ---

/** Google Scholar search results and author profiles. */
export const adapter: SiteAdapter = {
  id,
  cardSelector: 'div.gs_r, tr.gsc_a_tr',

  detect,

  /** Nothing page-level: every card carries what it needs. */
  prepare: () => null,

  findCards(root: ParentNode, kind: PageKind): Element[] {
    if (kind === 'search') return firstAll(root, RESULT_CARDS).filter((c) => !c.matches(ALERT) && !c.querySelector(PROFILES_LINK));
    if (kind === 'profile') return firstAll(root, PROFILE_ROWS);
    return [];
  },

  extract(card: Element, ctx: ExtractContext): PaperDraft | null {
    try {
      if (ctx.kind === 'search') return extractResult(card, ctx);
      if (ctx.kind === 'profile') return extractRow(card, ctx);
      return null;
    } catch {
      return null; // an unreadable card is a skip, never an error
    }
  },

  /** Under the byline of a result; inside a profile row's title cell (a row takes only cells). */
  anchorFor(card: Element, kind: PageKind): Anchor | null {
    if (kind === 'profile') {
      const cell = first(card, PROFILE_CELL);
      return cell ? { element: cell, position: 'append' } : null;
    }
    const body = first(card, RESULT_BODY) ?? card;
    const after = first(body, RESULT_BYLINE) ?? first(body, RESULT_TITLE);
    return after ? { element: after, position: 'after' } : { element: body, position: 'append' };
  },
};
