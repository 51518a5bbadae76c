/**
 * The data model: what an adapter extracts (PaperDraft) and what is stored (SavedPaper).
 * Every boundary parses with these schemas; TypeScript types are inferred from them.
 */
import { z } from 'zod';

export const STATUSES = ['unread', 'reading', 'read'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

/** YYYY-MM-DD */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const Links = z.object({
  page: httpUrl.optional(),
  abs: httpUrl.optional(),
  pdf: httpUrl.optional(),
  code: httpUrl.optional(),
  project: httpUrl.optional(),
});
export type Links = z.infer<typeof Links>;

/** Feed signals: numbers the site shows that change over time. */
export const Signals = z.object({
  upvotes: z.number().int().nonnegative().optional(),
  comments: z.number().int().nonnegative().optional(),
  githubRepo: httpUrl.optional(),
  githubStars: z.number().int().nonnegative().optional(),
  organization: z.string().min(1).optional(),
  keywords: z.array(z.string().min(1)).optional(),
});
export type Signals = z.infer<typeof Signals>;

/** What a site adapter extracts from one card. Deterministic: no clocks. */
export const PaperDraft = z.object({
  /** canonical key, see lib/ids.ts */
  id: z.string().min(3),
  site: z.string().min(1),
  /** the URL of the page the card was found on */
  pageUrl: httpUrl,
  title: z.string().min(1),
  authors: z.array(z.string().min(1)),
  /** set when the card shows only a count ("11 authors") or the list is partial */
  authorCount: z.number().int().nonnegative().optional(),
  abstract: z.string().min(1).optional(),
  publishedAt: IsoDate.optional(),
  arxivId: z.string().optional(),
  arxivVersion: z.number().int().positive().optional(),
  doi: z.string().optional(),
  /** the author's comments line as the site shows it ("12 pages, 4 figures; NeurIPS 2024") */
  comments: z.string().min(1).optional(),
  /** subject / category codes, primary first (arXiv: cs.LG, hep-th, math.GT) */
  subjects: z.array(z.string().min(1)).optional(),
  links: Links,
  thumbnail: httpUrl.optional(),
  signals: Signals,
});
export type PaperDraft = z.infer<typeof PaperDraft>;

export const Source = z.object({
  site: z.string().min(1),
  url: httpUrl,
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
});
export type Source = z.infer<typeof Source>;

/** What is stored: one record per paper. */
export const SavedPaper = z.object({
  id: z.string().min(3),
  title: z.string().min(1),
  authors: z.array(z.string()),
  authorCount: z.number().int().nonnegative().optional(),
  abstract: z.string().optional(),
  publishedAt: IsoDate.optional(),
  arxivId: z.string().optional(),
  arxivVersion: z.number().int().positive().optional(),
  doi: z.string().optional(),
  comments: z.string().optional(),
  /** primary first */
  subjects: z.array(z.string()).optional(),
  links: Links,
  thumbnail: httpUrl.optional(),
  signals: Signals,
  /** when the feed signals were last read from a page */
  signalsSeenAt: z.number().optional(),
  sources: z.array(Source),
  tags: z.array(z.string().min(1)),
  note: z.string(),
  status: Status,
  savedAt: z.number(),
  updatedAt: z.number(),
  /** derived: lower-case words of title, authors, abstract, tags and note (multi-entry index) */
  words: z.array(z.string()),
  /** derived (db v2): the sites of `sources`, for the `site:` filter (multi-entry index) */
  sites: z.array(z.string()).optional(),
});
export type SavedPaper = z.infer<typeof SavedPaper>;

export const MAX_TAG_LENGTH = 64;
export const MAX_NOTE_LENGTH = 100_000;

export const Tag = z
  .string()
  .transform((t) => t.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'tag is empty').max(MAX_TAG_LENGTH, 'tag is too long'));

/** A field-level patch of the user's fields. */
export const UserPatch = z
  .object({
    /** replace the whole tag list */
    tags: z.array(Tag).max(200).optional(),
    /** add / remove single tags: safe when two places edit tags at once */
    addTags: z.array(Tag).max(200).optional(),
    removeTags: z.array(Tag).max(200).optional(),
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
    status: Status.optional(),
  })
  .strict();
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
