/**
 * How the tests and the benchmarks start Chromium: Debian's build (CHROMIUM_PATH overrides),
 * headless, no network services, timers of background tabs not throttled (a second tab must
 * follow changes, a measured page must not be slowed), and the built extension when given.
 */
import type { BrowserContext, Worker } from '@playwright/test';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const VIEWPORT = { width: 1280, height: 900 };

export function chromiumArgs(extDir: string | null): string[] {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    ...(extDir ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : ['--disable-extensions']),
  ];
}

/** The extension's service worker (waiting for it to start if needed). */
export async function serviceWorker(context: BrowserContext, timeout = 15_000): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout }));
}
