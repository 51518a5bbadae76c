/**
 * The background's relay of changes to open tabs. Each change is read from the shelf and sent to
 * every tab one after the other, never two at once: a tab then gets the notices in the order they
 * were read, so the last one it gets is the shelf as it is (two relays at once could send an
 * older read after a newer one, and a tab would keep showing it).
 */
import type { ChangeEvent } from './changes';
import { toState, type ChangedMessage, type PaperState } from './messages';

export interface RelayDeps {
  /** the saved papers among these ids */
  lookup(ids: string[]): Promise<Map<string, Parameters<typeof toState>[0]>>;
  /** the tabs to tell */
  tabs(): Promise<number[]>;
  /** tell one tab (a tab that cannot be reached is skipped) */
  send(tabId: number, msg: ChangedMessage): Promise<unknown>;
}

/** A change listener that relays each change after the one before it has reached every tab. */
export function changeRelay(deps: RelayDeps): (e: ChangeEvent) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (e) => (last = last.then(() => relay(deps, e.ids)).catch(() => undefined));
}

async function relay(deps: RelayDeps, ids: string[]): Promise<void> {
  const recs = await deps.lookup(ids);
  const papers: Record<string, PaperState | null> = {};
  for (const id of ids) {
    const r = recs.get(id);
    papers[id] = r ? toState(r) : null;
  }
  const tabs = await deps.tabs();
  await Promise.all(tabs.map((id) => within(SEND_WAIT_MS, deps.send(id, { papers }).catch(() => undefined))));
}

/** A tab busy for longer than this does not hold up the notices of every other tab. */
const SEND_WAIT_MS = 2000;

function within(ms: number, p: Promise<unknown>): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([p, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}
