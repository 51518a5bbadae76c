/**
 * The popup reading list: the pure view (ReadingList / PaperRow) with props, then the App wired to
 * a real Library on a fake-indexeddb database (search, filters, sort, status, remove + undo).
 */
import 'fake-indexeddb/auto';
import axe from 'axe-core';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authorsLine, paperHref } from '@/components/PaperRow';
import { DEFAULT_FILTERS, ReadingList, type ListFilters, type ReadingListProps } from '@/components/ReadingList';
import { App } from '@/entrypoints/popup/App';
import { openDb, type PaperShelfDB } from '@/lib/db';
import { Library, type LibraryQuery } from '@/lib/library';
import type { PaperDraft, SavedPaper, UserPatch } from '@/lib/paper';

// ---------------------------------------------------------------------------------------------
// DOM helpers (no testing-library: plain queries on the container)

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  act(() => render(null, container));
  container.remove();
  vi.useRealTimers();
});

function mount(ui: ComponentChild) {
  act(() => render(ui, container));
}

const $ = <T extends Element = HTMLElement>(sel: string) => container.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(sel: string) => [...container.querySelectorAll<T>(sel)];
const byLabel = <T extends Element = HTMLElement>(label: string) => $<T>(`[aria-label="${label}"]`);
const BLOCK = /^(P|H[1-6]|LI|UL|OL|DIV|SECTION|HEADER|MAIN|BUTTON|SELECT|OPTION)$/;
/** Text as a reader sees it: blocks separated by a space, whitespace collapsed. */
function text(el: Element | null | undefined): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (!(n instanceof Element)) return;
    const block = BLOCK.test(n.tagName);
    if (block) out += ' ';
    n.childNodes.forEach(walk);
    if (block) out += ' ';
  };
  if (el) walk(el);
  return out.replace(/\s+/g, ' ').trim();
}
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

function click(el: Element | null) {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
}

/** Let IndexedDB answer and Preact re-render, until `check` passes (or the time is up). */
async function waitFor(check: () => void, timeoutMs = 4000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    await act(() => new Promise<void>((r) => setTimeout(r, 5)));
  }
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
    words: [],
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
    expect(text(rows()[2])).toBe('Tiny Models Read Papers Too 11 authors Unread Reading Read');
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
      'Your shelf is empty Open huggingface.co/papers. Click Save on a paper card. Add tags and notes from the same toolbar on the card. Saved papers show up here. They stay on this computer.',
    );
    expect($('.empty a')?.getAttribute('href')).toBe('https://huggingface.co/papers');
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
    expect(text($('main'))).toBe('PaperShelf');
  });

  it('shows the Undo bar, which undoes or expires after the timeout', () => {
    vi.useFakeTimers();
    const onUndo = vi.fn();
    const onUndoExpired = vi.fn();
    const undo = { key: 1, id: DDPM.id, title: DDPM.title };
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
    mount(<ReadingList {...viewProps({ undo: { key: 1, id: 'x', title: 'X' }, onUndoExpired, undoTimeoutMs: 100 })} />);
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
    mount(<ReadingList {...viewProps({ undo: { key: 1, id: 'x', title: 'X' } })} />);
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
    mount(<ReadingList {...viewProps({ undo: { key: 1, id: 'x', title: 'X' }, error: 'Could not remove “X”: boom', onDismissError: vi.fn() })} />);
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
  await waitFor(() => expect($('main')?.getAttribute('aria-busy')).toBe('false'));
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

  it('ignores a slow answer to an older query', async () => {
    class SlowLibrary extends Library {
      override async query(q: LibraryQuery = {}): Promise<SavedPaper[]> {
        const rows = await super.query(q);
        if (q.text === 'd') await new Promise((r) => setTimeout(r, 150));
        return rows;
      }
    }
    const slow = new SlowLibrary(db);
    await mountApp({ library: slow });
    const search = $<HTMLInputElement>('input[type="search"]')!;
    type(search, 'd'); // matches two papers, answered last
    type(search, 'denoising'); // matches one, answered first
    await waitFor(() => expect(titles()).toEqual(['Denoising Diffusion Probabilistic Models']));
    await act(() => new Promise<void>((r) => setTimeout(r, 250)));
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
    // Keyboard focus moves to the next row's remove button instead of being lost.
    expect(document.activeElement).toBe(byLabel('Remove Attention Is All You Need'));

    const undo = [...$$('[role="status"] button')].find((b) => b.textContent === 'Undo')!;
    undo.focus(); // as a click or Enter does in a browser
    click(undo);
    await waitFor(() => expect(rows().map(rowText)).toEqual([ROW.tiny, ROW.ddpm, ROW.attention]));
    expect(text($('.shelf-count'))).toBe('3 papers');
    expect(text($('[role="status"]'))).toBe('');
    expect(await library.get('arxiv:2006.11239')).toEqual(before);
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
