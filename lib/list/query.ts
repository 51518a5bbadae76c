/**
 * The popup's search syntax: what the user types in the search box, parsed into words and filters.
 *
 *   graph neural tag:rl tag:"deep learning" status:unread year:2024 year:2020..2022 site:arxiv -survey
 *
 * - Plain words: every word must prefix-match a word of title, authors, abstract, tags or note
 *   (split and accent-folded by lib/list/words wordsOf, so "Schrödinger" finds "schrodinger").
 * - `tag:x` / `tag:"two words"`: carries that tag (case-insensitive, exact); several tags all apply.
 * - `status:unread|reading|read` (a unique prefix is enough: `status:u`).
 * - `year:2024`, `year:2023..2024`, `year:2020..`, `year:..2019`: publication year.
 * - `site:arxiv` / `site:huggingface` (`site:hf`): seen on that site (a prefix of the site id).
 * - `-word`, `-tag:x`, `-status:read`, `-site:arxiv`: exclude.
 * - Unknown `foo:bar` is searched as the plain words "foo bar". A known key with no value yet
 *   (`tag:` while typing) does nothing; a value that cannot mean anything (`status:nonsense`,
 *   `year:abc`) is ignored and reported in `problems`, which the popup shows under the box.
 * - Later `status:` / `year:` / `site:` replace earlier ones.
 */
import { STATUSES, tagKey, type Status } from '../paper';
import { wordsOf } from './words';
import { siteIdFor } from '../sites/registry';

/** Inclusive publication-year range. */
export interface YearRange {
  from: number;
  to: number;
}

export interface ParsedQuery {
  /** words every paper must prefix-match (lower-case, accent-folded, unique) */
  terms: string[];
  /** tags every paper must carry (as typed; compare with tagKey) */
  tags: string[];
  status?: Status;
  year?: YearRange;
  /** lower-case site id prefix, matched against sources[].site */
  site?: string;
  /** exclusions: a paper matching any of these is left out */
  not: { terms: string[]; tags: string[]; statuses: Status[]; sites: string[] };
  /** human-readable reasons why parts of the text were ignored */
  problems: string[];
}

const MIN_YEAR = 0;
const MAX_YEAR = 9999;


/** An empty query: everything matches. */
export function emptyQuery(): ParsedQuery {
  return { terms: [], tags: [], not: { terms: [], tags: [], statuses: [], sites: [] }, problems: [] };
}

/**
 * Tokens: optional '-', then `key:"quoted value"`, `key:value`, `"quoted words"` or a bare run of
 * non-space. An unclosed quote runs to the end (the user is still typing).
 */
const TOKEN = /(-?)(?:([A-Za-z]+):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+))/g;

/** The status a value names: exact, else a unique prefix; undefined if none or ambiguous. */
function statusOf(value: string): Status | undefined {
  const v = value.toLowerCase();
  const exact = STATUSES.find((s) => s === v);
  if (exact) return exact;
  const prefixed = STATUSES.filter((s) => s.startsWith(v));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** `2024`, `2023..2024` (either end may be left open), `2023-2024`; undefined if not a year. */
export function parseYear(value: string): YearRange | undefined {
  const m = /^(\d{4})?(?:(\.\.|-)(\d{4})?)?$/.exec(value);
  if (!m || (!m[1] && !m[3])) return undefined;
  if (!m[2]) return { from: Number(m[1]), to: Number(m[1]) };
  const from = m[1] ? Number(m[1]) : MIN_YEAR;
  const to = m[3] ? Number(m[3]) : MAX_YEAR;
  return from <= to ? { from, to } : { from: to, to: from };
}

function pushUnique<T>(list: T[], items: readonly T[]): void {
  for (const x of items) if (!list.includes(x)) list.push(x);
}

/** Parse the search box text. Never throws. */
export function parseQuery(text: string): ParsedQuery {
  const q = emptyQuery();
  for (const m of text.matchAll(TOKEN)) {
    const negate = m[1] === '-';
    const key = m[2]?.toLowerCase();
    const value = (m[3] ?? m[4] ?? '').trim();
    const known = key === 'tag' || key === 'status' || key === 'year' || key === 'site';
    if (!known) {
      // Plain words, including unknown `foo:bar` (both halves are words) and quoted text.
      const raw = m[2] !== undefined ? `${m[2]} ${m[3] ?? m[4] ?? ''}` : (m[5] ?? m[6] ?? '');
      pushUnique(negate ? q.not.terms : q.terms, wordsOf(raw));
      continue;
    }
    if (value === '') continue; // `tag:` while typing: nothing yet
    if (key === 'tag') {
      const tag = value.replace(/\s+/g, ' ');
      const list = negate ? q.not.tags : q.tags;
      if (!list.some((t) => tagKey(t) === tagKey(tag))) list.push(tag);
    } else if (key === 'status') {
      const status = statusOf(value);
      if (!status) q.problems.push(`status:${value} is not a status: use unread, reading or read.`);
      else if (negate) pushUnique(q.not.statuses, [status]);
      else q.status = status;
    } else if (key === 'year') {
      const year = parseYear(value);
      if (!year) q.problems.push(`year:${value} is not a year: use 2024 or 2023..2024.`);
      else if (negate) q.problems.push(`-year: is not supported: use a range such as year:..2023.`);
      else q.year = year;
    } else {
      const id = siteIdFor(value);
      if (negate) pushUnique(q.not.sites, [id]);
      else q.site = id;
    }
  }
  return q;
}

/** True when the query narrows nothing (no words, no filters, no exclusions). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return (
    q.terms.length === 0 &&
    q.tags.length === 0 &&
    q.status === undefined &&
    q.year === undefined &&
    q.site === undefined &&
    q.not.terms.length === 0 &&
    q.not.tags.length === 0 &&
    q.not.statuses.length === 0 &&
    q.not.sites.length === 0
  );
}
