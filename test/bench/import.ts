/**
 * Scenario 5: bulk import of a JSON backup (lib/exchange/backup format) through the options page,
 * into an empty shelf: from the file input's change event to the "Imported …" status, timed in
 * the page. Baseline: a raw bulkPut of the same records (Dexie's, the same version and options as
 * the extension's) into a new table with only the primary key, in a database of its own, from an
 * extension page of its own (bench-bulkput.html, written into the benchmark's copy of the build):
 * the write alone, with nothing else to do. Also reported: the same with IndexedDB's own put,
 * one transaction. Targets (issue 22): at most 2 s, at most 1.5x the raw bulkPut.
 * If the options page has no import file input, the scenario is reported as skipped.
 * The imported library stays in the database: the popup benchmark (same records) reuses it.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { newPage, ROOT, type Bench } from './browser';
import { putIntoFreshDb, raw as rawDb, sendRecords, waitForDb } from './idb';
import { backupText, savedPapers } from './records';
import { median, raw, targeted, type Entry } from './report';

/** The baseline page: Dexie (the extension's version, as shipped) and a bulkPut into a primary-key-only table. */
const BULK_PUT = `window.__benchBulkPut = async () => {
  const name = 'papershelf-bench-bulkput';
  await Dexie.delete(name);
  const db = new Dexie(name, { cache: 'disabled' });
  db.version(1).stores({ papers: 'id' });
  await db.open();
  const t0 = performance.now();
  await db.table('papers').bulkPut(window.__benchRecords);
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(name);
  return ms;
};
`;

/** Write bench-bulkput.html (+ Dexie and its script) into the extension folder `dir` (the benchmark's copy). */
export function addBulkPutPage(dir: string): void {
  copyFileSync(path.join(ROOT, 'node_modules', 'dexie', 'dist', 'dexie.min.js'), path.join(dir, 'bench-dexie.js'));
  writeFileSync(path.join(dir, 'bench-bulkput.js'), BULK_PUT);
  writeFileSync(path.join(dir, 'bench-bulkput.html'), '<!doctype html>\n<html><head><meta charset="utf-8"><title>bench</title></head><body><script src="/bench-dexie.js"></script><script src="/bench-bulkput.js"></script></body></html>\n');
}

/** The pause before each timed write. */
const SETTLE_MS = 1500;
const settle = (page: Page) => page.waitForTimeout(SETTLE_MS);

interface ImportProbe {
  start: number | null;
  done: number | null;
  text: string;
}

export async function importScenario(bench: Bench, n: number, reps: number, log: (s: string) => void): Promise<Entry[]> {
  const label = `Import of a ${n.toLocaleString('en-US')}-paper JSON backup`;
  const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-bench-import-'));
  const page = await newPage(bench.context);
  try {
    await page.goto(`chrome-extension://${bench.extId}/options.html`);
    await waitForDb(page);
    const found = page.locator('input[type="file"]').and(page.getByLabel(/^Import/));
    if ((await found.count()) === 0) {
      log('import: skipped, the options page has no "Import…" file input');
      return [raw(label, null, 'ms', null, 'skipped: options page missing')];
    }

    // The same library the popup benchmark uses (it reuses what the import leaves behind).
    const papers = savedPapers(n);
    const file = path.join(dir, `papershelf-backup-${n}.json`);
    writeFileSync(file, backupText(papers));

    // Baselines: a raw bulkPut, and IndexedDB's own puts, of the same records (sent first,
    // untimed, to a page of its own), each into a new primary-key-only table; alternating with ours.
    const basePage = await newPage(bench.context);
    await basePage.goto(`chrome-extension://${bench.extId}/bench-bulkput.html`);
    await sendRecords(basePage, papers);
    const base: number[] = [];
    const idbPut: number[] = [];
    const ours: number[] = [];
    const notes = new Set<string>();
    for (let rep = 0; rep < reps; rep++) {
      // Each timed write starts after a pause: the database process finishes the work the write
      // before left it (deleting a 10,000-record database, compacting), whichever came before.
      await settle(basePage);
      base.push(await basePage.evaluate(() => (window as unknown as { __benchBulkPut(): Promise<number> }).__benchBulkPut()));
      await settle(basePage);
      idbPut.push((await putIntoFreshDb(basePage)).ms);
      // A new database each time, as the baseline's (a cleared store's deleted entries slow the
      // writes after: LevelDB still holds them), and a fresh page: the import section starts idle.
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const req = indexedDB.deleteDatabase('papershelf');
            req.onsuccess = () => resolve();
            req.onerror = () => reject(req.error);
          }),
      );
      await page.reload();
      await waitForDb(page);
      await page.evaluate(() => {
        const P: ImportProbe = { start: null, done: null, text: '' };
        (window as unknown as { __import: ImportProbe }).__import = P;
        document.addEventListener('change', () => (P.start ??= performance.now()), true);
        new MutationObserver(() => {
          if (P.done !== null) return;
          for (const el of document.querySelectorAll('[role="status"], [role="alert"], [role="group"]')) {
            const t = el.textContent ?? '';
            if (/^Imported|Could not import|Review/.test(t.trim())) {
              P.done = performance.now();
              P.text = t.trim();
            }
          }
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      await settle(page);
      await found.first().setInputFiles(file);
      await page.waitForFunction(() => (window as unknown as { __import: ImportProbe }).__import.done !== null, null, { timeout: 180_000, polling: 50 });
      let r = await page.evaluate(() => (window as unknown as { __import: ImportProbe }).__import);
      if (/^Review/.test(r.text)) {
        // Some entries were rejected: confirm the rest (and say so).
        notes.add(`needed "Confirm import": ${r.text.slice(0, 120)}`);
        await page.evaluate(() => {
          const P = (window as unknown as { __import: ImportProbe }).__import;
          P.done = null;
        });
        await page.getByRole('button', { name: /^Confirm import/ }).click();
        await page.waitForFunction(() => (window as unknown as { __import: ImportProbe }).__import.done !== null, null, { timeout: 180_000, polling: 50 });
        r = await page.evaluate(() => (window as unknown as { __import: ImportProbe }).__import);
      }
      if (!/^Imported/.test(r.text)) throw new Error(`import failed: ${r.text.slice(0, 300)}`);
      const { n: stored } = await rawDb(page, 'count');
      if (stored !== n) throw new Error(`import stored ${stored} papers, expected ${n}`);
      ours.push(r.done! - r.start!);
    }
    await basePage.close();
    const ms = median(ours)!;
    const baseMs = median(base)!;
    const idbMs = median(idbPut)!;
    log(`import ${n} papers: ${ms.toFixed(0)} ms vs raw bulkPut ${baseMs.toFixed(0)} ms (${(ms / baseMs).toFixed(2)}x; IndexedDB's own puts ${idbMs.toFixed(0)} ms); runs ${ours.map((x) => x.toFixed(0)).join('/')} vs ${base.map((x) => x.toFixed(0)).join('/')} vs ${idbPut.map((x) => x.toFixed(0)).join('/')}`);
    const note = notes.size ? [...notes].join('; ') : undefined;
    const name = `${label}: file chosen to "Imported" (median of ${reps})`;
    return [
      targeted(`${name}, against a raw bulkPut of the same records into a table with only the primary key`, ms, 'ms', baseMs, '<= 1.5x the raw bulkPut', (e) => (e.ratio ?? Infinity) <= 1.5, note),
      targeted(name, ms, 'ms', null, '<= 2 s', () => ms <= 2000, note),
      raw(`${label}: raw bulkPut (Dexie), primary key only (the baseline)`, baseMs, 'ms'),
      raw(`${label}: IndexedDB's own put, one transaction, primary key only`, idbMs, 'ms', null),
    ];
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
