/**
 * Scenarios 1-3, on synthetic Hugging Face listings (pages.ts):
 * 1. Feed scan: from the content script's `papershelf:start` mark to every card having its
 *    toolbar (then a forced layout), and the longest main-thread task in that window; against a
 *    plain page script doing the minimum (browser.ts pageProbe) on the same page under a URL the
 *    content script does not match. Also, raw figures only, on a variant of the page that lays
 *    out every card (huggingface.co renders only the cards near the screen).
 * 2. Cards appended later in batches of 20: insertion -> toolbar host in the DOM, per card.
 * 3. Save round trip: click Save -> the host says saved (the button reads "Saved").
 */
import type { Page } from '@playwright/test';
import { doneSignal, newPage, probe, type Bench, type PageProbe } from './browser';
import { heapUsed } from './memory';
import { appendedBatch, BASELINE_URL, feedPage, FEED_URL } from './pages';
import { median, percentile, raw, targeted, type Entry } from './report';

const pages = new Map<string, string>();
function pageOf(n: number, layoutAll = false): string {
  const key = `${n}${layoutAll ? 'all' : ''}`;
  let html = pages.get(key);
  if (html === undefined) pages.set(key, (html = feedPage(n, { layoutAll })));
  return html;
}

/** Serve the n-card page under the feed URL and the baseline URL (rep keeps caches apart). */
function urls(bench: Bench, n: number, rep: number, layoutAll: boolean): { ours: string; base: string } {
  const q = `n=${n}&rep=${rep}${layoutAll ? '&all=1' : ''}`;
  const ours = `${FEED_URL}?${q}`;
  const base = `${BASELINE_URL}?${q}`;
  bench.serve(ours, () => pageOf(n, layoutAll));
  bench.serve(base, () => pageOf(n, layoutAll));
  return { ours, base };
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

interface BaseRun {
  ms: number;
  longest: number;
  longestFrame: number | null;
  jsonMs: number;
}

async function baselineOnce(page: Page, url: string): Promise<BaseRun> {
  const signal = await doneSignal(page);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT });
  if (!(await signal(LOAD_TIMEOUT))) throw new Error(`the baseline script did not finish on ${url}`);
  // (the long animation frame of the baseline's task is reported after that task: wait for it)
  await page.waitForTimeout(200);
  const p = await probe(page);
  const b = p.baseline!;
  const toolbars = await page.locator('papershelf-toolbar').count();
  if (toolbars > 0) throw new Error(`the content script ran on the baseline URL ${url}`);
  if (b.cards !== p.expected) throw new Error(`baseline saw ${b.cards} cards, expected ${p.expected}`);
  return { ms: b.end - b.start, longest: longestIn(p, b.start, b.end), longestFrame: p.frameApi ? longestIn(p, b.start, b.end, 'frames') : null, jsonMs: b.jsonMs };
}

const fmtN = (n: number) => n.toLocaleString('en-US');

export interface FeedOptions {
  sizes: readonly number[];
  reps: number;
  /** a run of ours stops waiting this long after its start mark (reported as not done) */
  capMs: number;
  /** after a run of a size that took longer than this, that size is not repeated… */
  repeatBelowMs: number;
  /** …except this one: the size the targets are about (all its runs unless capped) */
  targetAt: number;
  /** runs at targetAt (default `reps`): its median is the one the target is judged by */
  targetReps?: number;
  /** measure the used JS heap on the pages of this size (scenario 7) */
  heapAt?: number;
  /** also measure this size on the variant of the page that lays out every card (raw figures) */
  layoutAllAt?: number;
}

/**
 * Scenario 1. Ours and the baseline alternate, `reps` times each (fewer for very slow sizes);
 * medians are reported. Returns the entries and, for `heapAt`, the heap of each of our pages.
 */
export async function feedScan(bench: Bench, o: FeedOptions, log: (s: string) => void): Promise<{ entries: Entry[]; heap: number[] }> {
  const out: Entry[] = [];
  const heap: number[] = [];
  const pagesToRun: Array<{ n: number; layoutAll: boolean }> = o.sizes.map((n) => ({ n, layoutAll: false }));
  if (o.layoutAllAt !== undefined) pagesToRun.push({ n: o.layoutAllAt, layoutAll: true });
  for (const { n, layoutAll } of pagesToRun) {
    const ours: ScanRun[] = [];
    const base: BaseRun[] = [];
    const reps = n === o.targetAt && !layoutAll ? (o.targetReps ?? o.reps) : o.reps;
    for (let rep = 0; rep < reps; rep++) {
      const u = urls(bench, n, rep, layoutAll);
      // Alternate which side goes first, so drift (caches, JIT, thermal) does not favour one.
      const order = rep % 2 === 0 ? (['ours', 'base'] as const) : (['base', 'ours'] as const);
      for (const side of order) {
        const page = await newPage(bench.context);
        try {
          if (side === 'ours') ours.push(await scanOnce(page, u.ours, o.capMs, n === o.heapAt && !layoutAll ? (pg) => heapUsed(bench.context, pg) : undefined));
          else base.push(await baselineOnce(page, u.base));
        } finally {
          await page.close();
        }
      }
      const last = ours[ours.length - 1]!;
      if (!last.done || (n !== o.targetAt && last.ms > o.repeatBelowMs)) break;
    }
    for (const r of ours) if (r.heap !== undefined) heap.push(r.heap);
    const allDone = ours.every((r) => r.done);
    const ms = median(ours.map((r) => r.ms))!;
    const baseMs = median(base.map((r) => r.ms))!;
    const longest = Math.max(...ours.map((r) => r.longest));
    const settled = Math.max(...ours.map((r) => r.longestSettled));
    const first = median(ours.flatMap((r) => (r.firstToolbarMs === null ? [] : [r.firstToolbarMs])));
    const runs = `${ours.length} run${ours.length === 1 ? '' : 's'}`;
    const capNote = allDone ? undefined : `not done: ${Math.min(...ours.map((r) => r.mounted))} of ${fmtN(n)} toolbars after the ${(o.capMs / 1000).toFixed(0)} s cap; value is a lower bound`;
    const variant = layoutAll ? ', every card laid out' : '';
    log(
      `feed scan ${fmtN(n)} cards${variant}: ${allDone ? '' : '>= '}${ms.toFixed(1)} ms vs baseline ${baseMs.toFixed(1)} ms (${(ms / baseMs).toFixed(2)}x); ` +
        `longest task ${longest ? `${longest.toFixed(0)} ms` : 'none >= 50 ms'} (baseline ${Math.max(...base.map((r) => r.longest)).toFixed(0)}); ` +
        `first toolbar after ${first?.toFixed(1)} ms; runs ${ours.map((r) => `${r.ms.toFixed(0)}${r.done ? '' : '+'}`).join('/')} vs ${base.map((r) => r.ms.toFixed(0)).join('/')}`,
    );
    const name = `Feed scan, ${fmtN(n)} cards${layoutAll ? ' on a page laying out every card (no content-visibility)' : ''}`;
    // The long task API reports tasks of 50 ms and more only: 0 means "none that long".
    const under50 = (e: Entry): Entry => (e.value === 0 ? { ...e, display: '< 50 ms' } : e);
    if (n === o.targetAt && !layoutAll) {
      out.push(targeted(`${name}: start to every toolbar (median of ${runs})`, ms, 'ms', baseMs, '<= 1.5x baseline', (e) => allDone && (e.ratio ?? Infinity) <= 1.5, capNote));
      out.push(under50(targeted(`${name}: longest main-thread task`, longest, 'ms', null, 'no task over 50 ms', () => longest <= 50)));
    } else {
      out.push(raw(`${name}: start to every toolbar (median of ${runs})`, ms, 'ms', baseMs, capNote));
      out.push(under50(raw(`${name}: longest main-thread task`, longest, 'ms')));
    }
    // Rendering is not part of a "task" for the long task API: this one includes it.
    const frames = ours.map((r) => r.longestFrame);
    if (frames.every((f) => f !== null)) {
      const baseFrame = Math.max(...base.map((r) => r.longestFrame ?? 0));
      // (no ratio: "none of 50 ms or more" has no meaningful one)
      out.push({ ...under50(raw(`${name}: longest animation frame (a task and the rendering after it)`, Math.max(...(frames as number[])), 'ms', baseFrame || null)), ratio: null });
    }
    out.push(raw(`${name}: first toolbar after start`, first, 'ms'));
    if (allDone) out.push(under50(raw(`${name}: longest task incl. 1 s after (badge lookups)`, settled, 'ms')));
    if (!layoutAll) out.push(raw(`${name}: baseline's JSON.parse of the island (part of the baseline)`, median(base.map((r) => r.jsonMs)), 'ms'));
  }
  return { entries: out, heap };
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
    const res = await page.evaluate(async ({ html, size }) => {
      const B = (window as unknown as { __bench: PageProbe }).__bench;
      const grid = document.querySelector('[data-target="DailyPapers"] .grid')!;
      const perCard: number[] = [];
      const perBatch: number[] = [];
      const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
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
        const deadline = t0 + 5000;
        while (B.toolbarTimes.length < before + size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
        const seen = B.toolbarTimes.slice(before, before + size);
        if (seen.length < size) throw new Error(`only ${seen.length} of ${size} appended cards got a toolbar`);
        for (const t of seen) perCard.push(t - t0);
        perBatch.push(Math.max(...seen) - t0);
      }
      return { perCard, perBatch, longtasks: B.longtasks.length };
    }, { html, size });
    const p50 = percentile(res.perCard, 50);
    const p95 = percentile(res.perCard, 95);
    log(`appended cards (${batches} x ${size} on a ${initial}-card page): p50 ${p50?.toFixed(1)} ms, p95 ${p95?.toFixed(1)} ms, max ${Math.max(...res.perCard).toFixed(1)} ms`);
    return [
      targeted(`Appended cards (batches of ${size}): insertion to toolbar, p95`, p95, 'ms', null, '< 16 ms (one frame)', () => p95! < 16),
      raw(`Appended cards (batches of ${size}): insertion to toolbar, p50`, p50, 'ms'),
      raw(`Appended cards: whole batch of ${size}, median`, median(res.perBatch), 'ms'),
    ];
  } finally {
    await page.close();
  }
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
