/**
 * Small pieces the scanner and the waiting cards' reader share: how long a task may read cards,
 * how to let the page run between tasks, and how a card's paper is named (and checked again).
 */
import type { IdentifiedCard } from '../sites/pick';
import type { PageKind, SiteAdapter } from '../sites/types';
import { titleLink } from './page-dom';

/** Time budget per task; the rest continues in a later task. */
export const CHUNK_MS = 30;

/** The adapter's page-level data for a scan (null when it throws). */
export function safePrepare(adapter: SiteAdapter, doc: Document, url: URL, kind: PageKind): unknown {
  try {
    return adapter.prepare(doc, url, kind);
  } catch {
    return null;
  }
}

/** The link naming an identified card's paper (the card itself when none does). */
export function keyOf(card: Element, found: IdentifiedCard): Element {
  return found.key ?? titleLink(card, found.draft()?.arxivId);
}

/** Whether a card still names the paper it did: the same link, in it, with the same address. */
export function namesSame(card: Element, key: Element, href: string | null): boolean {
  return key.isConnected && card.contains(key) && key.getAttribute('href') === href;
}

/**
 * Let the page run (input, rendering) before going on. A hidden page (a tab in the background)
 * has neither, and the browser runs its timers at most once a second: there it goes on at once,
 * or a big page's work would come seconds late.
 */
export function nextTask(doc: Document): Promise<void> {
  if (doc.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((r) => setTimeout(r, 0));
}
