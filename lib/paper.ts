/**
 * The data model: what an adapter extracts (PaperDraft) and what is stored (SavedPaper).
 * Every boundary parses with these schemas; TypeScript types are inferred from them.
 */
import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { BIBLIOGRAPHIC, httpUrl, nonEmpty, opt, PaperId, STATUSES, str } from './draft';

// zod/mini loads no messages: every extension page that parses stored records (background, popup,
// options) says in English what was wrong ("id: Too small: expected string to have >=3
// characters", not "Invalid input"). The content scripts do not import this module.
z.config(en());

// What an adapter extracts lives in ./draft (the content scripts import only that).
export { IsoDate, Links, PaperDraft, Signals, STATUSES } from './draft';
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

export const Source = z.object({
  site: nonEmpty(),
  url: httpUrl,
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
});
export type Source = z.infer<typeof Source>;

/** A tag added (on) or removed at a time (lib/exchange/merge TagMark). */
export const TagMark = z.object({ tag: nonEmpty(), on: z.boolean(), at: z.number() });

/**
 * When each user field last changed (lib/exchange/merge FieldTimes), so two shelves merge field by
 * field. Absent on records written before PaperShelf kept them: those read as changed at updatedAt
 * (merge.ts clockedFromRecord).
 */
export const FieldTimes = z.object({
  saved: z.number(),
  note: z.number(),
  status: z.number(),
  /** by tagKey */
  tags: z.record(z.string(), TagMark),
});

/** What is stored: one record per paper. */
export const SavedPaper = z.object({
  id: PaperId,
  ...BIBLIOGRAPHIC,
  /** the paper's ids on the sites that name it their own way: { openreview: 'rJXMpikCZ', pubmed: '31452104' } */
  siteIds: opt(z.record(z.string(), nonEmpty())),
  /** when the feed signals were last read from a page */
  signalsSeenAt: opt(z.number()),
  sources: z.array(Source),
  tags: z.array(nonEmpty()),
  note: str(),
  status: Status,
  savedAt: z.number(),
  updatedAt: z.number(),
  /** derived (db v2): the sites of `sources`, for the popup's `site:` filter (no database index since db v3) */
  sites: opt(z.array(str())),
  /** when the paper was last sent to Zotero (set only after Zotero answered 201; not indexed) */
  zoteroSentAt: opt(z.number()),
  /** when each user field last changed (not indexed; see FieldTimes) */
  times: opt(FieldTimes),
});
export type SavedPaper = z.infer<typeof SavedPaper>;

export const MAX_TAG_LENGTH = 64;
export const MAX_NOTE_LENGTH = 100_000;

/** A tag as stored: trimmed, inner whitespace runs as one space. */
export const cleanTag = (t: string): string => t.trim().replace(/\s+/g, ' ');
/** Tags are the same tag when their keys are equal (case-insensitive). */
export const tagKey = (t: string): string => cleanTag(t).toLowerCase();

export const Tag = z.pipe(
  z.pipe(z.string(), z.transform(cleanTag)),
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
    const t = cleanTag(raw);
    const key = tagKey(t);
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
