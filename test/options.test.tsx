/**
 * The options page: the names other tests rely on ("Import …" file input, "Export <format>"
 * buttons), axe, and the App wired to a real Library on fake-indexeddb: export (all or the ?q=
 * filter), import (done / malformed / partial with Confirm and Cancel), settings in the fake
 * browser storage, storage estimate and "Keep data persistent".
 */
import 'fake-indexeddb/auto';
import axe from 'axe-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ImportSection, type ImportState } from '@/components/options/ImportSection';
import { formatBytes } from '@/components/options/StorageSection';
import { App, type StorageLike } from '@/entrypoints/options/App';
import { openDb } from '@/lib/db';
import type { ExportFile } from '@/lib/exchange/export';
import { Library } from '@/lib/library';
import type { SavedPaper } from '@/lib/paper';
import { SeenHistory } from '@/lib/seen/list-seen';
import { loadSettings } from '@/lib/settings';
import { $$, click, container, mount, useContainer, waitFor } from './helpers/view';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures', 'import');

beforeEach(() => {
  fakeBrowser.reset();
  document.documentElement.lang = 'en';
  document.title = 'PaperShelf options';
});
useContainer();


/** The accessible name, as far as this page needs: aria-label, aria-labelledby, <label for>, text. */
function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return label.trim();
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
  if (el.id) {
    const l = document.querySelector(`label[for="${el.id}"]`);
    if (l) return (l.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  const wrap = el.closest('label');
  return ((wrap ?? el).textContent ?? '').replace(/\s+/g, ' ').trim();
}

const button = (name: string | RegExp) => {
  const found = $$<HTMLButtonElement>('button').find((b) => (typeof name === 'string' ? nameOf(b) === name : name.test(nameOf(b))));
  if (!found) throw new Error(`no button ${String(name)} among ${$$('button').map(nameOf).join(', ')}`);
  return found;
};
const checkbox = (name: string) => $$<HTMLInputElement>('input[type="checkbox"]').find((c) => nameOf(c) === name)!;
const fileInput = () => $$<HTMLInputElement>('input[type="file"]').find((i) => nameOf(i).startsWith('Import'))!;
const text = () => (container.textContent ?? '').replace(/\s+/g, ' ');

/** Choose a file in the import control, as the browser does. */
function choose(input: HTMLInputElement, name: string, content: string) {
  const file = new File([content], name, { type: 'text/plain' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** axe rule ids that fail. Colour contrast needs real rendering. */
async function violations(): Promise<string[]> {
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

function paper(id: string, over: Partial<SavedPaper> = {}): SavedPaper {
  return {
    id,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace'],
    arxivId: id.replace(/^arxiv:/, ''),
    links: { abs: `https://arxiv.org/abs/${id.replace(/^arxiv:/, '')}` },
    signals: {},
    sources: [],
    tags: [],
    note: '',
    status: 'unread' as const,
    savedAt: 1_780_000_000_000,
    updatedAt: 1_780_000_000_000,
    ...over,
  };
}

let n = 0;
async function libraryWith(papers: SavedPaper[]): Promise<Library> {
  const lib = new Library(openDb(`test-options-${++n}-${Math.random()}`));
  await lib.importRecords(papers);
  return lib;
}

function fakeStorage(over: Partial<StorageLike> = {}): StorageLike {
  return {
    estimate: vi.fn(async () => ({ usage: 1_234_567, quota: 10_000_000_000 })),
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => true),
    ...over,
  };
}

const SITES = [
  { id: 'huggingface', label: 'Hugging Face Papers' },
  { id: 'arxiv', label: 'arXiv' },
];
const NOW = () => new Date(2026, 10, 27, 12);

async function mountApp(papers: SavedPaper[], props: { search?: string; storage?: StorageLike | null } = {}) {
  const library = await libraryWith(papers);
  const download = vi.fn<(f: ExportFile) => void>();
  const storage = props.storage === undefined ? fakeStorage() : props.storage;
  mount(<App library={library} search={props.search ?? ''} storage={storage} download={download} sites={SITES} now={NOW} />);
  await waitFor(() => expect(text()).toContain(`${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} on your shelf`));
  return { library, download, storage };
}

const SHELF = [paper('arxiv:2305.13169', { tags: ['rl'], savedAt: 3 }), paper('arxiv:2401.00001', { savedAt: 2 }), paper('arxiv:2401.00002', { tags: ['RL'], savedAt: 1 })];

// ---------------------------------------------------------------------------------------------

describe('options page: names and landmarks', () => {
  it('has a main landmark, headings, the Import file input and one Export button per format', async () => {
    await mountApp(SHELF);
    expect(container.querySelectorAll('main')).toHaveLength(1);
    expect($$('h1').map((h) => h.textContent)).toEqual(['PaperShelf options']);
    expect($$('h2').map((h) => h.textContent)).toEqual(['Export', 'Import', 'Sync', 'Local backups', 'Settings', 'Seen history', 'Other sites', 'Storage']);
    const input = fileInput();
    expect(input.type).toBe('file');
    expect(nameOf(input)).toBe('Import file (JSON backup, BibTeX, CSL-JSON, RIS)');
    expect($$('button').map(nameOf).filter((b) => b.startsWith('Export'))).toEqual([
      'Export BibTeX',
      'Export CSL-JSON',
      'Export RIS',
      'Export Markdown',
      'Export JSON backup',
    ]);
    expect(
      $$('input[type="checkbox"]')
        .map(nameOf)
        .filter(Boolean),
    ).toEqual(['Include the seen history in the JSON backup', 'Hugging Face Papers', 'arXiv', 'Keyboard shortcuts on feed pages', 'Count of saved papers on the toolbar button', 'Record the papers I scroll past']);
    expect(nameOf(button('Keep data persistent'))).toBe('Keep data persistent');
  });
});

describe('options page accessibility (axe)', () => {
  it('finds no violations on the loaded page', async () => {
    await mountApp(SHELF, { search: '?q=tag:rl status:nope' });
    expect(await violations()).toEqual([]);
  });

  it('finds no violations in the review, error and done states of Import', async () => {
    const states: ImportState[] = [
      {
        kind: 'review',
        fileName: 'x.bib',
        format: 'bibtex',
        total: 3,
        valid: 1,
        rejected: [
          { index: 2, key: 'b', reason: 'no title' },
          { index: 3, reason: 'no identifier: needs an arXiv id, a DOI or a URL' },
        ],
      },
      { kind: 'error', fileName: 'x.json', message: "Not a PaperShelf backup: missing 'papers'" },
      { kind: 'done', fileName: 'x.ris', format: 'ris', counts: { added: 1, updated: 2, unchanged: 3, rejected: 1 }, rejected: [{ index: 4, reason: 'no title' }] },
    ];
    for (const state of states) {
      mount(
        <main>
          <h1>PaperShelf options</h1>
          <ImportSection state={state} onFile={vi.fn()} onConfirm={vi.fn()} onCancel={vi.fn()} />
        </main>,
      );
      expect(await violations(), state.kind).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('export', () => {
  it('downloads every format with dated file names', async () => {
    const { download } = await mountApp(SHELF);
    expect(text()).toContain('Exports all 3 papers on your shelf.');
    const names = ['Export BibTeX', 'Export CSL-JSON', 'Export RIS', 'Export Markdown', 'Export JSON backup'];
    for (const name of names) {
      click(button(name));
      await waitFor(() => expect(button(name).disabled).toBe(false));
      await waitFor(() => expect(download).toHaveBeenCalledTimes(names.indexOf(name) + 1));
    }
    const files = download.mock.calls.map(([f]) => f);
    expect(files.map((f) => f.filename)).toEqual([
      'papershelf-2026-11-27.bib',
      'papershelf-2026-11-27.csl.json',
      'papershelf-2026-11-27.ris',
      'papershelf-2026-11-27.md',
      'papershelf-backup-2026-11-27.json',
    ]);
    expect(files[0]!.text.match(/^@misc\{/gm)).toHaveLength(3);
    expect(files[0]!.mime).toBe('application/x-bibtex;charset=utf-8');
    expect((JSON.parse(files[4]!.text) as { papers: SavedPaper[] }).papers.map((p) => p.id)).toEqual(SHELF.map((p) => p.id));
    expect(text()).toContain('Saved papershelf-backup-2026-11-27.json: JSON backup, 3 papers.');
  });

  it('exports only the papers the ?q= filter selects, and says which were ignored', async () => {
    const { download } = await mountApp(SHELF, { search: '?q=tag%3Arl%20status%3Anope' });
    await waitFor(() => expect(text()).toContain('Exports the 2 papers matching the filter below (of 3).'));
    expect(text()).toContain('Filter: tag:rl status:nope');
    expect(text()).toContain('status:nope is not a status: use unread, reading or read.');
    click(button('Export JSON backup'));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    const backup = JSON.parse(download.mock.calls[0]![0].text) as { papers: SavedPaper[] };
    expect(backup.papers.map((p) => p.id)).toEqual(['arxiv:2305.13169', 'arxiv:2401.00002']);
  });

  it('has nothing to export on an empty shelf', async () => {
    await mountApp([]);
    expect(text()).toContain('Your shelf is empty: there is nothing to export yet.');
    expect(button('Export BibTeX').disabled).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('import', () => {
  it('imports a good backup at once and reports the counts', async () => {
    const { library } = await mountApp([SHELF[0]!]);
    const backup = { format: 'papershelf-backup', version: 1, exportedAt: '2026-11-27T00:00:00.000Z', papers: SHELF };
    choose(fileInput(), 'papershelf-backup-2026-11-27.json', JSON.stringify(backup));
    await waitFor(() => expect(text()).toContain('Imported “papershelf-backup-2026-11-27.json” (PaperShelf JSON backup): 2 added, 0 updated, 1 unchanged, 0 rejected.'));
    expect(await library.count()).toBe(3);
    await waitFor(() => expect(text()).toContain('3 papers on your shelf'));
  });

  it('refuses a malformed file with a clear message and writes nothing', async () => {
    const { library } = await mountApp(SHELF);
    choose(fileInput(), 'truncated-backup.json', readFileSync(path.join(FIXTURES, 'truncated-backup.json'), 'utf8'));
    await waitFor(() => expect(container.querySelector('[role="alert"]')).not.toBeNull());
    expect(container.querySelector('[role="alert"]')!.textContent).toBe(
      'Could not import “truncated-backup.json”. JSON syntax error at position 528 (line 22, column 29): the file ends too early (is it truncated?)Nothing was imported.',
    );
    expect(await library.count()).toBe(3);
    choose(fileInput(), 'notes.csv', readFileSync(path.join(FIXTURES, 'wrong-format.csv'), 'utf8'));
    await waitFor(() => expect(text()).toContain('Could not import “notes.csv”. Unrecognised file format'));
    expect(await library.count()).toBe(3);
  });

  it('lists rejected entries and imports the rest only after Confirm import', async () => {
    const { library } = await mountApp(SHELF);
    choose(fileInput(), 'edge-cases.bib', readFileSync(path.join(FIXTURES, 'edge-cases.bib'), 'utf8'));
    await waitFor(() => button(/^Confirm import/));
    expect(text()).toContain('Review “edge-cases.bib” (BibTeX)');
    expect(text()).toContain('4 of 6 entries can be imported; 2 will be left out:');
    expect($$('ul[aria-label="Rejected entries"] li').map((li) => li.textContent)).toEqual([
      'Entry 5 (noidentity): no identifier: needs an arXiv id, a DOI or a URL',
      'Entry 6 (notitle): no title',
    ]);
    expect(fileInput().disabled).toBe(true);
    expect(await library.count()).toBe(3);
    expect(nameOf(button(/^Confirm import/))).toBe('Confirm import (4 papers)');
    click(button(/^Confirm import/));
    await waitFor(() => expect(text()).toContain('Imported “edge-cases.bib” (BibTeX): 3 added, 1 updated, 0 unchanged, 2 rejected.'));
    expect(await library.count()).toBe(6);
    // The paper already on the shelf kept its own tags.
    expect((await library.get('arxiv:2305.13169'))?.tags).toEqual(['rl']);
  });

  it('Cancel leaves the shelf as it was', async () => {
    const { library } = await mountApp(SHELF);
    choose(fileInput(), 'partial-backup.json', readFileSync(path.join(FIXTURES, 'partial-backup.json'), 'utf8'));
    await waitFor(() => button('Cancel'));
    click(button('Cancel'));
    expect(text()).not.toContain('Review');
    expect(fileInput().disabled).toBe(false);
    expect(await library.count()).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------

describe('settings and storage', () => {
  it('stores unticked sites as disabledSites and the keyboard switch', async () => {
    await mountApp(SHELF);
    await waitFor(() => expect(checkbox('arXiv').disabled).toBe(false));
    expect([checkbox('Hugging Face Papers').checked, checkbox('arXiv').checked, checkbox('Keyboard shortcuts on feed pages').checked]).toEqual([true, true, true]);
    click(checkbox('arXiv'));
    click(checkbox('Keyboard shortcuts on feed pages'));
    await waitFor(async () => expect(await loadSettings()).toEqual({ disabledSites: ['arxiv'], keyboardShortcuts: false, badgeCount: true, seenHistory: true, seenRetentionDays: 90, readCards: 'dim' }));
    await waitFor(() => expect(checkedStates()).toEqual([true, false, false]));
    click(checkbox('arXiv'));
    await waitFor(async () => expect((await loadSettings()).disabledSites).toEqual([]));
  });

  it('turns the toolbar button\'s count off and on', async () => {
    await mountApp(SHELF);
    const badge = () => checkbox('Count of saved papers on the toolbar button');
    await waitFor(() => expect(badge().disabled).toBe(false));
    expect(badge().checked).toBe(true);
    click(badge());
    await waitFor(async () => expect((await loadSettings()).badgeCount).toBe(false));
    expect(badge().checked).toBe(false);
    click(badge());
    await waitFor(async () => expect((await loadSettings()).badgeCount).toBe(true));
  });

  it('shows stored settings', async () => {
    await fakeBrowser.storage.local.set({ settings: { disabledSites: ['huggingface'], keyboardShortcuts: false } });
    await mountApp(SHELF);
    await waitFor(() => expect(checkedStates()).toEqual([false, true, false]));
  });

  it('shows the storage estimate and asks for persistence', async () => {
    const { storage } = await mountApp(SHELF);
    await waitFor(() => expect(text()).toContain('3 papers, using 1.2 MB of about 10.0 GB available'));
    expect(text()).toContain('Persistent storage: off');
    click(button('Keep data persistent'));
    await waitFor(() => expect(text()).toContain('Storage is persistent: the browser will not clear PaperShelf’s data to free up space.'));
    expect(storage!.persist).toHaveBeenCalledTimes(1);
    expect(text()).toContain('Persistent storage: on');
  });

  it('says so when the browser declines', async () => {
    await mountApp(SHELF, { storage: fakeStorage({ persist: vi.fn(async () => false) }) });
    click(button('Keep data persistent'));
    await waitFor(() => expect(text()).toContain('The browser did not make storage persistent.'));
  });

  it('copes with a browser without navigator.storage', async () => {
    await mountApp(SHELF, { storage: null });
    expect(text()).toContain('storage use not reported by this browser');
    expect(button('Keep data persistent').disabled).toBe(true);
  });

  it('formats byte counts', () => {
    expect([0, 999, 1536, 1_234_567, 10_000_000_000, 123_456_789_000].map(formatBytes)).toEqual(['0 B', '999 B', '1.5 kB', '1.2 MB', '10.0 GB', '123 GB']);
  });
});

/** The three checkboxes' states, in page order. */
function checkedStates(): boolean[] {
  return [checkbox('Hugging Face Papers').checked, checkbox('arXiv').checked, checkbox('Keyboard shortcuts on feed pages').checked];
}

describe('delete all papers', () => {
  it('asks first; Cancel keeps everything, Delete all empties the shelf', async () => {
    const { library } = await mountApp(SHELF);
    click(button('Delete all papers…'));
    expect(text()).toContain('Delete all 3 papers with their tags and notes? This cannot be undone: export a JSON backup first. It deletes them from this browser only: with folder sync on, the next sync brings back what your other devices hold.');
    click(button('Cancel'));
    expect(await library.count()).toBe(3);
    click(button('Delete all papers…'));
    click(button('Delete all'));
    await waitFor(() => expect(text()).toContain('All papers were deleted.'));
    expect(await library.count()).toBe(0);
    expect(await violations()).toEqual([]);
  });
});

describe('seen history', () => {
  const SEEN = [1, 2, 3].map((i) => ({
    id: `arxiv:2501.0000${i}`,
    title: `Seen paper ${i}`,
    authors: ['Ada Lovelace'],
    url: 'https://arxiv.org/list/cs.LG/new',
    site: 'arxiv',
    firstSeen: i,
    lastSeen: i,
  }));
  const radio = (name: string) => $$<HTMLInputElement>('input[type="radio"]').find((r) => nameOf(r) === name)!;
  const days = () => container.querySelector<HTMLInputElement>('#seen-retention')!;
  function setDays(value: string) {
    act(() => {
      days().value = value;
      days().dispatchEvent(new Event('input', { bubbles: true }));
      days().dispatchEvent(new Event('change', { bubbles: true }));
    });
  }

  async function mountSeen() {
    const db = openDb(`test-options-seen-${++n}-${Math.random()}`);
    await db.seen.bulkPut(SEEN);
    const library = new Library(db);
    await library.importRecords(SHELF);
    mount(<App library={library} search="" storage={fakeStorage()} download={vi.fn()} sites={SITES} now={NOW} seenHistory={new SeenHistory(db)} />);
    await waitFor(() => expect(button('Clear seen history (3 seen papers)…').disabled).toBe(false));
    return { db, library };
  }

  it('turns recording off, stores the retention (refusing what is no number of days) and the read cards choice', async () => {
    await mountSeen();
    const record = checkbox('Record the papers I scroll past');
    await waitFor(() => expect(record.disabled).toBe(false));
    expect([record.checked, days().value, radio('Dim them').checked]).toEqual([true, '90', true]);
    click(record);
    await waitFor(async () => expect((await loadSettings()).seenHistory).toBe(false));
    setDays('0');
    expect(text()).toContain('Enter a whole number of days from 1 to 3650.');
    expect(days().getAttribute('aria-invalid')).toBe('true');
    setDays('30');
    await waitFor(async () => expect((await loadSettings()).seenRetentionDays).toBe(30));
    expect(days().getAttribute('aria-invalid')).toBeNull();
    click(radio('Leave them as they are'));
    await waitFor(async () =>
      expect(await loadSettings()).toEqual({ disabledSites: [], keyboardShortcuts: true, badgeCount: true, seenHistory: false, seenRetentionDays: 30, readCards: 'show' }),
    );
    expect(radio('Hide them (a line on the card shows it again)').checked).toBe(false);
  });

  it('clears the history after asking, says what it did, and leaves the saved papers', async () => {
    const { db, library } = await mountSeen();
    click(button('Clear seen history (3 seen papers)…'));
    expect(text()).toContain('Delete all 3 seen papers from the history? Saved papers, their tags and notes are not touched.');
    click(button('Cancel'));
    expect(await db.seen.count()).toBe(3);
    click(button('Clear seen history (3 seen papers)…'));
    click(button('Clear history'));
    await waitFor(() => expect(text()).toContain('Cleared the seen history: 3 seen papers deleted. Saved papers were not touched.'));
    expect(await db.seen.count()).toBe(0);
    expect(await library.count()).toBe(3);
    expect(button('Clear seen history (0 seen papers)…').disabled).toBe(true);
    expect(await violations()).toEqual([]);
  });
});
