/**
 * Scenarios 2 and 3, on synthetic Hugging Face listings (pages.ts) in the main benchmark browser
 * (scenario 1, the page load, is pageload.ts):
 * 2. Cards appended later in batches of 20: insertion -> toolbar host in the DOM, per card.
 * 3. Save round trip: click Save -> the host says saved (the button reads "Saved").
 */
import type { Page } from '@playwright/test';
import { doneSignal, newPage, probe, type Bench, type PageProbe } from './browser';
import { appendedBatch, feedPage, FEED_URL } from './pages';
import { median, percentile, raw, targeted, type Entry } from './report';

const pages = new Map<string, string>();
function pageOf(n: number, layoutAll = false): string {
  const key = `${n}${layoutAll ? 'all' : ''}`;
  let html = pages.get(key);
  if (html === undefined) pages.set(key, (html = feedPage(n, { layoutAll })));
  return html;
}

/** Time for the page load itself: big pages take a while to arrive and parse. */
const LOAD_TIMEOUT = 120_000;

interface ScanRun {
  /** start mark to every toolbar (or to the cap, when not done) */
  ms: number;
  /** false when the cap was reached first */
  done: boolean;
  /** toolbars in place at the end */
  mounted: number;
  longest: number;
  /** longest task from the start until 1 s after done (badge lookups, re-renders) */
  longestSettled: number;
  /** longest animation frame (a task and the rendering after it) from the start to done; null: not reported */
  longestFrame: number | null;
  firstToolbarMs: number | null;
  /** used JS heap after the run (when asked for) */
  heap?: number;
}

function longestIn(p: PageProbe, from: number, to: number, of: 'longtasks' | 'frames' = 'longtasks'): number {
  let max = 0;
  for (const t of p[of]) if (t.start < to && t.start + t.duration > from) max = Math.max(max, t.duration);
  return max;
}

/**
 * Load our page and wait for every toolbar, at most `capMs` after the content script's start
 * mark (a run that hits the cap is reported as not done, with the toolbars it had by then).
 */
export async function scanOnce(page: Page, url: string, capMs = 60_000, heap?: (page: Page) => Promise<number>): Promise<ScanRun> {
  const signal = await doneSignal(page);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT });
  if (!(await signal(capMs))) {
    const p = await probe(page);
    if (p.doneAt === null && !(await page.evaluate(() => performance.getEntriesByName('papershelf:start').length))) {
      const mounted = await page.locator('papershelf-toolbar').count();
      throw new Error(`feed scan did not finish on ${url}: ${mounted} of ${p.expected} toolbars, and no papershelf:start mark`);
    }
  }
  const start = await page.evaluate(() => performance.getEntriesByName('papershelf:start')[0]?.startTime ?? null);
  if (start === null) throw new Error(`no papershelf:start mark on ${url} (does the content script call performance.mark?)`);
  let p = await probe(page);
  if (p.doneAt === null) {
    const now = await page.evaluate(() => performance.now());
    return { ms: now - start, done: false, mounted: p.toolbarTimes.length, longest: longestIn(p, start, now), longestSettled: longestIn(p, start, now), longestFrame: p.frameApi ? longestIn(p, start, now, 'frames') : null, firstToolbarMs: p.toolbarTimes.length ? p.toolbarTimes[0]! - start : null };
  }
  await page.waitForTimeout(1000);
  p = await probe(page);
  const done = p.doneAt!;
  return {
    ms: done - start,
    done: true,
    mounted: p.toolbarTimes.length,
    longest: longestIn(p, start, done),
    longestSettled: longestIn(p, start, done + 1000),
    longestFrame: p.frameApi ? longestIn(p, start, done, 'frames') : null,
    firstToolbarMs: p.toolbarTimes.length ? p.toolbarTimes[0]! - start : null,
    ...(heap ? { heap: await heap(page) } : {}),
  };
}

/**
 * Scenario 2. On a feed page of `initial` cards (scanned first), append `batches` batches of
 * `size` cards one after another (each once the previous has its toolbars and the page is idle);
 * each card's latency is from the append to its toolbar host appearing (MutationObserver time).
 */
export async function appended(bench: Bench, initial: number, batches: number, size: number, log: (s: string) => void): Promise<Entry[]> {
  const url = `${FEED_URL}?n=${initial}&append=1`;
  bench.serve(url, () => pageOf(initial));
  const page = await newPage(bench.context);
  try {
    if (!(await scanOnce(page, url)).done) throw new Error(`the ${url} page did not get its toolbars`);
    const html = Array.from({ length: batches }, (_, b) => appendedBatch(b, size));
    const res = await appendBatches(page, html, size, true);
    const p50 = percentile(res.perCard, 50);
    const p95 = percentile(res.perCard, 95);
    const f95 = percentile(res.perFrame, 95);
    const page95 = percentile((await appendedWithout(bench, initial, html, size)).perFrame, 95);
    log(`appended cards (${batches} x ${size} on a ${initial}-card page): to the DOM p50 ${p50?.toFixed(1)} ms, p95 ${p95?.toFixed(1)} ms; to the end of the frame showing them (work) p95 ${f95?.toFixed(1)} ms (the page alone: ${page95?.toFixed(1)} ms); with the wait for the frame, median per batch ${median(res.perBatch)?.toFixed(1)} ms`);
    return [
      targeted(`Appended cards (batches of ${size}): insertion to the end of the frame showing the toolbar (work: script, style, layout, paint; not the wait for the frame), p95; baseline: the page alone, to the end of the frame showing the cards`, f95, 'ms', page95, '< 16 ms (one frame)', () => f95! < 16),
      raw(`Appended cards (batches of ${size}): insertion to toolbar in the DOM, p95`, p95, 'ms'),
      raw(`Appended cards (batches of ${size}): insertion to toolbar in the DOM, p50`, p50, 'ms'),
      raw(`Appended cards: insertion to the end of the frame showing a batch of ${size}, including the wait for that frame, median`, median(res.perBatch), 'ms'),
    ];
  } finally {
    await page.close();
  }
}

/**
 * Scenario 2's baseline: the same batches appended to the same page at an address the content
 * script does not run on, timed as ours are, to the end of the frame showing the cards (their
 * style, layout and paint). What the page itself costs.
 */
async function appendedWithout(bench: Bench, initial: number, html: readonly string[][], size: number): Promise<Batches> {
  const url = `https://huggingface.co/bench/no-extension?n=${initial}`;
  bench.serve(url, () => pageOf(initial));
  const page = await newPage(bench.context);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    return await appendBatches(page, html, size, false);
  } finally {
    await page.close();
    bench.forget(url);
  }
}

interface Batches {
  /** per card: insertion to its toolbar in the DOM (without toolbars: to the cards in the DOM, per batch) */
  perCard: number[];
  /** the same plus the rendering of the frame that shows it */
  perFrame: number[];
  /** per batch: insertion to the end of that frame, the wait for it included */
  perBatch: number[];
}

/**
 * Append each batch of cards to the page's grid (each once the page is idle) and time it: with
 * `toolbars`, until every new card's toolbar is in the DOM (the probe's MutationObserver times);
 * without, until the cards are.
 */
function appendBatches(page: Page, html: readonly string[][], size: number, toolbars: boolean): Promise<Batches> {
  return page.evaluate(
    async ({ html, size, toolbars }) => {
      const B = (window as unknown as { __bench: PageProbe }).__bench;
      const grid = document.querySelector('[data-target="DailyPapers"] .grid')!;
      const out: Batches = { perCard: [], perFrame: [], perBatch: [] };
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      /** The next frame: when it starts (requestAnimationFrame) and when its rendering is done (a message posted then). */
      const nextFrame = () =>
        new Promise<{ start: number; end: number }>((resolve) =>
          requestAnimationFrame(() => {
            const start = performance.now();
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve({ start, end: performance.now() });
            ch.port2.postMessage(0);
          }),
        );
      for (const batch of html) {
        const tpl = document.createElement('template');
        tpl.innerHTML = batch.join('\n');
        const nodes = [...tpl.content.children];
        if (nodes.length !== size) throw new Error(`batch has ${nodes.length} cards`);
        await frame();
        await new Promise((r) => setTimeout(r, 30));
        const before = B.toolbarTimes.length;
        B.expected = before + size;
        const t0 = performance.now();
        grid.append(...nodes);
        const inserted = performance.now();
        // The frame that shows every new toolbar: the first to start once they are all in the DOM.
        let f = await nextFrame();
        const deadline = t0 + 5000;
        while (toolbars && B.toolbarTimes.length < before + size && performance.now() < deadline) f = await nextFrame();
        const shown = toolbars ? B.toolbarTimes.slice(before, before + size) : [inserted];
        if (toolbars && shown.length < size) throw new Error(`only ${shown.length} of ${size} appended cards got a toolbar`);
        for (const t of shown) {
          out.perCard.push(t - t0);
          // The work: to the toolbar in the DOM, plus the rendering of the frame that shows it
          // (style, layout, paint), leaving out the wait for that frame to start.
          out.perFrame.push(t - t0 + (f.end - f.start));
        }
        out.perBatch.push(f.end - t0);
      }
      return out;
    },
    { html, size, toolbars },
  );
}

/**
 * Scenario 3. On a feed page of `count` cards, click each card's Save button in turn (a DOM
 * click from the page) and time until the host says "saved" and the button reads "Saved".
 */
export async function saves(bench: Bench, count: number, log: (s: string) => void): Promise<Entry[]> {
  const url = `${FEED_URL}?n=${count}&saves=1`;
  bench.serve(url, () => pageOf(count));
  const page = await newPage(bench.context);
  try {
    if (!(await scanOnce(page, url)).done) throw new Error(`the ${url} page did not get its toolbars`);
    const times = await page.evaluate(async () => {
      const hosts = [...document.querySelectorAll('papershelf-toolbar')];
      const out: number[] = [];
      for (const host of hosts) {
        const button = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => (b.textContent ?? '').trim().replace(/^\W+/, '').startsWith('Save'));
        if (!button) throw new Error('no Save button in a toolbar');
        if (host.getAttribute('data-papershelf-state') !== 'unsaved') throw new Error(`card already ${host.getAttribute('data-papershelf-state')}`);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        const done = new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('save did not finish in 5 s')), 5000);
          const mo = new MutationObserver(() => {
            if (host.getAttribute('data-papershelf-state') === 'saved') {
              const t = performance.now();
              mo.disconnect();
              clearTimeout(timer);
              resolve(t);
            }
          });
          mo.observe(host, { attributes: true, attributeFilter: ['data-papershelf-state'] });
        });
        button.click();
        const t1 = await done;
        const label = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].some((b) => /Saved/.test(b.textContent ?? ''));
        if (!label) throw new Error('host says saved but no button reads "Saved"');
        out.push(t1 - t0);
      }
      return out;
    });
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    log(`save round trip (${times.length} saves): p50 ${p50?.toFixed(1)} ms, p95 ${p95?.toFixed(1)} ms`);
    return [raw(`Save round trip (${times.length} saves): click to "Saved", p50`, p50, 'ms'), raw(`Save round trip (${times.length} saves): click to "Saved", p95`, p95, 'ms')];
  } finally {
    await page.close();
  }
}
