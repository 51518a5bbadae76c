/**
 * The one typed protocol between content scripts and the background.
 * Requests are parsed with zod in the background; every answer is a Result, never a throw.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { PaperDraft, Status, UserPatch } from './paper';

/** What a card needs to know about a saved paper. */
export const PaperState = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  note: z.string(),
  status: Status,
  savedAt: z.number(),
});
export type PaperState = z.infer<typeof PaperState>;

export const MAX_BATCH = 1000;

export const Requests = {
  /** states of saved papers among these; drafts of saved ones refresh their feed signals */
  lookup: z
    .object({ drafts: z.array(PaperDraft).max(MAX_BATCH).optional(), ids: z.array(z.string().min(1)).max(MAX_BATCH).optional() })
    .strict(),
  /** save (upsert) a paper, optionally with a user patch in the same transaction */
  save: z.object({ draft: PaperDraft, patch: UserPatch.optional() }).strict(),
  /** patch the user fields of a saved paper */
  patch: z.object({ id: z.string().min(1), patch: UserPatch }).strict(),
  remove: z.object({ id: z.string().min(1) }).strict(),
  /** every tag in use, for autocomplete */
  tags: z.object({}).strict(),
} as const;

export type RequestType = keyof typeof Requests;
export type RequestOf<T extends RequestType> = z.input<(typeof Requests)[T]>;

export type ErrorCode = 'invalid' | 'not-found' | 'storage' | 'internal';
export interface Failure {
  ok: false;
  error: { code: ErrorCode; message: string };
}
export type Result<T> = ({ ok: true } & T) | Failure;

export interface Responses {
  lookup: { papers: Record<string, PaperState> };
  save: { paper: PaperState };
  patch: { paper: PaperState };
  remove: { removed: boolean };
  tags: { tags: string[] };
}

/** Background -> content: these papers changed (null = no longer saved). */
export interface ChangedMessage {
  papers: Record<string, PaperState | null>;
}

export interface ProtocolMap {
  lookup(data: RequestOf<'lookup'>): Result<Responses['lookup']>;
  save(data: RequestOf<'save'>): Result<Responses['save']>;
  patch(data: RequestOf<'patch'>): Result<Responses['patch']>;
  remove(data: RequestOf<'remove'>): Result<Responses['remove']>;
  tags(data: RequestOf<'tags'>): Result<Responses['tags']>;
  changed(data: ChangedMessage): void;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();

export function toState(p: { id: string; tags: string[]; note: string; status: Status; savedAt: number }): PaperState {
  return { id: p.id, tags: [...p.tags], note: p.note, status: p.status, savedAt: p.savedAt };
}
