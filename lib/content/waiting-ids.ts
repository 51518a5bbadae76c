/**
 * The papers of a big feed's cards that wait to come near the screen (near.ts), read when the
 * background asks which papers the page shows (the toolbar button's count, the side panel): they
 * are on the page, though their toolbars are not placed yet.
 *
 * The background asks after every batch of lookups (each batch of cards coming near while the
 * page scrolls): a card is read once, and again only when its title link changed, as the scanner
 * checks its mounted cards (a page may reuse a card for another paper). The first reading of
 * thousands of cards goes in tasks of at most CHUNK_MS: in one task, it blocked the page for
 * 75-95 ms just after a 3,000-card listing loaded (test/bench/README.md).
 */
import { safeIdentify } from '../sites/pick';
import type { ExtractContext, SiteAdapter } from '../sites/types';
import { CHUNK_MS, keyOf, namesSame, nextTask } from './card-reads';

export class WaitingCards {
  /** each card's paper as last read, with the link that named it */
  private readonly read = new WeakMap<Element, { id: string; key: Element; href: string | null }>();

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {}

  /** The ids of `cards` (those the adapter can read), in their order; `ctxOf` is called at most once. */
  async ids(adapter: SiteAdapter, cards: readonly Element[], ctxOf: () => ExtractContext): Promise<string[]> {
    let ctx: ExtractContext | undefined;
    const ids: string[] = [];
    let start = performance.now();
    for (const card of cards) {
      if (performance.now() - start >= CHUNK_MS) {
        await nextTask(this.doc);
        if (this.signal.aborted) return ids;
        start = performance.now();
      }
      // (a card the page removed meanwhile)
      if (!card.isConnected) continue;
      const known = this.read.get(card);
      if (known && namesSame(card, known.key, known.href)) {
        ids.push(known.id);
        continue;
      }
      const identified = safeIdentify(adapter, card, (ctx ??= ctxOf()));
      if (!identified) continue;
      const key = keyOf(card, identified);
      this.read.set(card, { id: identified.id, key, href: key.getAttribute('href') });
      ids.push(identified.id);
    }
    return ids;
  }
}
