/**
 * Finds cards as they appear — initial DOM, infinite scroll, re-renders, SPA navigation — and
 * hands each new (card, draft) to the UI exactly once. Work is chunked so no task runs long. A big
 * feed's toolbars go only on the cards near the screen, the others' as they come near (near.ts).
 * Everything stops when the signal aborts.
 */
import { pickAdapter, safeAnchor, safeIdentify } from '../sites/pick';
import type { PaperDraft } from '../paper';
import type { Anchor, ExtractContext, SiteAdapter } from '../sites/types';
import { CHUNK_MS, keyOf, namesSame, nextTask, safePrepare } from './card-reads';
import { NearCards } from './near';
import { isOwnMutation, skipsOffscreen } from './page-dom';
import { WaitingCards } from './waiting-ids';

/**
 * One card with a toolbar: its paper's id and title are read when it is found; the whole paper
 * (authors, abstract, signals…) only when needed, e.g. on Save (null: the card cannot be read).
 */
export interface CardHandle {
  card: Element;
  id: string;
  title: string;
  anchor: Anchor;
  draft(): PaperDraft | null;
}

export interface ScannerHooks {
  /**
   * a card appeared (or its paper changed): build its toolbar, detached; return the host.
   * `skipOffscreen`: the toolbar itself should skip rendering while off screen (page.css).
   */
  create(h: CardHandle, skipOffscreen: boolean): Element;
  /** put a built host into the page */
  place(h: CardHandle, host: Element): void;
  /** a mounted card left the page or changed paper: unmount its toolbar */
  unmount(h: CardHandle, host: Element): void;
  /** cards whose toolbars were just placed (for batched lookups of their saved state) */
  mounted(handles: CardHandle[]): void;
  /** whether the user has this site turned on (default: all on) */
  enabled?(site: string): boolean;
  /** settles when enabled() can answer (toolbars are built meanwhile, placed after) */
  ready?: Promise<unknown>;
}

/** A toolbar built for a card, not yet placed; `key` is the link naming the card's paper. */
interface Built {
  handle: CardHandle;
  host: Element;
  key: Element;
}

export interface ScanStats {
  mounted: number;
  skipped: number;
  scans: number;
}

/**
 * Most toolbars placed per task on a page that skips its off-screen cards (a bigger feed is split
 * in equal batches). Each one's relayout lands in the frame after it, the last one's in its own
 * task. Fewer, bigger batches finish sooner (each batch's frame falls inside the scan) without
 * longer frames or tasks: the same-run A/B at 1,000 cards is in test/bench/README.md.
 */
const PLACE_BATCH = 1000;
/** cards per lookup message */
const LOOKUP_BATCH = 250;
/**
 * A scan that finds more new cards than this gives toolbars only to the cards near the screen;
 * the others get theirs as they come near (NearCards), so a big feed costs the page what its
 * screenful costs. Fewer (a small page, cards appended by infinite scroll) are placed at once.
 */
const LAZY_FROM = 100;

export class CardScanner {
  /** mounted cards, with the link that names their paper (Svelte may reuse a card node) */
  private readonly live = new Map<Element, { handle: CardHandle; host: Element; key: Element; href: string | null }>();
  private readonly skippedCards = new WeakSet<Element>();
  private scheduled = false;
  /** a scan is running; `again`: the page changed meanwhile, scan once more after it */
  private running = false;
  private again = false;
  private observer: MutationObserver | null = null;
  /** cards of a big scan waiting to come near the screen */
  private readonly near: NearCards;
  /** reads (once) the papers of the cards waiting to come near, for waitingIds() */
  private readonly waiting: WaitingCards;
  /** whether the page's cards skip rendering off screen (asked once, of the first card built) */
  private skips: boolean | undefined;
  readonly stats: ScanStats = { mounted: 0, skipped: 0, scans: 0 };

  constructor(
    private readonly doc: Document,
    private readonly hooks: ScannerHooks,
    private readonly signal: AbortSignal,
    /** the adapters this content script carries (one site each) */
    private readonly adapters: readonly SiteAdapter[],
  ) {
    this.near = new NearCards(doc.defaultView as (Window & typeof globalThis) | null, () => void this.run());
    this.waiting = new WaitingCards(doc, signal);
  }

  start(): void {
    this.observer = new MutationObserver((records) => {
      // Ignore the mutations our own toolbars cause.
      if (records.every(isOwnMutation)) return;
      // Scan now, in this microtask, not after a timer: cards the page just added get their
      // toolbar before the page is next painted (one scan at a time; big scans are chunked).
      void this.run();
    });
    this.observer.observe(this.doc.documentElement, OBSERVE);
    this.signal.addEventListener('abort', () => this.stop(), { once: true });
    // The first scan starts in the next task: this one already evaluated the content script,
    // and one task doing both would block the page for too long on a big feed.
    this.schedule();
  }

  /**
   * Stop watching the page. Mounted toolbars stay (the UI turns them into a "reload" notice when
   * the extension was updated); call unmountAll() to remove them.
   */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.near.clear();
  }

  unmountAll(): void {
    this.near.clear();
    for (const { handle, host } of this.live.values()) this.hooks.unmount(handle, host);
    this.live.clear();
  }

  /** How many toolbars are mounted right now. */
  get mountedCount(): number {
    return this.live.size;
  }

  schedule(): void {
    if (this.scheduled || this.signal.aborted) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      void this.run();
    }, 0);
  }

  /** One scan at a time: changes during a scan get one more scan after it. */
  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    // The first chunk's budget counts from here: finding the cards is part of it.
    const taskStart = performance.now();
    try {
      await this.scan(taskStart);
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      this.schedule();
    }
  }

  private async scan(taskStart: number): Promise<void> {
    if (this.signal.aborted) return;
    this.stats.scans++;
    const url = new URL(this.doc.location.href);
    let found = pickAdapter(this.adapters, url);
    if (found && !this.siteOn(found.adapter)) found = null;
    if (!found) {
      // Navigated to a page no adapter claims (or the site was turned off).
      this.unmountAll();
      return;
    }
    const { adapter, kind } = found;
    let cards: Element[];
    try {
      cards = adapter.findCards(this.doc, kind);
    } catch {
      return;
    }
    // Cards that left the page, or that the adapter no longer reports (SPA navigation to another
    // page kind), lose their toolbar; so does a card whose host the page removed (it is rebuilt).
    const current = new Set(cards);
    for (const [card, m] of this.live) if (!current.has(card) || !m.host.isConnected) this.drop(card);
    this.near.prune(current);
    const cameNear = this.near.take();
    let todo = cards.filter((c) => !this.skippedCards.has(c) && !this.isCurrent(c) && !this.near.isWaiting(c));
    // A big batch of new cards: those near the screen are reported by the next frame and come back
    // here (cameNear, placed whatever their number); the rest wait until they come near.
    const fresh = cameNear.size ? todo.filter((c) => !cameNear.has(c)) : todo;
    if (fresh.length > LAZY_FROM && this.near.available) {
      this.near.watch(fresh);
      todo = cameNear.size ? todo.filter((c) => cameNear.has(c)) : [];
    }
    if (todo.length === 0) return;
    await this.process(adapter, todo, { url, kind, data: safePrepare(adapter, this.doc, url, kind) }, taskStart);
  }

  /**
   * The papers of the cards still waiting to come near, read now (when the background asks which
   * papers the page shows, for the toolbar button's count and the side panel): they are on the
   * page, though their toolbars are not placed yet.
   */
  waitingIds(): Promise<string[]> {
    const url = new URL(this.doc.location.href);
    const found = pickAdapter(this.adapters, url);
    if (!found || !this.near.cards.length) return Promise.resolve([]);
    const { adapter, kind } = found;
    return this.waiting.ids(adapter, [...this.near.cards], () => ({ url, kind, data: safePrepare(adapter, this.doc, url, kind) }));
  }

  /** Whether the user has the adapter's site turned on (default: all on). */
  private siteOn(adapter: SiteAdapter): boolean {
    return !this.hooks.enabled || this.hooks.enabled(adapter.id);
  }

  /** Unmount the toolbar of a card, if it has one. */
  private drop(card: Element): void {
    const m = this.live.get(card);
    if (!m) return;
    this.live.delete(card);
    this.hooks.unmount(m.handle, m.host);
  }

  /** A mounted card is current while its host is in it and its title link is the same one. */
  private isCurrent(card: Element): boolean {
    const m = this.live.get(card);
    return !!m && m.host.isConnected && namesSame(card, m.key, m.href);
  }

  /**
   * Identify the cards and build their toolbars detached, in chunks of at most CHUNK_MS (the page
   * stays responsive and nothing on it moves meanwhile), then place them. Placing waits for the
   * settings (read meanwhile) and not for a site the user turned off. A few cards (infinite
   * scroll) are built and placed in the same task, before the page is painted again.
   */
  private async process(adapter: SiteAdapter, cards: Element[], ctx: ExtractContext, taskStart: number): Promise<void> {
    const built: Built[] = [];
    let start = taskStart;
    for (const card of cards) {
      if (performance.now() - start >= CHUNK_MS) {
        await nextTask(this.doc);
        start = performance.now();
      }
      if (this.signal.aborted) break;
      // (scan() left out current cards; nothing is placed until all are built)
      if (!card.isConnected) continue;
      const found = safeIdentify(adapter, card, ctx);
      const anchor = found ? safeAnchor(adapter, card, ctx.kind) : null;
      if (!found || !anchor) {
        // A mounted card the page reused for something unreadable loses its old toolbar.
        this.drop(card);
        this.skippedCards.add(card);
        this.stats.skipped++;
        continue;
      }
      const handle: CardHandle = { card, id: found.id, title: found.title, anchor, draft: found.draft };
      // A toolbar skips its own rendering off screen where the page renders every card (thousands
      // of toolbars then cost about what the cards do); not where the cards already skip theirs,
      // nor while cards are held back (few toolbars; one would be 0 px tall until shown, and move
      // what is below it then).
      const skipOffscreen = !(this.skips ??= skipsOffscreen(card)) && !this.near.active;
      try {
        built.push({ handle, host: this.hooks.create(handle, skipOffscreen), key: keyOf(card, found) });
      } catch {
        this.stats.skipped++;
      }
    }
    await this.hooks.ready;
    // Toolbars built within one chunk are placed in the same task (placing is quick): yielding
    // first let the page's other work, e.g. its load event, in before them. The cost is a longer
    // frame after that task (the task and the rendering), though no longer task; the A/B is in
    // test/bench/README.md.
    if (performance.now() - start > CHUNK_MS) await nextTask(this.doc);
    if (!(await this.placeInBatches(adapter, built))) return;
    // Their saved state is asked for once every toolbar is in place (in the next task for a big
    // feed): looking papers up while placing made the background compete with the page for the
    // CPU, and on 2 cores even a few lookups delayed a big feed's toolbars.
    if (built.length > LOOKUP_BATCH) await nextTask(this.doc);
    this.lookUp(adapter, built);
  }

  /** Ask for the saved state of the papers of built toolbars, in messages of LOOKUP_BATCH. */
  private lookUp(adapter: SiteAdapter, built: readonly Built[]): void {
    if (this.signal.aborted || !this.siteOn(adapter)) return;
    for (let k = 0; k < built.length; k += LOOKUP_BATCH) this.hooks.mounted(built.slice(k, k + LOOKUP_BATCH).map((b) => b.handle));
  }

  /**
   * Place the built toolbars. On a page that renders only the cards near the screen
   * (content-visibility, as some feeds set), a big feed's go in equal batches of at most
   * PLACE_BATCH, one task each, the top cards first, so the relayout after each stays short. On a
   * page that renders every card, each batch would move every card below it again, and the frame
   * after it would repaint them: there all go at once. Resolves true when every toolbar was
   * placed (false: the scanner stopped, or the site was turned off).
   */
  private async placeInBatches(adapter: SiteAdapter, built: readonly Built[]): Promise<boolean> {
    const size = built.length > PLACE_BATCH && this.skips ? Math.ceil(built.length / Math.ceil(built.length / PLACE_BATCH)) : built.length;
    for (let k = 0; ; ) {
      if (this.signal.aborted || !this.siteOn(adapter)) {
        for (const { handle, host } of built.slice(k)) this.hooks.unmount(handle, host);
        if (!this.signal.aborted) this.unmountAll();
        return false;
      }
      this.placeAll(built.slice(k, (k += size)));
      if (k >= built.length) return true;
      await nextTask(this.doc);
    }
  }

  private placeAll(built: readonly Built[]): void {
    this.withoutObserver(() => this.placeEach(built));
  }

  /**
   * Our own insertions need no scan: stop watching while placing (one MutationRecord per card
   * would otherwise be made and checked). What the page changed before is kept and looked at.
   */
  private withoutObserver(fn: () => void): void {
    const observer = this.observer;
    const pending = observer?.takeRecords() ?? [];
    observer?.disconnect();
    try {
      fn();
    } finally {
      if (observer && observer === this.observer) {
        observer.observe(this.doc.documentElement, OBSERVE);
        if (!pending.every(isOwnMutation)) this.again = true;
      }
    }
  }

  private placeEach(built: readonly Built[]): void {
    for (const { handle, host, key } of built) {
      const { card } = handle;
      this.drop(card);
      if (!card.isConnected) {
        this.hooks.unmount(handle, host);
        continue;
      }
      try {
        this.hooks.place(handle, host);
      } catch {
        this.hooks.unmount(handle, host);
        this.stats.skipped++;
        continue;
      }
      this.live.set(card, { handle, host, key, href: key.getAttribute('href') });
      this.stats.mounted++;
    }
  }
}

const OBSERVE: MutationObserverInit = { childList: true, subtree: true };
