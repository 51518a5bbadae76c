/**
 * Scenario 1, page load three ways (issue 22): the same synthetic feed, at the same URL, in three
 * Chromiums launched alike — no extension, PaperShelf, and a minimal extension doing the naive
 * job at the same injection point (minimal-ext.ts). The figure is the main-thread busy time an
 * extension adds: CDP Performance.getMetrics TaskDuration of the page's renderer, read when the
 * page fires DOMContentLoaded and again once it has settled, minus the same window of the page
 * without an extension in the same round (a paired difference; the three go in rotated order each
 * round), the median over the rounds.
 *
 * The window: the page's load event is held back (an image the benchmark answers only once it has
 * read the metrics at DOMContentLoaded), so no content script (run_at document_idle: at load, or
 * 200 ms after DOMContentLoaded) starts before the first reading; a run where one did anyway is
 * repeated. It ends TAIL_MS after the page settled (load-probe.ts: every visible card has its
 * toolbar and every placed toolbar's saved-state lookup answered; the minimal extension: its pass
 * done; no extension: the load event), so work an extension leaves for just after is counted too.
 */
import type { CDPSession } from '@playwright/test';
import { rmSync } from 'node:fs';
import { launchBench, newPage, type Bench } from './browser';
import { CVF_QUERY, CVF_URL, cvfPage } from './cvf-page';
import { appendFrameCost, loadProbe, type LoadProbe } from './load-probe';
import { heapUsed } from './memory';
import { buildMinimalExtension } from './minimal-ext';
import { OPENREVIEW_URL, openReviewPage } from './openreview-page';
import { feedPage, FEED_URL } from './pages';
import { scrollScenario, type ScrollOptions } from './scroll';
import { median, raw, targeted, type Entry } from './report';

export type Side = 'none' | 'ours' | 'min';
export const SIDES: readonly Side[] = ['none', 'ours', 'min'];
export type Browsers = Record<Side, Bench>;

export interface LoadSite {
  id: 'huggingface' | 'cvf' | 'openreview';
  label: string;
  url(n: number, rep: number): string;
  page(n: number, extra: string): string;
}

export const LOAD_SITES: Record<LoadSite['id'], LoadSite> = {
  huggingface: {
    id: 'huggingface',
    label: 'Hugging Face-style feed',
    url: (n, rep) => `${FEED_URL}?n=${n}&rep=${rep}`,
    page: (n, extra) => feedPage(n, { extra }),
  },
  cvf: {
    id: 'cvf',
    label: 'CVF-style listing (every card laid out)',
    url: (n, rep) => `${CVF_URL}?${CVF_QUERY}&n=${n}&rep=${rep}`,
    page: (n, extra) => cvfPage(n, extra),
  },
  openreview: {
    id: 'openreview',
    label: 'OpenReview-style venue page (every card laid out)',
    url: (n, rep) => `${OPENREVIEW_URL}&n=${n}&rep=${rep}`,
    page: (n, extra) => openReviewPage(n, extra),
  },
};

/** How long after settling the window stays open (idle time adds nothing; late work is counted). */
const TAIL_MS = 500;
const LOAD_TIMEOUT = 120_000;

export interface LoadRun {
  side: Side;
  /** main-thread busy time in the window, ms (and its script / style / layout parts) */
  task: number;
  script: number;
  style: number;
  layout: number;
  probe: LoadProbe;
  /** the content script's first statement (papershelf:start / bench-min:start), page ms */
  start: number | null;
  settled: boolean;
  heap?: number;
  /** without an extension, after the window: the frame one block appended to the last card costs (appendFrameCost) */
  floor?: number | null;
}

type Metrics = Record<string, number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

const holdUrlOf = (url: string) => `${new URL(url).origin}/bench/hold.gif?for=${encodeURIComponent(new URL(url).search)}`;

/** One load of `url` in one browser, timed as the module comment says. Null: a content script started before the first reading. */
async function loadOnce(bench: Bench, side: Side, url: string, settleMs: number, heap: boolean): Promise<LoadRun | null> {
  const page = await newPage(bench.context);
  const cdp = await bench.context.newCDPSession(page);
  try {
    let settledSignal!: () => void;
    const settledP = new Promise<void>((r) => (settledSignal = r));
    await page.exposeFunction('__loadSettled', () => settledSignal());
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await cdp.send('Page.enable');
    const release = bench.hold(holdUrlOf(url));
    let m0: Metrics | null = null;
    const dcl = new Promise<void>((resolve, reject) => {
      cdp.once('Page.domContentEventFired', () => {
        metrics(cdp)
          .then((m) => (m0 = m))
          .then(() => resolve(), reject)
          .finally(release);
      });
    });
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    await dcl;
    const settled = side === 'none' ? true : await Promise.race([settledP.then(() => true), sleep(settleMs).then(() => false)]);
    await sleep(TAIL_MS);
    const m1 = await metrics(cdp);
    const info = await page.evaluate((side) => {
      const name = side === 'ours' ? 'papershelf:start' : 'bench-min:start';
      return { probe: (window as unknown as { __load: LoadProbe }).__load, start: performance.getEntriesByName(name)[0]?.startTime ?? null };
    }, side);
    const first = m0!;
    // The first reading must come before the content script's first statement (same clock:
    // NavigationStart and Timestamp are seconds of the renderer's monotonic clock).
    if (info.start !== null && first.Timestamp! > first.NavigationStart! + info.start / 1000) return null;
    const d = (k: string) => ((m1[k] ?? 0) - (first[k] ?? 0)) * 1000;
    return {
      side,
      task: d('TaskDuration'),
      script: d('ScriptDuration'),
      style: d('RecalcStyleDuration'),
      layout: d('LayoutDuration'),
      probe: info.probe,
      start: info.start,
      settled,
      ...(heap ? { heap: await heapUsed(bench.context, page) } : {}),
      ...(side === 'none' ? { floor: await page.evaluate(appendFrameCost) } : {}),
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export interface LoadOptions {
  sites: ReadonlyArray<LoadSite['id']>;
  sizes: readonly number[];
  reps: number;
  /** give up waiting for a side to settle after this long (the run is reported as not settled) */
  settleMs: number;
  /** also read the JS heap of each side at this size (Hugging Face page, last round) */
  heapAt?: number;
  /** how long to scroll the biggest page (default: the full run's) */
  scroll?: ScrollOptions;
}

export interface SizeResult {
  site: LoadSite;
  n: number;
  runs: Record<Side, LoadRun[]>;
}

/** Every round of one site and size: the three sides in rotated order, `reps` rounds. */
export async function loadSize(b: Browsers, site: LoadSite, n: number, o: LoadOptions, log: (s: string) => void): Promise<SizeResult> {
  const runs: Record<Side, LoadRun[]> = { none: [], ours: [], min: [] };
  let html: string | null = null;
  const body = () => (html ??= site.page(n, `<img src="/bench/hold.gif" alt="" width="1" height="1">`));
  for (let rep = 0; rep < o.reps; rep++) {
    const url = site.url(n, rep);
    for (const side of SIDES) b[side].serve(url, () => body().replace('/bench/hold.gif', holdUrlOf(url)));
    const order = SIDES.map((_, k) => SIDES[(k + rep) % SIDES.length]!);
    for (const side of order) {
      const heap = o.heapAt === n && site.id === 'huggingface' && rep === o.reps - 1;
      let run: LoadRun | null = null;
      for (let attempt = 0; attempt < 3 && !run; attempt++) run = await loadOnce(b[side], side, url, o.settleMs, heap);
      if (!run) throw new Error(`${site.id} ${n} cards, ${side}: the content script started before DOMContentLoaded was read, three times`);
      runs[side].push(run);
    }
    for (const side of SIDES) b[side].forget(url);
    const last = (s: Side) => runs[s][runs[s].length - 1]!;
    log(
      `  ${site.id} ${n} round ${rep + 1}: busy none ${last('none').task.toFixed(0)} ms, PaperShelf +${(last('ours').task - last('none').task).toFixed(0)}, ` +
        `minimal +${(last('min').task - last('none').task).toFixed(0)} (order ${order.join('/')}; ` +
        SIDES.map((x) => `${x} script/style/layout ${[last(x).script, last(x).style, last(x).layout].map((v) => v.toFixed(0)).join('/')}`).join(', ') +
        ')',
    );
  }
  return { site, n, runs };
}

const fmtN = (n: number) => n.toLocaleString('en-US');
const paired = (r: SizeResult, side: Side) => r.runs[side].map((run, k) => run.task - r.runs.none[k]!.task);

/** The longest task (of ours / the minimal extension's window: its start to settled) or, with `frames`, the longest frame. */
function longestIn(run: LoadRun, of: 'longtasks' | 'frames' = 'longtasks'): number {
  const from = run.start ?? run.probe.dcl ?? 0;
  const to = run.probe.settled ?? Infinity;
  let max = 0;
  for (const t of run.probe[of]) if (t.start < to && t.start + t.duration > from) max = Math.max(max, t.duration);
  return max;
}

/** Both APIs report only entries of 50 ms or more: a longest of 0 means none reached 50 ms. */
const under50 = (e: Entry): Entry => (e.value === 0 ? { ...e, display: '< 50 ms' } : e);

/** The entries of one site: per size the busy-time and longest-task targets, the longest frame; the baseline's scaling check. */
export function loadEntries(results: readonly SizeResult[], targetSizes: readonly number[]): Entry[] {
  const out: Entry[] = [];
  const site = results[0]!.site;
  const minAt = new Map(results.map((r) => [r.n, median(paired(r, 'min'))!]));
  // The baseline must scale linearly before a ratio to it means anything (issue 22).
  const [small, big] = [Math.min(...targetSizes), Math.max(...targetSizes)];
  const scaling = minAt.has(small) && minAt.has(big) && small !== big ? minAt.get(big)! / minAt.get(small)! : null;
  const sizeRatio = big / small;
  const linear = scaling !== null && scaling < (4 / 3) * sizeRatio;
  if (scaling !== null) {
    out.push(
      targeted(`Page load, ${site.label}: the minimal extension's added busy time, ${fmtN(big)} / ${fmtN(small)} cards (scaling check)`, scaling, 'x', null, `< ${((4 / 3) * sizeRatio).toFixed(0)} (linear)`, () => linear),
    );
  }
  for (const r of results) {
    const label = `Page load, ${site.label}, ${fmtN(r.n)} cards`;
    const ours = median(paired(r, 'ours'))!;
    const min = median(paired(r, 'min'))!;
    const rounds = r.runs.none.length;
    const unsettled = r.runs.ours.filter((x) => !x.settled).length;
    const note = [unsettled ? `${unsettled} of ${rounds} PaperShelf loads did not settle in time` : '', !linear && scaling !== null ? `no ratio: the baseline failed its scaling check (${scaling.toFixed(2)}x for ${sizeRatio}x the cards)` : '']
      .filter(Boolean)
      .join('; ');
    const busyName = `${label}: main-thread busy time added, DOMContentLoaded to settled (median of ${rounds} paired rounds)`;
    if (targetSizes.includes(r.n)) {
      const e = targeted(busyName, ours, 'ms', min, '<= 1.2x the minimal extension', (e) => unsettled === 0 && (e.ratio ?? Infinity) <= 1.2, note || undefined);
      out.push(linear || scaling === null ? e : { ...e, ratio: null, met: null });
    } else out.push(raw(busyName, ours, 'ms', min, note || undefined));
    // The target is the task: none of 50 ms or more (the long task API, the measure the
    // audit behind issue 22 used) from the content script's start until settled. The frame a task
    // ends in (the task and the rendering after it: a long animation frame) is reported beside it
    // with the page's own floor: on a page laying out thousands of cards the rendering alone of any
    // change nears 50 ms on this machine (test/bench/README.md).
    const tasks = Math.max(...r.runs.ours.map((x) => longestIn(x)));
    const baseTasks = Math.max(...r.runs.min.map((x) => longestIn(x)));
    out.push(under50({ ...targeted(`${label}: longest task (long task API), content script start to settled (incl. lookups)`, tasks, 'ms', baseTasks || null, 'no task over 50 ms', () => tasks <= 50), ratio: null }));
    const frames = Math.max(...r.runs.ours.map((x) => longestIn(x, 'frames')));
    const baseFrames = Math.max(...r.runs.min.map((x) => longestIn(x, 'frames')));
    const frameName = `${label}: longest frame (a task and the rendering after it: long animation frame API), content script start to settled`;
    out.push(under50({ ...raw(frameName, frames, 'ms', baseFrames || null), ratio: null }));
    const floor = median(r.runs.none.flatMap((x) => (x.floor == null ? [] : [x.floor])));
    out.push(raw(`${label}: the page's own frame for one block appended to its last card (no extension, median; the floor under any extension's frame)`, floor, 'ms'));
    const first = median(r.runs.ours.flatMap((x) => (x.probe.first !== null && x.probe.dcl !== null ? [x.probe.first - x.probe.dcl] : [])));
    const firstMin = median(r.runs.min.flatMap((x) => (x.probe.first !== null && x.probe.dcl !== null ? [x.probe.first - x.probe.dcl] : [])));
    out.push(raw(`${label}: first toolbar after DOMContentLoaded (median)`, first, 'ms', firstMin));
    const settle = median(r.runs.ours.flatMap((x) => (x.probe.settled !== null && x.probe.dcl !== null ? [x.probe.settled - x.probe.dcl] : [])));
    const settleMin = median(r.runs.min.flatMap((x) => (x.probe.settled !== null && x.probe.dcl !== null ? [x.probe.settled - x.probe.dcl] : [])));
    out.push(raw(`${label}: settled after DOMContentLoaded (median; visible cards: ${r.runs.ours[0]?.probe.visible ?? '?'})`, settle, 'ms', settleMin));
    out.push(raw(`${label}: busy time of the page alone in the same window (no extension, median)`, median(r.runs.none.map((x) => x.task)), 'ms'));
  }
  return out;
}

/** Heap of the page with each side (used JS heap after a forced GC), from the rounds that read it. */
export function heapEntries(results: readonly SizeResult[]): Entry[] {
  const MB = 2 ** 20;
  const r = results.find((x) => x.runs.ours.some((run) => run.heap !== undefined));
  if (!r) return [];
  const h = (s: Side) => median(r.runs[s].flatMap((x) => (x.heap === undefined ? [] : [x.heap / MB])));
  const [none, ours, min] = [h('none'), h('ours'), h('min')];
  const label = `Feed page heap, ${r.site.label}, ${fmtN(r.n)} cards`;
  return [
    raw(`${label}: added by PaperShelf (the minimal extension's as baseline)`, ours === null || none === null ? null : ours - none, 'MB', min === null || none === null ? null : min - none),
    raw(`${label}: without an extension`, none, 'MB'),
  ];
}

/**
 * The whole scenario: launch the three browsers alike (the same flags, viewport and probe; only
 * the extension loaded differs), run every site and size, close them. Returns the entries.
 */
export async function pageLoadScenario(extDir: string, o: LoadOptions, log: (s: string) => void): Promise<Entry[]> {
  const minDir = buildMinimalExtension(o.sites.flatMap((s) => MATCHES[s]));
  const opened: Bench[] = [];
  try {
    const launch = async (dir: string | null, worker: boolean) => {
      const b = await launchBench({ extDir: dir, probes: [loadProbe], worker });
      opened.push(b);
      return b;
    };
    const b: Browsers = { none: await launch(null, false), ours: await launch(extDir, true), min: await launch(minDir, false) };
    const out: Entry[] = [];
    const results: SizeResult[] = [];
    for (const id of o.sites) {
      const site = LOAD_SITES[id];
      const mine: SizeResult[] = [];
      for (const n of o.sizes) {
        const r = await loadSize(b, site, n, o, log);
        mine.push(r);
        const ours = median(paired(r, 'ours'))!;
        const min = median(paired(r, 'min'))!;
        log(`page load ${id} ${fmtN(n)} cards: PaperShelf +${ours.toFixed(1)} ms, minimal +${min.toFixed(1)} ms (${(ours / min).toFixed(2)}x); longest task ${Math.max(...r.runs.ours.map((x) => longestIn(x))).toFixed(0)} ms, frame ${Math.max(...r.runs.ours.map((x) => longestIn(x, 'frames'))).toFixed(0)} ms`);
      }
      results.push(...mine);
      out.push(...loadEntries(mine, o.sizes));
      // Far cards get their toolbar as they come near: scroll the biggest page.
      const n = Math.max(...o.sizes);
      const url = site.url(n, 9999);
      for (const side of ['ours', 'none'] as const) b[side].serve(url, () => site.page(n, ''));
      out.push(...(await scrollScenario(b.ours, b.none, site, n, url, log, o.scroll)));
      for (const side of ['ours', 'none'] as const) b[side].forget(url);
    }
    out.push(...heapEntries(results));
    return out;
  } finally {
    for (const b of opened) await b.close().catch(() => undefined);
    rmSync(minDir, { recursive: true, force: true });
  }
}

/** Where the minimal extension's content script runs (the same pages as PaperShelf's). */
const MATCHES: Record<LoadSite['id'], string[]> = {
  huggingface: ['https://huggingface.co/papers*'],
  cvf: ['https://openaccess.thecvf.com/*'],
  openreview: ['https://openreview.net/*'],
};
