/**
 * A paper's details in the reading list (components/details): the view with props (what it
 * shows, text only, http(s) links only, keyboard in and out), then the App on a real Library
 * (fake-indexeddb): the note saved on Ctrl+Enter, on leaving the field and on closing, unsent text
 * surviving a live update, tags added and removed, the header's Options / Side panel / Keys and
 * "On this page".
 */
import 'fake-indexeddb/auto';
import axe from 'axe-core';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { siteLabel } from '@/components/details/fields';
import { DEFAULT_FILTERS } from '@/components/list/filters';
import { LIST_KEYS } from '@/components/list/ShelfHeader';
import { ReadingList, type ReadingListProps } from '@/components/ReadingList';
import { App } from '@/entrypoints/popup/App';
import type { PageIdsListener, PageSource } from '@/lib/list/active-page';
import type { Library } from '@/lib/library';
import type { SavedPaper } from '@/lib/paper';
import { freshLibrary, hfDraft } from './helpers/drafts';
import { $, $$, click, mount, useContainer, waitFor, readerText } from './helpers/view';

useContainer();
beforeEach(() => {
  document.documentElement.lang = 'en';
  document.title = 'PaperShelf';
});

const byLabel = <T extends Element = HTMLElement>(label: string) => $<T>(`[aria-label="${label}"]`);
const text = readerText;
const rows = () => $$<HTMLLIElement>('ul[aria-label="Saved papers"] > li');
const button = (name: string) => $$<HTMLButtonElement>('button').find((b) => (b.getAttribute('aria-label') ?? text(b)) === name) ?? null;
const details = () => $('section.details');
const noteField = () => $<HTMLTextAreaElement>('#details-note')!;
const tagField = () => byLabel<HTMLInputElement>('Add tag')!;
const chipsShown = () => [...(details()?.querySelectorAll('.chips li') ?? [])].map(text);

function press(key: string, opts: KeyboardEventInit = {}, target: Element | null = document.activeElement): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...opts });
  act(() => void (target ?? document.body).dispatchEvent(e));
  return e;
}
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function saved(over: Partial<SavedPaper> & { id: string; title: string }): SavedPaper {
  return { authors: [], links: {}, signals: {}, sources: [], tags: [], note: '', status: 'unread', savedAt: 1, updatedAt: 1, ...over };
}

const FULL = saved({
  id: 'arxiv:2305.13169',
  title: 'Sparse Mixtures Read Papers',
  authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
  authorCount: 6,
  venue: 'NeurIPS 2024',
  publishedAt: '2024-05-21',
  arxivId: '2305.13169',
  arxivVersion: 2,
  doi: '10.1000/xyz',
  siteIds: { openreview: 'rJXMpikCZ' },
  abstract: 'We study <b>sparse</b> mixtures.\nSecond paragraph.',
  links: {
    page: 'https://huggingface.co/papers/2305.13169',
    abs: 'https://arxiv.org/abs/2305.13169',
    pdf: 'javascript:alert(1)',
    code: 'https://github.com/x/y',
    bib: 'https://example.org/x.bib',
    supp: 'https://example.org/supp.zip',
  },
  signals: { upvotes: 120, comments: 4, citedBy: 31, githubStars: 1234 },
  signalsSeenAt: Date.UTC(2026, 4, 3),
  sources: [
    { site: 'huggingface', url: 'https://huggingface.co/papers/2305.13169', firstSeenAt: 1, lastSeenAt: 1 },
    { site: 'arxiv', url: 'https://arxiv.org/list/cs.LG/new', firstSeenAt: 1, lastSeenAt: 1 },
  ],
  tags: ['rl', 'moe'],
  note: '<script>alert(1)</script>\nline two',
  status: 'reading',
});
const BARE = saved({ id: 'url:https://example.org/bare', title: 'A Bare Paper' });

function viewProps(over: Partial<ReadingListProps> = {}): ReadingListProps {
  return {
    papers: [FULL, BARE],
    total: 2,
    tags: ['moe', 'rl', 'vision'],
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

describe('details (view)', () => {
  it('opens from the row\'s "Details" button, in place of the list, with everything kept, as text', () => {
    mount(<ReadingList {...viewProps()} />);
    expect(rows().map((li) => li.querySelector('[data-control="details"]')?.textContent)).toEqual(['Details', 'Details']);
    click(rows()[0]!.querySelector('[data-control="details"]'));
    // The list and the search stay in the DOM, hidden (the list keeps its scroll position).
    expect($('ul[aria-label="Saved papers"]')?.closest('[hidden]')).not.toBeNull();
    expect($('input[type="search"]')?.closest('[hidden]')).not.toBeNull();
    const d = details()!;
    expect(document.activeElement).toBe($('#details-title'));
    expect(text($('#details-title'))).toBe('Sparse Mixtures Read Papers');
    expect(text(d.querySelector('.details-authors'))).toBe('Ada Lovelace, Alan Turing, Grace Hopper, Edsger Dijkstra and 2 others');
    expect(text(d.querySelector('.details-when'))).toBe('NeurIPS 2024 · May 21, 2024');
    expect([...d.querySelectorAll('.details-facts dt')].map((x) => [x.textContent, x.nextElementSibling?.textContent])).toEqual([
      ['arXiv', '2305.13169v2'],
      ['DOI', '10.1000/xyz'],
      [siteLabel('openreview'), 'rJXMpikCZ'],
    ]);
    // The abstract and the note are text: their markup is shown, never parsed.
    expect(d.querySelector('.abstract')?.textContent).toBe('We study <b>sparse</b> mixtures.\nSecond paragraph.');
    expect(noteField().value).toBe('<script>alert(1)</script>\nline two');
    expect(d.querySelectorAll('b, script')).toHaveLength(0);
    // Links: http(s) only (the javascript: PDF is left out), code with its stars, every site seen on.
    expect([...d.querySelectorAll('.details-links li')].map((li) => [text(li), li.querySelector('a')?.getAttribute('href')])).toEqual([
      ['Paper page', 'https://huggingface.co/papers/2305.13169'],
      ['Abstract', 'https://arxiv.org/abs/2305.13169'],
      ['Code ★ 1,234', 'https://github.com/x/y'],
      ['BibTeX', 'https://example.org/x.bib'],
      ['Supplementary material', 'https://example.org/supp.zip'],
      ['Seen on Hugging Face Papers', 'https://huggingface.co/papers/2305.13169'],
      ['Seen on arXiv', 'https://arxiv.org/list/cs.LG/new'],
    ]);
    for (const a of d.querySelectorAll('a')) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(text(d.querySelector('.details-signals'))).toBe('120 upvotes · 4 comments · cited by 31 (as of May 3, 2026)');
    expect([...d.querySelectorAll('.chips li')].map(text)).toEqual(['rl ×', 'moe ×']);
    expect(byLabel('Remove tag rl')?.tagName).toBe('BUTTON');
    expect([...d.querySelectorAll('#details-tag-suggestions option')].map((o) => o.getAttribute('value'))).toEqual(['vision']);
    expect($<HTMLSelectElement>('#details-status')!.value).toBe('reading');
  });

  it('says when no abstract is saved and shows no empty sections', () => {
    mount(<ReadingList {...viewProps()} />);
    click(rows()[1]!.querySelector('[data-control="details"]'));
    expect(text(details())).toBe('← Back to list A Bare Paper Status Unread Reading Read Abstract No abstract saved. Tags No tags yet. Note Ctrl+Enter saves the note; so does leaving the field.');
  });

  it('keyboard: Enter and → open the current row\'s details, Escape and ← go back to that row', () => {
    mount(<ReadingList {...viewProps()} />);
    press('ArrowDown', {}, $('input[type="search"]'));
    press('ArrowDown');
    expect(document.activeElement).toBe(rows()[1]);
    press('Enter');
    expect(text($('#details-title'))).toBe('A Bare Paper');
    expect(document.activeElement).toBe($('#details-title'));
    press('Escape');
    expect(details()).toBeNull();
    expect(document.activeElement).toBe(rows()[1]);
    press('ArrowRight');
    expect(text($('#details-title'))).toBe('A Bare Paper');
    // ← inside a field moves the caret, Escape in a tag field with text clears it first.
    type(tagField(), 'draft');
    expect(press('ArrowLeft').defaultPrevented).toBe(false);
    press('Escape');
    expect(tagField().value).toBe('');
    expect(details()).not.toBeNull();
    act(() => $<HTMLElement>('#details-title')!.focus());
    press('ArrowLeft');
    expect(details()).toBeNull();
    expect(document.activeElement).toBe(rows()[1]);
    // Back by its button too.
    click(rows()[0]!.querySelector('[data-control="details"]'));
    click(button('← Back to list'));
    expect(document.activeElement).toBe(rows()[0]);
  });

  it('sends status, tag and note edits up for the open paper', () => {
    const onStatus = vi.fn();
    const onTag = vi.fn();
    const onNote = vi.fn();
    mount(<ReadingList {...viewProps({ onStatus, onTag, onNote })} />);
    click(rows()[0]!.querySelector('[data-control="details"]'));
    act(() => {
      const s = $<HTMLSelectElement>('#details-status')!;
      s.value = 'read';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    type(tagField(), '  vision ');
    press('Enter');
    type(tagField(), 'RL'); // already there (case-insensitive): nothing to add
    press('Enter');
    click(byLabel('Remove tag rl'));
    expect(document.activeElement).toBe(byLabel('Remove tag moe')); // the next ×
    type(noteField(), 'new note');
    press('Enter', { ctrlKey: true });
    expect(onStatus).toHaveBeenCalledExactlyOnceWith(FULL, 'read');
    expect(onTag.mock.calls).toEqual([
      [FULL, { add: 'vision' }],
      [FULL, { remove: 'rl' }],
    ]);
    expect(onNote).toHaveBeenCalledExactlyOnceWith(FULL, 'new note');
  });

  it('finds no axe violations with details open', async () => {
    mount(<ReadingList {...viewProps()} onOptions={vi.fn()} onSidePanel={vi.fn()} />);
    click(rows()[0]!.querySelector('[data-control="details"]'));
    click(button('Keys'));
    const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
  });

  it('header: Options and Side panel call up, Keys shows every list key', () => {
    const onOptions = vi.fn();
    const onSidePanel = vi.fn();
    mount(<ReadingList {...viewProps({ onOptions, onSidePanel })} />);
    click(button('Options'));
    click(button('Side panel'));
    expect([onOptions.mock.calls.length, onSidePanel.mock.calls.length]).toEqual([1, 1]);
    expect($('#keys-help')).toBeNull();
    click(button('Keys'));
    expect(button('Keys')?.getAttribute('aria-expanded')).toBe('true');
    expect([...$$('#keys-help dt')].map(text)).toEqual(LIST_KEYS.map(([k]) => k));
    expect(text($('#keys-help'))).toContain('Enter or → open the paper’s details');
  });
});

// ---------------------------------------------------------------------------------------------
// The App on a real library

/** A PageSource the test drives. */
class FakePage implements PageSource {
  windowId = 3;
  listener: PageIdsListener | null = null;
  start(l: PageIdsListener) {
    this.listener = l;
  }
  stop() {
    this.listener = null;
  }
  show(ids: string[] | null) {
    act(() => this.listener?.(ids && new Set(ids)));
  }
}

describe('details in the App', () => {
  let library: Library;
  let page: FakePage;
  beforeEach(async () => {
    library = freshLibrary();
    page = new FakePage();
    await library.save(hfDraft('2603.00001'), { tags: ['rl'] }, 1000);
    await library.save(hfDraft('2603.00002', { title: 'Second paper' }), { tags: ['vision'] }, 2000);
  });

  async function open(title: string, props: Partial<Parameters<typeof App>[0]> = {}) {
    mount(<App library={library} page={page} sidePanel={null} openOptions={vi.fn()} {...props} />);
    await waitFor(() => expect($('main')?.getAttribute('aria-busy')).toBe('false'));
    const row = rows().find((li) => text(li.querySelector('.paper-title')) === title)!;
    click(row.querySelector('[data-control="details"]'));
    expect(text($('#details-title'))).toBe(title);
  }

  it('saves the note on Ctrl+Enter and when focus leaves, and says so', async () => {
    await open('Paper 2603.00001');
    expect(text(details()?.querySelector('.abstract'))).toBe('Abstract of 2603.00001 about sparse mixtures.');
    type(noteField(), 'first thought');
    press('Enter', { ctrlKey: true });
    await waitFor(async () => expect((await library.get('arxiv:2603.00001'))?.note).toBe('first thought'));
    await waitFor(() => expect(text($('#details-note-hint'))).toBe('Note saved.'));
    type(noteField(), 'first thought\nsecond');
    act(() => noteField().blur());
    await waitFor(async () => expect((await library.get('arxiv:2603.00001'))?.note).toBe('first thought\nsecond'));
  });

  it('keeps unsent text through a live update of the same paper, and saves it on the way back', async () => {
    await open('Paper 2603.00001');
    type(noteField(), 'unsent words');
    // An edit made elsewhere (a card) re-renders the details with the new record.
    await act(() => library.patch('arxiv:2603.00001', { addTags: ['from-card'] }).then(() => undefined));
    await waitFor(() => expect(chipsShown()).toEqual(['rl ×', 'from-card ×']));
    expect(noteField().value).toBe('unsent words');
    expect((await library.get('arxiv:2603.00001'))?.note).toBe('');
    press('Escape', {}, noteField());
    expect(details()).toBeNull();
    await waitFor(async () => expect((await library.get('arxiv:2603.00001'))?.note).toBe('unsent words'));
    // A note stored meanwhile shows in a field nobody typed in.
    click(rows().find((li) => text(li.querySelector('.paper-title')) === 'Second paper')!.querySelector('[data-control="details"]'));
    await act(() => library.patch('arxiv:2603.00002', { note: 'written on a card' }).then(() => undefined));
    await waitFor(() => expect(noteField().value).toBe('written on a card'));
  });

  it('adds a tag (suggesting the user\'s others) and removes one, through the library', async () => {
    await open('Paper 2603.00001');
    expect($$('#details-tag-suggestions option').map((o) => o.getAttribute('value'))).toEqual(['vision']);
    type(tagField(), 'vision');
    press('Enter');
    await waitFor(async () => expect((await library.get('arxiv:2603.00001'))?.tags).toEqual(['rl', 'vision']));
    await waitFor(() => expect(chipsShown()).toEqual(['rl ×', 'vision ×']));
    click(byLabel('Remove tag rl'));
    await waitFor(async () => expect((await library.get('arxiv:2603.00001'))?.tags).toEqual(['vision']));
    await waitFor(() => expect(chipsShown()).toEqual(['vision ×']));
  });

  it('keeps showing the paper when an edit takes it out of the filtered list, and says when it is removed', async () => {
    mount(<App library={library} page={page} sidePanel={null} openOptions={vi.fn()} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    act(() => {
      const s = byLabel<HTMLSelectElement>('Filter by status')!;
      s.value = 'unread';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click(rows()[0]!.querySelector('[data-control="details"]'));
    act(() => {
      const s = $<HTMLSelectElement>('#details-status')!;
      s.value = 'read';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(async () => expect((await library.get('arxiv:2603.00002'))?.status).toBe('read'));
    await waitFor(() => expect($<HTMLSelectElement>('#details-status')?.value).toBe('read'));
    await act(() => library.remove(['arxiv:2603.00002']).then(() => undefined));
    await waitFor(() => expect(text(details())).toBe('← Back to list This paper is no longer on your shelf.'));
    click(button('← Back to list'));
    await waitFor(() => expect(document.activeElement).toBe($('input[type="search"]')));
  });

  it('"On this page" (N) filters the list to the active tab\'s papers, in one click', async () => {
    mount(<App library={library} page={page} sidePanel={null} openOptions={vi.fn()} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect($('.page-toggle')).toBeNull();
    page.show(['arxiv:2603.00001', 'arxiv:2699.99999']); // the second is not saved
    const toggle = () => $<HTMLButtonElement>('.page-toggle')!;
    expect(text(toggle())).toBe('On this page (1)');
    click(toggle());
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    expect(rows().map((li) => text(li.querySelector('.paper-title')))).toEqual(['Paper 2603.00001']);
    expect(text($('.summary'))).toBe('Showing 1 of 2 papers');
    page.show(['arxiv:2603.00002']); // another tab
    expect(rows().map((li) => text(li.querySelector('.paper-title')))).toEqual(['Second paper']);
    click(toggle());
    expect(rows()).toHaveLength(2);
  });

  it('opens the options page and the side panel (with this window), then closes the popup', async () => {
    const openOptions = vi.fn();
    const sidePanel = vi.fn(() => Promise.resolve());
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    mount(<App library={library} page={page} sidePanel={sidePanel} openOptions={openOptions} />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    click(button('Options'));
    expect(openOptions).toHaveBeenCalledTimes(1);
    click(button('Side panel'));
    expect(sidePanel).toHaveBeenCalledExactlyOnceWith(3);
    await waitFor(() => expect(close).toHaveBeenCalledTimes(1));
    // The side panel itself offers no side panel.
    mount(<App library={library} page={page} place="panel" openOptions={openOptions} />);
    expect(button('Side panel')).toBeNull();
  });
});
