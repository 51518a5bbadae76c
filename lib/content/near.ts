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
 * When some cards come near while the page scrolls, every waiting card within this many screens
 * of the viewport comes with them: fewer, bigger batches, so fewer frames that lay out the list
 * again. They are found by walking the neighbours of the cards that came near and reading their
 * boxes (layout is fresh when the observer reports), not by a second observer: the browser
 * computes an observer's every target at each frame, and at 1,000 waiting cards that work was a
 * large share of what the toolbars cost the page's load (test/bench/README.md).
 */
const AHEAD_SCREENS = 5;
/** Walking past this many cards in a row that have no box (a hidden tab's) ends the walk. */
const MAX_BOXLESS = 50;

export class NearCards {
  private io: IntersectionObserver | null = null;
  private readonly waiting = new Set<Element>();
  /** every watched card in the order handed over (document order), and each one's place in it */
  private order: Element[] = [];
  private place = new Map<Element, number>();
  private near = new Set<Element>();
  /** whether the observer reported before (its first report is the cards near the screen alone) */
  private reported = false;

  constructor(
    private readonly win: (Window & typeof globalThis) | null,
    /** some waiting cards came near: take() them */
    private readonly onNear: () => void,
  ) {}

  /** Whether the browser can tell (an IntersectionObserver); without it every card is placed at once. */
  get available(): boolean {
    return typeof this.win?.IntersectionObserver === 'function';
  }

  /** Cards to hold back until they near the screen (in document order). */
  watch(cards: readonly Element[]): void {
    this.io ??= new this.win!.IntersectionObserver((entries) => this.report(entries), { rootMargin: MARGIN });
    for (const card of cards) {
      if (this.waiting.has(card)) continue;
      this.waiting.add(card);
      this.place.set(card, this.order.length);
      this.order.push(card);
      this.io.observe(card);
    }
  }

  private report(entries: readonly IntersectionObserverEntry[]): void {
    let first = Infinity;
    let last = -1;
    for (const e of entries) {
      if (!e.isIntersecting || !this.waiting.has(e.target)) continue;
      this.bring(e.target);
      const k = this.place.get(e.target) ?? -1;
      first = Math.min(first, k);
      last = Math.max(last, k);
    }
    if (last < 0) return;
    const ahead = this.reported;
    this.reported = true;
    if (!ahead) return this.onNear();
    // Scrolling on from placed cards: the cards ahead come in the same batch (one relayout of the
    // list, not two). After a jump (End, the scrollbar) into cards still waiting on both sides,
    // they come in a batch of their own after the frame that shows the near ones' toolbars, so
    // the cards in view do not wait for ten screens of others.
    // (the page's end counts as waiting: End jumps there)
    const waits = (k: number) => k < 0 || k >= this.order.length || this.waiting.has(this.order[k]!);
    if (!(waits(first - 1) && waits(last + 1))) {
      this.bringAhead(first, last);
      return this.onNear();
    }
    this.onNear();
    this.afterFrame(() => this.bringAhead(first, last) && this.onNear());
  }

  private afterFrame(run: () => void): void {
    const win = this.win;
    if (!win?.requestAnimationFrame) return void setTimeout(run, 0);
    win.requestAnimationFrame(() => win.setTimeout(run, 0));
  }

  /**
   * Bring the waiting cards between and around order[first..last] that lie within AHEAD_SCREENS;
   * whether any came. (order may have changed meanwhile: the walk reads boxes, so stale places only
   * make it bring fewer.)
   */
  private bringAhead(first: number, last: number): boolean {
    if (!this.io) return false;
    const before = this.near.size;
    last = Math.min(last, this.order.length - 1);
    for (let k = first + 1; k < last; k++) if (this.waiting.has(this.order[k]!)) this.bring(this.order[k]!);
    const screen = this.win?.innerHeight ?? 0;
    const within = (k: number, down: boolean): boolean | null => {
      const card = this.order[k]!;
      const box = card.getBoundingClientRect();
      if (!box.width && !box.height) return null;
      return down ? box.top <= screen * (1 + AHEAD_SCREENS) : box.bottom >= -screen * AHEAD_SCREENS;
    };
    for (const down of [true, false]) {
      let boxless = 0;
      for (let k = down ? last + 1 : first - 1; k >= 0 && k < this.order.length; k += down ? 1 : -1) {
        const ok = within(k, down);
        if (ok === false) break;
        if (ok === null) {
          if (++boxless > MAX_BOXLESS) break;
          continue;
        }
        boxless = 0;
        if (this.waiting.has(this.order[k]!)) this.bring(this.order[k]!);
      }
    }
    return this.near.size > before;
  }

  private bring(card: Element): void {
    this.waiting.delete(card);
    this.io?.unobserve(card);
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
      this.io?.unobserve(card);
    }
    for (const card of this.near) if (!current.has(card)) this.near.delete(card);
    if (this.order.every((card) => current.has(card))) return;
    this.order = this.order.filter((card) => current.has(card));
    this.place = new Map(this.order.map((card, k) => [card, k]));
  }

  /** Forget every card (the page changed kind, or the script stops). */
  clear(): void {
    this.io?.disconnect();
    this.io = null;
    this.waiting.clear();
    this.near.clear();
    this.order = [];
    this.place.clear();
    this.reported = false;
  }
}
