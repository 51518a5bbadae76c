/**
 * The cards of a big feed that wait for their toolbar until they near the screen. Building and
 * laying out a toolbar for each of thousands of cards costs the page far more than the few on
 * screen need (on a page that lays out every card, one frame of ~300 ms at 1,000 cards): the
 * scanner hands such cards here, and gets them back, through `onNear`, once they come within a
 * screen's height of the viewport, before the user scrolls them into view. A placed toolbar stays.
 *
 * On a page that lays out every card (no content-visibility), adding a toolbar moves everything
 * below it, and the frame after costs about as much as laying out the whole list (~100 ms for
 * 3,000 cards on 2 cores) however few were added: scrolling would stutter each time cards came
 * near. There each waiting card's place is held from the start by an empty block as tall as a
 * new card's toolbar (hold(): one layout of the list, as any extension adding an element per card
 * pays), which its toolbar replaces, moving nothing (a saved paper's toolbar is taller).
 */
import type { Anchor } from '../sites/types';
import { SLOT_TAG } from './hosts';

/** How far beyond the viewport a card counts as near: a screen's height above and below. */
const MARGIN = '100% 0px';

export class NearCards {
  private io: IntersectionObserver | null = null;
  private readonly waiting = new Set<Element>();
  private near = new Set<Element>();
  /** the empty blocks holding waiting cards' places */
  private readonly slots = new Map<Element, HTMLElement>();

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

  /**
   * Hold these waiting cards' places (where their toolbars will go) with empty blocks as tall as a
   * new card's toolbar (page.css styles them: no per-element style to compute).
   */
  hold(places: ReadonlyArray<readonly [Element, Anchor]>): void {
    for (const [card, anchor] of places) {
      if (!this.waiting.has(card) || this.slots.has(card) || !anchor.element.isConnected) continue;
      const slot = card.ownerDocument.createElement(SLOT_TAG);
      if (anchor.position === 'append') anchor.element.append(slot);
      else anchor.element.after(slot);
      this.slots.set(card, slot);
    }
  }

  /** The card's toolbar took its place (or it has none): remove the block holding it. */
  release(card: Element): void {
    this.slots.get(card)?.remove();
    this.slots.delete(card);
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
      this.release(card);
    }
    for (const card of this.near) if (!current.has(card)) this.near.delete(card);
  }

  /** Forget every card (the page changed kind, or the script stops). */
  clear(): void {
    this.io?.disconnect();
    this.io = null;
    for (const card of this.slots.keys()) this.release(card);
    this.waiting.clear();
    this.near.clear();
  }
}
