/**
 * The seen history's eyes on a feed: a card counts as seen once at least half of it stayed on
 * screen for about a second (a card the user scrolls past in a flash was not read). Seen cards are
 * read in full then, one at a time, and reported in batches: at most one message per animation
 * frame. The background writes each batch in one transaction (lib/seen/store).
 */
import type { Sighting } from '../seen/record';
import type { CardHandle } from './scanner';

/** share of a card that must be on screen */
export const VISIBLE_SHARE = 0.5;
/** how long it must stay there */
export const DWELL_MS = 1000;
/**
 * The page's first cards are looked at once it is idle after its load, at most this long after
 * their toolbars were placed, and by their boxes, not an observer: until the user first scrolls
 * (or the window changes size) nothing moves them, and an observer's setup would cost the load a
 * frame of its own, in which the browser also computes every other observer of the page (the
 * waiting cards', near.ts). The observer starts with that first scroll; cards placed after the
 * first look are watched at once, by boxes before it, by the observer after.
 */
export const IDLE_TIMEOUT_MS = 500;

export class SeenWatch {
  private io: IntersectionObserver | null = null;
  /** watched cards, by element */
  private readonly cards = new Map<Element, CardHandle>();
  /** cards to observe when the page is next idle */
  private readonly queued = new Map<Element, CardHandle>();
  /** the page's first idle moment: not asked for yet, waited for, or passed */
  private idle: 'no' | 'waiting' | 'passed' = 'no';
  /** listening for the first scroll or resize (before it, cards are read by their boxes) */
  private moved: AbortController | null = null;
  /** cards at least half on screen, with their dwell timer (null: paused while the tab is hidden) */
  private readonly inView = new Map<Element, ReturnType<typeof setTimeout> | null>();
  /** papers already reported from this page (one sighting per paper and page) */
  private readonly reported = new Set<string>();
  private pending = new Map<string, Sighting>();
  private frame = false;
  private on = false;

  constructor(
    private readonly doc: Document,
    /** send one batch (the background records it) */
    private readonly send: (papers: Sighting[]) => void,
    signal: AbortSignal,
  ) {
    doc.addEventListener('visibilitychange', () => this.onVisibility(), { signal });
    signal.addEventListener('abort', () => (this.enabled = false), { once: true });
  }

  /** Recording on or off (the seen history setting); off forgets every watched card. */
  set enabled(on: boolean) {
    this.on = on;
    if (on) return;
    this.io?.disconnect();
    this.io = null;
    this.moved?.abort();
    this.moved = null;
    for (const t of this.inView.values()) if (t) clearTimeout(t);
    this.inView.clear();
    this.cards.clear();
    this.queued.clear();
    this.pending.clear();
  }

  get enabled(): boolean {
    return this.on;
  }

  /** Watch these cards (their toolbars were just placed): the page's first ones from its next idle moment. */
  watch(handles: readonly CardHandle[]): void {
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (!this.on || typeof win?.IntersectionObserver !== 'function') return;
    for (const h of handles) this.queued.set(h.card, h);
    if (this.idle === 'waiting') return;
    if (typeof win.requestIdleCallback !== 'function') return this.observe(win);
    if (this.idle === 'passed') return this.io ? this.observe(win) : this.look(win);
    this.idle = 'waiting';
    win.requestIdleCallback(
      () => {
        this.idle = 'passed';
        if (this.io) this.observe(win);
        else this.look(win);
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  }

  /** The queued cards, newly watched (not already seen from this page, nor watched). */
  private takeQueued(): CardHandle[] {
    const out = [...this.queued.values()].filter((h) => !this.reported.has(h.id) && this.cards.get(h.card) !== h);
    this.queued.clear();
    for (const h of out) this.cards.set(h.card, h);
    return out;
  }

  /** The observer, made on first use. */
  private observer(win: Window & typeof globalThis): IntersectionObserver {
    return (this.io ??= new win.IntersectionObserver((entries) => this.report(entries), { threshold: VISIBLE_SHARE }));
  }

  /** Watch the queued cards with the observer. */
  private observe(win: Window & typeof globalThis): void {
    if (!this.on) return;
    const io = this.observer(win);
    for (const h of this.takeQueued()) io.observe(h.card);
  }

  /**
   * Before the first scroll: a dwell timer for each queued card that is half on screen now, read
   * from its box; the first scroll or resize hands every watched card to the observer.
   */
  private look(win: Window & typeof globalThis): void {
    if (!this.on) return;
    for (const h of this.takeQueued()) if (!this.inView.has(h.card) && onScreen(h.card, win)) this.inView.set(h.card, this.timer(h.card));
    if (this.moved) return;
    this.moved = new AbortController();
    const start = () => {
      this.moved?.abort();
      if (!this.on || this.io) return;
      const io = this.observer(win);
      for (const card of this.cards.keys()) io.observe(card);
    };
    const opts = { passive: true, capture: true, signal: this.moved.signal };
    win.addEventListener('scroll', start, opts);
    win.addEventListener('resize', start, opts);
  }

  /** A card left the page (or its toolbar was unmounted): stop watching it. */
  forget(card: Element): void {
    this.queued.delete(card);
    if (!this.cards.delete(card)) return;
    this.io?.unobserve(card);
    this.leave(card);
  }

  /** The page navigated (SPA): its papers may be reported again from the new address. */
  navigated(): void {
    this.reported.clear();
    // (its cards are the new page's first: they wait for its idle moment)
    if (this.idle === 'passed') this.idle = 'no';
  }

  private report(entries: readonly IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (e.isIntersecting && e.intersectionRatio >= VISIBLE_SHARE) {
        if (!this.inView.has(e.target)) this.inView.set(e.target, this.timer(e.target));
      } else this.leave(e.target);
    }
  }

  private leave(card: Element): void {
    const t = this.inView.get(card);
    if (t) clearTimeout(t);
    this.inView.delete(card);
  }

  /** A dwell timer for a card on screen; none while the tab is hidden (nobody looks at it). */
  private timer(card: Element): ReturnType<typeof setTimeout> | null {
    return this.doc.visibilityState === 'hidden' ? null : setTimeout(() => this.dwelt(card), DWELL_MS);
  }

  private onVisibility(): void {
    const hidden = this.doc.visibilityState === 'hidden';
    for (const [card, t] of this.inView) {
      if (hidden && t) clearTimeout(t);
      this.inView.set(card, hidden ? null : (t ?? this.timer(card)));
    }
  }

  private dwelt(card: Element): void {
    this.inView.delete(card);
    const h = this.cards.get(card);
    if (!h) return;
    // (before the observer, nothing said whether the card moved: its box says it now)
    const win = this.doc.defaultView;
    if (!this.io && win && !onScreen(card, win)) return;
    this.forget(card);
    if (this.reported.has(h.id)) return;
    this.reported.add(h.id);
    const s = sightingOf(h, this.doc.location.href);
    if (!s) return;
    this.pending.set(s.id, s);
    if (this.frame) return;
    this.frame = true;
    const flush = () => {
      this.frame = false;
      const batch = [...this.pending.values()];
      this.pending = new Map();
      if (batch.length && this.on) this.send(batch);
    };
    if (win?.requestAnimationFrame) win.requestAnimationFrame(flush);
    else setTimeout(flush, 0);
  }
}

/** Whether at least VISIBLE_SHARE of the card's box is in the viewport (the observer's threshold, read once). */
export function onScreen(card: Element, win: Window): boolean {
  const r = card.getBoundingClientRect();
  const area = r.width * r.height;
  if (!area) return false;
  const w = Math.min(r.right, win.innerWidth) - Math.max(r.left, 0);
  const h = Math.min(r.bottom, win.innerHeight) - Math.max(r.top, 0);
  return w > 0 && h > 0 && (w * h) / area >= VISIBLE_SHARE;
}

const HTTP = /^https?:\/\//;

/** What the history keeps of a card: read in full now (null: the card cannot be read). */
export function sightingOf(h: CardHandle, pageUrl: string): Sighting | null {
  let d;
  try {
    d = h.draft();
  } catch {
    return null;
  }
  if (!d || !HTTP.test(pageUrl)) return null;
  const link = [d.links.page, d.links.abs].find((u) => u && HTTP.test(u));
  const s: Sighting = { id: h.id, title: d.title || h.title, authors: d.authors.filter((a) => a), url: pageUrl, site: d.site };
  if (link) s.link = link;
  return s;
}
