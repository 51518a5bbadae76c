/**
 * The cards of a big feed that wait for their toolbar until they near the screen. Building and
 * laying out a toolbar for each of thousands of cards costs the page far more than the few on
 * screen need (on a page that lays out every card, one frame of ~300 ms at 1,000 cards): the
 * scanner hands such cards here, and gets them back, through `onNear`, once they come within a
 * screen's height of the viewport, before the user scrolls them into view. A placed toolbar stays.
 *
 * On a page that lays out every card (no content-visibility), toolbars placed while scrolling move
 * everything below them, and the frame after costs about as much as laying out the list (~30-100
 * ms for 3,000 cards on 2 cores): test/bench/README.md has the figures, and what holding each
 * card's place from the start cost instead.
 */

/** How far beyond the viewport a card counts as near: a screen's height above and below. */
const MARGIN = '100% 0px';
/**
 * When some cards come near while the page scrolls, every waiting card within this distance comes
 * with them: fewer, bigger batches, so fewer frames that lay out the list again.
 */
const AHEAD = '500% 0px';

export class NearCards {
  private io: IntersectionObserver | null = null;
  /** tells which waiting cards are within AHEAD of the viewport */
  private ahead: IntersectionObserver | null = null;
  private readonly within = new Set<Element>();
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
    this.ahead ??= new this.win!.IntersectionObserver(
      (entries) => {
        for (const e of entries) if (e.isIntersecting) this.within.add(e.target);
        else this.within.delete(e.target);
      },
      { rootMargin: AHEAD },
    );
    for (const card of cards) {
      if (this.waiting.has(card)) continue;
      this.waiting.add(card);
      this.io.observe(card);
      this.ahead.observe(card);
    }
  }

  private report(entries: readonly IntersectionObserverEntry[]): void {
    let any = false;
    for (const e of entries) {
      if (!e.isIntersecting || !this.waiting.has(e.target)) continue;
      this.bring(e.target);
      any = true;
    }
    if (!any) return;
    // (empty on the first report: the page's first batch is the cards near the screen alone)
    for (const card of this.within) if (this.waiting.has(card)) this.bring(card);
    this.onNear();
  }

  private bring(card: Element): void {
    this.waiting.delete(card);
    this.within.delete(card);
    this.io?.unobserve(card);
    this.ahead?.unobserve(card);
    this.near.add(card);
  }

  isWaiting(card: Element): boolean {
    return this.waiting.has(card);
  }

  /** The cards still waiting to come near. */
  get cards(): Element[] {
    return [...this.waiting];
  }

  /** The cards that came near since the last call. */
  take(): Set<Element> {
    const out = this.near;
    this.near = new Set();
    return out;
  }

  /** Whether cards are being held back (then only the few near the screen have toolbars). */
  get active(): boolean {
    return this.io !== null;
  }

  /** Stop waiting for cards that left the page (not in `current`). */
  prune(current: ReadonlySet<Element>): void {
    for (const card of this.waiting) {
      if (current.has(card)) continue;
      this.waiting.delete(card);
      this.within.delete(card);
      this.io?.unobserve(card);
      this.ahead?.unobserve(card);
    }
    for (const card of this.near) if (!current.has(card)) this.near.delete(card);
  }

  /** Forget every card (the page changed kind, or the script stops). */
  clear(): void {
    this.io?.disconnect();
    this.ahead?.disconnect();
    this.io = this.ahead = null;
    this.within.clear();
    this.waiting.clear();
    this.near.clear();
  }
}
