/**
 * What an OpenReview note shows, read the same way on group cards and forum pages, in the legacy
 * (2017-2019, jQuery) and today's (React) markup: text with MathJax left out, the labelled content
 * fields, the author line, dates, and the arXiv id or DOI a note links.
 */
import { monthOf } from '../../dates';
import { arxivIdFromPath, parseArxivId, parseDoi, type ArxivId } from '../../ids';
import { arxivIdOfUrl, collapse, isoDate, linkUrl, textWith } from '../common';

/**
 * Content fields: a label (`strong.note-content-field`, "Keywords:") and its value, the label's
 * next element (`span.note-content-value`, or a div when the venue renders Markdown). The legacy
 * forum page wrote the classes with underscores.
 */
const FIELD_LABELS = 'strong.note-content-field, .note_content_field';
/**
 * Not text: scripts, styles and MathJax's renderings. A title's TeX ("$\\epsilon$-Greedy") is text
 * until MathJax typesets it; after that, MathJax 2 keeps it in a script (read as `$…$`), MathJax 3
 * keeps only the MathML for screen readers (read as its text).
 */
const NOT_TEXT = 'script, style, mjx-container, .MathJax, .MathJax_Preview, .MathJax_Display, .MathJax_SVG, .MathJax_CHTML';
const TEX_SOURCE = 'script[type^="math/tex"]';
const MATHML_TEXT = 'mjx-assistive-mml';
/** Not names on an author line: "et al. (N additional authors not shown)", privacy labels and icons. */
const NOT_NAMES = 'a.show-all, .private-author-label, .private-contents-icon, .glyphicon, [class*="icon"]';

/** Visible text, whitespace collapsed; `more` drops more elements. */
export function textOf(el: Element | null | undefined, more?: string): string {
  const skip = more ? `${NOT_TEXT}, ${more}` : NOT_TEXT;
  return textWith(el, (e) => {
    if (e.matches(TEX_SOURCE)) return `$${collapse(e.textContent)}$`;
    if (e.tagName === 'MJX-CONTAINER') return collapse(e.querySelector(MATHML_TEXT)?.textContent);
    return e.matches(skip) ? '' : undefined;
  });
}

/** A note's content fields: label in lower case without its colon ("abstract", "tl;dr") -> value element. */
export function contentFields(scope: Element): Map<string, Element> {
  const fields = new Map<string, Element>();
  for (const label of scope.querySelectorAll(FIELD_LABELS)) {
    const name = collapse(label.textContent).replace(/:$/, '').trim().toLowerCase();
    // A list of links right after the label (today's "External IDs:") is the whole row's.
    const next = label.nextElementSibling;
    const value = next?.tagName === 'A' ? label.parentElement : next;
    if (name && value && !fields.has(name)) fields.set(name, value);
  }
  return fields;
}

/** The text of the first field whose label is one of `names`. */
export function fieldText(fields: Map<string, Element>, ...names: string[]): string | undefined {
  for (const n of names) {
    const text = textOf(fields.get(n));
    if (text) return text;
  }
  return undefined;
}

/** "complex numbers, complex-valued, neural" -> ['complex numbers', 'complex-valued', 'neural']. */
export function keywordsOf(text: string | undefined): string[] | undefined {
  const words = [...new Set((text ?? '').split(/[,;]/).map(collapse).filter(Boolean))];
  return words.length ? words : undefined;
}

/**
 * An author line that names nobody: "Anonymous" while a venue is under double-blind review, or
 * its signature group ("ICLR 2024 Conference Submission123 Authors") where the names are hidden.
 */
const ANONYMOUS = /^(?:anonymous(?: authors?)?|.*\b(?:paper|submission)\d+ authors)$/i;

/**
 * The names on an author line (links to profiles, or plain text for authors without one),
 * and the whole count when the line is cut ("et al. (3 additional authors not shown)").
 * An anonymous line gives no names: authors [] (the paper has authors; the site hides them).
 */
export function authorsOf(line: Element | null | undefined): { authors: string[]; authorCount?: number } {
  if (!line) return { authors: [] };
  const text = textOf(line, NOT_NAMES);
  if (!text || ANONYMOUS.test(text)) return { authors: [] };
  const authors = text.split(',').map(collapse).filter(Boolean);
  const more = Number(/\((\d+) additional authors? not shown\)/.exec(collapse(line.textContent))?.[1]);
  return more > 0 ? { authors, authorCount: authors.length + more } : { authors };
}

/**
 * The first date in a note's date line: "28 Oct 2017", "Published: 16 Jan 2024, Last Modified: …"
 * (the publication date), "27 Oct 2017 (modified: 15 Feb 2018)". A line with only a month and
 * year, or a year, gives the year.
 */
export function dateOf(text: string): { publishedAt?: string; year?: number } {
  const full = /\b(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})\b/.exec(text);
  const month = full ? monthOf(full[2]!) : 0;
  const day = full && month ? isoDate(Number(full[3]), month, Number(full[1])) : undefined;
  if (day) return { publishedAt: day };
  const year = Number(/\b(19|20)\d{2}\b/.exec(text)?.[0]);
  return year ? { year } : {};
}

/** An arXiv id from a link to arxiv.org, or from text that is only an arXiv URL or `arXiv:<id>`. */
function arxivIn(el: Element, base: URL): ArxivId | null {
  for (const a of el.matches('a[href]') ? [el] : el.querySelectorAll('a[href]')) {
    const found = arxivIdOfUrl(linkUrl(a.getAttribute('href'), base));
    if (found) return found;
  }
  const text = collapse(el.textContent);
  const url = /^https?:\/\/(?:www\.)?arxiv\.org(\/(?:abs|pdf)\/\S+)$/i.exec(text);
  return url ? arxivIdFromPath(url[1]!) : /^arxiv:/i.test(text) ? parseArxivId(text) : null;
}

/** Fields that name a paper's other identifiers ("External IDs: arxiv:2301.01234, doi:…", "ArXiv:"). */
const ID_FIELDS = /^(?:external ids?|arxiv(?: id| link| url)?|preprint|doi)$/;

/**
 * The arXiv id and DOI a note links as its own: links in its title row (an html link may be the
 * arXiv page), and fields meant for identifiers. Links inside prose (an abstract citing other
 * work) are not the paper's. A field whose whole value is one arXiv link counts too.
 */
export function idsOf(titleRow: Element | null, fields: Map<string, Element>, base: URL): { arxiv: ArxivId | null; doi: string | null } {
  let arxiv = titleRow ? arxivIn(titleRow, base) : null;
  let doi: string | null = null;
  for (const [name, value] of fields) {
    if (ID_FIELDS.test(name)) {
      arxiv ??= arxivIn(value, base);
      for (const a of value.querySelectorAll('a[href]')) doi ??= parseDoi(a.getAttribute('href') ?? '');
      doi ??= parseDoi(/\bdoi:\s*(\S+)/i.exec(value.textContent ?? '')?.[1] ?? (name === 'doi' ? collapse(value.textContent) : ''));
    } else if (value.children.length <= 1 && /^(?:https?:\/\/\S*arxiv\.org\/\S+|arxiv:\S+)$/i.test(collapse(value.textContent))) {
      arxiv ??= arxivIn(value, base);
    }
  }
  return { arxiv, doi };
}
