/**
 * The Seen view: the view with props (rows, where and when, Save / Saved, Open, the empty states,
 * axe), the query it searches with, and the popup App on a real database (fake-indexeddb): seen
 * records listed newest first, searched as you type, Save making a normal saved paper (asserted
 * whole) and leaving the seen record as it was, Open, and the switch back to the saved list.
 */
import 'fake-indexeddb/auto';
import axe from 'axe-core';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SeenList, type SeenListProps } from '@/components/seen/SeenList';
import { seenHref, seenWhen, siteLabel } from '@/components/seen/SeenRow';
import { App } from '@/entrypoints/popup/App';
import { openDb, type PaperShelfDB } from '@/lib/db';
import { Library } from '@/lib/library';
import { parseQuery } from '@/lib/list/query';
import { SeenHistory, seenDraft, seenQuery, seenRow } from '@/lib/seen/list-seen';
import { SeenStore } from '@/lib/seen/list-seen-store';
import type { SeenPaper } from '@/lib/seen/record';
import { saveSettings } from '@/lib/settings';
import { $, $$, click, container, mount, useContainer, waitFor, readerText } from './helpers/view';

useContainer();

const DAY = 86_400_000;
/** "now" for the rows: 2026-12-03 12:00 UTC. */
const NOW = Date.UTC(2026, 11, 3, 12);

const LATTICE: SeenPaper = {
  id: 'arxiv:2501.01234',
  title: 'Sparse Lattice Routing for Mixture-of-Experts',
  authors: ['Ada Park', 'Ben Okafor', 'Chen Wu', 'Dana Levi'],
  link: 'https://huggingface.co/papers/2501.01234',
  url: 'https://huggingface.co/papers?date=2025-01-08',
  site: 'huggingface',
  firstSeen: NOW - 2 * DAY,
  lastSeen: NOW - 2 * 3_600_000,
};
const ROBOT: SeenPaper = {
  id: 'arxiv:2412.04321',
  title: 'Quantized Diffusion Policies for Robot Control',
  authors: ['Eve Santos', 'Femi Adeyemi'],
  url: 'https://arxiv.org/list/cs.RO/new',
  site: 'arxiv',
  firstSeen: NOW - 3_600_000,
  lastSeen: NOW - 3_600_000,
};
const SURVEY: SeenPaper = {
  id: 'url:https://journals.example.org/graph-operators',
  title: 'A Survey of Graph Neural Operators',
  authors: ['Gil Moreau'],
  link: 'https://journals.example.org/graph-operators',
  url: 'https://journals.example.org/issue/7',
  site: 'embedded',
  firstSeen: NOW - 40 * DAY,
  lastSeen: NOW - 30 * DAY,
};

const text = readerText;
const rows = () => $$<HTMLLIElement>('ul[aria-label="Seen papers"] > li');
const rowTexts = () => rows().map(text);
const button = (name: string) => {
  const found = $$<HTMLButtonElement>('button').find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button ${name} among ${$$('button').map((b) => b.getAttribute('aria-label') ?? b.textContent).join(', ')}`);
  return found;
};
function type(input: HTMLInputElement, value: string) {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function violations(): Promise<string[]> {
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`);
}

const ROW = {
  robot: 'Quantized Diffusion Policies for Robot Control Eve Santos, Femi Adeyemi Seen on arXiv · today Save Open',
  lattice: 'Sparse Lattice Routing for Mixture-of-Experts Ada Park, Ben Okafor, Chen Wu et al. Seen on Hugging Face Papers · today Save Open',
  survey: 'A Survey of Graph Neural Operators Gil Moreau Seen on journals.example.org · Nov 3, 2026 Save Open',
};

// ---------------------------------------------------------------------------------------------

describe('Seen view (props)', () => {
  beforeEach(() => {
    document.documentElement.lang = 'en';
    document.title = 'PaperShelf';
  });

  function props(over: Partial<SeenListProps> = {}): SeenListProps {
    return {
      rows: [ROBOT, LATTICE, SURVEY].map(seenRow),
      total: 3,
      text: '',
      onText: vi.fn(),
      problems: [],
      isSaved: (id) => id === SURVEY.id,
      onSave: vi.fn(),
      onOpen: vi.fn(),
      recording: true,
      now: NOW,
      ...over,
    };
  }

  it('shows each row: title, authors, where and when it was seen, Save (or Saved) and Open', () => {
    mount(<SeenList {...props()} />);
    expect(text($('.shelf-count'))).toBe('3 seen');
    expect(rowTexts()).toEqual([ROW.robot, ROW.lattice, ROW.survey.replace('Save Open', 'Saved Open')]);
    const where = rows()[1]!.querySelector('.seen-where a')!;
    expect([where.textContent, where.getAttribute('href'), where.getAttribute('target')]).toEqual(['Hugging Face Papers', LATTICE.url, '_blank']);
    // The title opens the paper's own page, else the page it was seen on.
    expect(rows().map((r) => r.querySelector('.paper-title a')!.getAttribute('href'))).toEqual([ROBOT.url, LATTICE.link, SURVEY.link]);
    expect(button(`${SURVEY.title} is saved`).getAttribute('aria-disabled')).toBe('true');
  });

  it('sends Save and Open up with the record (Open: its link, else the page)', () => {
    const onSave = vi.fn();
    const onOpen = vi.fn();
    mount(<SeenList {...props({ onSave, onOpen })} />);
    click(button(`Save ${LATTICE.title}`));
    expect(onSave).toHaveBeenCalledExactlyOnceWith(LATTICE);
    click(button(`Open ${LATTICE.title}`));
    click(button(`Open ${ROBOT.title}`));
    expect(onOpen.mock.calls).toEqual([
      [LATTICE, LATTICE.link],
      [ROBOT, ROBOT.url],
    ]);
    click(button(`${SURVEY.title} is saved`));
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('never parses page text as HTML, and never links a URL that is not http(s)', () => {
    const odd = { ...ROBOT, title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)', link: 'data:text/html,x' };
    mount(<SeenList {...props({ rows: [seenRow(odd)], total: 1 })} />);
    expect(rows()[0]!.querySelector('img')).toBeNull();
    expect(text(rows()[0]!.querySelector('.paper-title'))).toBe('<img src=x onerror=alert(1)>');
    expect(rows()[0]!.querySelectorAll('a')).toHaveLength(0);
    expect($$('button').map((b) => b.textContent)).not.toContain('Open');
  });

  it('says when recording is off above the rows it has', () => {
    mount(<SeenList {...props({ recording: false })} />);
    expect(text($('.summary'))).toBe('Recording is off: new papers you scroll past are not added.');
    mount(<SeenList {...props({ recording: false, text: 'x', rows: [seenRow(ROBOT)] })} />);
    expect(text($('.summary'))).toBe('Showing 1 of 3 seen. Recording is off: new papers you scroll past are not added.');
  });

  it('says what is there instead of rows: nothing seen yet, history off, no match (Clear search)', () => {
    mount(<SeenList {...props({ rows: [], total: 0 })} />);
    expect(text($('.empty'))).toBe(
      'Nothing seen yet Papers you scroll past on the supported feeds show up here, newest first, so you can find one you did not save. They stay on this computer.',
    );
    mount(<SeenList {...props({ rows: [], total: 0, recording: false })} />);
    expect(text($('.empty'))).toBe('The seen history is off Turn on “Record the papers I scroll past” in the options to find papers you did not save.');
    const onText = vi.fn();
    mount(<SeenList {...props({ rows: [], text: 'quantum', onText })} />);
    expect(text($('.empty'))).toBe('No seen papers match “quantum”. Clear search');
    click(button('Clear search'));
    expect(onText).toHaveBeenCalledExactlyOnceWith('');
  });

  it('lists its own keys; / focuses the search', () => {
    mount(<SeenList {...props()} />);
    click(button('Keys'));
    expect($$('#keys-help div').map((d) => [text(d.querySelector('dt')), text(d.querySelector('dd'))])).toEqual([
      ['/', 'search'],
      ['Esc', 'in the search: clear it'],
    ]);
    button('Keys').focus();
    act(() => void button('Keys').dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true })));
    expect(document.activeElement).toBe($('input[aria-label="Search seen papers"]'));
  });

  it('finds no axe violations in the list and in the empty state', async () => {
    mount(<SeenList {...props({ error: 'Could not save “X”: boom', onDismissError: vi.fn(), notice: 'Saved “Y”.' })} />);
    expect(await violations()).toEqual([]);
    mount(<SeenList {...props({ rows: [], total: 0 })} />);
    expect(await violations()).toEqual([]);
  });
});

describe('seen query, rows and drafts', () => {
  it('keeps words and site:, leaves out tag:, status: and year: and says so', () => {
    expect(seenQuery(parseQuery('graph -survey site:arxiv'))).toEqual(parseQuery('graph -survey site:arxiv'));
    const q = seenQuery(parseQuery('graph tag:rl status:read year:2024'));
    expect(q).toEqual({ ...parseQuery('graph'), problems: ['tag:, status: and year: apply to saved papers only: ignored here.'] });
    expect(seenQuery(parseQuery('-tag:rl x')).problems).toEqual(['tag: applies to saved papers only: ignored here.']);
  });

  it('makes the draft of a normal saved paper: id, title, authors, the page it was seen on, its own page as its link', () => {
    expect(seenDraft(LATTICE)).toEqual({
      id: LATTICE.id,
      site: 'huggingface',
      pageUrl: LATTICE.url,
      title: LATTICE.title,
      authors: LATTICE.authors,
      links: { page: LATTICE.link },
      signals: {},
    });
    expect(seenDraft(ROBOT).links).toEqual({});
  });

  it('names the site and the day', () => {
    expect([siteLabel(LATTICE), siteLabel(ROBOT), siteLabel(SURVEY)]).toEqual(['Hugging Face Papers', 'arXiv', 'journals.example.org']);
    expect([seenWhen(NOW - 3_600_000, NOW), seenWhen(NOW - DAY, NOW), seenWhen(NOW - 30 * DAY, NOW)]).toEqual(['today', 'yesterday', 'Nov 3, 2026']);
    expect([seenHref(LATTICE), seenHref(ROBOT), seenHref({ url: 'javascript:x' })]).toEqual([LATTICE.link, ROBOT.url, null]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('popup App: the Seen view on a real database', () => {
  let db: PaperShelfDB;
  let library: Library;
  let history: SeenHistory;

  beforeEach(async () => {
    fakeBrowser.reset();
    db = openDb(`test-seen-${Math.random().toString(36).slice(2)}`);
    library = new Library(db);
    history = new SeenHistory(db);
    // One seen record that fails the schema (no title): left out, never shown half-read.
    await db.seen.bulkPut([LATTICE, ROBOT, SURVEY, { ...ROBOT, id: 'arxiv:2412.00001', title: '' }]);
  });

  afterEach(async () => {
    db.close();
    await db.delete();
  });

  async function mountSeen(openUrl = vi.fn()) {
    mount(<App library={library} seenHistory={history} openUrl={openUrl} page={null} now={() => NOW} />);
    await waitFor(() => expect($('main')?.getAttribute('aria-busy')).toBe('false'));
    const seen = button('Seen');
    expect([seen.getAttribute('aria-pressed'), button('Saved').getAttribute('aria-pressed')]).toEqual(['false', 'true']);
    click(seen);
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(button('Seen').getAttribute('aria-pressed')).toBe('true');
    // Type to search, as in the saved list.
    expect(document.activeElement).toBe($('input[aria-label="Search seen papers"]'));
    return openUrl;
  }

  it('lists the seen papers newest first and searches them as you type', async () => {
    await mountSeen();
    expect(rowTexts()).toEqual([ROW.robot, ROW.lattice, ROW.survey]);
    expect(text($('.shelf-count'))).toBe('3 seen');
    const search = $<HTMLInputElement>('input[aria-label="Search seen papers"]')!;
    type(search, 'okaf');
    expect(rowTexts()).toEqual([ROW.lattice]);
    expect(text($('.summary'))).toBe('Showing 1 of 3 seen');
    type(search, 'graph neural');
    expect(rowTexts()).toEqual([ROW.survey]);
    type(search, 'site:arxiv');
    expect(rowTexts()).toEqual([ROW.robot]);
    type(search, 'for -robot');
    expect(rowTexts()).toEqual([ROW.lattice]);
    type(search, 'diffusion tag:rl');
    expect(rowTexts()).toEqual([ROW.robot]);
    expect(text($('#seen-search-hint'))).toBe('tag: applies to saved papers only: ignored here.');
    type(search, 'quantum');
    expect(rows()).toHaveLength(0);
    expect(text($('.empty'))).toBe('No seen papers match “quantum”. Clear search');
  });

  it('Save makes a normal saved paper and leaves the seen record as it was; Saved shows it', async () => {
    await mountSeen();
    const before = await db.seen.toArray();
    click(button(`Save ${LATTICE.title}`));
    await waitFor(() => expect(button(`${LATTICE.title} is saved`).textContent).toBe('Saved'));
    expect(text($('.undo-region'))).toBe(`Saved “${LATTICE.title}”.`);
    const papers = await library.all();
    expect(papers).toHaveLength(1);
    const at = papers[0]!.savedAt;
    expect(papers[0]).toEqual({
      id: LATTICE.id,
      title: LATTICE.title,
      authors: LATTICE.authors,
      links: { page: LATTICE.link },
      signals: {},
      signalsSeenAt: at,
      sources: [{ site: 'huggingface', url: LATTICE.link, firstSeenAt: at, lastSeenAt: at }],
      tags: [],
      note: '',
      status: 'unread',
      savedAt: at,
      updatedAt: at,
      sites: ['huggingface'],
      times: { saved: at, note: 0, status: 0, tags: {} },
    });
    expect(await db.seen.toArray()).toEqual(before);

    click(button('Saved'));
    await waitFor(() => expect($$('ul[aria-label="Saved papers"] > li').map((li) => text(li.querySelector('.paper-title')))).toEqual([LATTICE.title]));
    expect(document.activeElement).toBe($('input[aria-label="Search"]'));
  });

  it('a paper already on the shelf shows Saved; saving again never changes its tags, note or status', async () => {
    const saved = await library.save(seenDraft(ROBOT), { tags: ['robots'], note: 'Read on Friday', status: 'reading' });
    await mountSeen();
    expect(rowTexts()[0]).toBe(ROW.robot.replace('Save Open', 'Saved Open'));
    expect(await library.get(ROBOT.id)).toEqual(saved);
  });

  it('Open opens the paper’s own page, else the page it was seen on', async () => {
    const openUrl = await mountSeen();
    click(button(`Open ${LATTICE.title}`));
    click(button(`Open ${ROBOT.title}`));
    expect(openUrl.mock.calls).toEqual([[LATTICE.link], [ROBOT.url]]);
  });

  it('says when the history is off and empty', async () => {
    await saveSettings({ seenHistory: false });
    await db.seen.clear();
    mount(<App library={library} seenHistory={history} page={null} now={() => NOW} initialView="seen" />);
    await waitFor(() => expect(text($('.empty h2'))).toBe('The seen history is off'));
    expect(container.querySelector('input[type="search"]')).toBeNull();
  });
});

describe('SeenStore (the Seen view’s copy of the history)', () => {
  it('shows the newest first, then indexes every record; reads again on focus only when the history changed', async () => {
    let records = [LATTICE, ROBOT];
    const reader = {
      all: vi.fn(async () => records),
      newest: vi.fn(async (limit: number) => [...records].sort((a, b) => b.lastSeen - a.lastSeen).slice(0, limit)),
      count: vi.fn(async () => records.length),
      newestTime: vi.fn(async () => Math.max(...records.map((r) => r.lastSeen))),
    };
    const store = new SeenStore(reader);
    const previews: Array<number | null> = [];
    const versions: number[] = [];
    store.start({ indexed: (v) => versions.push(v), previewed: (p) => previews.push(p && p.total), loadFailed: () => {} });
    await waitFor(() => expect(versions).toHaveLength(1));
    expect(store.index.search().map((r) => r.id)).toEqual([ROBOT.id, LATTICE.id]);
    expect(previews.at(-1)).toBeNull();

    act(() => void window.dispatchEvent(new Event('focus')));
    await act(() => new Promise<void>((r) => setTimeout(r, 20)));
    expect(reader.all).toHaveBeenCalledTimes(1);

    records = [LATTICE, ROBOT, SURVEY];
    act(() => void window.dispatchEvent(new Event('focus')));
    await waitFor(() => expect(store.index.size).toBe(3));
    expect(reader.all).toHaveBeenCalledTimes(2);
    store.stop();
  });
});
