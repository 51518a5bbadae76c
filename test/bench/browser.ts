/**
 * The benchmark browser: headless Chromium with (or without) the built extension, no network.
 * Benchmark pages are served from memory under real https URLs with context.route; everything
 * else gets a 404. The page-side probes (long tasks, toolbar counting, popup first rows) are
 * installed with addInitScript before any navigation, so they see a page from its start.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, chromiumArgs, serviceWorker, VIEWPORT } from '../chromium';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The build to measure (BENCH_EXT_DIR: another build, e.g. for a same-machine A/B). */
export const EXT_DIR = process.env.BENCH_EXT_DIR ? path.resolve(process.env.BENCH_EXT_DIR) : path.join(ROOT, '.output', 'chrome-mv3');
export { CHROMIUM } from '../chromium';

export interface Bench {
  context: BrowserContext;
  /** the extension id (empty when launched without the extension) */
  extId: string;
  /** serve `body` (HTML, built lazily once) under `url` */
  serve(url: string, body: () => string): void;
  /** hold a request for `url` (answered with a 1-pixel GIF) until the returned function is called */
  hold(url: string): () => void;
  /** stop serving `url` and drop its cached body */
  forget(url: string): void;
  close(): Promise<void>;
}

/**
 * tsx compiles with esbuild's keepNames, which wraps inner functions in `__name(fn, "name")`.
 * Functions handed to page.evaluate / addInitScript carry those calls into the page: define it.
 */
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

/**
 * A copy of the build to load: a rebuild of .output (another `npm test`, `wxt build`) during a
 * run would otherwise swap files under the running browser. Remove it with rmSync when done.
 */
export function snapshotBuild(): string {
  for (let attempt = 0; ; attempt++) {
    if (!existsSync(path.join(EXT_DIR, 'manifest.json'))) throw new Error(`no build at ${EXT_DIR}: run npx wxt build`);
    const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-bench-ext-'));
    cpSync(EXT_DIR, dir, { recursive: true });
    const missing = missingFiles(dir);
    if (missing.length === 0) return dir;
    rmSync(dir, { recursive: true, force: true });
    // Caught in the middle of a rebuild: wait for it to finish.
    if (attempt >= 10) throw new Error(`the build in ${EXT_DIR} is incomplete: ${missing.join(', ')}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  }
}

/** Files the manifest names that are not in the build folder. */
function missingFiles(dir: string): string[] {
  let m: { background?: { service_worker?: string }; content_scripts?: Array<{ js?: string[] }>; action?: { default_popup?: string }; options_ui?: { page?: string } };
  try {
    m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as typeof m;
  } catch {
    return ['manifest.json'];
  }
  const named = [m.background?.service_worker, ...(m.content_scripts ?? []).flatMap((c) => c.js ?? []), m.action?.default_popup, m.options_ui?.page];
  return named.filter((f): f is string => !!f && !existsSync(path.join(dir, f)));
}

export interface LaunchOptions {
  /** the extension folder to load (null: none; the browser is started alike otherwise) */
  extDir: string | null;
  /** init scripts for every page (default: pageProbe) */
  probes?: ReadonlyArray<() => void>;
  /** whether the extension has a service worker to wait for (its id); default true */
  worker?: boolean;
}

/** A GIF the page-load benchmark holds back (so the page's load event waits for it). */
const GIF = Buffer.from('R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==', 'base64');

export async function launchBench(opts: LaunchOptions): Promise<Bench> {
  const { extDir } = opts;
  const profile = mkdtempSync(path.join(tmpdir(), 'papershelf-bench-'));
  if (extDir && !existsSync(path.join(extDir, 'manifest.json'))) throw new Error(`no extension at ${extDir}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: VIEWPORT,
    args: chromiumArgs(extDir),
  });
  const bodies = new Map<string, () => string>();
  const cache = new Map<string, string>();
  const held = new Map<string, Promise<void>>();
  await context.route(/^https?:\/\//, async (route) => {
    const url = route.request().url();
    const hold = held.get(url);
    if (hold) {
      await hold;
      return route.fulfill({ contentType: 'image/gif', body: GIF });
    }
    const make = bodies.get(url);
    if (!make) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in benchmarks' });
    let body = cache.get(url);
    if (body === undefined) cache.set(url, (body = make()));
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
  });
  await context.addInitScript({ content: NAME_SHIM });
  for (const probe of opts.probes ?? [pageProbe]) await context.addInitScript(probe);
  let extId = '';
  if (extDir && opts.worker !== false) {
    extId = new URL((await serviceWorker(context)).url()).host;
  }
  return {
    context,
    extId,
    serve: (url, body) => {
      bodies.set(url, body);
    },
    hold: (url) => {
      let release!: () => void;
      held.set(url, new Promise<void>((r) => (release = r)));
      return () => {
        release();
        held.delete(url);
      };
    },
    forget: (url) => {
      bodies.delete(url);
      cache.delete(url);
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What the probe records in every page, as `window.__bench`. */
export interface PageProbe {
  /** long tasks (>= 50 ms) of this page, from the start */
  longtasks: Array<{ start: number; duration: number }>;
  /**
   * long animation frames (>= 50 ms: a task plus the rendering it led to), where the browser
   * reports them (Chromium 123+); the long task API leaves the rendering out
   */
  frames: Array<{ start: number; duration: number }>;
  /** whether the browser reports long animation frames at all */
  frameApi: boolean;
  /** toolbar hosts seen so far, and when each was first counted (performance.now()) */
  toolbarTimes: number[];
  /** how many toolbars mean "done" (from the URL's `n=`), and when that was reached (after a forced layout) */
  expected: number;
  doneAt: number | null;
  /** DOMContentLoaded, after a forced layout of the parsed page */
  dcl: number | null;
  /** popup: the first row of the list in the DOM, and how many rows it showed then */
  firstRows: number | null;
  firstRowsCount: number;
  /** popup: every paper loaded (the list no longer aria-busy); bench-all.html: every record read */
  loaded: number | null;
}

/**
 * Runs in every page before its own scripts (main world). Feed pages (`?n=` on huggingface.co):
 * long tasks, the time each toolbar host appears, and "done" once `n` hosts carry their state.
 * The popup: when the first row of the list appears.
 */
function pageProbe(): void {
  const B: PageProbe = { longtasks: [], frames: [], frameApi: PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'), toolbarTimes: [], expected: Infinity, doneAt: null, dcl: null, firstRows: null, firstRowsCount: 0, loaded: null };
  (window as unknown as { __bench: PageProbe }).__bench = B;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long task API: the figure stays empty
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.frames.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // no long animation frame API: that figure stays empty
  }

  /** Tell the benchmark (a binding it may have exposed: doneSignal). */
  const signalDone = () => void (window as unknown as { __benchDone?: () => unknown }).__benchDone?.();

  if (location.protocol === 'chrome-extension:') {
    // The popup, and its equal-work baseline page (popup-base.ts)
    if (location.pathname !== '/popup.html' && location.pathname !== '/bench-first-rows.html') return;
    const mo = new MutationObserver(() => {
      if (B.firstRows === null) {
        const rows = document.querySelectorAll('ul[aria-label="Saved papers"] > li');
        if (rows.length) {
          B.firstRows = performance.now();
          B.firstRowsCount = rows.length;
          signalDone();
        }
      }
      if (B.loaded === null && document.querySelector('main.shelf[aria-busy="false"]')) B.loaded = performance.now();
      if (B.firstRows !== null && (B.loaded !== null || location.pathname !== '/popup.html')) mo.disconnect();
    });
    mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
    return;
  }

  if (location.hostname !== 'huggingface.co') return;
  const n = Number(new URL(location.href).searchParams.get('n'));
  if (!n) return;
  B.expected = n;

  document.addEventListener(
    'DOMContentLoaded',
    () => {
      // The parsed page is laid out before anything is timed, on both sides.
      void document.body.offsetHeight;
      B.dcl = performance.now();
      // Counted from a live collection (its length walks the document once, natively, after a
      // change), not node by node: a loop over 1,000 records here took ~8 ms of a 1,000-card scan,
      // inside our window only (the baseline's window ends before its own callback runs).
      const hosts = document.getElementsByTagName('papershelf-toolbar');
      const mo = new MutationObserver(() => {
        const now = performance.now();
        for (let k = hosts.length - B.toolbarTimes.length; k > 0; k--) B.toolbarTimes.push(now);
        if (B.doneAt === null && B.toolbarTimes.length >= B.expected) {
          // (through the same collection: a querySelectorAll here walked the whole page again)
          let stated = 0;
          for (let k = 0; k < hosts.length; k++) if (hosts[k]!.hasAttribute('data-papershelf-state')) stated++;
          if (stated >= B.expected) {
            void document.body.offsetHeight;
            B.doneAt = performance.now();
            signalDone();
          }
        }
      });
      mo.observe(document.body, { childList: true, subtree: true });
    },
    { once: true },
  );
}

/**
 * Wait for the page's probe to say it is done (window.__benchDone, a binding), at most `ms`;
 * false on timeout. Not by polling from here: Playwright's polling evaluates its own script in
 * the page first (~30 ms), which would land inside the measured window.
 */
export async function doneSignal(page: Page): Promise<(ms: number) => Promise<boolean>> {
  let signalled!: () => void;
  const done = new Promise<void>((r) => (signalled = r));
  await page.exposeFunction('__benchDone', () => signalled());
  return (ms) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)));
    return Promise.race([done.then(() => true), timeout]).finally(() => clearTimeout(timer));
  };
}

/** A new page, with its viewport, ready to navigate. */
export async function newPage(context: BrowserContext, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

/** Read the probe of a page. */
export function probe(page: Page): Promise<PageProbe> {
  return page.evaluate(() => (window as unknown as { __bench: PageProbe }).__bench);
}
