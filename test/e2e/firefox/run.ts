/**
 * The Firefox end-to-end suite: every journey of journeys.ff.ts, then details.ff.ts, any-page.ff.ts and sync.ff.ts, in order, in
 * one headless Firefox per version (FIREFOXES: Debian's current ESR and ESR 140), each with the
 * Firefox build (.output/firefox-mv2, built by run.mjs) installed. A Firefox that is missing or
 * will not start fails its journeys: nothing is skipped. Prints one line per journey and closes with
 * `N passed, N failed`; exits non-zero on any failure.
 *
 *   npx wxt build -b firefox && npx tsx test/e2e/firefox/run.ts [journey name filter]
 */
import type { Page } from 'puppeteer-core';
import { anyPageJourneys } from './any-page.ff';
import { extensionPage, feedPage, FIREFOXES, launchFirefox, type Session } from './harness';
import { detailsJourneys } from './details.ff';
import { journeys, type JourneyContext } from './journeys.ff';
import { syncJourneys } from './sync.ff';

/** A journey that takes longer has hung (they take a few seconds each). */
const JOURNEY_TIMEOUT_MS = 45_000;

const filter = process.argv[2];
const selected = [...journeys, ...detailsJourneys, ...anyPageJourneys, ...syncJourneys].filter((j) => !filter || j.name.includes(filter));
let passed = 0;
let failed = 0;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms)));
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function report(ok: boolean, name: string, ms: number, err?: unknown): void {
  if (ok) passed++;
  else failed++;
  console.log(`  ${ok ? '✓' : '✗'} ${name} (${(ms / 1000).toFixed(1)} s)`);
  if (err) console.log(`      ${(err instanceof Error ? (err.stack ?? err.message) : String(err)).split('\n').join('\n      ')}`);
}

for (const fx of FIREFOXES) {
  const started = performance.now();
  let session: Session;
  try {
    session = await launchFirefox(fx);
  } catch (e) {
    console.log(`${fx.name} (${fx.exe}): could not start`);
    for (const j of selected) report(false, j.name, 0, j === selected[0] ? e : undefined);
    continue;
  }
  console.log(`${fx.name}: ${session.version}, extension installed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const j of selected) {
    const pages: Page[] = [];
    const ctx: JourneyContext = {
      session,
      feed: async (url, csp) => {
        const p = await feedPage(session.browser, url, csp);
        pages.push(p);
        return p;
      },
      extension: async (file) => {
        const p = await extensionPage(session.browser, file);
        pages.push(p);
        return p;
      },
    };
    const t0 = performance.now();
    try {
      await withTimeout(j.run(ctx), JOURNEY_TIMEOUT_MS);
      report(true, j.name, performance.now() - t0);
    } catch (e) {
      report(false, j.name, performance.now() - t0, e);
    }
    await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
  }
  await session.browser.close();
  console.log(`${fx.name}: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
