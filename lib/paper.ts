/**
 * The data model: what an adapter extracts (PaperDraft) and what is stored (SavedPaper).
 * Every boundary parses with these schemas; TypeScript types are inferred from them.
 */
import { z } from 'zod/mini';

export const STATUSES = ['unread', 'reading', 'read'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

// zod/mini: the same validation with a fraction of the bundle (this module ships in the content script).
const str = () => z.string();
const nonEmpty = () => z.string().check(z.minLength(1));
const count = () => z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0, 'must be a whole number, 0 or more'));
const opt = z.optional;

/** An absolute http(s) URL (parsed by the platform's URL, which is what links will use). */
const httpUrl = z.string().check(z.refine(isHttpUrl, 'must be an http(s) URL'));

function isHttpUrl(u: string): boolean {
  if (!/^https?:\/\//i.test(u)) return false;
  try {
    return !!new URL(u).host;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD */
export const IsoDate = z.string().check(z.refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), 'must be YYYY-MM-DD'));

export const Links = z.object({
  page: opt(httpUrl),
  abs: opt(httpUrl),
  pdf: opt(httpUrl),
  code: opt(httpUrl),
  project: opt(httpUrl),
});
export type Links = z.infer<typeof Links>;

/** Feed signals: numbers the site shows that change over time. */
export const Signals = z.object({
  upvotes: opt(count()),
  comments: opt(count()),
  githubRepo: opt(httpUrl),
  githubStars: opt(count()),
  organization: opt(nonEmpty()),
  keywords: opt(z.array(nonEmpty())),
});
export type Signals = z.infer<typeof Signals>;

/** What a site adapter extracts from one card. Deterministic: no clocks. */
export const PaperDraft = z.object({
  /** canonical key, see lib/ids.ts */
  id: z.string().check(z.minLength(3)),
  site: nonEmpty(),
  /** the URL of the page the card was found on */
  pageUrl: httpUrl,
  title: nonEmpty(),
  authors: z.array(nonEmpty()),
  /** set when the card shows only a count ("11 authors") or the list is partial */
  authorCount: opt(count()),
  abstract: opt(nonEmpty()),
  publishedAt: opt(IsoDate),
  arxivId: opt(str()),
  arxivVersion: opt(z.number().check(z.refine((n) => Number.isInteger(n) && n > 0, 'must be a whole number, 1 or more'))),
  doi: opt(str()),
  /** arXiv "Comments:" line (pages, venue, …) */
  comments: opt(str()),
  /** subject classes, primary first (cs.LG, hep-th) */
  subjects: opt(z.array(str())),
  links: Links,
  thumbnail: opt(httpUrl),
  signals: Signals,
});
export type PaperDraft = z.infer<typeof PaperDraft>;

export const Source = z.object({
  site: nonEmpty(),
  url: httpUrl,
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
});
export type Source = z.infer<typeof Source>;

/** What is stored: one record per paper. */
export const SavedPaper = z.object({
  id: z.string().check(z.minLength(3)),
  title: nonEmpty(),
  authors: z.array(str()),
  authorCount: opt(count()),
  abstract: opt(str()),
  publishedAt: opt(IsoDate),
  arxivId: opt(str()),
  arxivVersion: opt(z.number().check(z.refine((n) => Number.isInteger(n) && n > 0, 'must be a whole number, 1 or more'))),
  doi: opt(str()),
  comments: opt(str()),
  /** primary first */
  subjects: opt(z.array(str())),
  links: Links,
  thumbnail: opt(httpUrl),
  signals: Signals,
  /** when the feed signals were last read from a page */
  signalsSeenAt: opt(z.number()),
  sources: z.array(Source),
  tags: z.array(nonEmpty()),
  note: str(),
  status: Status,
  savedAt: z.number(),
  updatedAt: z.number(),
  /** derived: lower-case words of title, authors, abstract, tags and note (multi-entry index) */
  words: z.array(str()),
  /** derived (db v2): the sites of `sources`, for the `site:` filter (multi-entry index) */
  sites: opt(z.array(str())),
});
export type SavedPaper = z.infer<typeof SavedPaper>;

export const MAX_TAG_LENGTH = 64;
export const MAX_NOTE_LENGTH = 100_000;

export const Tag = z.pipe(
  z.pipe(z.string(), z.transform((t: string) => t.trim().replace(/\s+/g, ' '))),
  z.string().check(z.minLength(1, 'tag is empty'), z.maxLength(MAX_TAG_LENGTH, 'tag is too long')),
);

const tagList = () => opt(z.array(Tag).check(z.maxLength(200)));

/** A field-level patch of the user's fields. */
export const UserPatch = z.strictObject({
  /** replace the whole tag list */
  tags: tagList(),
  /** add / remove single tags: safe when two places edit tags at once */
  addTags: tagList(),
  removeTags: tagList(),
  note: opt(z.string().check(z.maxLength(MAX_NOTE_LENGTH))),
  status: opt(Status),
});
export type UserPatch = z.infer<typeof UserPatch>;

/** Tags are unique case-insensitively; the first spelling wins. */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim().replace(/\s+/g, ' ');
    const key = t.toLowerCase();
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
