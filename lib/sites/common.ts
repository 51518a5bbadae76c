/**
 * Small helpers both adapters use (each content script bundles its own adapter and these).
 * Pure functions of their arguments: no DOM globals, so they run on parsed fixtures too.
 */
import type { PaperDraft } from '../draft';
import { arxivIdFromPath, arxivKey, normaliseUrl, parseArxivId, parseDoi, siteKey, type ArxivId } from '../ids';

/** Whitespace runs to one space, trimmed; null and undefined read as ''. */
export const collapse = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** An element's text content, whitespace collapsed ('' for none). */
export const text = (el: Element | null | undefined): string => collapse(el?.textContent);

/**
 * An element's text, whitespace collapsed, read node by node: `read` gives an element's own text
 * in place of its children's (TeX as `$…$`, a space for a <br>, '' to leave it out), or undefined
 * to read its children. Node types by number: no DOM globals, so it runs on parsed fixtures too.
 */
export function textWith(el: Element | null | undefined, read: (e: Element) => string | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const own = read(child as Element);
        if (own === undefined) walk(child);
        else out += own;
      }
    }
  };
  walk(el);
  return collapse(out);
}

/** The first element matching the first selector that matches anything (ordered fallbacks). */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return null;
}

/** Every element matching the first selector that matches anything. */
export function firstAll(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const sel of selectors) {
    const els = [...root.querySelectorAll(sel)];
    if (els.length) return els;
  }
  return [];
}

/** The element or its nearest ancestor matching the first selector that matches one (ordered fallbacks). */
export function closestOf(el: Element, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    const found = el.closest(sel);
    if (found) return found;
  }
  return null;
}

/**
 * A single-paper page's one card: the block around its title (the first of `blocks` holding it,
 * else the title's parent); none on a page without the title.
 */
export function titleBlock(root: ParentNode, titles: readonly string[], blocks: readonly string[] = []): Element[] {
  const title = first(root, titles);
  return title ? [closestOf(title, blocks) ?? title.parentElement ?? title] : [];
}

/** A link target, resolved against `base`, as an absolute http(s) URL; null for javascript:, data: and junk. */
export function linkUrl(href: string | null | undefined, base?: URL): URL | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** linkUrl's address as a string (a draft's link), or undefined. */
export const linkHref = (href: string | null | undefined, base?: URL): string | undefined => linkUrl(href, base)?.href;

/** The arXiv id a link to arxiv.org or one of its subdomains names (/abs/, /pdf/, /html/), or null. */
export const arxivIdOfUrl = (u: URL | null): ArxivId | null => (u && /(^|\.)arxiv\.org$/.test(u.hostname) ? arxivIdFromPath(u.pathname) : null);

/** The arXiv id an arXiv DataCite DOI names (`10.48550/arxiv.2305.13169`, as parseDoi gives it), or null. */
export const arxivIdOfDoi = (doi: string | null | undefined): ArxivId | null => (doi?.startsWith('10.48550/arxiv.') ? parseArxivId(doi.slice('10.48550/arxiv.'.length)) : null);

/** Drop keys whose value is undefined, so drafts compare exactly and serialise cleanly. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A valid calendar date as YYYY-MM-DD, or undefined (month 1-12). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && d.getUTCDate() === day ? d.toISOString().slice(0, 10) : undefined;
}

/** A meta tag date "2023/01/03" (also 2023-01-03, with anything after) -> "2023-01-03", if it exists. */
export function metaDate(s: string | undefined): string | undefined {
  const m = /^(\d{4})[/-](\d{2})[/-](\d{2})/.exec(s ?? '');
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** The year a meta tag date starts with ("2023/01/03", "2023"), or undefined. */
export const metaYear = (s: string | undefined): number | undefined => Number(/^\d{4}/.exec(s ?? '')?.[0]) || undefined;

/**
 * The page's meta tags whose (lower-case) name or property `keep` accepts: name -> contents
 * (whitespace collapsed, empty ones left out), in page order.
 */
export function readMeta(root: ParentNode, keep: (name: string) => boolean = () => true): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const m of root.querySelectorAll('meta[content]')) {
    const name = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').toLowerCase();
    if (!name || !keep(name)) continue;
    const content = collapse(m.getAttribute('content'));
    if (!content) continue;
    const list = meta.get(name);
    // Appended in place: a page may repeat a tag thousands of times (citation_author).
    if (list) list.push(content);
    else meta.set(name, [content]);
  }
  return meta;
}

/**
 * The citation_author tags' names as listings show them: "Keyname, Firstnames" -> "Firstnames
 * Keyname" (arXiv writes "Keyname Suffix, Firstnames"; a name without ", " is kept as given).
 */
export const citationAuthors = (meta: Map<string, string[]>): string[] =>
  (meta.get('citation_author') ?? [])
    .map((name) => {
      const i = name.indexOf(', ');
      return i > 0 ? collapse(`${name.slice(i + 2)} ${name.slice(0, i)}`) : collapse(name);
    })
    .filter(Boolean);

/** The arXiv abstract and PDF pages of an arXiv id. */
export const arxivLinks = (id: string): { abs: string; pdf: string } => ({ abs: `https://arxiv.org/abs/${id}`, pdf: `https://arxiv.org/pdf/${id}` });

/** What an adapter reads from a card; the draft's identity comes from the arXiv id. */
export type CardFields = Omit<PaperDraft, 'id' | 'site' | 'pageUrl' | 'arxivId' | 'arxivVersion'>;

/** The identifiers a card shows, best first; any may be missing. */
export interface CardIds {
  arxiv?: ArxivId | null;
  /** a DOI in any form parseDoi accepts (a doi.org link, `doi:…`) */
  doi?: string | null;
  /** the site's own stable id for the paper (an OpenReview forum id, an ACL Anthology id, a PMID) */
  siteId?: string | null;
  /** the paper's own page on the site, when it has no id of its own (a CVF paper page) */
  page?: string | null;
}

/**
 * A paper's id on `site` by its best identifier: the arXiv id, else the DOI, else the site's own
 * id (`<site>:<id>`), else the page's URL; null when it has none. What paperDraft keys a draft
 * by, and what an adapter's identify() gives without reading the rest of the card.
 */
export function draftId(site: string, ids: CardIds): string | null {
  if (ids.arxiv) return arxivKey(ids.arxiv);
  const doi = ids.doi && parseDoi(ids.doi);
  if (doi) return `doi:${doi}`;
  if (ids.siteId) return siteKey(site, ids.siteId);
  const page = ids.page ? normaliseUrl(ids.page) : null;
  return page ? `url:${page}` : null;
}

/**
 * The draft of a paper seen on `site`, keyed by draftId. Null when it has no id. The arXiv id and
 * DOI are kept as fields, the site id as `siteId`, so the record joins the same paper seen on
 * any other site.
 */
export function paperDraft(site: string, pageUrl: string, ids: CardIds, f: Omit<CardFields, 'doi'>): PaperDraft | null {
  const id = draftId(site, ids);
  if (!id) return null;
  const doi = (ids.doi && parseDoi(ids.doi)) || undefined;
  return compact({ id, site, pageUrl, siteId: ids.siteId || undefined, ...f, arxivId: ids.arxiv?.id, arxivVersion: ids.arxiv?.version, doi });
}

/**
 * The draft of an arXiv paper seen on `site`, undefined fields left out. (Validating it with
 * PaperDraft, as everything extracted is before use, gives the keys in PaperDraft's order.)
 */
export function arxivDraft(site: string, pageUrl: string, arxiv: ArxivId, f: CardFields): PaperDraft {
  return compact({ id: arxivKey(arxiv), site, pageUrl, arxivId: arxiv.id, arxivVersion: arxiv.version, ...f });
}
