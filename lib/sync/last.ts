/**
 * The last folder sync's outcome as the background keeps it in browser.storage.local (and as it
 * answers `syncNow`): plain JSON with times in milliseconds, checked with zod on every read, so
 * the options page shows what the background did, whenever it opens.
 */
import { z } from 'zod/mini';
import type { KeyValue } from './device';
import type { SyncEvent, SyncOutcome } from './runner';

export const LAST_KEY = 'syncLast';

const Report = z.object({
  merged: z.array(z.string()),
  added: z.number(),
  updated: z.number(),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  wrote: z.boolean(),
});

export const StoredSyncEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('synced'), at: z.number(), report: Report }),
  z.object({ kind: z.literal('error'), at: z.number(), error: z.string() }),
]);
export type StoredSyncEvent = z.infer<typeof StoredSyncEvent>;

/** A run's outcome as sent in a message: a sync (or its error), or why nothing ran. */
export const StoredOutcome = z.union([StoredSyncEvent, z.object({ kind: z.literal('idle'), why: z.enum(['no-folder', 'needs-permission']) })]);
export type StoredOutcome = z.infer<typeof StoredOutcome>;

export function storedEvent(e: SyncEvent): StoredSyncEvent {
  return e.kind === 'synced' ? { kind: 'synced', at: e.at.getTime(), report: e.report } : { kind: 'error', at: e.at.getTime(), error: e.error };
}

export function storedOutcome(o: SyncOutcome): StoredOutcome {
  return o.kind === 'idle' ? o : storedEvent(o);
}

/** A stored value read back (null when absent or not one). */
export function parseLast(v: unknown): StoredSyncEvent | null {
  const got = StoredSyncEvent.safeParse(v);
  return got.success ? got.data : null;
}

export async function saveLast(store: KeyValue, e: SyncEvent): Promise<void> {
  await store.set({ [LAST_KEY]: storedEvent(e) });
}

export async function loadLast(store: KeyValue): Promise<StoredSyncEvent | null> {
  return parseLast((await store.get(LAST_KEY))[LAST_KEY]);
}
