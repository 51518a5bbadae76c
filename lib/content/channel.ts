/**
 * The content script's side of lib/messages.ts, without the messaging library: the same wire
 * format @webext-core/messaging uses in the background ({id, type, data, timestamp} ->
 * {res} | {err}), in a few lines, because the content script ships on every feed page.
 * test/channel.test.ts holds it to that format: it talks to the real library both ways.
 */
import type { ChangedMessage, PageIds, ProtocolMap } from '../messages';

type Req<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Res<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

let seq = 0;

/** Send one request to the background and resolve with its answer. */
export async function send<K extends Exclude<keyof ProtocolMap, 'changed' | 'pageIds'>>(type: K, data: Req<K>): Promise<Res<K>> {
  const reply = (await browser.runtime.sendMessage({ id: ++seq, type, data, timestamp: Date.now() })) as
    | { res: Res<K>; err?: undefined }
    | { err: { message?: string }; res?: undefined }
    | undefined;
  if (!reply) throw new Error('No response from PaperShelf');
  if (reply.err) throw new Error(reply.err.message ?? 'PaperShelf failed');
  return reply.res as Res<K>;
}

/** Listen for the background's change notices. Returns the unsubscribe. */
export function onChangedMessage(listener: (m: ChangedMessage) => void): () => void {
  const handler = (msg: unknown, _sender: unknown, reply: (r: unknown) => void) => {
    const m = msg as { type?: unknown; data?: ChangedMessage } | null;
    if (m?.type !== 'changed' || !m.data || typeof m.data.papers !== 'object') return;
    listener(m.data);
    reply({ res: null });
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/** Answer the background's `pageIds` (which papers this page shows). Returns the unsubscribe. */
export function onPageIdsRequest(ids: () => Promise<string[]> | string[]): () => void {
  const handler = (msg: unknown, _sender: unknown, reply: (r: { res: PageIds }) => void) => {
    if ((msg as { type?: unknown } | null)?.type !== 'pageIds') return;
    // (answered later: a big page's ids are read in several tasks; `true` keeps the reply open)
    Promise.resolve()
      .then(ids)
      .then(
        (found) => reply({ res: { ids: found } }),
        () => reply({ res: { ids: [] } }),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
