/**
 * The popup reading list: the pure view (ReadingList / PaperRow) with props, then the App wired to
 * a real Library on a fake-indexeddb database (search, filters, sort, status, remove + undo).
 */
import { SITES } from '@/lib/sites/registry';
import 'fake-indexeddb/auto';
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restoredTimes } from '@/lib/shelf-times';
import { authorsLine, paperHref } from '@/components/PaperRow';
import { FALLBACK_VIEWPORT, OVERSCAN, ROW_HEIGHT, rowWindow } from '@/components/list/VirtualList';
import type { BulkAction } from '@/components/list/BulkBar';
import { DEFAULT_FILTERS, type ListFilters } from '@/components/list/filters';
import { ReadingList, type ReadingListProps } from '@/components/ReadingList';
import { App } from '@/entrypoints/popup/App';
import { PREVIEW_ROWS } from '@/lib/list/list-store';
import { openDb, type PaperShelfDB } from '@/lib/db';
import { Library } from '@/lib/library';
import type { PaperDraft, SavedPaper, UserPatch } from '@/lib/paper';
import { paperWords } from '@/lib/list/words';
import { $, $$, click, container, mount, useContainer, waitFor, readerText } from './helpers/view';

// ---------------------------------------------------------------------------------------------
// DOM helpers (no testing-library: plain queries on the container)

afterEach(() => vi.useRealTimers());
useContainer(); // after hooks run last-registered first: unmount, then real timers

const byLabel = <T extends Element = HTMLElement>(label: string) => $<T>(`[aria-label="${label}"]`);
const text = readerText;
const rows = () => $$<HTMLLIElement>('ul[aria-label="Saved papers"] > li');
const titles = () => rows().map((li) => text(li.querySelector('.paper-title')));
const optionTexts = (label: string) => [...byLabel<HTMLSelectElement>(label)!.options].map((o) => o.textContent);

/** One row as the user reads it: title | meta | [tags] | note | status. */
function rowText(li: Element): string {
  const status = li.querySelector<HTMLSelectElement>('select')!;
  const tags = [...li.querySelectorAll('.chip')].map((c) => c.textContent).join(', ');
  return [
    text(li.querySelector('.paper-title')),
    text(li.querySelector('.paper-meta')),
    tags && `[${tags}]`,
    text(li.querySelector('.paper-note')),
    status.selectedOptions[0]!.textContent,
  ]
    .filter(Boolean)
    .join(' | ');
}

function type(input: HTMLInputElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function choose(select: HTMLSelectElement, value: string) {
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

// ---------------------------------------------------------------------------------------------
// The view with props

function saved(over: Partial<SavedPaper> & { id: string; title: string }): SavedPaper {
  return {
    authors: [],
    links: {},
    signals: {},
    sources: [],
    tags: [],
    note: '',
    status: 'unread',
    savedAt: 1,
    updatedAt: 1,
    ...over,
  };
}

const ATTENTION = saved({
  id: 'arxiv:1706.03762',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
  publishedAt: '2017-06-12',
  links: { page: 'https://huggingface.co/papers/1706.03762', abs: 'https://arxiv.org/abs/1706.03762' },
  signals: { upvotes: 120 },
  tags: ['nlp', 'transformers'],
  note: '\nRe-read section 3.2\nand the appendix',
});
const DDPM = saved({
  id: 'arxiv:2006.11239',
  title: 'Denoising Diffusion Probabilistic Models',
  authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
  publishedAt: '2020-06-19',
  links: { abs: 'https://arxiv.org/abs/2006.11239' },
  signals: { upvotes: 1 },
  status: 'reading',
});
const TINY = saved({
  id: 'url:https://example.org/tiny',
  title: 'Tiny Models Read Papers Too',
  authorCount: 11,
  sources: [{ site: 'huggingface', url: 'https://huggingface.co/papers?q=tiny', firstSeenAt: 1, lastSeenAt: 1 }],
  status: 'read',
});

function viewProps(over: Partial<ReadingListProps> = {}): ReadingListProps {
  return {
    papers: [ATTENTION, DDPM, TINY],
    total: 3,
    tags: ['nlp', 'transformers'],
    filters: DEFAULT_FILTERS,
    onFiltersChange: vi.fn(),
    onStatus: vi.fn(),
    onRemove: vi.fn(),
    undo: null,
    onUndo: vi.fn(),
    onUndoExpired: vi.fn(),
    ...over,
  };
}

describe('ReadingList view', () => {
  it('renders the header, the controls and every row in full', () => {
    mount(<ReadingList {...viewProps()} />);
    expect($$('main')).toHaveLength(1);
    expect(text($('h1'))).toBe('PaperShelf');
    expect(text($('.shelf-count'))).toBe('3 papers');

    const search = $<HTMLInputElement>('input[type="search"]')!;
    expect(search.getAttribute('aria-label')).toBe('Search');
    expect(search.placeholder).toBe('Search title, authors, abstract, tags, note');
    expect(document.activeElement).toBe(search);
    expect(optionTexts('Filter by tag')).toEqual(['All tags', 'nlp', 'transformers']);
    expect(optionTexts('Filter by status')).toEqual(['All statuses', 'Unread', 'Reading', 'Read']);
    expect(optionTexts('Sort by')).toEqual(['Recently saved', 'Publication date', 'Upvotes', 'Title']);

    expect(rows()).toHaveLength(3);
    expect(rows().map(rowText)).toEqual([
      'Attention Is All You Need | Ashish Vaswani, Noam Shazeer, Niki Parmar et al. · Jun 12, 2017 · 120 upvotes | [nlp, transformers] | Re-read section 3.2 | Unread',
      'Denoising Diffusion Probabilistic Models | Jonathan Ho, Ajay Jain, Pieter Abbeel · Jun 19, 2020 · 1 upvote | Reading',
      'Tiny Models Read Papers Too | 11 authors | Read',
    ]);
    // Nothing else is written in a row (e.g. no stray HTML or labels).
    expect(text(rows()[2])).toBe('Tiny Models Read Papers Too 11 authors Unread Reading Read Details');
    expect(text($('[role="status"]'))).toBe('');
    expect(text($('.summary'))).toBe('');
  });

  it('links titles to the paper page, the abstract, or where it was seen, in new tabs', () => {
    mount(<ReadingList {...viewProps()} />);
    const links = rows().map((li) => li.querySelector('a'));
    expect(links.map((a) => a?.getAttribute('href'))).toEqual([
      'https://huggingface.co/papers/1706.03762',
      'https://arxiv.org/abs/2006.11239',
      'https://huggingface.co/papers?q=tiny',
    ]);
    for (const a of links) {
      expect(a?.getAttribute('target')).toBe('_blank');
      expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('renders titles as plain text when the URL is not http(s), and never parses page text as HTML', () => {
    const evil = saved({
      id: 'url:evil',
      title: '<img src=x onerror=alert(1)> Evil & co',
      links: { page: 'javascript:alert(1)' },
      tags: ['<b>tag</b>'],
      note: '<script>alert(1)</script>',
    });
    const noLink = saved({ id: 'url:none', title: 'No link at all' });
    mount(<ReadingList {...viewProps({ papers: [evil, noLink], total: 2 })} />);
    expect(rows().map(rowText)).toEqual([
      '<img src=x onerror=alert(1)> Evil & co | [<b>tag</b>] | <script>alert(1)</script> | Unread',
      'No link at all | Unread',
    ]);
    expect($$('a')).toHaveLength(0);
    expect($$('img, script, b')).toHaveLength(0);
    expect(byLabel('Remove <img src=x onerror=alert(1)> Evil & co')).not.toBeNull();
  });

  it('shortens author lists and falls back to the author count', () => {
    expect(authorsLine({ authors: ['A', 'B', 'C'] })).toBe('A, B, C');
    expect(authorsLine({ authors: ['A', 'B'], authorCount: 5 })).toBe('A, B et al.');
    expect(authorsLine({ authors: [], authorCount: 1 })).toBe('1 author');
    expect(authorsLine({ authors: [] })).toBe('');
    expect(paperHref({ links: { page: 'ftp://x/y' }, sources: [] })).toBeNull();
  });

  it('sends filter changes up: typing, tag, status, sort', () => {
    const onFiltersChange = vi.fn<(f: ListFilters) => void>();
    mount(<ReadingList {...viewProps({ onFiltersChange })} />);
    type($<HTMLInputElement>('input[type="search"]')!, 'diff');
    choose(byLabel<HTMLSelectElement>('Filter by tag')!, 'transformers');
    choose(byLabel<HTMLSelectElement>('Filter by status')!, 'reading');
    choose(byLabel<HTMLSelectElement>('Sort by')!, 'upvotes');
    expect(onFiltersChange.mock.calls.map((c) => c[0])).toEqual([
      { ...DEFAULT_FILTERS, text: 'diff' },
      { ...DEFAULT_FILTERS, tag: 'transformers' },
      { ...DEFAULT_FILTERS, status: 'reading' },
      { ...DEFAULT_FILTERS, sort: 'upvotes' },
    ]);
  });

  it('sends status changes and removals up for the right paper', () => {
    const onStatus = vi.fn();
    const onRemove = vi.fn();
    mount(<ReadingList {...viewProps({ onStatus, onRemove })} />);
    choose(byLabel<HTMLSelectElement>('Status of Denoising Diffusion Probabilistic Models')!, 'read');
    click(byLabel('Remove Attention Is All You Need'));
    expect(onStatus).toHaveBeenCalledExactlyOnceWith(DDPM, 'read');
    expect(onRemove).toHaveBeenCalledExactlyOnceWith(ATTENTION);
  });

  it('says "1 paper" and shows how many of them match a filter', () => {
    mount(<ReadingList {...viewProps({ papers: [DDPM], total: 1 })} />);
    expect(text($('.shelf-count'))).toBe('1 paper');
    mount(<ReadingList {...viewProps({ papers: [DDPM], total: 3, filters: { ...DEFAULT_FILTERS, status: 'reading' } })} />);
    expect(text($('.summary'))).toBe('Showing 1 of 3 papers');
  });

  it('teaches a new user how to save the first paper when the shelf is empty', () => {
    mount(<ReadingList {...viewProps({ papers: [], total: 0, tags: [] })} />);
    expect(text($('.shelf-count'))).toBe('0 papers');
    expect(text($('.empty'))).toBe(
      `Your shelf is empty Open a paper feed: ${SITES.map((s) => s.label).join(', ')}. Click Save on a paper card. Add tags and notes from the same toolbar on the card. Saved papers show up here. They stay on this computer.`,
    );
    // Every registered site's start page, in the registry's order.
    expect([...document.querySelectorAll('.empty a')].map((a) => a.getAttribute('href'))).toEqual(SITES.map((s) => s.home));
    expect(SITES[0]!.home).toBe('https://huggingface.co/papers');
    expect($('ul[aria-label="Saved papers"]')).toBeNull();
    expect($('input[type="search"]')).toBeNull();
  });

  it('says when nothing matches and clears the filters (keeping the sort)', () => {
    const onFiltersChange = vi.fn();
    const filters: ListFilters = { text: ' quantum ', tag: 'nlp', status: '', sort: 'title' };
    mount(<ReadingList {...viewProps({ papers: [], filters, onFiltersChange })} />);
    expect(text($('.empty'))).toBe('No papers match “quantum” with these filters. Clear filters');
    expect($('ul[aria-label="Saved papers"]')).toBeNull();
    click([...$$('button')].find((b) => b.textContent === 'Clear filters')!);
    expect(onFiltersChange).toHaveBeenCalledExactlyOnceWith({ ...DEFAULT_FILTERS, sort: 'title' });
    expect(document.activeElement).toBe($('input[type="search"]'));

    mount(<ReadingList {...viewProps({ papers: [], filters: { ...DEFAULT_FILTERS, status: 'read' } })} />);
    expect(text($('.empty'))).toBe('No papers match these filters. Clear filters');
  });

  it('shows nothing but the header while the first load is running', () => {
    mount(<ReadingList {...viewProps({ papers: null, total: null, tags: [] })} />);
    expect($('main')?.getAttribute('aria-busy')).toBe('true');
    expect(text($('main'))).toBe('PaperShelf Keys');
  });

  it('shows the Undo bar, which undoes or expires after the timeout', () => {
    vi.useFakeTimers();
    const onUndo = vi.fn();
    const onUndoExpired = vi.fn();
    const undo = { key: 1, ids: [DDPM.id], what: `“${DDPM.title}”` };
    mount(<ReadingList {...viewProps({ undo, onUndo, onUndoExpired, undoTimeoutMs: 8000 })} />);
    expect(text($('[role="status"]'))).toBe('Removed “Denoising Diffusion Probabilistic Models”. Undo');
    act(() => {
      vi.advanceTimersByTime(7999);
    });
    expect(onUndoExpired).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(onUndoExpired).toHaveBeenCalledTimes(1);

    click([...$$('[role="status"] button')].find((b) => b.textContent === 'Undo')!);
    expect(onUndo).toHaveBeenCalledTimes(1);
  });

  it('keeps the Undo bar while it has keyboard focus', () => {
    vi.useFakeTimers();
    const onUndoExpired = vi.fn();
    mount(<ReadingList {...viewProps({ undo: { key: 1, ids: ['x'], what: '“X”' }, onUndoExpired, undoTimeoutMs: 100 })} />);
    const button = $<HTMLButtonElement>('[role="status"] button')!;
    act(() => button.focus());
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(onUndoExpired).not.toHaveBeenCalled();
    act(() => button.blur());
    act(() => {
      vi.advanceTimersByTime(100);
    });
    expect(onUndoExpired).toHaveBeenCalledTimes(1);
  });

  it('gives every control an accessible name', () => {
    mount(<ReadingList {...viewProps({ undo: { key: 1, ids: ['x'], what: '“X”' } })} />);
    for (const el of $$('input, select, button, a')) {
      const name = el.getAttribute('aria-label') ?? text(el);
      expect(name, el.outerHTML.slice(0, 80)).not.toBe('');
    }
    expect($$('h1')).toHaveLength(1);
  });
});

describe('ReadingList accessibility (axe)', () => {
  // What the popup's index.html provides around the view.
  beforeEach(() => {
    document.documentElement.lang = 'en';
    document.title = 'PaperShelf';
  });

  /** axe rule ids that fail. Colour contrast needs real rendering: checked by the e2e run. */
  async function violations(): Promise<string[]> {
    const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
  }

  it('finds no violations in a full list with the Undo bar and an error', async () => {
    mount(<ReadingList {...viewProps({ undo: { key: 1, ids: ['x'], what: '“X”' }, error: 'Could not remove “X”: boom', onDismissError: vi.fn() })} />);
    expect(await violations()).toEqual([]);
  });

  it('finds no violations in the empty shelf and the no-match state', async () => {
    mount(<ReadingList {...viewProps({ papers: [], total: 0, tags: [] })} />);
    expect(await violations()).toEqual([]);
    mount(<ReadingList {...viewProps({ papers: [], filters: { ...DEFAULT_FILTERS, text: 'zzz' } })} />);
    expect(await violations()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The App on a real Library (fake-indexeddb)

const T0 = 1_760_000_000_000;

function draft(id: string, over: Partial<PaperDraft>): PaperDraft {
  return {
    id,
    site: 'huggingface',
    pageUrl: 'https://huggingface.co/papers',
    title: id,
    authors: [],
    links: {},
    signals: {},
    ...over,
  };
}

const SEEDS: [PaperDraft, UserPatch, number][] = [
  [
    draft('arxiv:1706.03762', {
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
      abstract: 'The dominant sequence transduction models are based on recurrent networks.',
      publishedAt: '2017-06-12',
      links: { page: 'https://huggingface.co/papers/1706.03762', abs: 'https://arxiv.org/abs/1706.03762' },
      signals: { upvotes: 120 },
    }),
    { tags: ['nlp', 'Transformers'], note: 'Re-read section 3.2\nand the appendix' },
    T0 + 1000,
  ],
  [
    draft('arxiv:2006.11239', {
      title: 'Denoising Diffusion Probabilistic Models',
      authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
      abstract: 'High quality image synthesis using diffusion probabilistic models.',
      publishedAt: '2020-06-19',
      links: { abs: 'https://arxiv.org/abs/2006.11239' },
      signals: { upvotes: 87 },
    }),
    { tags: ['diffusion', 'vision'], status: 'reading' },
    T0 + 2000,
  ],
  [
    draft('arxiv:2305.13169', {
      title: 'Tiny Models Read Papers Too',
      authorCount: 11,
      pageUrl: 'https://huggingface.co/papers?date=2023-05-22',
      signals: { upvotes: 100 },
    }),
    { tags: ['nlp'] },
    T0 + 3000,
  ],
];

const ROW = {
  attention:
    'Attention Is All You Need | Ashish Vaswani, Noam Shazeer, Niki Parmar et al. · Jun 12, 2017 · 120 upvotes | [nlp, Transformers] | Re-read section 3.2 | Unread',
  ddpm: 'Denoising Diffusion Probabilistic Models | Jonathan Ho, Ajay Jain, Pieter Abbeel · Jun 19, 2020 · 87 upvotes | [diffusion, vision] | Reading',
  tiny: 'Tiny Models Read Papers Too | 11 authors · 100 upvotes | [nlp] | Unread',
};

let db: PaperShelfDB;
let library: Library;

async function seed(lib: Library) {
  for (const [d, patch, at] of SEEDS) await lib.save(d, patch, at);
}

async function mountApp(props: { library?: Library; undoTimeoutMs?: number } = {}) {
  mount(<App library={props.library ?? library} undoTimeoutMs={props.undoTimeoutMs} />);
  // Loaded, or showing its first rows while the rest loads (the list is busy until then).
  await waitFor(() => expect($('main')?.getAttribute('aria-busy') === 'false' || rows().length > 0).toBe(true));
}

describe('popup App on a real library', () => {
  beforeEach(async () => {
    db = openDb(`test-popup-${Math.random().toString(36).slice(2)}`);
    library = new Library(db);
    await seed(library);
  });

  afterEach(async () => {
    act(() => render(null, container));
    db.close();
    await db.delete();
  });

  it('lists every saved paper, most recently saved first', async () => {
    await mountApp();
    expect(text($('.shelf-count'))).toBe('3 papers');
    expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.ddpm, ROW.attention]);
    expect(optionTexts('Filter by tag')).toEqual(['All tags', 'diffusion', 'nlp', 'Transformers', 'vision']);
    expect(rows()[0]!.querySelector('a')?.getAttribute('href')).toBe('https://huggingface.co/papers?date=2023-05-22');
  });

  it('searches as you type across title, authors, abstract, tags and note', async () => {
    await mountApp();
    const search = $<HTMLInputElement>('input[type="search"]')!;

    type(search, 'diffusion');
    await waitFor(() => expect(titles()).toEqual(['Denoising Diffusion Probabilistic Models']));
    expect(rows().map(rowText)).toEqual([ROW.ddpm]);
    expect(text($('.summary'))).toBe('Showing 1 of 3 papers');

    // Each step changes the result, so each wait proves the new query arrived.
    type(search, 'vaswani'); // author
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.attention]));
    type(search, 'read'); // title of one, note ("Re-read") of the other
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.attention]));
    type(search, 'appendix'); // note, second line
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.attention]));
    type(search, 'nlp'); // tag
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.attention]));
    type(search, 'image synth'); // abstract, prefix of the last word
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm]));

    type(search, 'quantum');
    await waitFor(() => expect(text($('.empty'))).toBe('No papers match “quantum”. Clear filters'));
    expect(rows()).toHaveLength(0);
    expect(text($('.shelf-count'))).toBe('3 papers');

    click([...$$('button')].find((b) => b.textContent === 'Clear filters')!);
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.ddpm, ROW.attention]));
    expect(search.value).toBe('');
  });

  it('answers every keystroke from memory: no IndexedDB read per keystroke, only changed ids re-read', async () => {
    await mountApp();
    // (Library has no query method any more: every search is the in-memory index's.)
    const spies = (['all', 'lookup', 'get', 'count', 'allTags'] as const).map((m) => vi.spyOn(library, m));
    const [all, lookup, get, count, allTags] = spies;
    const search = $<HTMLInputElement>('input[type="search"]')!;
    for (const t of ['d', 'de', 'den', 'denoising', 'tag:nlp', 'status:reading x', '']) type(search, t);
    type(search, 'denoising');
    expect(rows().map(rowText)).toEqual([ROW.ddpm]); // synchronously: no waiting at all
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();

    // A change elsewhere: only that id is read again.
    await act(async () => {
      await library.patch('arxiv:2006.11239', { note: 'Compare with consistency models' });
    });
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm.replace(' | Reading', ' | Compare with consistency models | Reading')]));
    expect(lookup).toHaveBeenCalledExactlyOnceWith(['arxiv:2006.11239']);
    for (const spy of [all, get, count, allTags]) expect(spy).not.toHaveBeenCalled();
    type(search, 'consistency');
    expect(titles()).toEqual(['Denoising Diffusion Probabilistic Models']);
  });

  it('filters by tag and by status', async () => {
    await mountApp();
    choose(byLabel<HTMLSelectElement>('Filter by tag')!, 'nlp');
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.attention]));
    choose(byLabel<HTMLSelectElement>('Filter by tag')!, 'Transformers');
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.attention]));
    choose(byLabel<HTMLSelectElement>('Filter by tag')!, '');
    choose(byLabel<HTMLSelectElement>('Filter by status')!, 'reading');
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm]));
    choose(byLabel<HTMLSelectElement>('Filter by status')!, 'read');
    await waitFor(() => expect(text($('.empty'))).toBe('No papers match these filters. Clear filters'));
  });

  it('sorts by publication date, upvotes and title (missing dates last)', async () => {
    await mountApp();
    const sort = byLabel<HTMLSelectElement>('Sort by')!;
    // Every step gives a different order, so each wait proves the new sort arrived.
    choose(sort, 'publishedAt');
    await waitFor(() =>
      expect(titles()).toEqual(['Denoising Diffusion Probabilistic Models', 'Attention Is All You Need', 'Tiny Models Read Papers Too']),
    );
    choose(sort, 'upvotes');
    await waitFor(() =>
      expect(titles()).toEqual(['Attention Is All You Need', 'Tiny Models Read Papers Too', 'Denoising Diffusion Probabilistic Models']),
    );
    choose(sort, 'title');
    await waitFor(() =>
      expect(titles()).toEqual(['Attention Is All You Need', 'Denoising Diffusion Probabilistic Models', 'Tiny Models Read Papers Too']),
    );
    choose(sort, 'savedAt');
    await waitFor(() =>
      expect(titles()).toEqual(['Tiny Models Read Papers Too', 'Denoising Diffusion Probabilistic Models', 'Attention Is All You Need']),
    );
  });

  it('changes the reading status through the library', async () => {
    await mountApp();
    choose(byLabel<HTMLSelectElement>('Status of Attention Is All You Need')!, 'read');
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.ddpm, ROW.attention.replace('| Unread', '| Read')]));
    expect((await library.get('arxiv:1706.03762'))?.status).toBe('read');

    // Under a status filter the row leaves the list; focus goes to what is left (here: Clear filters).
    choose(byLabel<HTMLSelectElement>('Filter by status')!, 'unread');
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny]));
    const select = byLabel<HTMLSelectElement>('Status of Tiny Models Read Papers Too')!;
    select.focus();
    choose(select, 'reading');
    await waitFor(() => expect(text($('.empty'))).toBe('No papers match these filters. Clear filters'));
    expect((await library.get('arxiv:2305.13169'))?.status).toBe('reading');
    expect(document.activeElement?.textContent).toBe('Clear filters');
  });

  it('a status change that fails says so and puts the row back to the stored status', async () => {
    await mountApp();
    vi.spyOn(library, 'patch').mockRejectedValueOnce(new Error('disk full'));
    const select = byLabel<HTMLSelectElement>('Status of Attention Is All You Need')!;
    choose(select, 'read');
    await waitFor(() => expect(text($('[role="alert"]'))).toContain('Could not change the status of “Attention Is All You Need”: disk full'));
    expect(byLabel<HTMLSelectElement>('Status of Attention Is All You Need')!.value).toBe('unread');
    expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.ddpm, ROW.attention]);
    expect((await library.get('arxiv:1706.03762'))?.status).toBe('unread');
  });

  it('removes a paper and puts it back exactly with Undo', async () => {
    await mountApp({ undoTimeoutMs: 60_000 });
    const before = await library.get('arxiv:2006.11239');
    const remove = byLabel('Remove Denoising Diffusion Probabilistic Models')!;
    remove.focus();
    click(remove);
    await waitFor(() => expect(text($('[role="status"]'))).toBe('Removed “Denoising Diffusion Probabilistic Models”. Undo'));
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.attention]));
    expect(text($('.shelf-count'))).toBe('2 papers');
    expect(await library.count()).toBe(2);
    expect(optionTexts('Filter by tag')).toEqual(['All tags', 'nlp', 'Transformers']);
    // Keyboard focus moves to the next row's remove button instead of being lost, and that row
    // is the active one (the Tab stop of the list).
    expect(document.activeElement).toBe(byLabel('Remove Attention Is All You Need'));
    expect(rows().map((li) => [li.classList.contains('active'), li.tabIndex])).toEqual([
      [false, -1],
      [true, 0],
    ]);

    const undo = [...$$('[role="status"] button')].find((b) => b.textContent === 'Undo')!;
    undo.focus(); // as a click or Enter does in a browser
    click(undo);
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.ddpm, ROW.attention]));
    expect(text($('.shelf-count'))).toBe('3 papers');
    expect(text($('[role="status"]'))).toBe('');
    // As it was, its user fields set again after the removal (so a synced removal does not hide it).
    const after = await library.get('arxiv:2006.11239');
    expect(after).toEqual({ ...before, times: restoredTimes(before!, after!.times!.saved) });
    expect(document.activeElement).toBe(byLabel('Remove Denoising Diffusion Probabilistic Models'));
  });

  it('replaces the Undo bar on the next remove and hides it after the timeout', async () => {
    await mountApp({ undoTimeoutMs: 1000 });
    click(byLabel('Remove Tiny Models Read Papers Too'));
    await waitFor(() => expect(text($('[role="status"]'))).toBe('Removed “Tiny Models Read Papers Too”. Undo'));
    click(byLabel('Remove Attention Is All You Need'));
    await waitFor(() => expect(text($('[role="status"]'))).toBe('Removed “Attention Is All You Need”. Undo'));
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm]));
    expect(text($('.shelf-count'))).toBe('1 paper');
    await waitFor(() => expect(text($('[role="status"]'))).toBe(''), 5000);
    expect(await library.count()).toBe(1);
  });

  it('shows the first-run help when the library is empty, and papers saved elsewhere as they arrive', async () => {
    await db.papers.clear();
    await mountApp();
    expect(text($('.shelf-count'))).toBe('0 papers');
    expect(text($('.empty h2'))).toBe('Your shelf is empty');
    expect(rows()).toHaveLength(0);

    // A save from another context (a feed tab via the background) fires lib/changes.
    await act(async () => {
      await library.save(SEEDS[1]![0], SEEDS[1]![1], SEEDS[1]![2]);
    });
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm]));
    expect(text($('.shelf-count'))).toBe('1 paper');
    expect($('.empty')).toBeNull();
  });

  it('re-reads the library when the popup window regains focus', async () => {
    await mountApp();
    // A write that does not notify (as if made while the popup was closed).
    await db.papers.delete('arxiv:2305.13169');
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm, ROW.attention]));
    expect(text($('.shelf-count'))).toBe('2 papers');
  });
});

// ---------------------------------------------------------------------------------------------
// At scale: the windowed list, search syntax, selection and bulk actions, keyboard

/** Dispatch a keydown as the browser does: on the focused element (or body), bubbling. */
function press(key: string, opts: KeyboardEventInit = {}, target: Element | null = document.activeElement): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...opts });
  act(() => {
    (target ?? document.body).dispatchEvent(e);
  });
  return e;
}

function clickWith(el: Element | null, init: MouseEventInit) {
  if (!el) throw new Error('nothing to click');
  act(() => {
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
  });
}

const list = () => $<HTMLUListElement>('ul[aria-label="Saved papers"]');
const positions = () => rows().map((li) => Number(li.getAttribute('aria-posinset')));
const scroller = () => $<HTMLDivElement>('.scroller')!;
const button = (name: string) => $$<HTMLButtonElement>('button').find((b) => (b.getAttribute('aria-label') ?? text(b)) === name) ?? null;
const summary = () => text($('.summary'));

const TOPICS = ['graphs', 'diffusion', 'agents'] as const;

/** n valid stored records; paper i is saved later than paper i - 1. */
function many(n: number, t0 = T0): SavedPaper[] {
  return Array.from({ length: n }, (_, i) => {
    const num = String(i).padStart(5, '0');
    const p = {
      id: `arxiv:2401.${num}`,
      title: `Paper ${i + 1} on ${TOPICS[i % 3]}`,
      authors: [`Author ${i % 7}`],
      publishedAt: `20${15 + (i % 10)}-01-01`,
      links: { page: `https://huggingface.co/papers/2401.${num}` },
      signals: { upvotes: i % 50 },
      sources: [{ site: 'huggingface', url: 'https://huggingface.co/papers', firstSeenAt: t0, lastSeenAt: t0 }],
      tags: i % 10 === 0 ? ['tenth'] : [],
      note: '',
      status: (['unread', 'reading', 'read'] as const)[i % 3]!,
      savedAt: t0 + i * 1000,
      updatedAt: t0 + i * 1000,
    };
    return { ...p, words: paperWords(p) };
  });
}

/** The row text of many()[i]. */
function manyRow(i: number): string {
  const upvotes = i % 50;
  return [
    `Paper ${i + 1} on ${TOPICS[i % 3]}`,
    `Author ${i % 7} · Jan 1, 20${15 + (i % 10)} · ${upvotes} ${upvotes === 1 ? 'upvote' : 'upvotes'}`,
    i % 10 === 0 ? '[tenth]' : '',
    ['Unread', 'Reading', 'Read'][i % 3],
  ]
    .filter(Boolean)
    .join(' | ');
}

describe('windowed list (view)', () => {
  const N = 2000;
  const papers = many(N).reverse(); // most recent first, as the App sorts them

  it('renders only the rows in view plus overscan, with their positions for assistive technology', () => {
    mount(<ReadingList {...viewProps({ papers, total: N, onBulk: vi.fn() })} />);
    const [start, end] = rowWindow(0, FALLBACK_VIEWPORT, N);
    expect([start, end]).toEqual([0, Math.ceil(FALLBACK_VIEWPORT / ROW_HEIGHT) + OVERSCAN]);
    expect(rows()).toHaveLength(7);
    expect(rows().map(rowText)).toEqual([1999, 1998, 1997, 1996, 1995, 1994, 1993].map(manyRow));
    expect(rowText(rows()[0]!)).toBe('Paper 2000 on diffusion | Author 4 · Jan 1, 2024 · 49 upvotes | Reading');
    expect(positions()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows().every((li) => li.getAttribute('aria-setsize') === '2000')).toBe(true);
    expect(list()!.style.height).toBe(`${N * ROW_HEIGHT}px`);
    expect(rows().map((li) => li.style.top)).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `${i * ROW_HEIGHT}px`));
    expect(text($('.shelf-count'))).toBe('2,000 papers');
    expect(text(button('Select all 2,000 matching'))).toBe('Select all 2,000 matching');
  });

  it('moves the window as the list scrolls, and back', () => {
    mount(<ReadingList {...viewProps({ papers, total: N })} />);
    act(() => {
      scroller().scrollTop = 100 * ROW_HEIGHT + 30; // inside row 101
      scroller().dispatchEvent(new Event('scroll'));
    });
    expect(positions()).toEqual([99, 100, 101, 102, 103, 104, 105, 106, 107]);
    expect(rows().map(rowText)[2]).toBe(manyRow(N - 101));
    act(() => {
      scroller().scrollTop = N * ROW_HEIGHT - FALLBACK_VIEWPORT; // the very end
      scroller().dispatchEvent(new Event('scroll'));
    });
    expect(positions()).toEqual([1994, 1995, 1996, 1997, 1998, 1999, 2000]);
    expect(rowText(rows().at(-1)!)).toBe(manyRow(0));
    act(() => {
      scroller().scrollTop = 0;
      scroller().dispatchEvent(new Event('scroll'));
    });
    expect(positions()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the current row rendered and scrolled into view, to the last of 2,000', () => {
    mount(<ReadingList {...viewProps({ papers, total: N })} />);
    press('ArrowDown');
    expect(document.activeElement).toBe(rows()[0]);
    press('End');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('2000');
    expect(scroller().scrollTop).toBe(N * ROW_HEIGHT - FALLBACK_VIEWPORT);
    expect(positions()).toEqual([1994, 1995, 1996, 1997, 1998, 1999, 2000]);
    press('ArrowUp');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('1999');
    press('Home');
    expect(document.activeElement).toBe(rows()[0]);
    expect(scroller().scrollTop).toBe(0);
    expect(positions()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the focused row in the DOM when it scrolls out of view', () => {
    mount(<ReadingList {...viewProps({ papers, total: N })} />);
    press('ArrowDown');
    const first = rows()[0]!;
    act(() => {
      scroller().scrollTop = 500 * ROW_HEIGHT;
      scroller().dispatchEvent(new Event('scroll'));
    });
    expect(document.activeElement).toBe(first);
    expect(first.isConnected).toBe(true);
    expect(positions()).toEqual([1, 499, 500, 501, 502, 503, 504, 505, 506, 507]);
  });

  it('goes back to the top for a new search', () => {
    const props = viewProps({ papers, total: N });
    mount(<ReadingList {...props} />);
    act(() => {
      scroller().scrollTop = 300 * ROW_HEIGHT;
      scroller().dispatchEvent(new Event('scroll'));
    });
    mount(<ReadingList {...props} papers={papers.slice(0, 700)} filters={{ ...DEFAULT_FILTERS, text: 'paper' }} />);
    expect(scroller().scrollTop).toBe(0);
    expect(positions()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(summary()).toBe('Showing 700 of 2,000 papers');
  });

  it('goes back to the top for a new search after the keyboard scrolled the list (no scroll event yet)', () => {
    const props = viewProps({ papers, total: N });
    mount(<ReadingList {...props} />);
    press('ArrowDown');
    press('End'); // the list scrolls itself to the last row
    expect(scroller().scrollTop).toBe(N * ROW_HEIGHT - FALLBACK_VIEWPORT);
    mount(<ReadingList {...props} papers={papers.slice(0, 700)} filters={{ ...DEFAULT_FILTERS, text: 'paper' }} />);
    expect(scroller().scrollTop).toBe(0);
    expect(positions()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows().map(rowText)).toEqual([1999, 1998, 1997, 1996, 1995, 1994, 1993].map(manyRow));
  });

  it('keeps rows that typing did not change, wired to the current search', () => {
    const onBulk = vi.fn<(a: BulkAction, p: SavedPaper[]) => void>();
    const props = viewProps({ papers, total: N, onBulk });
    mount(<ReadingList {...props} filters={{ ...DEFAULT_FILTERS, text: 'paper' }} />);
    click(byLabel('Select Paper 2000 on diffusion'));
    const before = rows();
    // The next keystroke finds the same papers: the rows stay as they were (not rendered again)...
    mount(<ReadingList {...props} filters={{ ...DEFAULT_FILTERS, text: 'paper ' }} />);
    expect(rows()).toEqual(before);
    expect(rows().map(rowText)).toEqual([1999, 1998, 1997, 1996, 1995, 1994, 1993].map(manyRow));
    // ...and act on this search: focus makes the row current, arrows move on from it.
    act(() => rows()[2]!.focus());
    expect(rows()[2]!.classList.contains('active')).toBe(true);
    expect(rows().filter((li) => li.classList.contains('active'))).toHaveLength(1);
    press('ArrowDown');
    expect(document.activeElement?.getAttribute('aria-posinset')).toBe('4');
    clickWith(byLabel('Select Paper 1997 on diffusion'), { shiftKey: true });
    expect(summary()).toBe('Showing 2,000 of 2,000 papers, 4 selected');
    click(byLabel('Remove the 4 selected papers'));
    expect(onBulk).toHaveBeenCalledTimes(1);
    expect(onBulk.mock.calls[0]![1].map((x) => x.title)).toEqual(['Paper 2000 on diffusion', 'Paper 1999 on graphs', 'Paper 1998 on agents', 'Paper 1997 on diffusion']);
  });

  it('shows the top rows again when a search that matched nothing matches again', () => {
    const props = viewProps({ papers, total: N });
    mount(<ReadingList {...props} filters={{ ...DEFAULT_FILTERS, text: 'p' }} />);
    mount(<ReadingList {...props} papers={[]} filters={{ ...DEFAULT_FILTERS, text: 'px' }} />);
    expect(rows()).toHaveLength(0);
    expect(text($('.empty'))).toBe('No papers match “px”. Clear filters');
    mount(<ReadingList {...props} papers={papers.slice(0, 500)} filters={{ ...DEFAULT_FILTERS, text: 'p' }} />);
    expect(scroller().scrollTop).toBe(0);
    expect(positions()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows().map(rowText)).toEqual([1999, 1998, 1997, 1996, 1995, 1994, 1993].map(manyRow));
    expect(summary()).toBe('Showing 500 of 2,000 papers');
  });
});

describe('search hint (view)', () => {
  it('shows the filter syntax under the search box, and says what it ignored', () => {
    mount(<ReadingList {...viewProps()} />);
    const search = $<HTMLInputElement>('input[type="search"]')!;
    expect(search.getAttribute('aria-describedby')).toBe('search-hint');
    expect(text($('#search-hint'))).toBe('Filters: tag:rl status:unread year:2024 site:arxiv -word');
    expect($$('#search-hint code').map((c) => c.textContent)).toEqual(['tag:rl', 'status:unread', 'year:2024', 'site:arxiv', '-word']);
    mount(<ReadingList {...viewProps({ filters: { ...DEFAULT_FILTERS, text: 'status:nonsense year:abc graph' } })} />);
    expect(text($('#search-hint'))).toBe(
      'status:nonsense is not a status: use unread, reading or read. year:abc is not a year: use 2024 or 2023..2024.',
    );
  });
});

describe('selection and bulk actions (view)', () => {
  it('selects rows (Shift for a range), all matching, and sends bulk actions up with the selected papers', () => {
    const onBulk = vi.fn<(a: BulkAction, p: SavedPaper[]) => void>();
    mount(<ReadingList {...viewProps({ onBulk })} />);
    expect($$('input[type="checkbox"]').map((c) => c.getAttribute('aria-label'))).toEqual([
      'Select Attention Is All You Need',
      'Select Denoising Diffusion Probabilistic Models',
      'Select Tiny Models Read Papers Too',
    ]);
    expect($('[role="group"][aria-label="Bulk actions"]')).toBeNull();
    expect(summary()).toBe('');

    click(byLabel('Select Attention Is All You Need'));
    expect(summary()).toBe('1 selected');
    expect(text($('[aria-label="Bulk actions"]'))).toBe('Apply Set status… Unread Reading Read Remove');
    expect(byLabel('Remove the selected paper')).not.toBeNull();
    clickWith(byLabel('Select Tiny Models Read Papers Too'), { shiftKey: true });
    expect(summary()).toBe('3 selected');
    expect($$<HTMLInputElement>('input[type="checkbox"]').map((c) => c.checked)).toEqual([true, true, true]);
    expect(button('Select all 3 matching')).toBeNull(); // everything is selected already
    expect(rows().map((li) => li.classList.contains('selected'))).toEqual([true, true, true]);

    const tagInput = byLabel<HTMLInputElement>('Tag to add to the 3 selected papers')!;
    type(tagInput, '  to-cite ');
    click(button('Apply'));
    expect(tagInput.value).toBe('');
    click(button('Apply')); // nothing typed: nothing sent
    choose(byLabel<HTMLSelectElement>('Set status of the 3 selected papers')!, 'read');
    expect(byLabel<HTMLSelectElement>('Set status of the 3 selected papers')!.value).toBe('');
    click(byLabel('Remove the 3 selected papers'));
    expect(onBulk.mock.calls).toEqual([
      [{ kind: 'tag', tag: 'to-cite' }, [ATTENTION, DDPM, TINY]],
      [{ kind: 'status', status: 'read' }, [ATTENTION, DDPM, TINY]],
      [{ kind: 'remove' }, [ATTENTION, DDPM, TINY]],
    ]);

    clickWith(byLabel('Select Attention Is All You Need'), { shiftKey: false });
    expect(summary()).toBe('2 selected');
    click(button('Select all 3 matching'));
    expect(summary()).toBe('3 selected');
    click(button('Clear selection'));
    expect(summary()).toBe('');
    expect($('[aria-label="Bulk actions"]')).toBeNull();
  });

  it('keeps only papers still shown in the selection', () => {
    const props = viewProps({ onBulk: vi.fn() });
    mount(<ReadingList {...props} />);
    click(button('Select all 3 matching'));
    mount(<ReadingList {...props} papers={[DDPM]} filters={{ ...DEFAULT_FILTERS, text: 'diff' }} />);
    expect(summary()).toBe('Showing 1 of 3 papers, 1 selected');
    mount(<ReadingList {...props} papers={[ATTENTION, DDPM, TINY]} />);
    expect(summary()).toBe('1 selected');
    expect($$<HTMLInputElement>('input[type="checkbox"]').map((c) => c.checked)).toEqual([false, true, false]);
  });
});

describe('keyboard (view)', () => {
  it('/ focuses the search, arrows move the current row, o opens, Space selects, Delete removes', () => {
    const onOpen = vi.fn();
    const onRemove = vi.fn();
    mount(<ReadingList {...viewProps({ onOpen, onRemove, onBulk: vi.fn() })} />);
    const search = $<HTMLInputElement>('input[type="search"]')!;
    act(() => search.blur());
    expect(press('/', {}, document.body).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(search);
    expect(press('/').defaultPrevented).toBe(false); // typing a "/" in the box stays typing

    press('ArrowDown');
    expect(document.activeElement).toBe(rows()[0]);
    expect(rows().map((li) => li.tabIndex)).toEqual([0, -1, -1]);
    expect(rows().map((li) => li.classList.contains('active'))).toEqual([true, false, false]);
    press('ArrowDown');
    expect(document.activeElement).toBe(rows()[1]);
    expect(rows().map((li) => li.tabIndex)).toEqual([-1, 0, -1]);
    press('ArrowDown');
    press('ArrowDown'); // stays on the last row
    expect(document.activeElement).toBe(rows()[2]);
    press('Home');
    expect(document.activeElement).toBe(rows()[0]);
    press('ArrowUp'); // above the first row: back to the search box
    expect(document.activeElement).toBe(search);
    press('ArrowDown'); // back to the current row
    expect(document.activeElement).toBe(rows()[0]);
    press('End');
    expect(document.activeElement).toBe(rows()[2]);

    press('o');
    expect(onOpen).toHaveBeenCalledExactlyOnceWith(TINY, 'https://huggingface.co/papers?q=tiny');
    press(' ');
    expect(summary()).toBe('1 selected');
    expect(byLabel<HTMLInputElement>('Select Tiny Models Read Papers Too')!.checked).toBe(true);
    press('Escape'); // nothing typed: clears the selection
    expect(summary()).toBe('');
    press('Delete');
    expect(onRemove).toHaveBeenCalledExactlyOnceWith(TINY);
    press('Backspace'); // a Mac keyboard's Delete, on the row
    expect(onRemove.mock.calls).toEqual([[TINY], [TINY]]);

    // A control inside a row moves the current row there; arrows work from it too.
    act(() => byLabel('Remove Denoising Diffusion Probabilistic Models')!.focus());
    expect(rows().map((li) => li.tabIndex)).toEqual([-1, 0, -1]);
    press('ArrowUp');
    expect(document.activeElement).toBe(rows()[0]);
    // The status menu keeps its own arrow keys.
    const status = byLabel<HTMLSelectElement>('Status of Attention Is All You Need')!;
    act(() => status.focus());
    expect(press('ArrowDown').defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(status);
    expect(press('Delete').defaultPrevented).toBe(false);
    expect(press('Backspace').defaultPrevented).toBe(false);
    expect(onRemove).toHaveBeenCalledTimes(2);
    expect(press('/').defaultPrevented).toBe(false); // a field: keys are its own
    act(() => byLabel('Remove Attention Is All You Need')!.focus());
    press('/');
    expect(document.activeElement).toBe(search);
  });

  it('Escape clears the search text', () => {
    const onFiltersChange = vi.fn();
    const filters: ListFilters = { ...DEFAULT_FILTERS, text: 'tag:nlp', status: 'read' };
    mount(<ReadingList {...viewProps({ onFiltersChange, filters })} />);
    expect(press('Escape').defaultPrevented).toBe(true);
    expect(onFiltersChange).toHaveBeenCalledExactlyOnceWith({ ...filters, text: '' });
  });
});

describe('popup at scale: accessibility (axe)', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
    document.title = 'PaperShelf';
  });

  async function violations(): Promise<string[]> {
    const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
  }

  it('finds no violations in a windowed list of 2,000 with a selection, the bulk bar and a current row', async () => {
    mount(<ReadingList {...viewProps({ papers: many(2000).reverse(), total: 2000, onBulk: vi.fn(), onOpen: vi.fn() })} />);
    click(byLabel('Select Paper 1999 on graphs'));
    press('ArrowDown');
    press('ArrowDown');
    expect(await violations()).toEqual([]);
  });

  it('finds no violations with an ignored filter explained in the hint', async () => {
    mount(<ReadingList {...viewProps({ papers: [DDPM], filters: { ...DEFAULT_FILTERS, text: 'status:nonsense diff' }, onBulk: vi.fn() })} />);
    expect(await violations()).toEqual([]);
  });
});

describe('popup App at scale and with the new tools', () => {
  beforeEach(async () => {
    db = openDb(`test-popup-${Math.random().toString(36).slice(2)}`);
    library = new Library(db);
    await seed(library);
  });

  afterEach(async () => {
    act(() => render(null, container));
    db.close();
    await db.delete();
  });

  it('opens 2,000 papers with only the first rows rendered, and searches them', async () => {
    await db.papers.clear();
    await db.papers.bulkPut(many(2000));
    await mountApp();
    expect(text($('.shelf-count'))).toBe('2,000 papers');
    expect(rows().map(rowText)).toEqual([1999, 1998, 1997, 1996, 1995, 1994, 1993].map(manyRow));
    expect(positions()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('2000');

    const search = $<HTMLInputElement>('input[type="search"]')!;
    type(search, 'tenth');
    expect(summary()).toBe('Showing 200 of 2,000 papers');
    expect(rows().map(rowText)).toEqual([1990, 1980, 1970, 1960, 1950, 1940, 1930].map(manyRow));
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('200');
    type(search, 'tenth diffusion year:2015');
    // 10 ≡ 0 (mod 10), ≡ 1 (mod 3), year 2015 ⇔ ≡ 0 (mod 10): i ≡ 10 (mod 30)
    expect(summary()).toBe('Showing 67 of 2,000 papers');
    expect(rows().map(rowText).slice(0, 3)).toEqual([1990, 1960, 1930].map(manyRow));
    type(search, 'tenth diffusion year:2015 status:reading');
    expect(summary()).toBe('Showing 67 of 2,000 papers'); // i ≡ 1 (mod 3) is "reading" already
    type(search, 'paper 1999');
    expect(rows().map(rowText)).toEqual([manyRow(1998)]);
  });

  it('combines typed filters with the clicked ones, and explains ignored ones', async () => {
    await mountApp();
    await act(async () => {
      await library.save(
        draft('arxiv:2401.00001', { site: 'arxiv', pageUrl: 'https://arxiv.org/list/cs.LG/new', title: 'Only On Arxiv', publishedAt: '2024-01-02' }),
        { tags: ['rl'] },
        T0 + 4000,
      );
    });
    const ARXIV_ROW = 'Only On Arxiv | Jan 2, 2024 | [rl] | Unread';
    await waitFor(() => expect(rows().map(rowText)).toEqual([ARXIV_ROW, ROW.tiny, ROW.ddpm, ROW.attention]));
    const search = $<HTMLInputElement>('input[type="search"]')!;
    const expectRows = (typed: string, want: string[]) => {
      type(search, typed);
      expect(rows().map(rowText), typed).toEqual(want);
    };
    expectRows('tag:nlp', [ROW.tiny, ROW.attention]);
    expectRows('TAG:NLP status:unread', [ROW.tiny, ROW.attention]);
    expectRows('tag:nlp -tag:transformers', [ROW.tiny]);
    expectRows('tag:"Transformers" vaswani', [ROW.attention]);
    expectRows('status:reading', [ROW.ddpm]);
    expectRows('year:2017', [ROW.attention]);
    expectRows('year:2018..2024', [ARXIV_ROW, ROW.ddpm]);
    expectRows('site:arxiv', [ARXIV_ROW]);
    expectRows('site:hf', [ROW.tiny, ROW.ddpm, ROW.attention]);
    expectRows('-site:arxiv -tag:nlp', [ROW.ddpm]);
    expectRows('foo:bar', []);
    expect(text($('.empty'))).toBe('No papers match “foo:bar”. Clear filters');
    expectRows('status:nonsense diffusion', [ROW.ddpm]);
    expect(text($('#search-hint'))).toBe('status:nonsense is not a status: use unread, reading or read.');

    // The clicked filters apply as well.
    expectRows('tag:nlp', [ROW.tiny, ROW.attention]);
    choose(byLabel<HTMLSelectElement>('Filter by tag')!, 'Transformers');
    expect(rows().map(rowText)).toEqual([ROW.attention]);
    choose(byLabel<HTMLSelectElement>('Filter by tag')!, '');
    choose(byLabel<HTMLSelectElement>('Filter by status')!, 'read');
    expect(text($('.empty'))).toBe('No papers match “tag:nlp” with these filters. Clear filters');
    type(search, 'status:read');
    expect(text($('.empty'))).toBe('No papers match “status:read” with these filters. Clear filters');
    type(search, 'status:unread');
    expect(text($('.empty'))).toBe('No papers match “status:unread” with these filters. Clear filters'); // unread AND read
    click(button('Clear filters'));
    expect(rows()).toHaveLength(4);
    expect(text($('#search-hint'))).toBe('Filters: tag:rl status:unread year:2024 site:arxiv -word');
  });

  it('ranks by relevance when there are search words, ties in the selected sort', async () => {
    await mountApp();
    const search = $<HTMLInputElement>('input[type="search"]')!;
    // "models": a title word of Denoising… and Tiny…, an abstract word of Attention….
    type(search, 'models');
    expect(titles()).toEqual(['Tiny Models Read Papers Too', 'Denoising Diffusion Probabilistic Models', 'Attention Is All You Need']);
    choose(byLabel<HTMLSelectElement>('Sort by')!, 'title');
    expect(titles()).toEqual(['Denoising Diffusion Probabilistic Models', 'Tiny Models Read Papers Too', 'Attention Is All You Need']);
    type(search, '');
    expect(titles()).toEqual(['Attention Is All You Need', 'Denoising Diffusion Probabilistic Models', 'Tiny Models Read Papers Too']);
    // A whole word beats a prefix: "read" is Tiny's title word, only a prefix in none, a note word of Attention.
    type(search, 'rea');
    expect(titles()).toEqual(['Tiny Models Read Papers Too', 'Attention Is All You Need']);
  });

  it('bulk: adds a tag, sets the status and removes the selection, with Undo', async () => {
    await mountApp({ undoTimeoutMs: 60_000 });
    const before = await library.all();
    click(byLabel('Select Attention Is All You Need'));
    click(byLabel('Select Tiny Models Read Papers Too'));
    expect(summary()).toBe('2 selected');

    type(byLabel<HTMLInputElement>('Tag to add to the 2 selected papers')!, 'to-cite');
    click(button('Apply'));
    await waitFor(() =>
      expect(rows().map(rowText)).toEqual([
        ROW.tiny.replace('[nlp]', '[nlp, to-cite]'),
        ROW.ddpm,
        ROW.attention.replace('[nlp, Transformers]', '[nlp, Transformers, to-cite]'),
      ]),
    );
    expect((await library.get('arxiv:1706.03762'))?.tags).toEqual(['nlp', 'Transformers', 'to-cite']);
    expect(optionTexts('Filter by tag')).toEqual(['All tags', 'diffusion', 'nlp', 'to-cite', 'Transformers', 'vision']);
    expect(summary()).toBe('2 selected');

    choose(byLabel<HTMLSelectElement>('Set status of the 2 selected papers')!, 'read');
    await waitFor(() => expect(rows().map((li) => li.querySelector('select')!.value)).toEqual(['read', 'reading', 'read']));
    expect((await library.get('arxiv:2305.13169'))?.status).toBe('read');

    click(byLabel('Remove the 2 selected papers'));
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm]));
    expect(text($('[role="status"]'))).toBe('Removed 2 papers. Undo');
    expect(text($('.shelf-count'))).toBe('1 paper');
    expect(summary()).toBe('');
    expect(await library.count()).toBe(1);

    click(button('Undo'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(text($('.shelf-count'))).toBe('3 papers');
    const after = await library.all();
    expect(after.find((p) => p.id === 'arxiv:2006.11239')).toEqual(before.find((p) => p.id === 'arxiv:2006.11239'));
    expect(after.find((p) => p.id === 'arxiv:1706.03762')?.tags).toEqual(['nlp', 'Transformers', 'to-cite']);
  });

  it('bulk on the current search: "Select all N matching", then remove and undo', async () => {
    await mountApp({ undoTimeoutMs: 60_000 });
    type($<HTMLInputElement>('input[type="search"]')!, 'nlp');
    click(button('Select all 2 matching'));
    expect(summary()).toBe('Showing 2 of 3 papers, 2 selected');
    type(byLabel<HTMLInputElement>('Tag to add to the 2 selected papers')!, 'language');
    click(button('Apply'));
    await waitFor(() =>
      expect(rows().map((li) => [...li.querySelectorAll('.chip')].map((c) => c.textContent))).toEqual([
        ['nlp', 'language'],
        ['nlp', 'Transformers', 'language'],
      ]),
    );
    click(byLabel('Remove the 2 selected papers'));
    await waitFor(() => expect(text($('.empty'))).toBe('No papers match “nlp”. Clear filters'));
    expect(text($('[role="status"]'))).toBe('Removed 2 papers. Undo');
    expect(await library.count()).toBe(1);
    click(button('Undo'));
    await waitFor(() => expect(titles()).toEqual(['Tiny Models Read Papers Too', 'Attention Is All You Need']));
    expect(await library.count()).toBe(3);
  });

  it('keyboard: /, arrows, o opens in a new tab, Delete removes with Undo, Escape clears', async () => {
    const openUrl = vi.fn();
    mount(<App library={library} undoTimeoutMs={60_000} openUrl={openUrl} />);
    await waitFor(() => expect($('main')?.getAttribute('aria-busy')).toBe('false'));
    const search = $<HTMLInputElement>('input[type="search"]')!;
    act(() => search.blur());
    press('/', {}, document.body);
    expect(document.activeElement).toBe(search);
    type(search, 'nlp');
    press('ArrowDown');
    expect(document.activeElement).toBe(rows()[0]);
    expect(rowText(document.activeElement!)).toBe(ROW.tiny);
    press('ArrowDown');
    expect(rowText(document.activeElement!)).toBe(ROW.attention);
    press('o');
    expect(openUrl).toHaveBeenCalledExactlyOnceWith('https://huggingface.co/papers/1706.03762');

    press('Delete');
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny]));
    expect(text($('[role="status"]'))).toBe('Removed “Attention Is All You Need”. Undo');
    expect(document.activeElement).toBe(rows()[0]); // the row now in that place (the last one)
    const undo = button('Undo')!;
    act(() => undo.focus());
    click(undo);
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.attention]));
    expect(document.activeElement).toBe(rows()[1]); // back on the restored row

    press('Escape');
    expect(search.value).toBe('');
    expect(document.activeElement).toBe(search);
    expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.ddpm, ROW.attention]);
  });

  it('shows the first rows before the whole library is loaded, when the library can page', async () => {
    class PagedLibrary extends Library {
      release: () => void = () => {};
      private gate = new Promise<void>((r) => (this.release = r));
      override firstPage = vi.fn(async (_sort: 'savedAt', limit: number) => (await super.all()).sort((a, b) => b.savedAt - a.savedAt).slice(0, limit));
      override async all(): Promise<SavedPaper[]> {
        await this.gate;
        return super.all();
      }
    }
    const paged = new PagedLibrary(db);
    await mountApp({ library: paged });
    expect(paged.firstPage).toHaveBeenCalledExactlyOnceWith('savedAt', PREVIEW_ROWS);
    expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.ddpm, ROW.attention]);
    expect(summary()).toBe('Loading 3 papers…');
    expect($('main')?.getAttribute('aria-busy')).toBe('true');
    expect(button('Select all 3 matching')).toBeNull();
    type($<HTMLInputElement>('input[type="search"]')!, 'diff');
    expect(text($('.empty'))).toBe('Searching as soon as every paper is loaded…');
    act(() => paged.release());
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm]));
    expect(summary()).toBe('Showing 1 of 3 papers');
    expect($('main')?.getAttribute('aria-busy')).toBe('false');
  });

  it('applies changes made while the whole library was still loading', async () => {
    class GatedLibrary extends Library {
      release: () => void = () => {};
      private gate = new Promise<void>((r) => (this.release = r));
      override async all(): Promise<SavedPaper[]> {
        const rows = await super.all(); // read before the change below
        await this.gate;
        return rows;
      }
    }
    const gated = new GatedLibrary(db);
    mount(<App library={gated} />);
    await act(async () => {
      await gated.patch('arxiv:2006.11239', { status: 'read' });
      await gated.remove(['arxiv:2305.13169']);
    });
    act(() => gated.release());
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.ddpm.replace('| Reading', '| Read'), ROW.attention]));
    expect(text($('.shelf-count'))).toBe('2 papers');
  });

  it('checks the count when the popup regains focus, and re-reads only if it changed', async () => {
    await mountApp();
    const all = vi.spyOn(library, 'all');
    const count = vi.spyOn(library, 'count');
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(count).toHaveBeenCalledTimes(1));
    await act(() => new Promise<void>((r) => setTimeout(r, 50)));
    expect(all).not.toHaveBeenCalled();
  });

  it('finds no axe violations in the loaded popup with a selection', async () => {
    document.documentElement.lang = 'en';
    document.title = 'PaperShelf';
    await mountApp();
    click(byLabel('Select Attention Is All You Need'));
    press('ArrowDown', {}, $('input[type="search"]'));
    const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
