/**
 * Scenario 7: the JS heap of a feed page, with and without the extension. "With" is read on the
 * feed-scan pages themselves (feed.ts calls heapUsed once every toolbar is in place); "without"
 * loads the same page under the same URL in a second Chromium started without the extension.
 * The figure is V8's used heap of the page's renderer (Runtime.getHeapUsage covers the whole
 * isolate: the page's world and the content script's isolated world) after a forced GC.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { launchBench, newPage } from './browser';
import { feedPage, FEED_URL } from './pages';
import { median, raw, type Entry } from './report';

/** Used JS heap of the page's renderer after a full GC, in bytes. */
export async function heapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/** The same page in a Chromium without the extension: median used heap over `reps` loads. */
export async function heapWithout(n: number, reps: number): Promise<number[]> {
  const bench = await launchBench({ extension: false });
  const html = feedPage(n);
  const out: number[] = [];
  try {
    for (let rep = 0; rep < reps; rep++) {
      const url = `${FEED_URL}?n=${n}&mem=${rep}`;
      bench.serve(url, () => html);
      const page = await newPage(bench.context);
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
        // as long as the extension's pages are given to settle after their last toolbar
        await page.waitForTimeout(1000);
        out.push(await heapUsed(bench.context, page));
      } finally {
        await page.close();
      }
    }
  } finally {
    await bench.close();
  }
  return out;
}

const MB = 2 ** 20;

export function memoryEntries(n: number, withExt: readonly number[], without: readonly number[]): Entry[] {
  const w = median(withExt);
  const wo = median(without);
  const label = `Feed page heap, ${n.toLocaleString('en-US')} cards`;
  return [
    raw(`${label}: with the extension (without as baseline)`, w === null ? null : w / MB, 'MB', wo === null ? null : wo / MB),
    raw(`${label}: added by the extension`, w === null || wo === null ? null : (w - wo) / MB, 'MB'),
  ];
}
