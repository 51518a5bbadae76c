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
 * The page's first cards are observed once it is idle after its load, at most this long after
 * their toolbars were placed: the observer's setup and first pass then take a small frame of their
 * own instead of lengthening the frame that shows the toolbars, and the second of dwell makes the
 * wait unnoticeable. Cards placed after that (appended, or coming near while scrolling) are
 * observed at once: a pass waiting for idle time would land in the middle of the next batch.
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
    if (this.idle === 'passed' || typeof win.requestIdleCallback !== 'function') return this.observeQueued(win);
    this.idle = 'waiting';
    win.requestIdleCallback(
      () => {
        this.idle = 'passed';
        this.observeQueued(win);
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  }

  private observeQueued(win: Window & typeof globalThis): void {
    if (!this.on) return;
    this.io ??= new win.IntersectionObserver((entries) => this.report(entries), { threshold: VISIBLE_SHARE });
    for (const h of this.queued.values()) {
      if (this.reported.has(h.id) || this.cards.get(h.card) === h) continue;
      this.cards.set(h.card, h);
      this.io.observe(h.card);
    }
    this.queued.clear();
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
    const win = this.doc.defaultView;
    if (win?.requestAnimationFrame) win.requestAnimationFrame(flush);
    else setTimeout(flush, 0);
  }
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
