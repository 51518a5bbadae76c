/**
 * The JS heap of a feed page (scenario 7): read by the page-load scenario (pageload.ts) on the
 * same page in the three browsers, once the page has settled. The figure is V8's used heap of the
 * page's renderer (Runtime.getHeapUsage covers the whole isolate: the page's world and a content
 * script's) after a forced GC.
 */
import type { BrowserContext, Page } from '@playwright/test';

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
