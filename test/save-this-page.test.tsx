/**
 * The popup's "This page": the view (components/page/SaveThisPage) with props — reading, a page
 * that cannot be read, a page without paper metadata, a paper unsaved and saved (status, tags,
 * note), the site offer — and the popup's ThisPage wired to a real Library on fake-indexeddb
 * with a fake page read and fake site access: save, tag, note, status, remove, the same record
 * as a paper saved elsewhere (DOI), and "Show PaperShelf on <host>" asking straight from the
 * click. axe on each state.
 */
import 'fake-indexeddb/auto';
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SaveThisPage, type SaveThisPageProps } from '@/components/page/SaveThisPage';
import { ThisPage } from '@/entrypoints/popup/ThisPage';
import type { Library } from '@/lib/library';
import { MESSAGES, type PageAccess } from '@/lib/page-access';
import type { PaperDraft, SavedPaper } from '@/lib/paper';
import type { SiteOn } from '@/lib/site-access';
import { freshLibrary, hfDraft } from './helpers/drafts';
import { $, $$, click, container, mount, useContainer, waitFor } from './helpers/view';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());
useContainer(); // after hooks run last-registered first: unmount, then restore the mocks

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (name: string) => $$<HTMLButtonElement>('button').find((b) => text(b) === name || b.getAttribute('aria-label') === name) ?? null;
function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
function key(el: Element, k: string, init: KeyboardEventInit = {}) {
  act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init })));
}
async function violations(): Promise<string[]> {
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

const ORIGIN = 'https://journals.example.org';
const DRAFT: PaperDraft = {
  id: 'doi:10.5555/tide.2024.17',
  site: 'journals.example.org',
  pageUrl: `${ORIGIN}/article/17`,
  title: 'Snails climb <b>with</b> the tide',
  authors: ['Mara Quist', 'Ilse Brandt', 'Tomás Ferreira', 'Ana Lind'],
  doi: '10.5555/tide.2024.17',
  venue: 'Annals of Tidal Ecology',
  publishedAt: '2024-03-05',
  links: { page: `${ORIGIN}/article/17` },
  signals: {},
};
const READ: PageAccess = { kind: 'read', url: `${ORIGIN}/article/17`, origin: ORIGIN, host: 'journals.example.org', draft: DRAFT, script: 'embedded', listedOrigin: false };

function record(over: Partial<SavedPaper> = {}): SavedPaper {
  const { site: _s, pageUrl: _p, siteId: _i, ...bib } = DRAFT;
  return { ...bib, sources: [], tags: [], note: '', status: 'unread', savedAt: 1, updatedAt: 1, ...over };
}

function view(over: Partial<SaveThisPageProps> = {}) {
  const props: SaveThisPageProps = {
    page: READ,
    saved: undefined,
    tags: [],
    site: { host: 'journals.example.org', on: false },
    onSave: vi.fn(),
    onRemove: vi.fn(),
    onStatus: vi.fn(),
    onAddTag: vi.fn(),
    onRemoveTag: vi.fn(),
    onNote: vi.fn(),
    onTurnOn: vi.fn(),
    ...over,
  };
  mount(<SaveThisPage {...props} />);
  return props;
}

describe('the view', () => {
  it('an unsaved paper: its title (as text), authors, venue and date, "Save this page" and the site offer', async () => {
    const p = view();
    expect(text($('.this-page-heading'))).toBe('This page');
    expect(text($('.this-page-title'))).toBe('Snails climb <b>with</b> the tide');
    expect($('.this-page-title b')).toBeNull();
    expect(text($('.this-page-authors'))).toBe('Mara Quist, Ilse Brandt, Tomás Ferreira et al.');
    expect(text($('.this-page-when'))).toBe('Annals of Tidal Ecology · Mar 5, 2024');
    const save = button('☆ Save this page')!;
    expect(save.getAttribute('aria-pressed')).toBe('false');
    expect($('select')).toBeNull();
    expect($('.tag-field')).toBeNull();
    click(save);
    expect(p.onSave).toHaveBeenCalledOnce();
    click(button('Show PaperShelf on journals.example.org'));
    expect(p.onTurnOn).toHaveBeenCalledOnce();
    expect(await violations()).toEqual([]);
  });

  it('a saved paper: Saved (click removes), status, tags with × and Add tag (Enter), the note (Ctrl+Enter or leaving it)', async () => {
    const p = view({ saved: record({ tags: ['ecology'], status: 'reading', title: 'Snails climb with the tide' }), tags: ['ecology', 'tides'] });
    expect(text($('.this-page-title'))).toBe('Snails climb with the tide');
    const saved = button('★ Saved')!;
    expect(saved.getAttribute('aria-pressed')).toBe('true');
    expect($<HTMLSelectElement>('select[aria-label="Status"]')!.value).toBe('reading');
    expect($$('.chip span').map(text)).toEqual(['ecology']);
    expect([...container.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['tides']);
    click(button('Remove tag ecology'));
    expect(p.onRemoveTag).toHaveBeenCalledWith('ecology');
    const field = $<HTMLInputElement>('input[aria-label="Add tag"]')!;
    type(field, '  Salt  marsh ');
    key(field, 'Enter');
    expect(p.onAddTag).toHaveBeenCalledWith('Salt marsh');
    expect(field.value).toBe('');
    // A tag the paper has (any case) is not added twice.
    type(field, 'ECOLOGY');
    key(field, 'Enter');
    expect(p.onAddTag).toHaveBeenCalledTimes(1);
    act(() => {
      const s = $<HTMLSelectElement>('select')!;
      s.value = 'read';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(p.onStatus).toHaveBeenCalledWith('read');
    // The note opens on demand.
    click(button('✎ Add a note'));
    const note = $<HTMLTextAreaElement>('#this-page-note')!;
    type(note, 'table 3');
    key(note, 'Enter', { ctrlKey: true });
    expect(p.onNote).toHaveBeenCalledWith('table 3');
    type(note, 'table 3, fig 2');
    act(() => void note.dispatchEvent(new FocusEvent('blur')));
    expect(p.onNote).toHaveBeenLastCalledWith('table 3, fig 2');
    expect(await violations()).toEqual([]);
    click(saved);
    expect(p.onRemove).toHaveBeenCalledOnce();
  });

  it('a note being typed is saved when the popup closes or the paper goes, with no blur', () => {
    const p = view({ saved: record() });
    click(button('✎ Add a note'));
    type($<HTMLTextAreaElement>('#this-page-note')!, 'check table 3');
    // The popup closing: the page goes away, the field gets no blur.
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(p.onNote).toHaveBeenCalledExactlyOnceWith('check table 3');
    type($<HTMLTextAreaElement>('#this-page-note')!, 'check table 4');
    view({ saved: undefined });
    expect(p.onNote).toHaveBeenLastCalledWith('check table 4');
  });

  it('a saved note shows at once', () => {
    view({ saved: record({ note: 'read the methods' }) });
    expect($<HTMLTextAreaElement>('#this-page-note')!.value).toBe('read the methods');
  });

  it('says plainly when a page has no paper metadata, cannot be read, or is being read; a listed site’s page shows nothing', async () => {
    view({ page: { ...READ, draft: null }, site: null });
    expect(text($('.this-page-message'))).toMatch(/^No paper metadata on this page: journals\.example\.org does not describe a paper/);
    expect(button('☆ Save this page')).toBeNull();
    expect(await violations()).toEqual([]);
    view({ page: { kind: 'unavailable', message: MESSAGES.notWeb }, site: null });
    expect(text($('.this-page-message'))).toBe(MESSAGES.notWeb);
    view({ page: { kind: 'reading' }, site: null });
    expect($('.this-page')!.getAttribute('aria-busy')).toBe('true');
    view({ page: { kind: 'listed' }, site: null });
    expect(container.childElementCount).toBe(0);
    view({ page: { kind: 'self' }, site: null });
    expect(container.childElementCount).toBe(0);
  });

  it('the site line: on already, just turned on, a request on its way; an error with Dismiss', () => {
    view({ site: { host: 'journals.example.org', on: true } });
    expect(text($('.this-page-site'))).toBe('PaperShelf shows its toolbar on journals.example.org (the options turn it off).');
    view({ site: { host: 'journals.example.org', on: true, fresh: true } });
    expect(text($('.this-page-site'))).toBe('PaperShelf is on for journals.example.org: reload the page to see its toolbar.');
    view({ site: { host: 'journals.example.org', on: false, busy: true } });
    expect(button('Show PaperShelf on journals.example.org')!.disabled).toBe(true);
    const onDismissError = vi.fn();
    view({ error: 'Could not save: disk full', onDismissError });
    expect(text($('[role="alert"] span'))).toBe('Could not save: disk full');
    click(button('Dismiss'));
    expect(onDismissError).toHaveBeenCalledOnce();
  });
});

// ---------------------------------------------------------------------------------------------

/** Fake site access: a list in memory, requests answered as the test says. */
function fakeSites(answer: () => SiteOn | null = () => ({ origin: ORIGIN, script: 'embedded', since: 1 })) {
  const listeners = new Set<(l: SiteOn[]) => void>();
  let list: SiteOn[] = [];
  const api = {
    list: vi.fn(async () => list),
    watch: (l: (list: SiteOn[]) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    request: vi.fn(async (origin: string, script: string) => {
      const s = answer();
      if (s) {
        list = [...list, { ...s, origin, script }];
        for (const l of listeners) l(list);
      }
      return s;
    }),
  };
  return api;
}

describe('ThisPage in the popup', () => {
  let library: Library;
  beforeEach(() => {
    library = freshLibrary();
  });

  async function open(page: PageAccess = READ, sites = fakeSites()) {
    mount(<ThisPage library={library} read={async () => page} sites={sites} />);
    await waitFor(() => expect($('.this-page')?.getAttribute('aria-busy')).toBe('false'));
    return sites;
  }

  it('saves the page through the library, then edits its tags, note and status there; removing it shows Save again', async () => {
    await open();
    click(button('☆ Save this page'));
    await waitFor(() => expect(button('★ Saved')).not.toBeNull());
    const rec = await library.get(DRAFT.id);
    expect(rec).toMatchObject({ title: DRAFT.title, doi: '10.5555/tide.2024.17', sources: [{ site: 'journals.example.org', url: `${ORIGIN}/article/17` }] });
    const field = $<HTMLInputElement>('input[aria-label="Add tag"]')!;
    type(field, 'tides');
    key(field, 'Enter');
    await waitFor(async () => expect((await library.get(DRAFT.id))?.tags).toEqual(['tides']));
    await waitFor(() => expect($$('.chip span').map(text)).toEqual(['tides']));
    click(button('✎ Add a note'));
    const note = $<HTMLTextAreaElement>('#this-page-note')!;
    type(note, 'fig 2');
    key(note, 'Enter', { ctrlKey: true });
    await waitFor(async () => expect((await library.get(DRAFT.id))?.note).toBe('fig 2'));
    act(() => {
      const s = $<HTMLSelectElement>('select')!;
      s.value = 'reading';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(async () => expect((await library.get(DRAFT.id))?.status).toBe('reading'));
    click(button('★ Saved'));
    await waitFor(() => expect(button('☆ Save this page')).not.toBeNull());
    expect(await library.get(DRAFT.id)).toBeUndefined();
  });

  it('the same paper saved elsewhere (same DOI) shows saved, with its tags, and follows changes made elsewhere', async () => {
    await library.save({ ...hfDraft('2403.00017'), id: DRAFT.id, arxivId: undefined, doi: DRAFT.doi, title: 'Snails climb with the tide' }, { tags: ['from-feed'] });
    await open();
    await waitFor(() => expect(button('★ Saved')).not.toBeNull());
    expect($$('.chip span').map(text)).toEqual(['from-feed']);
    await library.patch(DRAFT.id, { addTags: ['later'] });
    await waitFor(() => expect($$('.chip span').map(text)).toEqual(['from-feed', 'later']));
  });

  it('"Show PaperShelf on <host>" asks for that origin straight from the click, with the page’s script', async () => {
    const sites = await open({ ...READ, script: 'scholar' });
    await waitFor(() => expect(button('Show PaperShelf on journals.example.org')).not.toBeNull());
    click(button('Show PaperShelf on journals.example.org'));
    // Called in the click itself, not after an await.
    expect(sites.request).toHaveBeenCalledWith(ORIGIN, 'scholar');
    await waitFor(() => expect(text($('.this-page-site'))).toBe('PaperShelf is on for journals.example.org: reload the page to see its toolbar.'));
  });

  it('a refused or failed request leaves the offer; a failure says so', async () => {
    const refused = fakeSites(() => null);
    await open(READ, refused);
    await waitFor(() => expect(button('Show PaperShelf on journals.example.org')).not.toBeNull());
    click(button('Show PaperShelf on journals.example.org'));
    await waitFor(() => expect(button('Show PaperShelf on journals.example.org')?.disabled).toBe(false));
    expect($('[role="alert"]')).toBeNull();
    refused.request.mockRejectedValueOnce(new Error('Permission denied'));
    click(button('Show PaperShelf on journals.example.org'));
    await waitFor(() => expect(text($('[role="alert"] span'))).toBe('Could not turn PaperShelf on for journals.example.org: Permission denied'));
  });

  it('no site offer on a listed site’s host, nor on a page with no paper that no listed site claims', async () => {
    await open({ ...READ, listedOrigin: true });
    expect(button('Show PaperShelf on journals.example.org')).toBeNull();
    act(() => render(null, container));
    await open({ ...READ, draft: null });
    await act(() => new Promise<void>((r) => setTimeout(r, 20)));
    expect(button('Show PaperShelf on journals.example.org')).toBeNull();
    act(() => render(null, container));
    await open({ ...READ, draft: null, script: 'dblp' });
    await waitFor(() => expect(button('Show PaperShelf on journals.example.org')).not.toBeNull());
  });

  it('a page that could not be read says why; the reader failing is a plain message too', async () => {
    await open({ kind: 'unavailable', message: MESSAGES.pdf });
    expect(text($('.this-page-message'))).toBe(MESSAGES.pdf);
    act(() => render(null, container));
    mount(<ThisPage library={library} read={() => Promise.reject(new Error('x'))} sites={fakeSites()} />);
    await waitFor(() => expect(text($('.this-page-message'))).toBe(MESSAGES.blocked));
  });
});
