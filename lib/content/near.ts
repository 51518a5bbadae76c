/**
 * The cards of a big feed that wait for their toolbar until they near the screen. Building and
 * laying out a toolbar for each of thousands of cards costs the page far more than the few on
 * screen need (on a page that lays out every card, one frame of ~300 ms at 1,000 cards): the
 * scanner hands such cards here, and gets them back, through `onNear`, once they come within a
 * screen's height of the viewport, before the user scrolls them into view. A placed toolbar stays.
 */

/** How far beyond the viewport a card counts as near: a screen's height above and below. */
const MARGIN = '100% 0px';

export class NearCards {
  private io: IntersectionObserver | null = null;
  private readonly waiting = new Set<Element>();
  private near = new Set<Element>();

  constructor(
    private readonly win: (Window & typeof globalThis) | null,
    /** some waiting cards came near: take() them */
    private readonly onNear: () => void,
  ) {}

  /** Whether the browser can tell (an IntersectionObserver); without it every card is placed at once. */
  get available(): boolean {
    return typeof this.win?.IntersectionObserver === 'function';
  }

  /** Cards to hold back until they near the screen. */
  watch(cards: readonly Element[]): void {
    this.io ??= new this.win!.IntersectionObserver((entries) => this.report(entries), { rootMargin: MARGIN });
    for (const card of cards) {
      if (this.waiting.has(card)) continue;
      this.waiting.add(card);
      this.io.observe(card);
    }
  }

  private report(entries: readonly IntersectionObserverEntry[]): void {
    let any = false;
    for (const e of entries) {
      if (!e.isIntersecting || !this.waiting.delete(e.target)) continue;
      this.io?.unobserve(e.target);
      this.near.add(e.target);
      any = true;
    }
    if (any) this.onNear();
  }

  isWaiting(card: Element): boolean {
    return this.waiting.has(card);
  }

  /** The cards that came near since the last call. */
  take(): Set<Element> {
    const out = this.near;
    this.near = new Set();
    return out;
  }

  /** Stop waiting for cards that left the page (not in `current`). */
  prune(current: ReadonlySet<Element>): void {
    for (const card of this.waiting) {
      if (current.has(card)) continue;
      this.waiting.delete(card);
      this.io?.unobserve(card);
    }
    for (const card of this.near) if (!current.has(card)) this.near.delete(card);
  }

  /** Forget every card (the page changed kind, or the script stops). */
  clear(): void {
    this.io?.disconnect();
    this.io = null;
    this.waiting.clear();
    this.near.clear();
  }
}
