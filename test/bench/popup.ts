/**
 * Scenario 4: the popup (entrypoints/popup, opened as a page at popup size) with 1,000 and 10,000
 * saved papers.
 * - Time to first rows: from the popup's navigation start (its performance.now() origin) to the
 *   first `ul[aria-label="Saved papers"] > li` in the DOM (browser.ts pageProbe). Baseline: an
 *   extension page doing the same work the plainest way (popup-base.ts: open the database, read
 *   the same first rows, render as many as the popup showed), timed the same way.
 * - Every paper loaded (searchable): navigation start to the list no longer aria-busy; baseline:
 *   an extension page reading every record (getAll).
 * - Keystroke to results: each character of a few queries typed into the "Search" box; from the
 *   keydown (a capture listener) to the results in the DOM (MutationObserver: after the whole
 *   synchronous update). That is the target ("under one frame": the work fits in a frame, so
 *   the next frame shows the results). Also reported: to the end of the frame that shows them
 *   (requestAnimationFrame + a message), which adds 0-16.7 ms of vsync alignment however fast
 *   the work is, and that wait alone. The target is on the work: to the results in the DOM plus
 *   the rendering of the frame that shows them (style, layout, paint), without that wait. A keystroke that changes nothing on screen ends at the
 *   frame after its input event and counts only in the frame figures.
 * - Open details: Enter on the current row (each of the first rows in turn), from the keydown to
 *   the paper's details in the DOM (MutationObserver, as above); and back (Escape) to the list.
 * - Typing in the note: each character typed into the open details' "Note" field, from the
 *   keydown to the end of the work its input event started (the editor's re-render, a microtask
 *   queued by its input handler; a textarea's value is no DOM mutation to observe).
 */
import type { Page } from '@playwright/test';
import { doneSignal, newPage, probe, type Bench } from './browser';
import { dropRecords, holdsLibrary, raw as rawDb, sendRecords, waitForDb } from './idb';
import { savedPapers } from './records';
import { PREVIEW_ROWS } from '../../lib/list/list-store';
import { allRecordsBaseline, firstRowsBaseline } from './popup-base';
import { median, percentile, raw, targeted, type Entry } from './report';

/** What is typed, one character at a time (words from the generator's vocabulary and the query syntax). */
export const QUERIES = ['attention', 'graph neural', 'tag:rl diffusion', 'status:reading sparse', 'robot policy', '-survey quantiz'];

const POPUP_SIZE = { width: 420, height: 600 };

/** One keystroke: to the frame after the change (`ms`), to the DOM change itself (`dom`). */
interface KeyResult {
  ms: number;
  dom: number | null;
  /** the rendering of the frame that showed the change: its requestAnimationFrame to its end */
  render: number;
  changed: boolean;
}

export interface Keys {
  ms: number[];
  dom: number[];
  /** frame wait after the DOM change (ms - dom), per changed keystroke */
  wait: number[];
  /** to the end of the frame showing the change, without the wait for that frame to start (dom + its rendering) */
  work: number[];
  unchanged: number;
}

async function armKeyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __armKey(): void; __keyResult: Promise<KeyResult> };
    w.__armKey = () => {
      w.__keyResult = new Promise((resolve) => {
        const root = document.getElementById('app') ?? document.body;
        let t0: number | null = null;
        let settled = false;
        let afterInput: number | null = null;
        let timer = 0;
        const afterFrame = (then: (t: number, start: number) => void) =>
          requestAnimationFrame(() => {
            const start = performance.now();
            const ch = new MessageChannel();
            ch.port1.onmessage = () => then(performance.now(), start);
            ch.port2.postMessage(0);
          });
        const onKey = () => {
          t0 = performance.now();
          window.removeEventListener('keydown', onKey, true);
        };
        const onInput = () => {
          window.removeEventListener('input', onInput);
          afterFrame((t) => (afterInput = t));
          timer = window.setTimeout(() => {
            if (settled || t0 === null) return;
            settled = true;
            mo.disconnect();
            const end = afterInput ?? performance.now();
            resolve({ ms: end - t0, dom: null, render: 0, changed: false });
          }, 300);
        };
        const mo = new MutationObserver(() => {
          if (t0 === null || settled) return;
          settled = true;
          mo.disconnect();
          clearTimeout(timer);
          const start = t0;
          const dom = performance.now() - start;
          afterFrame((t, frameStart) => resolve({ ms: t - start, dom, render: t - frameStart, changed: true }));
        });
        window.addEventListener('keydown', onKey, true);
        window.addEventListener('input', onInput);
        // A key that never arrives must not hang the run.
        window.setTimeout(() => {
          if (t0 !== null || settled) return;
          settled = true;
          mo.disconnect();
          resolve({ ms: NaN, dom: null, render: 0, changed: false });
        }, 5000);
        mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
      });
    };
  });
}

/** Type the queries into the search box named `boxName`; latencies of every keystroke (and how many changed nothing on screen). */
export async function keystrokes(page: Page, queries: readonly string[], boxName = 'Search'): Promise<Keys> {
  await armKeyProbe(page);
  const box = page.getByRole('searchbox', { name: boxName, exact: true });
  await box.focus();
  const ms: number[] = [];
  const dom: number[] = [];
  const wait: number[] = [];
  const work: number[] = [];
  let unchanged = 0;
  for (const q of queries) {
    await box.fill('');
    await page.waitForTimeout(150);
    await page.evaluate(() => (window as unknown as { __armKey(): void }).__armKey());
    const chars = [...q];
    for (let i = 0; i < chars.length; i++) {
      await page.keyboard.type(chars[i]!);
      // The result of this keystroke; armed again for the next one in the same round trip.
      const r = await page.evaluate(async (again) => {
        const w = window as unknown as { __armKey(): void; __keyResult: Promise<KeyResult> };
        const res = await w.__keyResult;
        if (again) w.__armKey();
        return res;
      }, i < chars.length - 1);
      if (!Number.isFinite(r.ms)) throw new Error(`no keydown seen for ${JSON.stringify(chars[i])} in ${JSON.stringify(q)}`);
      ms.push(r.ms);
      if (r.dom !== null) {
        dom.push(r.dom);
        wait.push(r.ms - r.dom);
        work.push(r.dom + r.render);
      }
      if (!r.changed) unchanged++;
    }
  }
  await box.fill('');
  return { ms, dom, wait, work, unchanged };
}

/** The details figures: Enter to the details in the DOM, Escape back to the list, note keystrokes. */
interface DetailsTimes {
  open: number[];
  back: number[];
  note: number[];
}

/** Characters typed into the note (one keystroke each). */
const NOTE_TEXT = 'compare with table 2, ablation';

async function armDetailsProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    type W = { __armDom(sel: string, present: boolean): void; __armInput(): void; __probe: Promise<number> };
    const w = window as unknown as W;
    /** From the next keydown to `sel` being (or no longer being) in the DOM. */
    w.__armDom = (sel, present) => {
      w.__probe = new Promise((resolve) => {
        const root = document.getElementById('app') ?? document.body;
        let t0: number | null = null;
        const onKey = () => {
          t0 = performance.now();
          window.removeEventListener('keydown', onKey, true);
        };
        const mo = new MutationObserver(() => {
          if (t0 === null || !!document.querySelector(sel) !== present) return;
          mo.disconnect();
          resolve(performance.now() - t0);
        });
        window.addEventListener('keydown', onKey, true);
        mo.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
        window.setTimeout(() => {
          mo.disconnect();
          resolve(NaN);
        }, 5000);
      });
    };
    /** From the next keydown to the end of the work its input event started. */
    w.__armInput = () => {
      w.__probe = new Promise((resolve) => {
        let t0: number | null = null;
        const onKey = () => {
          t0 = performance.now();
          window.removeEventListener('keydown', onKey, true);
        };
        // The editor's handler ran before this (the field is the target, this listens on the
        // window) and queued its re-render as a microtask: two microtasks later it is done. (A
        // posted message would wait for the frame the browser renders first.)
        const onInput = () => {
          window.removeEventListener('input', onInput);
          void Promise.resolve()
            .then(() => undefined)
            .then(() => resolve(t0 === null ? NaN : performance.now() - t0));
        };
        window.addEventListener('keydown', onKey, true);
        window.addEventListener('input', onInput);
        window.setTimeout(() => resolve(NaN), 5000);
      });
    };
  });
}

/** Open the details of the first `opens` rows in turn (Enter), type in the last one's note, go back (Escape). */
async function detailsTimes(page: Page, opens: number): Promise<DetailsTimes> {
  await armDetailsProbe(page);
  const result = () => page.evaluate(() => (window as unknown as { __probe: Promise<number> }).__probe);
  const arm = (sel: string, present: boolean) =>
    page.evaluate(([s, p]) => (window as unknown as { __armDom(sel: string, present: boolean): void }).__armDom(s, p), [sel, present] as const);
  const out: DetailsTimes = { open: [], back: [], note: [] };
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.focus();
  await box.fill('');
  await page.waitForTimeout(150);
  for (let i = 0; i < opens; i++) {
    await page.keyboard.press('ArrowDown'); // the next row becomes the current one
    await page.waitForTimeout(30);
    await arm('section.details', true);
    await page.keyboard.press('Enter');
    const open = await result();
    if (!Number.isFinite(open)) throw new Error(`row ${i}: no details after Enter`);
    out.open.push(open);
    if (i === opens - 1) {
      // The view moves focus to its heading once it has painted (an effect): wait for that, or
      // it takes the focus from the note after we gave it and the keystrokes go to the heading.
      await page.waitForFunction(() => document.activeElement?.id === 'details-title');
      await page.locator('#details-note').focus();
      for (const ch of NOTE_TEXT) {
        await page.evaluate(() => (window as unknown as { __armInput(): void }).__armInput());
        await page.keyboard.type(ch);
        const t = await result();
        if (!Number.isFinite(t)) throw new Error(`note keystroke ${JSON.stringify(ch)}: no input in the note in 5 s`);
        out.note.push(t);
      }
    }
    await page.waitForTimeout(30);
    await arm('section.details', false);
    await page.keyboard.press('Escape');
    const back = await result();
    if (!Number.isFinite(back)) throw new Error(`row ${i}: the list did not come back after Escape`);
    out.back.push(back);
  }
  return out;
}

/**
 * Open the popup and wait for its first rows and for every paper to be loaded; the times are from
 * its navigation start. `rows`: how many rows the first rows were.
 */
async function openPopup(bench: Bench): Promise<{ page: Page; firstRows: number; rows: number; loaded: number }> {
  const page = await newPage(bench.context, POPUP_SIZE);
  const signal = await doneSignal(page);
  await page.goto(`chrome-extension://${bench.extId}/popup.html`);
  if (!(await signal(60_000))) throw new Error('the popup showed no rows in 60 s');
  await page.waitForSelector('main.shelf[aria-busy="false"]', { timeout: 60_000 });
  const p = await probe(page);
  return { page, firstRows: p.firstRows!, rows: p.firstRowsCount, loaded: p.loaded! };
}

/** How many rows' details are opened per size (unless PopupOptions.detailsOpens says). */
const DETAILS_OPENS = 20;

export interface PopupOptions {
  /** how many rows' details to open at each size (default 20) */
  detailsOpens?: number;
  sizes: readonly number[];
  reps: number;
  queries: readonly string[];
  /** the size that carries the targets */
  targetSize: number;
}

export async function popupScenario(bench: Bench, o: PopupOptions, log: (s: string) => void): Promise<Entry[]> {
  const out: Entry[] = [];
  for (const n of o.sizes) {
    // Seed: the popup page creates the database (Dexie), then raw puts fill it (unless the
    // import scenario just left exactly this library there).
    const seed = await newPage(bench.context, POPUP_SIZE);
    try {
      await seed.goto(`chrome-extension://${bench.extId}/popup.html`);
      await waitForDb(seed);
      if (!(await holdsLibrary(seed, n))) {
        await rawDb(seed, 'clear');
        await sendRecords(seed, savedPapers(n));
        await rawDb(seed, 'putAll');
        await dropRecords(seed);
      }
      const { n: stored } = await rawDb(seed, 'count');
      if (stored !== n) throw new Error(`seeded ${stored} papers, expected ${n}`);
    } finally {
      await seed.close();
    }

    // The popup and its two baseline pages (popup-base.ts) take turns, each from a new page.
    const firstRows: number[] = [];
    const loaded: number[] = [];
    const baseRows: number[] = [];
    const baseAll: number[] = [];
    let keys: Keys = { ms: [], dom: [], wait: [], work: [], unchanged: 0 };
    let details: DetailsTimes = { open: [], back: [], note: [] };
    for (let rep = 0; rep < o.reps; rep++) {
      const { page, firstRows: t, rows, loaded: all } = await openPopup(bench);
      try {
        firstRows.push(t);
        loaded.push(all);
        if (rep === o.reps - 1) {
          // Type after the popup's after-load work (index preparation).
          await page.waitForTimeout(n >= 5000 ? 1500 : 500);
          keys = await keystrokes(page, o.queries);
          details = await detailsTimes(page, o.detailsOpens ?? DETAILS_OPENS);
        }
      } finally {
        await page.close();
      }
      baseRows.push(await firstRowsBaseline(bench, POPUP_SIZE, PREVIEW_ROWS, rows));
      baseAll.push(await allRecordsBaseline(bench, POPUP_SIZE));
    }
    const fr = median(firstRows)!;
    const frBase = median(baseRows)!;
    const all = median(loaded)!;
    const allBase = median(baseAll)!;
    const p50 = percentile(keys.dom, 50);
    const p95 = percentile(keys.dom, 95);
    const w95 = percentile(keys.work, 95);
    const label = `Popup, ${n.toLocaleString('en-US')} papers`;
    log(
      `popup ${n} papers: first rows ${fr.toFixed(1)} ms vs equal-work page ${frBase.toFixed(1)} ms (${(fr / frBase).toFixed(2)}x); ` +
        `every paper loaded ${all.toFixed(0)} ms vs every record read ${allBase.toFixed(0)} ms (${(all / allBase).toFixed(2)}x); ` +
        `keystroke to results in the DOM p50 ${p50?.toFixed(1)} ms, p95 ${p95?.toFixed(1)} ms over ${keys.dom.length}; ` +
        `to the end of their frame (work) p95 ${w95?.toFixed(1)} ms, with the wait for the frame p95 ${percentile(keys.ms, 95)?.toFixed(1)} ms (${keys.unchanged} changed nothing on screen)`,
    );
    const keyNote = `${keys.work.length} keystrokes of ${o.queries.length} queries that changed the list`;
    const rowsName = `${label}: navigation to first rows (median of ${o.reps})`;
    const keyName = `${label}: keystroke to the end of the frame showing the results (work: script, style, layout, paint; not the wait for the frame), p95`;
    if (n === o.targetSize) {
      out.push(targeted(rowsName, fr, 'ms', frBase, '<= 1.5x the equal-work page', (e) => (e.ratio ?? Infinity) <= 1.5));
      out.push(targeted(keyName, w95, 'ms', null, '< 16 ms (one frame)', () => w95! < 16, keyNote));
    } else {
      out.push(raw(rowsName, fr, 'ms', frBase));
      out.push(raw(keyName, w95, 'ms', null, keyNote));
    }
    out.push(raw(`${label}: navigation to every paper loaded and searchable (median of ${o.reps}; baseline: an extension page reading every record)`, all, 'ms', allBase));
    out.push(raw(`${label}: keystroke to results in the DOM, p95`, p95, 'ms'));
    out.push(raw(`${label}: keystroke to results in the DOM, p50`, p50, 'ms'));
    out.push(raw(`${label}: keystroke to the end of the frame showing the results, with the wait for that frame, p95`, percentile(keys.ms, 95), 'ms'));
    out.push(raw(`${label}: of which waiting for the frame (vsync) after the DOM update, p95`, percentile(keys.wait, 95), 'ms'));
    out.push(...detailsEntries(label, details, n === o.targetSize, log));
  }
  return out;
}

/** The details figures of one size: open and note keystroke carry the one-frame target at the target size. */
function detailsEntries(label: string, d: DetailsTimes, target: boolean, log: (s: string) => void): Entry[] {
  const open = percentile(d.open, 95);
  const note = percentile(d.note, 95);
  const back = percentile(d.back, 95);
  log(
    `${label}: open details p50 ${percentile(d.open, 50)?.toFixed(1)} ms, p95 ${open?.toFixed(1)} ms over ${d.open.length}; ` +
      `back to the list p95 ${back?.toFixed(1)} ms; note keystroke p50 ${percentile(d.note, 50)?.toFixed(1)} ms, p95 ${note?.toFixed(1)} ms over ${d.note.length}`,
  );
  const openName = `${label}: open details (Enter on a row) to the details in the DOM, p95`;
  const noteName = `${label}: keystroke in the details' note to its work done, p95`;
  const openNote = `${d.open.length} rows opened`;
  const noteNote = `${d.note.length} keystrokes`;
  const frame = '< 16 ms (fits in a frame)';
  return [
    target ? targeted(openName, open, 'ms', null, frame, () => open! < 16, openNote) : raw(openName, open, 'ms', null, openNote),
    raw(`${label}: open details, p50`, percentile(d.open, 50), 'ms'),
    raw(`${label}: back from the details to the list (Escape) to the list in the DOM, p95`, back, 'ms'),
    target ? targeted(noteName, note, 'ms', null, frame, () => note! < 16, noteNote) : raw(noteName, note, 'ms', null, noteNote),
  ];
}
