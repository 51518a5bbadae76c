/**
 * Scenario 5: bulk import of a JSON backup (lib/exchange/backup format) through the options page,
 * into an empty shelf: from the file input's change event to the "Imported …" status, timed in
 * the page. Baseline: a raw IndexedDB put of the same records, one transaction, into an empty
 * store with the same key path and indexes (lib/db's latest schema) in a database of its own.
 * If the options page has no import file input, the scenario is reported as skipped.
 * The imported library stays in the database: the popup benchmark (same records) reuses it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newPage, type Bench } from './browser';
import { dropRecords, putIntoFreshDb, raw as rawDb, sendRecords, waitForDb } from './idb';
import { backupText, savedPapers } from './records';
import { median, raw, type Entry } from './report';

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

    // Baseline: raw puts of the same records (sent to the page first, untimed) into an empty
    // store with the same indexes, in a database of its own.
    await sendRecords(page, papers);
    const base: number[] = [];
    for (let rep = 0; rep < reps; rep++) base.push((await putIntoFreshDb(page)).ms);
    await dropRecords(page);

    const ours: number[] = [];
    const notes = new Set<string>();
    for (let rep = 0; rep < reps; rep++) {
      await rawDb(page, 'clear');
      // A fresh page each time: the import section starts idle, the library empty.
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
    const ms = median(ours)!;
    const baseMs = median(base)!;
    log(`import ${n} papers: ${ms.toFixed(0)} ms vs raw put ${baseMs.toFixed(0)} ms (${(ms / baseMs).toFixed(2)}x); runs ${ours.map((x) => x.toFixed(0)).join('/')} vs ${base.map((x) => x.toFixed(0)).join('/')}`);
    return [
      raw(`${label}: file chosen to "Imported" (median of ${reps})`, ms, 'ms', baseMs, notes.size ? [...notes].join('; ') : undefined),
      raw(`${label}: raw IndexedDB put, one transaction, same indexes (the baseline)`, baseMs, 'ms'),
    ];
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
