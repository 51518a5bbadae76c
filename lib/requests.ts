/**
 * Request schemas of the content <-> background protocol (lib/messages.ts). Parsed in the
 * background only; the content script imports just the types.
 */
import { z } from 'zod/mini';
import { PaperDraft, UserPatch } from './paper';
import { Sighting } from './seen/record';

export const MAX_BATCH = 1000;

export const Requests = {
  /**
   * states of saved papers among these; drafts of saved ones refresh their feed signals. Each
   * draft is parsed on its own (lookupDrafts), so one card a site changed under us drops only
   * itself, not the batch.
   */
  lookup: z.strictObject({
    drafts: z.optional(z.array(z.unknown()).check(z.maxLength(MAX_BATCH))),
    ids: z.optional(z.array(z.string().check(z.minLength(1))).check(z.maxLength(MAX_BATCH))),
    /** also tell which of `ids` were seen before this time (the page's load), and whether any paper was */
    seenBefore: z.optional(z.number()),
  }),
  /** save (upsert) a paper, optionally with a user patch in the same transaction */
  save: z.strictObject({ draft: PaperDraft, patch: z.optional(UserPatch) }),
  /** patch the user fields of a saved paper */
  patch: z.strictObject({ id: z.string().check(z.minLength(1)), patch: UserPatch }),
  remove: z.strictObject({ id: z.string().check(z.minLength(1)) }),
  /** every tag in use, for autocomplete */
  tags: z.strictObject({}),
  /**
   * papers the user had on screen (the seen history). Each sighting is parsed on its own
   * (seenSightings): one card read wrong drops only itself.
   */
  seen: z.strictObject({ papers: z.array(z.unknown()).check(z.maxLength(MAX_BATCH)) }),
} as const;

export type RequestType = keyof typeof Requests;
export type RequestOf<T extends RequestType> = z.input<(typeof Requests)[T]>;

/** The drafts of a lookup that parse as PaperDrafts (the others are left out). */
export function lookupDrafts(drafts: readonly unknown[]): PaperDraft[] {
  return drafts.flatMap((d) => {
    const r = PaperDraft.safeParse(d);
    return r.success ? [r.data] : [];
  });
}

/** The sightings of a `seen` request that parse (the others are left out). */
export function seenSightings(papers: readonly unknown[]): Sighting[] {
  return papers.flatMap((p) => {
    const r = Sighting.safeParse(p);
    return r.success ? [r.data] : [];
  });
}
