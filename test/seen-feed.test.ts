/**
 * Feeds that remember, on the content side (happy-dom): the visibility threshold and dwell before a
 * card counts as seen, and the batching of what is reported (lib/content/seen-watch); the New and
 * seen marks from a lookup (seen-marks, through feed-memory); read cards dimmed, hidden behind one
 * line per run, or left as is (read-cards); N between New cards (keyboard).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedMemory } from '@/lib/content/feed-memory';
import { FeedKeys } from '@/lib/content/keyboard';
import { CardScanner } from '@/lib/content/scanner';
import { DWELL_MS, IDLE_TIMEOUT_MS, SeenWatch } from '@/lib/content/seen-watch';
import { Toolbars, type Backend } from '@/lib/content/toolbars';
import type { PaperState, Responses } from '@/lib/messages';
import type { Sighting } from '@/lib/seen/record';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { adapter as huggingface } from '@/lib/sites/huggingface/adapter';
import { happyDOM, hfCard, settle } from './helpers/content';

const PAGE = 'https://huggingface.co/papers/date/2026-12-01';
const grid = (ids: readonly string[]) => `<div class="grid">${ids.map(hfCard).join('')}</div>`;
const articleOf = (id: string) => document.querySelector(`a[href="/papers/${id}"]`)!.closest('article')!;
const hostFor = (id: string) => document.querySelector(`papershelf-toolbar[data-papershelf-id="arxiv:${id}"]`) as HTMLElement;
const marks = () => [...document.querySelectorAll('papershelf-toolbar')].map((h) => [h.getAttribute('data-papershelf-id')!.slice(6), h.getAttribute('data-papershelf-new'), h.getAttribute('data-papershelf-seen'), h.shadowRoot!.querySelector('.bar > .new')?.textContent ?? null]);

/** The browser's part: which cards are observed, and a way to say how much of each is on screen. */
class FakeIO {
  static last: FakeIO | null = null;
  static made = 0;
  readonly observed = new Set<Element>();
  constructor(
    private readonly callback: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeIO.last = this;
    FakeIO.made++;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  /** These cards (by arXiv id) are now this share on screen. */
  show(shares: Record<string, number>) {
    const entries = Object.entries(shares).map(([id, ratio]) => ({ target: articleOf(id), isIntersecting: ratio > 0, intersectionRatio: ratio }));
    this.callback(entries.filter((e) => this.observed.has(e.target)) as unknown as IntersectionObserverEntry[]);
  }
}

/** Animation frames run by hand: what one frame sends is one message. */
let frames: FrameRequestCallback[] = [];
const runFrame = () => {
  const now = frames;
  frames = [];
  for (const f of now) f(0);
};

let abort: AbortController;
beforeEach(() => {
  happyDOM().setURL(PAGE);
  abort = new AbortController();
  frames = [];
  FakeIO.last = null;
  FakeIO.made = 0;
  vi.stubGlobal('IntersectionObserver', FakeIO);
  (window as unknown as { IntersectionObserver: unknown }).IntersectionObserver = FakeIO;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(cb));
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  delete (window as unknown as { requestIdleCallback?: unknown }).requestIdleCallback;
  document.body.innerHTML = '';
});

/** Cards of a feed, watched as the content script watches them once their toolbars are placed. */
function watched(ids: readonly string[]) {
  document.body.innerHTML = grid(ids);
  const sent: Sighting[][] = [];
  const watch = new SeenWatch(document, (papers) => sent.push(papers), abort.signal);
  watch.enabled = true;
  const ctx = { url: new URL(PAGE), kind: 'listing' as const, data: huggingface.prepare(document, new URL(PAGE), 'listing') };
  watch.watch(
    ids.map((id) => {
      const card = articleOf(id);
      return { card, id: `arxiv:${id}`, title: `Title ${id}`, anchor: { element: card, position: 'append' as const }, draft: () => huggingface.extract(card, ctx) };
    }),
  );
  return { sent, watch, io: FakeIO.last! };
}

const sighting = (id: string): Sighting => ({ id: `arxiv:${id}`, title: `Title ${id}`, authors: [], link: `https://huggingface.co/papers/${id}`, url: PAGE, site: 'huggingface' });

describe('seen: at least half on screen for a second', () => {
  // (animation frames stay the hand-run ones above)
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));

  it('observes at half a card; a card under half on screen, or gone before a second, is not seen', () => {
    const { sent, io } = watched(['2612.00001', '2612.00002']);
    expect(io.options.threshold).toBe(0.5);
    expect(DWELL_MS).toBe(1000);
    io.show({ '2612.00001': 0.49 });
    io.show({ '2612.00002': 0.5 });
    vi.advanceTimersByTime(DWELL_MS - 1);
    io.show({ '2612.00002': 0.2 });
    vi.advanceTimersByTime(5 * DWELL_MS);
    runFrame();
    expect(sent).toEqual([]);
    // Back on screen: a new second starts.
    io.show({ '2612.00002': 1 });
    vi.advanceTimersByTime(DWELL_MS - 1);
    runFrame();
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([]); // (sent with the next frame)
    runFrame();
    expect(sent).toEqual([[sighting('2612.00002')]]);
    // Seen once per page: no longer watched.
    expect([...io.observed]).toEqual([articleOf('2612.00001')]);
  });

  it('cards seen within one frame go in one message; at most one message per frame', () => {
    const { sent, io } = watched(['2612.00001', '2612.00002', '2612.00003']);
    io.show({ '2612.00001': 1, '2612.00002': 0.7 });
    vi.advanceTimersByTime(400);
    io.show({ '2612.00003': 0.6 });
    vi.advanceTimersByTime(DWELL_MS - 400);
    expect(frames).toHaveLength(1);
    runFrame();
    vi.advanceTimersByTime(400);
    expect(frames).toHaveLength(1);
    runFrame();
    runFrame();
    expect(sent).toEqual([[sighting('2612.00001'), sighting('2612.00002')], [sighting('2612.00003')]]);
  });

  it('a hidden tab counts no time; turned off, nothing is watched or sent', () => {
    const { sent, io, watch } = watched(['2612.00001', '2612.00002']);
    let state: DocumentVisibilityState = 'hidden';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => state);
    io.show({ '2612.00001': 1 });
    vi.advanceTimersByTime(10 * DWELL_MS);
    runFrame();
    expect(sent).toEqual([]);
    state = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(DWELL_MS);
    runFrame();
    expect(sent).toEqual([[sighting('2612.00001')]]);
    io.show({ '2612.00002': 1 });
    watch.enabled = false;
    vi.advanceTimersByTime(DWELL_MS);
    runFrame();
    expect(sent).toEqual([[sighting('2612.00001')]]);
    expect(io.observed.size).toBe(0);
  });
});

describe('seen: the page\'s first cards, read by their boxes until the first scroll', () => {
  let idle: Array<{ run: IdleRequestCallback; timeout: number | undefined }>;
  /** each card's box, by arXiv id (none: not laid out) */
  let boxes: Record<string, DOMRect>;
  const runIdle = () => idle.shift()!.run({ didTimeout: false, timeRemaining: () => 10 });
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    idle = [];
    boxes = {};
    (window as unknown as { requestIdleCallback: unknown }).requestIdleCallback = (run: IdleRequestCallback, o?: IdleRequestOptions) => idle.push({ run, timeout: o?.timeout });
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const id = this.querySelector('h3 a')?.getAttribute('href')?.slice(8) ?? '';
      return boxes[id] ?? new DOMRect();
    });
  });
  const more = (watch: SeenWatch, id: string) => {
    document.querySelector('.grid')!.insertAdjacentHTML('beforeend', hfCard(id));
    const card = articleOf(id);
    const ctx = { url: new URL(PAGE), kind: 'listing' as const, data: huggingface.prepare(document, new URL(PAGE), 'listing') };
    watch.watch([{ card, id: `arxiv:${id}`, title: `Title ${id}`, anchor: { element: card, position: 'append' }, draft: () => huggingface.extract(card, ctx) }]);
  };

  it('waits for the idle moment (at most IDLE_TIMEOUT_MS), reads the boxes (no observer): half on screen for a second is seen', () => {
    const screen = window.innerHeight;
    boxes = { '2612.00001': new DOMRect(0, 0, 600, 300), '2612.00002': new DOMRect(0, screen - 120, 600, 300), '2612.00003': new DOMRect(0, screen + 10, 600, 300) };
    const { sent, io } = watched(['2612.00001', '2612.00002', '2612.00003']);
    expect([io, idle.map((i) => i.timeout), IDLE_TIMEOUT_MS]).toEqual([null, [500], 500]);
    runIdle();
    expect(FakeIO.last).toBeNull();
    vi.advanceTimersByTime(DWELL_MS);
    runFrame();
    // (the second card: 120 of its 300 px on screen)
    expect(sent).toEqual([[sighting('2612.00001')]]);
  });

  it('a card that moved off screen within its second (a layout shift: no scroll) is not seen', () => {
    boxes = { '2612.00001': new DOMRect(0, 0, 600, 300) };
    const { sent } = watched(['2612.00001']);
    runIdle();
    boxes = { '2612.00001': new DOMRect(0, -290, 600, 300) };
    vi.advanceTimersByTime(DWELL_MS);
    runFrame();
    expect(sent).toEqual([]);
  });

  it('the first scroll hands every watched card to the observer; cards placed later are watched at once; an SPA navigation waits again', () => {
    boxes = { '2612.00001': new DOMRect(0, 0, 600, 300), '2612.00002': new DOMRect(0, 2000, 600, 300) };
    const { sent, watch } = watched(['2612.00001', '2612.00002']);
    runIdle();
    // Placed after the first look, before any scroll: read by its box at once.
    boxes['2612.00003'] = new DOMRect(0, 310, 600, 300);
    more(watch, '2612.00003');
    expect([FakeIO.last, idle.length]).toEqual([null, 0]);
    window.dispatchEvent(new Event('scroll'));
    const io = FakeIO.last!;
    expect([...io.observed]).toEqual(['2612.00001', '2612.00002', '2612.00003'].map(articleOf));
    // The observer's first report: the first and third still on screen (their timers go on), the second not.
    io.show({ '2612.00001': 1, '2612.00003': 1, '2612.00002': 0 });
    vi.advanceTimersByTime(DWELL_MS);
    runFrame();
    expect(sent).toEqual([[sighting('2612.00001'), sighting('2612.00003')]]);
    window.dispatchEvent(new Event('scroll'));
    expect(FakeIO.made).toBe(1);
    more(watch, '2612.00004');
    expect([...io.observed]).toEqual(['2612.00002', '2612.00004'].map(articleOf));
    watch.navigated();
    more(watch, '2612.00005');
    expect([[...io.observed].length, idle.length]).toEqual([2, 1]);
    runIdle();
    expect([...io.observed]).toEqual(['2612.00002', '2612.00004', '2612.00005'].map(articleOf));
  });

  it('a card that leaves before the idle moment, or recording turned off meanwhile, is never watched', () => {
    boxes = { '2612.00001': new DOMRect(0, 0, 600, 300), '2612.00002': new DOMRect(0, 300, 600, 300) };
    const { sent, watch } = watched(['2612.00001', '2612.00002']);
    watch.forget(articleOf('2612.00001'));
    runIdle();
    vi.advanceTimersByTime(DWELL_MS);
    runFrame();
    expect(sent).toEqual([[sighting('2612.00002')]]);
    watch.navigated();
    boxes['2612.00003'] = new DOMRect(0, 0, 600, 300);
    more(watch, '2612.00003');
    watch.enabled = false;
    runIdle();
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(DWELL_MS);
    runFrame();
    expect([sent.length, FakeIO.last]).toEqual([1, null]);
  });
});

/** The background's part: saved states, and which papers were seen before the page. */
class FakeBackground implements Backend {
  saved = new Map<string, PaperState>();
  seenBefore: string[] = [];
  history = true;
  asked: Array<number | undefined> = [];
  async lookup({ ids = [], seenBefore }: { ids?: string[]; seenBefore?: number }) {
    if (ids.length) this.asked.push(seenBefore);
    const papers: Record<string, PaperState> = {};
    for (const id of ids) if (this.saved.has(id)) papers[id] = this.saved.get(id)!;
    const res: { ok: true } & Responses['lookup'] = { ok: true, papers };
    if (seenBefore !== undefined) res.seen = { ids: ids.filter((id) => this.seenBefore.includes(id)), history: this.history };
    return res;
  }
  async save() {
    return { ok: false as const, error: { code: 'internal' as const, message: 'not here' } };
  }
  async patch(id: string, patch: { status?: PaperState['status'] }) {
    const next = { ...this.saved.get(id)!, ...patch };
    this.saved.set(id, next);
    return { ok: true as const, paper: next };
  }
  async remove(id: string) {
    return { ok: true as const, removed: this.saved.delete(id) };
  }
  async tags() {
    return { ok: true as const, tags: [] };
  }
}

const state = (id: string, status: PaperState['status']): PaperState => ({ id: `arxiv:${id}`, tags: [], note: '', status, savedAt: 1 });

/** The content script as main.ts wires it, on a feed of these cards. */
async function feed(ids: readonly string[], bg: FakeBackground, settings: Partial<Settings> = {}) {
  document.body.innerHTML = grid(ids);
  let toolbars: Toolbars | null = null;
  const memory = new FeedMemory(
    document,
    (id) => toolbars!.hostsOf(id),
    (host) => [toolbars!.handleOf(host)!.card],
    () => undefined,
    abort.signal,
  );
  memory.settings({ ...DEFAULT_SETTINGS, ...settings });
  toolbars = new Toolbars(document, memory.backend(bg), abort.signal);
  const tb = toolbars;
  const scanner = new CardScanner(
    document,
    {
      create: (h, skip) => tb.create(h, skip),
      place: (h, host) => tb.place(h, host),
      unmount: (h, host) => {
        memory.unmounted(h);
        tb.unmount(h, host);
      },
      mounted: (handles) => {
        memory.mounted(handles);
        void tb.lookup(handles);
      },
    },
    abort.signal,
    [huggingface],
  );
  scanner.start();
  await settle();
  return { memory, toolbars: tb };
}

describe('New since the last visit', () => {
  const IDS = ['2612.00001', '2612.00002', '2612.00003'];

  it('with history: papers seen before (or saved) say seen, the others New, with a label', async () => {
    const bg = new FakeBackground();
    bg.seenBefore = ['arxiv:2612.00001'];
    bg.saved.set('arxiv:2612.00003', state('2612.00003', 'unread'));
    const before = Date.now();
    await feed(IDS, bg);
    expect(bg.asked).toHaveLength(1);
    expect(bg.asked[0]).toBeGreaterThanOrEqual(before);
    expect(bg.asked[0]).toBeLessThanOrEqual(Date.now());
    expect(marks()).toEqual([
      ['2612.00001', null, 'true', null],
      ['2612.00002', 'true', null, 'New'],
      ['2612.00003', null, 'true', null],
    ]);
  });

  it("cards looked up later keep the page load's answer that there was history", async () => {
    const bg = new FakeBackground();
    bg.seenBefore = ['arxiv:2612.00001'];
    await feed(IDS.slice(0, 2), bg);
    // Meanwhile this page re-saw every older record: the table alone no longer tells.
    bg.history = false;
    bg.seenBefore = [];
    document.querySelector('.grid')!.insertAdjacentHTML('beforeend', hfCard('2612.00003'));
    await settle();
    expect(marks()).toEqual([
      ['2612.00001', null, 'true', null],
      ['2612.00002', 'true', null, 'New'],
      ['2612.00003', 'true', null, 'New'],
    ]);
  });

  it('first visit (no history): nothing is marked', async () => {
    const bg = new FakeBackground();
    bg.history = false;
    await feed(IDS, bg);
    expect(marks()).toEqual(IDS.map((id) => [id, null, null, null]));
  });

  it('with the seen history off: not asked, nothing marked; turned off later, the marks go', async () => {
    const bg = new FakeBackground();
    await feed(IDS, bg, { seenHistory: false });
    expect(bg.asked).toEqual([undefined]);
    expect(marks()).toEqual(IDS.map((id) => [id, null, null, null]));
    abort.abort();
    abort = new AbortController();
    document.body.innerHTML = '';
    const on = await feed(IDS, bg);
    expect(marks().filter((m) => m[1] === 'true')).toHaveLength(3);
    on.memory.settings({ ...DEFAULT_SETTINGS, seenHistory: false });
    expect(marks()).toEqual(IDS.map((id) => [id, null, null, null]));
  });

  it('N moves from New card to New card, skipping the seen ones', async () => {
    const bg = new FakeBackground();
    bg.seenBefore = ['arxiv:2612.00002'];
    const { toolbars } = await feed(IDS, bg);
    new FeedKeys(document, { toggleSave() {}, cycleStatus() {}, focusTag() {}, openNote() {}, open() {}, cardOf: (h) => toolbars.handleOf(h)?.card ?? null }, abort.signal);
    const press = (key: string) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    const active = () => document.querySelector('[data-papershelf-active]')?.getAttribute('data-papershelf-id');
    press('N');
    expect(active()).toBe('arxiv:2612.00001');
    press('N');
    expect(active()).toBe('arxiv:2612.00003');
    press('N');
    expect(active()).toBe('arxiv:2612.00003');
  });
});

describe('read papers step back', () => {
  const IDS = ['2612.00001', '2612.00002', '2612.00003', '2612.00004', '2612.00005'];
  const looks = () => IDS.map((id) => articleOf(id).getAttribute('data-papershelf-read'));
  const lines = () => [...document.querySelectorAll('papershelf-hidden')].map((l) => [l.nextElementSibling === articleOf('2612.00001') ? 1 : l.nextElementSibling === articleOf('2612.00004') ? 4 : '?', l.shadowRoot!.textContent]);
  const read = (bg: FakeBackground, ...ids: string[]) => ids.forEach((id) => bg.saved.set(`arxiv:${id}`, state(id, 'read')));

  it('dims read cards (the default), follows status changes here and from other tabs', async () => {
    const bg = new FakeBackground();
    read(bg, '2612.00002');
    bg.saved.set('arxiv:2612.00003', state('2612.00003', 'reading'));
    const { memory, toolbars } = await feed(IDS, bg);
    expect(looks()).toEqual([null, 'dim', null, null, null]);
    // Read here (the toolbar's status), and elsewhere (the background's notice).
    toolbars.cycleStatus(hostFor('2612.00003'));
    memory.changed({ papers: { 'arxiv:2612.00002': null, 'arxiv:2612.00005': state('2612.00005', 'read') } });
    await settle();
    expect(looks()).toEqual([null, null, 'dim', null, 'dim']);
  });

  it('hides runs of read cards behind one line each; show brings them back dimmed; "show" leaves every card as is', async () => {
    const bg = new FakeBackground();
    read(bg, '2612.00001', '2612.00002', '2612.00004');
    const { memory } = await feed(IDS, bg, { readCards: 'hide' });
    expect(looks()).toEqual(['hide', 'hide', null, 'hide', null]);
    expect(lines()).toEqual([
      [1, expect.stringContaining('2 read papers hidden · show')],
      [4, expect.stringContaining('1 read paper hidden · show')],
    ]);
    const button = document.querySelectorAll('papershelf-hidden')[0]!.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('Show 2 hidden read papers');
    button.click();
    expect(looks()).toEqual(['dim', 'dim', null, 'hide', null]);
    expect(lines()).toEqual([[4, expect.stringContaining('1 read paper hidden · show')]]);
    memory.settings({ ...DEFAULT_SETTINGS, readCards: 'show' });
    await settle();
    expect(looks()).toEqual([null, null, null, null, null]);
    expect(lines()).toEqual([]);
    memory.settings({ ...DEFAULT_SETTINGS, readCards: 'hide' });
    await settle();
    // What the user brought back stays shown.
    expect(looks()).toEqual(['dim', 'dim', null, 'hide', null]);
  });

  it('a read card re-rendered by the page steps back again', async () => {
    const bg = new FakeBackground();
    read(bg, '2612.00002');
    await feed(IDS, bg);
    const fresh = articleOf('2612.00002').cloneNode(true) as Element;
    fresh.querySelector('papershelf-toolbar')?.remove();
    fresh.removeAttribute('data-papershelf-read');
    articleOf('2612.00002').replaceWith(fresh);
    await settle();
    expect(looks()).toEqual([null, 'dim', null, null, null]);
  });
});
