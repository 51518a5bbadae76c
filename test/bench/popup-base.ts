/**
 * The popup's baselines (issue 22): two plain extension pages doing the popup's job the plainest
 * way, on the extension's own database, timed the same way as the popup (from the page's
 * navigation start, by the same probe, browser.ts pageProbe):
 * - bench-first-rows.html, "first rows": open the database, read the same first rows the popup
 *   reads (the `read` most recently saved, through the savedAt index, and the count), and render
 *   as many as the popup shows at first (`show`: title, authors, status and tags per row) as
 *   `ul[aria-label="Saved papers"] > li`;
 * - bench-all.html, "every record read": open the database and read every record (getAll), the
 *   least the popup must do before every paper is searchable.
 * They are written into the benchmark's copy of the build (run.ts), never into .output.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { doneSignal, newPage, probe, type Bench } from './browser';

const OPEN = `const open = () => new Promise((resolve, reject) => {
  const req = indexedDB.open('papershelf');
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});
const signal = () => window.__benchDone && window.__benchDone();
`;

const FIRST_ROWS = `${OPEN}
const q = new URLSearchParams(location.search);
const read = Number(q.get('read')) || 30;
const show = Number(q.get('show')) || 10;
open().then((db) => {
  const tx = db.transaction('papers');
  const store = tx.objectStore('papers');
  const rows = [];
  let total = 0;
  store.count().onsuccess = (e) => (total = e.target.result);
  const cursor = store.index('savedAt').openCursor(null, 'prev');
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (!c) return;
    rows.push(c.value);
    if (rows.length < read) c.continue();
  };
  tx.oncomplete = () => {
    const count = document.createElement('p');
    count.textContent = total + ' papers';
    const ul = document.createElement('ul');
    ul.setAttribute('aria-label', 'Saved papers');
    for (const p of rows.slice(0, show)) {
      const li = document.createElement('li');
      const title = document.createElement('h3');
      title.textContent = p.title;
      const authors = document.createElement('p');
      authors.textContent = p.authors.join(', ');
      const meta = document.createElement('p');
      meta.textContent = [p.status, ...p.tags].join(' · ');
      li.append(title, authors, meta);
      ul.append(li);
    }
    document.body.append(count, ul);
  };
});
`;

const ALL = `${OPEN}
open().then((db) => {
  const req = db.transaction('papers').objectStore('papers').getAll();
  req.onsuccess = () => {
    window.__bench.loaded = performance.now();
    window.__bench.loadedCount = req.result.length;
    signal();
  };
});
`;

const html = (script: string) => `<!doctype html>\n<html><head><meta charset="utf-8"><title>bench</title></head><body><script src="/${script}"></script></body></html>\n`;

/** Write the two pages into the extension folder `dir` (the benchmark's copy of the build). */
export function addBaselinePages(dir: string): void {
  writeFileSync(path.join(dir, 'bench-first-rows.js'), FIRST_ROWS);
  writeFileSync(path.join(dir, 'bench-first-rows.html'), html('bench-first-rows.js'));
  writeFileSync(path.join(dir, 'bench-all.js'), ALL);
  writeFileSync(path.join(dir, 'bench-all.html'), html('bench-all.js'));
}

async function timed(bench: Bench, file: string, size: { width: number; height: number }, what: (p: Awaited<ReturnType<typeof probe>>) => number | null): Promise<number> {
  const page: Page = await newPage(bench.context, size);
  try {
    const signal = await doneSignal(page);
    await page.goto(`chrome-extension://${bench.extId}/${file}`);
    if (!(await signal(60_000))) throw new Error(`${file} did not finish in 60 s`);
    const t = what(await probe(page));
    if (t === null) throw new Error(`${file}: no time recorded`);
    return t;
  } finally {
    await page.close();
  }
}

/** The equal-work page for the popup's first rows: navigation start to its first row in the DOM. */
export function firstRowsBaseline(bench: Bench, size: { width: number; height: number }, read: number, show: number): Promise<number> {
  return timed(bench, `bench-first-rows.html?read=${read}&show=${show}`, size, (p) => p.firstRows);
}

/** Reading every record in an extension page: navigation start to getAll's result. */
export function allRecordsBaseline(bench: Bench, size: { width: number; height: number }): Promise<number> {
  return timed(bench, 'bench-all.html', size, (p) => p.loaded);
}
