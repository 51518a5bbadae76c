/**
 * The content-script side in a DOM: the scanner mounts exactly one toolbar per card through
 * re-renders and late cards; the toolbar shows failures and keeps unsent note text.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardScanner } from '@/lib/content/scanner';
import { ADAPTERS } from '@/lib/sites';
import { Toolbars, type Backend } from '@/lib/content/toolbars';
import PAGE_CSS from '@/components/toolbar/page.css?inline';
import type { PaperDraft } from '@/lib/paper';
import type { PaperState } from '@/lib/messages';
import { happyDOM, settle, toolbarHooks, wiredScanner as wired } from './helpers/content';

const URL_DAILY = 'https://huggingface.co/papers/date/2026-03-02';

function card(id: string, title: string): string {
  return `<article class="relative flex flex-col"><a class="peer" href="/papers/${id}"><div><img src="https://cdn.example/${id}.png"></div></a>
  <div class="flex w-full gap-6"><div role="checkbox"><div class="leading-none">7</div></div>
  <div class="w-full min-w-0"><h3><a href="/papers/${id}">${title}</a></h3></div></div></article>`;
}

function grid(ids: string[]): string {
  return `<div class="grid">${ids.map((id) => card(id, `Title ${id}`)).join('')}</div>`;
}

class FakeBackend implements Backend {
  saved = new Map<string, PaperState>();
  failSave: string | null = null;
  calls: string[] = [];
  /** drafts sent with lookups (saved papers seen again), in order */
  seen: PaperDraft[] = [];
  async lookup({ ids = [], drafts = [] }: { ids?: string[]; drafts?: PaperDraft[] }) {
    if (ids.length) this.calls.push(`lookup:${ids.length}`);
    if (drafts.length) this.calls.push(`observe:${drafts.length}`);
    this.seen.push(...drafts);
    const papers: Record<string, PaperState> = {};
    for (const id of [...ids, ...drafts.map((d) => d.id)]) {
      const s = this.saved.get(id);
      if (s) papers[id] = s;
    }
    return { ok: true as const, papers };
  }
  async save(draft: PaperDraft, patch?: { addTags?: string[]; note?: string }) {
    this.calls.push(`save:${draft.id}`);
    if (this.failSave) return { ok: false as const, error: { code: 'storage' as const, message: this.failSave } };
    const cur = this.saved.get(draft.id) ?? { id: draft.id, tags: [], note: '', status: 'unread' as const, savedAt: 1 };
    const next = { ...cur, tags: [...cur.tags, ...(patch?.addTags ?? [])], note: patch?.note ?? cur.note };
    this.saved.set(draft.id, next);
    return { ok: true as const, paper: next };
  }
  async patch(id: string, patch: { addTags?: string[]; note?: string }) {
    this.calls.push(`patch:${id}`);
    const cur = this.saved.get(id);
    if (!cur) return { ok: false as const, error: { code: 'not-found' as const, message: 'gone' } };
    const next = { ...cur, tags: [...cur.tags, ...(patch.addTags ?? [])], note: patch.note ?? cur.note };
    this.saved.set(id, next);
    return { ok: true as const, paper: next };
  }
  async remove(id: string) {
    return { ok: true as const, removed: this.saved.delete(id) };
  }
  /** how many times the tag suggestions were asked for */
  tagsAsked = 0;
  async tags() {
    this.tagsAsked++;
    return { ok: true as const, tags: ['rl'] };
  }
}

const hosts = () => [...document.querySelectorAll('papershelf-toolbar')];
const hostFor = (id: string) => document.querySelector(`papershelf-toolbar[data-papershelf-id="arxiv:${id}"]`) as HTMLElement;
const shadow = (id: string) => hostFor(id).shadowRoot!;
const saveButton = (id: string) => [...shadow(id).querySelectorAll('button')].find((b) => /^.?\s*Save/.test(b.textContent ?? '') || b.textContent?.includes('Saved'))!;
const buttonNames = (id: string) => [...shadow(id).querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
/** The pointer moves onto a card's Save button (as a user reaching for the toolbar). */
const pointAt = (id: string) => saveButton(id).dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));

let abort: AbortController;
let backend: FakeBackend;
let scanner: CardScanner;
let toolbars: Toolbars;

/** A scanner wired to the current `toolbars` (lookups included), for these adapters. */
function wiredScanner(adapters = ADAPTERS): CardScanner {
  return wired(toolbars, abort.signal, adapters);
}

/** A new page's content script: the current one stops, new toolbars and a scanner for them. */
function freshScript(): CardScanner {
  abort.abort();
  abort = new AbortController();
  toolbars = new Toolbars(document, backend, abort.signal);
  return wiredScanner();
}

beforeEach(() => {
  happyDOM().setURL(URL_DAILY);
  document.body.replaceChildren();
  abort = new AbortController();
  backend = new FakeBackend();
  toolbars = new Toolbars(document, backend, abort.signal);
  scanner = wiredScanner();
});
afterEach(() => abort.abort());

describe('CardScanner', () => {
  it('mounts one toolbar per card, including cards added later, each looked up once', async () => {
    document.body.innerHTML = grid(['2603.00001', '2603.00002', '2603.00003']);
    scanner.start();
    await settle();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['arxiv:2603.00001', 'arxiv:2603.00002', 'arxiv:2603.00003']);
    const looked = () => backend.calls.filter((c) => c.startsWith('lookup:')).reduce((n, c) => n + Number(c.slice(7)), 0);
    expect(looked()).toBe(3);
    document.querySelector('.grid')!.insertAdjacentHTML('beforeend', card('2603.00004', 'Late card'));
    await settle();
    expect(hosts()).toHaveLength(4);
    expect(looked()).toBe(4);
    expect(scanner.stats.skipped).toBe(0);
  });

  /**
   * A big feed, in a browser that cannot tell which cards are near the screen (no
   * IntersectionObserver: every card gets its toolbar at once; test/scanner-near.test.ts has the
   * lazy path). Its cards skip rendering off screen (content-visibility: auto) unless `skipped` is
   * false. Returns the batch sizes (toolbars placed in one task each) and, for each lookup, how
   * many cards it asked for and how many toolbars were in the page when it was sent.
   */
  async function placeBig(n: number, { skipped = true, afterBatch }: { skipped?: boolean; afterBatch?: (k: number) => void } = {}) {
    const batches: number[] = [];
    const lookups: Array<[number, number, boolean]> = [];
    let inTask = false;
    /** a toolbar was placed in the current task (cleared by the first timer after it) */
    let placedThisTask = false;
    const big = new CardScanner(
      document,
      {
        ...toolbarHooks(toolbars),
        place: (h, host) => {
          if (!inTask) {
            inTask = true;
            batches.push(0);
            queueMicrotask(() => {
              inTask = false;
              afterBatch?.(batches.length);
            });
          }
          batches[batches.length - 1]!++;
          if (!placedThisTask) {
            placedThisTask = true;
            setTimeout(() => (placedThisTask = false), 0);
          }
          toolbars.place(h, host);
        },
        mounted: (d) => {
          // (and whether still in the task that placed toolbars)
          lookups.push([d.length, hosts().length, placedThisTask]);
          void toolbars.lookup(d);
        },
      },
      abort.signal,
      ADAPTERS,
    );
    const ids = Array.from({ length: n }, (_, k) => `2603.${String(k + 1).padStart(5, '0')}`);
    document.body.innerHTML = (skipped ? '<style>.grid > * { content-visibility: auto; }</style>' : '') + grid(ids);
    // Building is not timed here: it takes one task, whatever the test machine's speed.
    vi.spyOn(performance, 'now').mockReturnValue(0);
    vi.stubGlobal('IntersectionObserver', undefined);
    big.start();
    await settle();
    vi.restoreAllMocks();
    await settle();
    vi.unstubAllGlobals();
    return { big, batches, lookups, ids };
  }

  it('places a big feed in equal batches of at most 1,000, one task each, top first, every card once, then looks them up', async () => {
    // A card the page adds between two batches gets its toolbar too, in a scan of its own after.
    const { big, batches, lookups, ids } = await placeBig(1200, {
      afterBatch: (k) => {
        if (k === 1) document.querySelector('.grid')!.insertAdjacentHTML('beforeend', card('2603.09999', 'Added meanwhile'));
      },
    });
    expect(batches).toEqual([600, 600, 1]);
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual([...ids, '2603.09999'].map((id) => `arxiv:${id}`));
    expect(big.mountedCount).toBe(1201);
    expect(toolbars.mountedCount).toBe(1201);
    // Their saved state is asked for once every toolbar is in place, in messages of 250, in a task
    // of their own; the added card's (one message) once its own is, in the same task.
    expect(lookups).toEqual([
      [250, 1200, false],
      [250, 1200, false],
      [250, 1200, false],
      [250, 1200, false],
      [200, 1200, false],
      [1, 1201, true],
    ]);
    expect(backend.calls.filter((c) => c.startsWith('lookup:')).map((c) => Number(c.slice(7)))).toEqual([250, 250, 250, 250, 200, 1]);
  });

  it('looks up a feed of more than one message\'s cards in the task after it placed them', async () => {
    const { lookups } = await placeBig(600);
    expect(lookups).toEqual([
      [250, 600, false],
      [250, 600, false],
      [100, 600, false],
    ]);
  });

  it('places a big feed in one go on a page that renders every card, on screen or not', async () => {
    const { big, batches } = await placeBig(1200, { skipped: false });
    expect(batches).toEqual([1200]);
    expect(big.mountedCount).toBe(1200);
  });

  it('survives many re-renders with exactly one toolbar per card and no leaked UIs', async () => {
    const ids = ['2603.00001', '2603.00002'];
    document.body.innerHTML = grid(ids);
    scanner.start();
    await settle();
    for (let i = 0; i < 20; i++) {
      document.body.innerHTML = grid(i % 2 ? ids : [...ids, '2603.00003']);
      await settle();
    }
    expect(hosts()).toHaveLength(2);
    expect(scanner.mountedCount).toBe(2);
    expect(toolbars.mountedCount).toBe(2);
  });

  it('a mounted card the page reuses for something unreadable loses its toolbar', async () => {
    document.body.innerHTML = grid(['2603.00001', '2603.00002']);
    scanner.start();
    await settle();
    expect(hosts()).toHaveLength(2);
    // Svelte-like: the same card node (our toolbar still in it) loses its paper links.
    for (const a of document.querySelectorAll('article')[1]!.querySelectorAll('a')) a.remove();
    await settle();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['arxiv:2603.00001']);
    expect(scanner.mountedCount).toBe(1);
    expect(toolbars.mountedCount).toBe(1);
  });

  it('skips and counts a card it cannot read, and keeps going', async () => {
    document.body.innerHTML = `<div class="grid">${card('2603.00001', 'Good')}${card('2603.00002', '   ')}${card('2603.00003', 'Also good')}</div>`;
    scanner.start();
    await settle();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['arxiv:2603.00001', 'arxiv:2603.00003']);
    expect(scanner.stats.skipped).toBe(1);
  });

  it('unmounts listing toolbars on SPA navigation to a paper page, and everything on an unrelated page', async () => {
    document.body.innerHTML = grid(['2603.00001', '2603.00002']);
    scanner.start();
    await settle();
    expect(hosts()).toHaveLength(2);
    // A paper page without a title heading: the listing cards still in the DOM are not its cards.
    happyDOM().setURL('https://huggingface.co/papers/2603.00001');
    scanner.schedule();
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(toolbars.mountedCount).toBe(0);
    happyDOM().setURL(URL_DAILY);
    scanner.schedule();
    await settle();
    expect(hosts()).toHaveLength(2);
    happyDOM().setURL('https://huggingface.co/models');
    scanner.schedule();
    await settle();
    expect(hosts()).toHaveLength(0);
    expect(scanner.mountedCount).toBe(0);
  });

  it('stops cleanly when the extension is updated: cards say to reload, nothing new mounts', async () => {
    document.body.innerHTML = grid(['2603.00001']);
    scanner.start();
    await settle();
    abort.abort();
    toolbars.invalidate();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-state'))).toEqual(['stale']);
    expect(shadow('2603.00001').querySelector('.stale')?.textContent).toBe('PaperShelf was updated. Reload the page to use it here.');
    expect([...shadow('2603.00001').adoptedStyleSheets[0]!.cssRules].some((r) => r.cssText.startsWith('.stale'))).toBe(true);
    toolbars.applyChanged({ papers: { 'arxiv:2603.00001': { id: 'arxiv:2603.00001', tags: [], note: '', status: 'read', savedAt: 1 } } });
    expect(hosts().map((h) => h.getAttribute('data-papershelf-state'))).toEqual(['stale']);
    document.querySelector('.grid')!.insertAdjacentHTML('beforeend', card('2603.00002', 'Late'));
    await settle();
    expect(hosts()).toHaveLength(1);
  });
});

describe('Toolbar on a card', () => {
  it('shows saved state from the lookup and toggles save', async () => {
    backend.saved.set('arxiv:2603.00002', { id: 'arxiv:2603.00002', tags: ['rl'], note: 'n', status: 'read', savedAt: 1 });
    document.body.innerHTML = grid(['2603.00001', '2603.00002']);
    scanner.start();
    await settle();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-state'))).toEqual(['unsaved', 'saved']);
    expect([...shadow('2603.00002').querySelectorAll('.tag span')].map((e) => e.textContent)).toEqual(['rl']);
    saveButton('2603.00001').click();
    await settle();
    expect(hostFor('2603.00001').getAttribute('data-papershelf-state')).toBe('saved');
    expect(backend.calls).toContain('save:arxiv:2603.00001');
  });

  it('looks cards up by id; only saved papers are read in full and sent back as seen here', async () => {
    backend.saved.set('arxiv:2603.00002', { id: 'arxiv:2603.00002', tags: [], note: '', status: 'unread', savedAt: 1 });
    document.body.innerHTML = grid(['2603.00001', '2603.00002', '2603.00003']);
    scanner.start();
    await settle();
    expect(backend.calls).toEqual(['lookup:3', 'observe:1']);
    expect(backend.seen).toEqual([
      {
        id: 'arxiv:2603.00002',
        site: 'huggingface',
        pageUrl: URL_DAILY,
        title: 'Title 2603.00002',
        authors: [],
        arxivId: '2603.00002',
        links: { page: 'https://huggingface.co/papers/2603.00002', abs: 'https://arxiv.org/abs/2603.00002', pdf: 'https://arxiv.org/pdf/2603.00002' },
        thumbnail: 'https://cdn.example/2603.00002.png',
        signals: { upvotes: 7 },
      },
    ]);
  });

  it('a card whose id reads but whose paper does not gets a toolbar whose Save says so', async () => {
    const [hf] = ADAPTERS;
    const broken = { ...hf!, extract: () => null };
    const s2 = wiredScanner([broken]);
    document.body.innerHTML = grid(['2603.00001']);
    s2.start();
    await settle();
    expect(hosts()).toHaveLength(1);
    saveButton('2603.00001').click();
    await settle();
    expect(backend.calls).toEqual(['lookup:1']);
    expect(hostFor('2603.00001').getAttribute('data-papershelf-state')).toBe('unsaved');
    expect(shadow('2603.00001').querySelector('[role="alert"]')?.textContent).toBe('Could not save: this card could not be read. Reload the page and try again.×');
  });

  it('a failed save is shown on the card, not swallowed', async () => {
    backend.failSave = 'QuotaExceededError: disk full';
    document.body.innerHTML = grid(['2603.00001']);
    scanner.start();
    await settle();
    saveButton('2603.00001').click();
    await settle();
    expect(hostFor('2603.00001').getAttribute('data-papershelf-state')).toBe('unsaved');
    expect(shadow('2603.00001').querySelector('[role="alert"]')?.textContent).toContain('Could not save: QuotaExceededError: disk full');
  });

  it('an unsaved card shows Save alone until the pointer or focus reaches its toolbar, then "+ tag" and Note too', async () => {
    document.body.innerHTML = grid(['2603.00001', '2603.00002', '2603.00003']);
    scanner.start();
    await settle();
    for (const id of ['2603.00001', '2603.00002', '2603.00003']) expect(buttonNames(id)).toEqual(['Save']);
    // The page still sees the pointer (only keys and clicks meant for a toolbar are kept from it).
    let seen = 0;
    document.body.addEventListener('pointerover', () => seen++);
    pointAt('2603.00002');
    expect(seen).toBe(1);
    expect(buttonNames('2603.00002')).toEqual(['Save', 'Add tag', 'Add note']);
    // Elsewhere on the page (the card's title) reveals nothing.
    document.querySelector('h3')!.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    expect(buttonNames('2603.00001')).toEqual(['Save']);
    // Tabbing onto Save shows the rest, next in the tab order.
    saveButton('2603.00003').focus();
    expect(buttonNames('2603.00003')).toEqual(['Save', 'Add tag', 'Add note']);
    expect(buttonNames('2603.00001')).toEqual(['Save']);
    expect(backend.calls).toEqual(['lookup:3']);
  });

  it('keeps typed note text when the page re-renders the card', async () => {
    document.body.innerHTML = grid(['2603.00001']);
    scanner.start();
    await settle();
    pointAt('2603.00001');
    const noteBtn = [...shadow('2603.00001').querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Add note')!;
    noteBtn.click();
    await settle();
    const ta = shadow('2603.00001').querySelector('textarea')!;
    ta.value = 'half-written thought';
    ta.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    document.body.innerHTML = grid(['2603.00001']);
    await settle();
    [...shadow('2603.00001').querySelectorAll('button')].find((b) => /note/i.test(b.getAttribute('aria-label') ?? ''))!.click();
    await settle();
    expect(shadow('2603.00001').querySelector('textarea')!.value).toBe('half-written thought');
  });

  it('toolbars skip off-screen rendering themselves only where the page does not skip its cards', async () => {
    const marked = () => hosts().map((h) => h.hasAttribute('data-papershelf-offscreen'));
    document.body.innerHTML = grid(['2603.00001', '2603.00002']);
    scanner.start();
    await settle();
    expect(marked()).toEqual([true, true]);
    // page.css (the content script's CSS) has the rule for marked hosts, more specific than the
    // hosts' reset, whose `all: initial !important` it overrides.
    expect(PAGE_CSS).toMatch(/^papershelf-toolbar:not\(#_#_#_\) \{ all: initial !important;/m);
    expect(PAGE_CSS).toContain('papershelf-toolbar:not(#_#_#_)[data-papershelf-offscreen] { content-visibility: auto !important; contain-intrinsic-size: auto 0px !important; }');

    // A page like huggingface.co, whose cards are content-visibility: auto (a new page: new toolbars).
    const other = freshScript();
    document.body.innerHTML = `<style>.grid > * { content-visibility: auto; }</style>${grid(['2603.00003', '2603.00004'])}`;
    other.start();
    await settle();
    expect(hosts().map((h) => h.getAttribute('data-papershelf-id'))).toEqual(['arxiv:2603.00003', 'arxiv:2603.00004']);
    expect(marked()).toEqual([false, false]);
  });

  it('styles untouched toolbars from the page through their parts; a toolbar that shows more adopts its own sheet', async () => {
    const own = (id: string) => shadow(id).adoptedStyleSheets.flatMap((sh) => [...sh.cssRules].map((r) => r.cssText)).join(' ');
    const parts = (id: string) => [...shadow(id).querySelectorAll('[part]')].map((e) => `${e.tagName.toLowerCase()}:${e.getAttribute('part')}`);
    backend.saved.set('arxiv:2603.00003', { id: 'arxiv:2603.00003', tags: [], note: '', status: 'unread', savedAt: 1 });
    document.body.innerHTML = grid(['2603.00001', '2603.00002', '2603.00003']);
    scanner.start();
    await settle();
    // The skeleton's parts are styled by page.css, which the browser adds to the page itself (the
    // manifest lists it): the content script adopts nothing into the page's document.
    expect(document.adoptedStyleSheets).toEqual([]);
    // (happy-dom drops ::part rules when it parses them; the e2e tests check them in Chromium)
    expect(PAGE_CSS).toMatch(/papershelf-toolbar::part\(ps-bar\)\s*\{/);
    expect(PAGE_CSS).toMatch(/papershelf-toolbar::part\(ps-save\)\s*\{/);
    // Untouched and unsaved: no sheet of its own, its bar and Save button named as parts.
    for (const id of ['2603.00001', '2603.00002']) {
      expect(shadow(id).adoptedStyleSheets).toHaveLength(0);
      expect(parts(id)).toEqual(['div:ps-bar', 'button:ps-save']);
    }
    // Saved (the lookup answered): its own sheet, and the page's part rule no longer applies to Save
    // (to the bar it does: page.css styles every bar).
    expect(shadow('2603.00003').adoptedStyleSheets).toHaveLength(1);
    expect(own('2603.00003')).toMatch(/\.save\.saved/);
    expect(parts('2603.00003')).toEqual(['div:ps-bar']);
    // The pointer reaching an unsaved toolbar does the same for it, and only for it.
    pointAt('2603.00002');
    expect(shadow('2603.00002').adoptedStyleSheets[0]).toBe(shadow('2603.00003').adoptedStyleSheets[0]);
    expect(parts('2603.00002')).toEqual(['div:ps-bar']);
    expect(parts('2603.00001')).toEqual(['div:ps-bar', 'button:ps-save']);
  });

  it("never sets the page's own sheets (a Firefox content script before 153 could not even read them)", async () => {
    // (happy-dom reads the list itself when it computes styles)
    const set = vi.fn();
    Object.defineProperty(document, 'adoptedStyleSheets', { configurable: true, get: () => [], set });
    try {
      const other = freshScript();
      document.body.innerHTML = grid(['2603.00001', '2603.00002']);
      other.start();
      await settle();
      expect(hosts().map((h) => h.getAttribute('data-papershelf-state'))).toEqual(['unsaved', 'unsaved']);
      expect(set).not.toHaveBeenCalled();
    } finally {
      delete (document as unknown as Record<string, unknown>).adoptedStyleSheets;
    }
  });

  it('asks for tag suggestions with the first toolbar someone reaches, not while the page loads', async () => {
    const asked = () => backend.tagsAsked;
    document.body.innerHTML = grid(['2603.00001', '2603.00002']);
    scanner.start();
    await settle();
    expect(hosts()).toHaveLength(2);
    expect(asked()).toBe(0);
    pointAt('2603.00001');
    pointAt('2603.00002');
    await settle();
    expect(asked()).toBe(1);
    // The tag field suggests them.
    [...shadow('2603.00001').querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Add tag')!.click();
    await settle();
    expect([...shadow('2603.00001').querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['rl']);
  });

  it('renders page text as text', async () => {
    document.body.innerHTML = `<div class="grid">${card('2603.00001', '&lt;img src=x onerror=alert(1)&gt;')}</div>`;
    const spy = vi.fn();
    (window as unknown as { alert: unknown }).alert = spy;
    scanner.start();
    await settle();
    const group = shadow('2603.00001').querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe('PaperShelf: <img src=x onerror=alert(1)>');
    expect(shadow('2603.00001').querySelector('img')).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });

  it('applies changes made elsewhere', async () => {
    document.body.innerHTML = grid(['2603.00001']);
    scanner.start();
    await settle();
    toolbars.applyChanged({ papers: { 'arxiv:2603.00001': { id: 'arxiv:2603.00001', tags: ['x', 'y'], note: '', status: 'reading', savedAt: 2 } } });
    expect(hostFor('2603.00001').getAttribute('data-papershelf-state')).toBe('saved');
    expect([...shadow('2603.00001').querySelectorAll('.tag span')].map((e) => e.textContent)).toEqual(['x', 'y']);
    toolbars.applyChanged({ papers: { 'arxiv:2603.00001': null } });
    expect(hostFor('2603.00001').getAttribute('data-papershelf-state')).toBe('unsaved');
  });
});

describe('Feed keyboard shortcuts', () => {
  async function setup() {
    const { FeedKeys } = await import('@/lib/content/keyboard');
    const opened: string[] = [];
    const keys = new FeedKeys(
      document,
      {
        toggleSave: (h) => toolbars.toggleSave(h),
        cycleStatus: (h) => toolbars.cycleStatus(h),
        focusTag: (h) => toolbars.focusTag(h),
        openNote: (h) => toolbars.openNote(h),
        open: (h) => opened.push(toolbars.handleOf(h)!.draft()!.links.page!),
        cardOf: (h) => toolbars.handleOf(h)?.card ?? null,
      },
      abort.signal,
    );
    document.body.innerHTML = grid(['2603.00001', '2603.00002', '2603.00003']);
    scanner.start();
    await settle();
    return { keys, opened };
  }
  const press = (key: string, target: EventTarget = document.body) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  const active = () => document.querySelector('[data-papershelf-active]')?.getAttribute('data-papershelf-id');

  it('j / k move between cards, s saves, r cycles status, o opens', async () => {
    const { opened } = await setup();
    press('j');
    expect(active()).toBe('arxiv:2603.00001');
    press('j');
    press('j');
    press('j');
    expect(active()).toBe('arxiv:2603.00003');
    press('k');
    expect(active()).toBe('arxiv:2603.00002');
    expect((hostFor('2603.00002').closest('article') as HTMLElement).style.outline).toContain('solid');
    press('s');
    await settle();
    expect(hostFor('2603.00002').getAttribute('data-papershelf-state')).toBe('saved');
    press('o');
    expect(opened).toEqual(['https://huggingface.co/papers/2603.00002']);
    press('r');
    await settle();
    expect(backend.calls.filter((c) => c.startsWith('patch:') || c.startsWith('save:'))).toEqual(['save:arxiv:2603.00002', 'patch:arxiv:2603.00002']);
  });

  it('t focuses the tag field, n opens the note; Enter in the tag field adds the tag', async () => {
    await setup();
    const root = shadow('2603.00001');
    // Until used, the toolbar is the Save button alone (no text field per card on a long feed).
    expect(buttonNames('2603.00001')).toEqual(['Save']);
    expect(root.querySelector('input')).toBeNull();
    press('j');
    press('t');
    const input = root.querySelector('input.taginput') as HTMLInputElement;
    expect(root.querySelector('button.taginput')).toBeNull();
    expect(root.activeElement).toBe(input);
    input.value = 'robotics';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
    await settle();
    expect(backend.calls.filter((c) => c.startsWith('save:'))).toEqual(['save:arxiv:2603.00001']);
    expect([...root.querySelectorAll('.tag span')].map((e) => e.textContent)).toEqual(['robotics']);
    expect(input.value).toBe('');
    press('n');
    expect(root.querySelector('.notebtn')!.getAttribute('aria-expanded')).toBe('true');
    expect(root.activeElement).toBe(root.querySelector('textarea'));
  });

  it('ignores keys typed into text fields, with modifiers, or when turned off', async () => {
    const { keys } = await setup();
    const input = document.createElement('input');
    document.body.append(input);
    press('j', input);
    expect(active()).toBeUndefined();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', ctrlKey: true, bubbles: true }));
    expect(active()).toBeUndefined();
    keys.enabled = false;
    press('j');
    expect(active()).toBeUndefined();
    keys.enabled = true;
    press('j');
    expect(active()).toBe('arxiv:2603.00001');
  });

  it('? shows the shortcut list and Esc hides it', async () => {
    await setup();
    press('?');
    const help = document.querySelector('papershelf-help')!;
    expect([...help.shadowRoot!.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['j', 'k', 'N', 's', 't', 'n', 'r', 'o', '?']);
    press('Escape');
    expect(document.querySelector('papershelf-help')).toBeNull();
  });
});
