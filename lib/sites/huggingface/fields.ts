/**
 * Reading values off Hugging Face pages, shared by the listing cards (adapter.ts) and the paper
 * pages (paper-page.ts): paper ids in `/papers/<id>` links, counts, URLs, printed dates, the small
 * labels of a card, and the draft both kinds of page build.
 */
import { monthOf } from '../../dates';
import { parseArxivId, type ArxivId } from '../../ids';
import type { PaperDraft } from '../../paper';
import { arxivDraft, arxivLinks, collapse, compact, type CardFields } from '../common';
import type { ExtractContext } from '../types';
import { id } from './meta';

const ORIGIN = 'https://huggingface.co';

/** Elements that may hold the "N authors" label or the visible date (text-only leaves). */
const LABEL_SELECTOR = 'li, span, time, div';

/**
 * Ids of the `/papers/<id>` hrefs parsed so far: a listing's cards are checked when found and
 * read again when identified, and appended cards repeat links. Bounded; the ids are not changed.
 */
const hrefIds = new Map<string, ArxivId | null>();

/** The arXiv id of a `/papers/<id>` link (hash/query ignored), or null. */
export function paperIdFromHref(href: string | null): ArxivId | null {
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
export function isPaperLink(a: Element): boolean {
  const href = a.getAttribute('href') ?? '';
  return !href.includes('?') && !href.includes('#') && paperIdFromHref(href) !== null;
}

/** "110" -> 110, "1,234" -> 1234, "-" (HF's zero) -> 0; anything else undefined. */
export function parseCount(text: string | null | undefined): number | undefined {
  const t = collapse(text).replace(/,/g, '');
  if (t === '-') return 0;
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** "May 22, 2023" -> "2023-05-22". No year ("Jan 1") -> undefined: we will not guess it. */
export function parseVisibleDate(text: string): string | undefined {
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(collapse(text));
  if (!m) return undefined;
  const month = monthOf(m[1]!) - 1;
  const day = Number(m[2]);
  const year = Number(m[3]);
  const d = new Date(Date.UTC(year, month, day));
  if (month < 0 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/** "2026-09-25T00:00:00.000Z" -> "2026-09-25". */
export const isoDatePart = (s: string | undefined): string | undefined => /^(\d{4}-\d{2}-\d{2})/.exec(s ?? '')?.[1];

/** Small text elements of the card, e.g. "11 authors" or "May 22, 2023". */
export function labels(card: Element): string[] {
  return [...card.querySelectorAll(LABEL_SELECTOR)]
    .filter((el) => el.childElementCount === 0)
    .map((el) => collapse(el.textContent));
}

export type HfFields = Omit<CardFields, 'links'> & { code?: string; project?: string };

/** A whole Hugging Face draft: identity and links are the same on listings and paper pages. */
export function hfDraft(ctx: ExtractContext, arxiv: ArxivId, { code, project, ...f }: HfFields): PaperDraft {
  const links = compact({ page: `${ORIGIN}/papers/${arxiv.id}`, ...arxivLinks(arxiv.id), code, project });
  return arxivDraft(id, ctx.url.href, arxiv, { ...f, links });
}
