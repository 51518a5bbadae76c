/**
 * Sync and local backups in real Firefox, which cannot pick a folder: the options page says how to
 * sync by hand (this device's file, saved; the other devices' files, imported), another device's
 * file merges through the import with its tags, note and status, and today's local snapshot (the
 * background's, in the origin private file system) is listed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { localDate } from '../../../lib/dates';
import { element, same, until } from './harness';
import type { Journey } from './journeys.ff';

/** What the options page's Import section says after a file (its outcome line). */
function importOutcome(): string | null {
  const p = document.getElementById('import-heading')?.closest('section')?.querySelector('[role="status"] p');
  return p ? (p.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

const HINT =
  'This browser cannot write to a folder you pick: save this device’s file into your synced folder with the button below, and import the other devices’ papershelf-*.json files there with Import.';

const T = Date.UTC(2026, 11, 1, 9);
const PHONE_PAPER = {
  id: 'arxiv:2612.00077',
  title: 'Tidal Locking of Sparse Attention Heads',
  authors: ['Ines Okafor', 'Tomas Brandt'],
  links: { abs: 'https://arxiv.org/abs/2612.00077' },
  signals: {},
  sources: [],
  tags: ['from-phone'],
  note: 'read on the train',
  status: 'read',
  savedAt: T,
  updatedAt: T + 3,
  times: { saved: T, note: T + 1, status: T + 2, tags: { 'from-phone': { tag: 'from-phone', on: true, at: T + 3 } } },
};

/** The phone's device file, as its PaperShelf writes it into the synced folder. */
function phoneFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-ff-sync-'));
  const file = path.join(dir, 'papershelf-phone-1a2b3c.json');
  const backup = {
    format: 'papershelf-backup',
    version: 2,
    exportedAt: new Date(T + 10).toISOString(),
    device: { id: 'phone-1a2b3c', name: 'Phone' },
    papers: [PHONE_PAPER],
    removed: [],
  };
  writeFileSync(file, JSON.stringify(backup, null, 2));
  return file;
}

/** The reading list's row of a paper, as text, or null when not listed. */
function listed(title: string): string | null {
  const li = [...document.querySelectorAll('ul[aria-label="Saved papers"] > li')].find((l) => l.textContent?.includes(title));
  return li ? (li.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}

function isListed(title: string): boolean {
  return [...document.querySelectorAll('ul[aria-label="Saved papers"] > li')].some((l) => l.textContent?.includes(title));
}

export const syncJourneys: readonly Journey[] = [
  {
    name: 'options in Firefox: sync by hand explained; a device file merges through Import; today’s snapshot listed',
    async run({ extension }) {
      const page = await extension('options.html');
      // (the snapshot is named by the local date; Firefox runs in this process's time zone)
      const today = localDate(new Date());
      await until(page, (hint: string) => document.body.textContent?.includes(hint) ?? false, HINT, true, 'the by-hand sync line');
      same(await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.textContent === 'Save this device’s file').length), 1, 'the button that saves this device’s file');
      // The background took today's snapshot when it started (Firefox has the private folder too).
      await until(page, (day: string) => !!document.querySelector(`button[aria-label="Restore the snapshot of ${day}…"]`), today, true, 'today’s snapshot');

      const input = (await element(page, 'input[type="file"]')) as ElementHandle<HTMLInputElement>;
      await input.uploadFile(phoneFile());
      await until(page, importOutcome, undefined, 'Imported “papershelf-phone-1a2b3c.json” (PaperShelf JSON backup): 1 added, 0 updated, 0 unchanged, 0 rejected.', 'the import’s outcome');
      const popup = await extension('popup.html');
      await until(popup, isListed, PHONE_PAPER.title, true, 'the phone’s paper in the list');
      // (the row's text: title, authors, tag, note, the status select's options, Details)
      same(await popup.evaluate(listed, PHONE_PAPER.title), 'Tidal Locking of Sparse Attention HeadsInes Okafor, Tomas Brandtfrom-phoneread on the trainUnreadReadingReadDetails', 'the phone’s paper in the list');
      same(await popup.evaluate(() => (document.querySelector('select[aria-label^="Status of Tidal Locking"]') as HTMLSelectElement | null)?.value), 'read', 'its status');
    },
  },
];
