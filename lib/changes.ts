/**
 * Change notifications on the extension origin. Every write in lib/library posts the changed ids
 * here; the background relays them to open tabs, the popup refreshes.
 */
export const CHANNEL_NAME = 'papershelf-changes';

export interface ChangeEvent {
  ids: string[];
}

type Listener = (e: ChangeEvent) => void;
const local = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function getChannel(): BroadcastChannel | null {
  if (channel) return channel;
  if (typeof BroadcastChannel === 'undefined') return null;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (m: MessageEvent<ChangeEvent>) => {
    if (m.data && Array.isArray(m.data.ids)) for (const l of local) l(m.data);
  };
  return channel;
}

/** Tell this context and every other extension context that these papers changed. */
export function notifyChanged(ids: string[]): void {
  if (ids.length === 0) return;
  const e = { ids };
  for (const l of local) l(e);
  getChannel()?.postMessage(e);
}

/** Listen to changes made here or in any other extension context. Returns the unsubscribe. */
export function onChanged(listener: Listener): () => void {
  getChannel();
  local.add(listener);
  return () => local.delete(listener);
}
