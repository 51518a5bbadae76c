/**
 * Scrolling a big feed (issue 22): far cards get their toolbar as they come near the screen, so
 * the benchmark checks that a card scrolled into view shows its toolbar within one frame, and that
 * a placed toolbar stays. On the page-load scenario's biggest page, in the PaperShelf browser,
 * once the page has settled:
 * - smooth scrolling: SCROLL_PX per frame (a fast wheel / trackpad scroll), 240 frames. In
 *   each frame's requestAnimationFrame callback the page is scrolled and then read (the layout
 *   that frame will show): which cards are in the viewport, and which of them have a toolbar. A
 *   card's latency is from the first frame showing it to the first frame showing its toolbar (0
 *   when they are the same frame);
 * - jumps (the End key, a scrollbar drag): 8 scrolls straight to a far point, the same
 *   latency for the cards each shows (raw figure: the toolbars come with the frame after);
 * - every toolbar host seen is still in the page at the end;
 * - the time between frames while scrolling, with PaperShelf and without an extension.
 */
import { newPage, type Bench } from './browser';
import type { LoadSite } from './pageload';
import { percentile, raw, targeted, type Entry } from './report';

const SCROLL_PX = 120;
/** How long to scroll: frames of smooth scrolling, then jumps (the full run's; --quick scrolls less). */
export interface ScrollOptions {
  frames: number;
  jumps: number;
}
export const FULL_SCROLL: ScrollOptions = { frames: 240, jumps: 8 };

interface ScrollResult {
  /** time between frames while scrolling smoothly (16.7 ms when every frame is on time) */
  intervals: number[];
  smooth: number[];
  jumps: number[];
  hosts: number;
  lost: number;
}

/** In the page: scroll, and time each card's toolbar against the frame that first shows the card. */
function scrollProbe({ px, frames, jumps, site }: { px: number; frames: number; jumps: number; site: LoadSite['id'] }): Promise<ScrollResult> {
  const cvf = site === 'cvf';
  const cards = [...(cvf ? document.getElementsByClassName('ptitle') : site === 'openreview' ? document.getElementsByClassName('note') : document.getElementsByTagName('article'))];
  const live = document.getElementsByTagName('papershelf-toolbar');
  const seenHosts = new Set<Element>();
  const hasHost = (card: Element): boolean => {
    if (!cvf) return card.getElementsByTagName('papershelf-toolbar').length > 0;
    for (let e = card.nextElementSibling; e && e.tagName !== 'DT'; e = e.nextElementSibling) {
      if (e.tagName === 'PAPERSHELF-TOOLBAR' || e.getElementsByTagName('papershelf-toolbar').length > 0) return true;
    }
    return false;
  };
  /** The first card index whose rect passes `test` (cards run top to bottom). */
  const firstWhere = (test: (r: DOMRect) => boolean) => {
    let lo = 0;
    let hi = cards.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (test(cards[mid]!.getBoundingClientRect())) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const shownAt = new Map<number, number>();
  const pending = new Map<number, number>();
  const frame = () => new Promise<number>((r) => requestAnimationFrame(r));
  /** Read what this frame will show: cards in view, with or without their toolbar. */
  const read = (t: number, out: number[]) => {
    for (let k = seenHosts.size; k < live.length; k++) seenHosts.add(live[k]!);
    const from = firstWhere((r) => r.bottom > 0);
    const to = firstWhere((r) => r.top >= innerHeight);
    for (let i = from; i < to; i++) {
      if (shownAt.has(i)) continue;
      const since = pending.get(i) ?? t;
      if (hasHost(cards[i]!)) {
        shownAt.set(i, t);
        pending.delete(i);
        out.push(t - since);
      } else pending.set(i, since);
    }
  };
  return (async () => {
    const smooth: number[] = [];
    const jumped: number[] = [];
    const intervals: number[] = [];
    let t = await frame();
    read(t, smooth);
    for (let f = 0; f < frames; f++) {
      const before = t;
      t = await frame();
      intervals.push(t - before);
      scrollBy(0, px);
      read(t, smooth);
    }
    // Cards still without a toolbar when the scrolling stopped count with the time they waited.
    for (const [, since] of pending) smooth.push(t - since);
    pending.clear();
    const height = document.documentElement.scrollHeight;
    for (let j = 0; j < jumps; j++) {
      t = await frame();
      scrollTo(0, ((j * 7 + 3) % 10) * 0.1 * (height - innerHeight));
      read(t, jumped);
      for (let f = 0; f < 4; f++) read(await frame(), jumped);
      for (const [, since] of pending) jumped.push(t - since);
      pending.clear();
    }
    for (let k = seenHosts.size; k < live.length; k++) seenHosts.add(live[k]!);
    let lost = 0;
    for (const h of seenHosts) if (!h.isConnected) lost++;
    return { intervals, smooth, jumps: jumped, hosts: seenHosts.size, lost };
  })();
}

/** Load `url` (served already) in a browser, wait for it to settle (PaperShelf) or load, then scroll. */
async function scrollOnce(bench: Bench, site: LoadSite, url: string, settle: boolean, o: ScrollOptions): Promise<ScrollResult> {
  const page = await newPage(bench.context);
  try {
    let settled!: () => void;
    const done = new Promise<void>((r) => (settled = r));
    await page.exposeFunction('__loadSettled', () => settled());
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (settle) await Promise.race([done, new Promise((r) => setTimeout(r, 30_000))]);
    await page.waitForTimeout(300);
    return await page.evaluate(scrollProbe, { px: SCROLL_PX, frames: o.frames, jumps: settle ? o.jumps : 0, site: site.id });
  } finally {
    await page.close();
  }
}

/**
 * Scroll the page with PaperShelf (and, for the frame intervals, without an extension: `none`).
 * `url` is served in both browsers.
 */
export async function scrollScenario(ours: Bench, none: Bench, site: LoadSite, n: number, url: string, log: (s: string) => void, o: ScrollOptions = FULL_SCROLL): Promise<Entry[]> {
  const r = await scrollOnce(ours, site, url, true, o);
  const base = await scrollOnce(none, site, url, false, o);
  {
    const p95 = percentile(r.smooth, 95);
    const late = r.smooth.filter((x) => x > 0).length;
    const label = `Scrolling, ${site.label}, ${n.toLocaleString('en-US')} cards`;
    const gap = (x: ScrollResult) => percentile(x.intervals, 95);
    log(
      `scrolling ${site.id} ${n}: ${r.smooth.length} cards came into view, ${late} before their toolbar; p95 ${p95?.toFixed(1)} ms; jumps p95 ${percentile(r.jumps, 95)?.toFixed(1)} ms; ` +
        `${r.lost} of ${r.hosts} toolbars lost; frame interval p95 ${gap(r)?.toFixed(1)} ms (no extension ${gap(base)?.toFixed(1)}), longest ${Math.max(...r.intervals).toFixed(0)} (${Math.max(...base.intervals).toFixed(0)})`,
    );
    return [
      targeted(`${label}: card in view to its toolbar in view, p95 (${r.smooth.length} cards, ${SCROLL_PX} px a frame)`, p95, 'ms', null, '< 16 ms (the same frame)', () => p95! < 16, `${late} shown a frame or more before their toolbar`),
      targeted(`${label}: placed toolbars still in the page after scrolling`, r.hosts - r.lost, 'toolbars', null, `all ${r.hosts} stay`, () => r.lost === 0),
      raw(`${label}: after a jump (End key, scrollbar), card in view to its toolbar, p95 (${r.jumps.length} cards, ${o.jumps} jumps)`, percentile(r.jumps, 95), 'ms'),
      raw(`${label}: time between frames while scrolling, p95 (no extension as baseline)`, gap(r), 'ms', gap(base)),
      raw(`${label}: longest time between frames while scrolling (no extension as baseline)`, Math.max(...r.intervals), 'ms', Math.max(...base.intervals)),
    ];
  }
}
