/**
 * "Send to Zotero", in the background: the `sendToZotero` message of lib/messages.ts (from the
 * popup, the side panel, or a card's toolbar). Parse the ids, check the host permission, ping
 * Zotero, save the papers in batches (lib/exchange/zotero.ts), and only for a batch Zotero
 * answered 201 remember when it was sent (Library.markSentToZotero). Anything else changes
 * nothing here and answers with Zotero's problem as a sentence.
 */
import { z } from 'zod/mini';
import { toFailure } from '../handlers';
import type { Library } from '../library';
import { messaging, type Result } from '../messages';
import type { SavedPaper } from '../paper';
import { PERMISSION_PROBLEM, ZOTERO_PERMISSION, ZoteroConnector, type ZoteroProblem } from './zotero';
import { toZoteroItem } from './zotero-item';

/** The most papers one request may send (a "select all" of a large shelf). */
export const MAX_SEND = 20_000;
/** Papers per saveItems request: Zotero saves each request in one transaction. */
export const SEND_BATCH = 50;

export const SendToZoteroRequest = z.strictObject({
  ids: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(MAX_SEND)),
});
export type SendToZoteroRequest = z.input<typeof SendToZoteroRequest>;

export interface ZoteroOutcome {
  /** the ids Zotero saved (each now has zoteroSentAt) */
  sent: string[];
  /** how many of the asked-for papers were on the shelf to send */
  total: number;
  /** why the rest were not sent (absent when all were) */
  problem?: ZoteroProblem;
}

export interface ZoteroSendDeps {
  connector: ZoteroConnector;
  /** whether the extension may reach 127.0.0.1:23119 (permissions.contains) */
  hasPermission(): Promise<boolean>;
  now?(): number;
  batchSize?: number;
}

/** Send saved papers to Zotero. Never throws; a Zotero problem is an answer, not a failure. */
export async function sendToZotero(lib: Library, raw: unknown, deps: ZoteroSendDeps): Promise<Result<ZoteroOutcome>> {
  const parsed = SendToZoteroRequest.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'invalid', message: `sendToZotero: ${z.prettifyError(parsed.error)}` } };
  try {
    const ids = [...new Set(parsed.data.ids)];
    const found = await lib.lookup(ids);
    const papers = ids.map((id) => found.get(id)).filter((p): p is SavedPaper => !!p);
    if (papers.length === 0) return { ok: false, error: { code: 'not-found', message: 'None of these papers is on your shelf any more.' } };
    const total = papers.length;
    if (!(await deps.hasPermission())) return { ok: true, sent: [], total, problem: PERMISSION_PROBLEM };
    const down = await deps.connector.ping();
    if (down) return { ok: true, sent: [], total, problem: down };
    const sent: string[] = [];
    const size = deps.batchSize ?? SEND_BATCH;
    for (let i = 0; i < papers.length; i += size) {
      const batch = papers.slice(i, i + size);
      const problem = await deps.connector.saveItems(batch.map(toZoteroItem));
      if (problem) return { ok: true, sent, total, problem };
      sent.push(...(await lib.markSentToZotero(batch.map((p) => p.id), deps.now?.() ?? Date.now())));
    }
    return { ok: true, sent, total };
  } catch (err) {
    return toFailure(err);
  }
}

/** The background's dependencies: the real fetch and the browser's permission check. */
export function browserZoteroDeps(): ZoteroSendDeps {
  return {
    connector: new ZoteroConnector(),
    hasPermission: () => browser.permissions.contains({ origins: [ZOTERO_PERMISSION] }),
  };
}

/** Answer `sendToZotero` in the background (entrypoints/background.ts). */
export function setupZotero(lib: Library, deps: ZoteroSendDeps = browserZoteroDeps()): void {
  messaging.onMessage('sendToZotero', ({ data }) => sendToZotero(lib, data, deps));
}
