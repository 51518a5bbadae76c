/**
 * Hugging Face single paper pages (/papers/<arXiv id>): one card, the title block. The record
 * comes from the PaperContent and UpvoteControl islands and the citation_* / og: meta tags, each
 * used only when it names this paper (after a client-side navigation they may describe the last).
 */
import { parseArxivId, type ArxivId } from '../../ids';
import type { PaperDraft } from '../../paper';
import { collapse, compact, first, linkHref, metaDate, readMeta, titleBlock } from '../common';
import type { ExtractContext } from '../types';
import { hfDraft, isoDatePart, labels, paperIdFromHref, parseCount, parseVisibleDate } from './fields';
import { LazyEntries, readEntry, readUpvote, type HfEntry } from './island';

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

/** Page-level data of a paper page; each source is kept only when it names the page's paper. */
export interface HfPaperPage {
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
export function preparePaper(root: ParentNode, url: URL): HfPaperPage | null {
  const id = pagePaperId(url)?.id;
  if (!id) return null;
  const names = (s: string | undefined) => parseArxivId(s ?? '')?.id === id;
  const content = readEntry(propsOf(root.querySelector(PAPER_CONTENT_PROPS)));
  const upvote = readUpvote(propsOf(root.querySelector(UPVOTE_PROPS)));
  const meta = readMeta(root);
  const ogUrl = meta.get('og:url')?.[0];
  return {
    id,
    entry: content && names(content.paper.id) ? content : undefined,
    // The button's DOM is re-rendered with the page; its island props may be stale.
    upvotes:
      parseCount(first(root, UPVOTE_DOM_SELECTORS)?.textContent) ??
      (upvote && (upvote.paperId === undefined || names(upvote.paperId)) ? upvote.upvotes : undefined),
    // og:url says which paper the head describes; without it, trust the head.
    meta: !ogUrl || paperIdOfUrl(ogUrl) === id ? meta : new Map(),
  };
}

function isPaperPage(data: unknown): data is HfPaperPage {
  return typeof data === 'object' && data !== null && !(data instanceof LazyEntries) && (data as HfPaperPage).meta instanceof Map;
}

export const paperCards = (root: ParentNode): Element[] => titleBlock(root, PAPER_TITLE_SELECTORS, PAPER_CARD_SELECTORS);

export function extractPaper(card: Element, ctx: ExtractContext): PaperDraft | null {
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
  const githubRepo = linkHref(paper?.githubRepo) ?? linkHref(githubLink?.getAttribute('href'));
  const keywords = paper?.ai_keywords?.map(collapse).filter(Boolean);
  return hfDraft(ctx, arxiv, {
    title,
    authors,
    abstract,
    publishedAt,
    code: githubRepo,
    project: linkHref(paper?.projectPage),
    thumbnail: linkHref(meta('og:image')[0]) ?? linkHref(entry?.thumbnail),
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
