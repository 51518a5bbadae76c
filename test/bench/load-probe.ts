/**
 * The page-load benchmark's probe, installed (addInitScript) in the three browsers alike: no
 * extension, PaperShelf, the minimal extension. It runs in the page's main world before the
 * page's own scripts and records, as `window.__load`:
 * - at DOMContentLoaded (after a forced layout of the parsed page, on every side): which cards are
 *   in the viewport (the first `visible` of the page's cards, found by binary search on their
 *   rectangles; cards are in document order, top to bottom);
 * - when the first toolbar (or the minimal extension's element) appeared, and when every visible
 *   card had one;
 * - how many papers' saved state came back (the content script's `papershelf:looked-up` marks);
 * - "settled": every visible card has its toolbar and every placed toolbar's lookup answered (for
 *   the minimal extension: its one pass is done), then it calls the `__loadSettled` binding;
 * - long tasks (>= 50 ms) and long animation frames (a task and the rendering after it), from the start.
 * A mutation check counts the added elements from its records and walks only the visible cards,
 * and the probe stops watching once the page has settled, so it adds little to the side it watches.
 */

export interface LoadProbe {
  dcl: number | null;
  cards: number;
  visible: number;
  first: number | null;
  placed: number | null;
  lookedUp: number;
  lookedUpAt: number | null;
  settled: number | null;
  longtasks: Array<{ start: number; duration: number }>;
  /** long animation frames (>= 50 ms: tasks and the rendering after them; the long task API leaves rendering out) */
  frames: Array<{ start: number; duration: number; render: number }>;
  /** toolbars (or minimal-extension elements) in the page when it settled */
  hosts: number;
}

/** The toolbar host of PaperShelf and the element the minimal extension appends per card. */
export const HOST_TAGS = ['papershelf-toolbar', 'bench-mark'] as const;

export function loadProbe(): void {
  const P: LoadProbe = { dcl: null, cards: 0, visible: 0, first: null, placed: null, lookedUp: 0, lookedUpAt: null, settled: null, longtasks: [], frames: [], hosts: 0 };
  (window as unknown as { __load: LoadProbe }).__load = P;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) P.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task API: the figure stays empty
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<PerformanceEntry & { renderStart?: number }>) {
        P.frames.push({ start: e.startTime, duration: e.duration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0 });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no long animation frame API (Chromium < 123): that figure stays empty
  }
  const cvf = location.hostname === 'openaccess.thecvf.com';
  const openreview = location.hostname === 'openreview.net';
  if (!cvf && !openreview && location.hostname !== 'huggingface.co') return;
  // (OpenReview: every `note` of the synthetic page is a paper of the open tab, so they run top to
  // bottom as the search below needs; notes in a hidden tab pane would have no place on screen)
  const cards = cvf ? document.getElementsByClassName('ptitle') : openreview ? document.getElementsByClassName('note') : document.getElementsByTagName('article');
  // (appendFrameCost appends to the last of them)
  (window as unknown as { __loadCards: HTMLCollectionOf<Element> }).__loadCards = cards;
  // Counted from the mutation records (no walk of a big page per check): both extensions add their
  // elements directly, never inside a subtree they add.
  let ours = 0;
  let mins = 0;
  const signal = () => void (window as unknown as { __loadSettled?: () => unknown }).__loadSettled?.();

  /** Whether card `i` shows a toolbar: inside it (Hugging Face, OpenReview), or in the dd's after its dt (CVF). */
  const hasHost = (card: Element): boolean => {
    if (!cvf) return card.getElementsByTagName('papershelf-toolbar').length + card.getElementsByTagName('bench-mark').length > 0;
    for (let e = card.nextElementSibling; e && e.tagName !== 'DT'; e = e.nextElementSibling) {
      if (e.tagName === 'PAPERSHELF-TOOLBAR' || e.tagName === 'BENCH-MARK') return true;
      if (e.getElementsByTagName('papershelf-toolbar').length + e.getElementsByTagName('bench-mark').length > 0) return true;
    }
    return false;
  };
  let checked = 0;
  let mo: MutationObserver | null = null;
  const check = (now: number) => {
    if (P.settled !== null || P.dcl === null) return;
    const n = ours + mins;
    if (n > 0) P.first ??= now;
    if (P.placed === null) {
      while (checked < P.visible && hasHost(cards[checked]!)) checked++;
      if (checked < P.visible || n === 0) return;
      P.placed = now;
    }
    const minDone = document.documentElement.hasAttribute('data-bench-min');
    if (!minDone && P.lookedUp < ours) return;
    P.settled = Math.max(P.placed, minDone ? now : (P.lookedUpAt ?? now));
    P.hosts = n;
    // Nothing more to watch: what the content script does next costs the probe nothing.
    mo?.disconnect();
    signal();
  };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name !== 'papershelf:looked-up') continue;
        P.lookedUp += Number((e as PerformanceMark).detail) || 0;
        P.lookedUpAt = e.startTime;
      }
      check(performance.now());
    }).observe({ type: 'mark' });
  } catch {
    // no marks: PaperShelf never settles, and the run says so
  }
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      void document.body.offsetHeight;
      P.cards = cards.length;
      let lo = 0;
      let hi = cards.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cards[mid]!.getBoundingClientRect().top < innerHeight) lo = mid + 1;
        else hi = mid;
      }
      P.visible = lo;
      P.dcl = performance.now();
      mo = new MutationObserver((records) => {
        for (const r of records) {
          for (const node of r.addedNodes) {
            if (node.nodeName === 'PAPERSHELF-TOOLBAR') ours++;
            else if (node.nodeName === 'BENCH-MARK') mins++;
          }
        }
        check(performance.now());
      });
      mo.observe(document.body, { childList: true, subtree: true });
      mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-bench-min'] });
    },
    { once: true },
  );
}

/**
 * The page's own price of the smallest change to its card list, measured without an extension
 * after the page has settled: one 26 px block (a toolbar's height) appended inside the last card,
 * below which nothing moves, timed from the next frame's requestAnimationFrame callback to a
 * message posted there (style, layout, paint: the rendering that frame does). No extension can
 * place anything in the cards for less, so it is the floor under the longest frame on that page.
 */
export function appendFrameCost(): Promise<number | null> {
  // the probe's cards (loadProbe, installed in every browser of the page-load benchmark)
  const cards = (window as unknown as { __loadCards?: HTMLCollectionOf<Element> }).__loadCards;
  const last = cards?.[cards.length - 1];
  // CVF: a card is its dt and the dd's after it; the toolbar goes in a dd
  const into = location.hostname === 'openaccess.thecvf.com' ? last?.nextElementSibling : last;
  if (!into) return Promise.resolve(null);
  return new Promise((resolve) => {
    const block = document.createElement('div');
    block.style.height = '26px';
    into.appendChild(block);
    requestAnimationFrame(() => {
      const t0 = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        block.remove();
        resolve(performance.now() - t0);
      };
      ch.port2.postMessage(0);
    });
  });
}
