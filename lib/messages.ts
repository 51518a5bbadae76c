/**
 * The one typed protocol between content scripts and the background. Request schemas live in
 * lib/requests.ts (background only); every answer is a Result, never a throw.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Status } from './paper';

/** What a card needs to know about a saved paper. */
export interface PaperState {
  id: string;
  tags: string[];
  note: string;
  status: Status;
  savedAt: number;
  /** when the paper was last sent to Zotero (absent: never) */
  zoteroSentAt?: number;
}

export type { RequestType, RequestOf } from './requests';
import type { RequestOf } from './requests';
import type { SendToZoteroRequest, ZoteroOutcome } from './exchange/zotero-send';
import type { SyncNowAnswer, SyncNowRequest } from './sync/background';

export type ErrorCode = 'invalid' | 'not-found' | 'storage' | 'internal';
export interface Failure {
  ok: false;
  error: { code: ErrorCode; message: string };
}
export type Result<T> = ({ ok: true } & T) | Failure;

export interface Responses {
  /** `seen`: asked with `seenBefore` (lib/seen/store SeenBefore) */
  lookup: { papers: Record<string, PaperState>; seen?: { ids: string[]; history: boolean } };
  save: { paper: PaperState };
  patch: { paper: PaperState };
  remove: { removed: boolean };
  tags: { tags: string[] };
  /** how many seen records were written (0 while the seen history is off) */
  seen: { recorded: number };
}

/** Background -> content: these papers changed (null = no longer saved). */
export interface ChangedMessage {
  papers: Record<string, PaperState | null>;
}

/** Content -> background, asked by it: the ids of the papers this page shows (lib/page-papers.ts). */
export interface PageIds {
  ids: string[];
}

export interface ProtocolMap {
  lookup(data: RequestOf<'lookup'>): Result<Responses['lookup']>;
  save(data: RequestOf<'save'>): Result<Responses['save']>;
  patch(data: RequestOf<'patch'>): Result<Responses['patch']>;
  remove(data: RequestOf<'remove'>): Result<Responses['remove']>;
  tags(data: RequestOf<'tags'>): Result<Responses['tags']>;
  /** a feed page -> background: papers the user had on screen (lib/seen) */
  seen(data: RequestOf<'seen'>): Result<Responses['seen']>;
  changed(data: ChangedMessage): void;
  /** asked by the background: which papers this page shows (the badge, the side panel) */
  pageIds(): PageIds;
  /** a page or a card -> background: send saved papers to Zotero (lib/exchange/zotero-send.ts) */
  sendToZotero(data: SendToZoteroRequest): Result<ZoteroOutcome>;
  /** the options page -> background: sync through the kept folder now (lib/sync/background.ts) */
  syncNow(data: SyncNowRequest): Result<SyncNowAnswer>;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();

export function toState(p: { id: string; tags: string[]; note: string; status: Status; savedAt: number; zoteroSentAt?: number }): PaperState {
  const state: PaperState = { id: p.id, tags: [...p.tags], note: p.note, status: p.status, savedAt: p.savedAt };
  if (p.zoteroSentAt !== undefined) state.zoteroSentAt = p.zoteroSentAt;
  return state;
}
