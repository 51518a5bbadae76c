/**
 * A big feed's toolbars go only on the cards near the screen; the others get theirs as they come
 * near (lib/content/near.ts), with a fake IntersectionObserver standing in for the browser's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardScanner } from '@/lib/content/scanner';
import { Toolbars, type Backend } from '@/lib/content/toolbars';
import { adapter as huggingface } from '@/lib/sites/huggingface/adapter';
import { happyDOM, settle, wiredScanner } from './helpers/content';

const card = (id: string) =>
  `<article><div class="w-full min-w-0"><h3><a href="/papers/${id}">Title ${id}</a></h3></div></article>`;
const ids = (n: number, month = '2603') => Array.from({ length: n }, (_, k) => `${month}.${String(k + 1).padStart(5, '0')}`);
/** how many toolbars are marked to skip their rendering off screen */
const marked = () => document.querySelectorAll('papershelf-toolbar[data-papershelf-offscreen]').length;
const hosts = () => [...document.querySelectorAll('papershelf-toolbar')].map((h) => h.getAttribute('data-papershelf-id')!.slice('arxiv:'.length));

/** The browser's part: which elements are observed, and a way to report some as near. */
class FakeIO {
  /** every observer made (one: the near one, a screen's margin) */
  static made: FakeIO[] = [];
  static get last(): FakeIO | null {
    return FakeIO.made[0] ?? null;
  }
  readonly observed = new Set<Element>();
  constructor(
    private readonly callback: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeIO.made.push(this);
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
  takeRecords() {
    return [];
  }
  /** Report these cards (by paper id) as near the screen, the others observed as far. */
  report(near: readonly string[]) {
    const want = new Set(near);
    const entries = [...this.observed].map((target) => ({ target, isIntersecting: want.has(target.querySelector('h3 a')!.getAttribute('href')!.slice(8)) }));
    this.callback(entries as unknown as IntersectionObserverEntry[]);
  }
}

const lookups: number[] = [];
const backend: Backend = {
  lookup: async ({ ids: asked = [] }) => {
    if (asked.length) lookups.push(asked.length);
    return { ok: true, papers: {} };
  },
  save: async () => ({ ok: false, error: { code: 'internal', message: 'not here' } }),
  patch: async () => ({ ok: false, error: { code: 'internal', message: 'not here' } }),
  remove: async () => ({ ok: true, removed: false }),
  tags: async () => ({ ok: true, tags: [] }),
};

let abort: AbortController;
let scanner: CardScanner;

beforeEach(() => {
  happyDOM().setURL('https://huggingface.co/papers/date/2026-03-02');
  vi.stubGlobal('IntersectionObserver', FakeIO);
  FakeIO.made = [];
  lookups.length = 0;
  abort = new AbortController();
  const toolbars = new Toolbars(document, backend, abort.signal);
  scanner = wiredScanner(toolbars, abort.signal);
});
afterEach(() => {
  abort.abort();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** A feed of `n` cards, scanned; `near` of them (from the top) reported near the screen. */
async function feed(n: number, near = 0): Promise<{ all: string[]; io: FakeIO }> {
  const all = ids(n);
  document.body.innerHTML = `<div class="grid">${all.map(card).join('')}</div>`;
  scanner.start();
  await settle();
  const io = FakeIO.last!;
  if (near) {
    io.report(all.slice(0, near));
    await settle();
  }
  return { all, io };
}

/** Each card's box, from its place in `all` (null: no box, as in a hidden tab). */
function boxes(all: readonly string[], box: (k: number) => DOMRect | null): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const k = this.localName === 'article' ? all.indexOf(this.querySelector('h3 a')!.getAttribute('href')!.slice(8)) : -1;
    return (k >= 0 && box(k)) || new DOMRect();
  });
}

describe('a big feed', () => {
  it('gives toolbars to the cards near the screen first, the others as they come near, and keeps placed ones', async () => {
    const { all, io } = await feed(1200);
    // Nothing is built before the browser says which cards are near; every card is watched,
    // a screen's height above and below the viewport counting as near.
    expect(hosts()).toEqual([]);
    expect(io.observed.size).toBe(1200);
    expect(io.options.rootMargin).toBe('100% 0px');

    io.report(all.slice(0, 30));
    await settle();
    expect(hosts()).toEqual(all.slice(0, 30));
    expect(lookups).toEqual([30]);
    expect(io.observed.size).toBe(1170);
    // Few toolbars while cards are held back: none skips its own rendering off screen (page.css).
    expect(marked()).toBe(0);

    // Scrolled on: the next ones come near, and with them every waiting card within five screens
    // (read from the cards' boxes: here 100 px each, one per row, the viewport at card 30).
    expect(FakeIO.made).toHaveLength(1);
    const screen = window.innerHeight;
    boxes(all, (k) => new DOMRect(0, (k - 30) * 100, 600, 100));
    io.report(all.slice(30, 40));
    await settle();
    // Scrolled on from placed cards: the near ones and the ones ahead in one batch.
    const ahead = 30 + Math.floor((screen * 6) / 100) + 1;
    expect(hosts()).toEqual(all.slice(0, ahead));
    expect(lookups).toEqual([30, ahead - 30]);
    expect(scanner.mountedCount).toBe(ahead);
    expect(io.observed.size).toBe(1200 - ahead);

    // A jump to the end (End key): the cards in view come first, in a batch of their own; the
    // ones within five screens of them after that frame.
    boxes(all, (k) => new DOMRect(0, (k - 1190) * 100, 600, 100));
    io.report(all.slice(1190, 1200));
    await settle();
    const back = 1190 - Math.floor((screen * 5) / 100) - 1;
    expect(lookups).toEqual([30, ahead - 30, 10, 1190 - back]);
    expect(hosts()).toEqual([...all.slice(0, ahead), ...all.slice(back)]);
  });

  it('cards without a box (a hidden tab) do not come with the near ones, and do not end the walk before 50 of them', async () => {
    const { all, io } = await feed(400, 10);
    // Cards 20-59 have no box (hidden); the rest are 10 px each from card 0 at the top, so every
    // one after 59 is within five screens, but not past 50 boxless cards in a row from card 120.
    boxes(all, (k) => ((k >= 20 && k < 60) || k >= 120 ? null : new DOMRect(0, k * 10, 600, 10)));
    io.report(all.slice(10, 12));
    await settle();
    expect(hosts()).toEqual([...all.slice(0, 20), ...all.slice(60, 120)]);
  });

  it('counts the waiting cards among the papers the page shows (the toolbar button, the side panel)', async () => {
    const { all } = await feed(250);
    expect(await scanner.waitingIds()).toEqual(all.map((id) => `arxiv:${id}`));
    FakeIO.last!.report(all.slice(0, 40));
    await settle();
    expect(hosts()).toEqual(all.slice(0, 40));
    expect(await scanner.waitingIds()).toEqual(all.slice(40).map((id) => `arxiv:${id}`));
  });

  it('reads each waiting card once for the background’s questions, again only when its title link changed', async () => {
    const { all } = await feed(250);
    const identify = vi.spyOn(huggingface, 'identify');
    expect(await scanner.waitingIds()).toHaveLength(250);
    expect(identify).toHaveBeenCalledTimes(250);
    expect(await scanner.waitingIds()).toEqual(all.map((id) => `arxiv:${id}`));
    expect(identify).toHaveBeenCalledTimes(250);
    // The page reuses the last card for another paper (an SPA's re-render): that card is read again.
    document.querySelector('.grid')!.lastElementChild!.querySelector('h3 a')!.setAttribute('href', '/papers/2605.00001');
    expect((await scanner.waitingIds()).at(-1)).toBe('arxiv:2605.00001');
    expect(identify).toHaveBeenCalledTimes(251);
  });

  it('reads many waiting cards in tasks of at most 30 ms, and gives every id', async () => {
    const { all } = await feed(250);
    // The clock moves 10 ms at each look: a task reads a few cards, then lets the page run.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    const tasks = vi.spyOn(globalThis, 'setTimeout');
    const identify = vi.spyOn(huggingface, 'identify');
    expect(await scanner.waitingIds()).toEqual(all.map((id) => `arxiv:${id}`));
    // Cards read per task: the identify() calls between two setTimeout() calls.
    const yields = tasks.mock.invocationCallOrder;
    const perTask = new Map<number, number>();
    for (const at of identify.mock.invocationCallOrder) {
      const task = yields.filter((y) => y < at).length;
      perTask.set(task, (perTask.get(task) ?? 0) + 1);
    }
    expect(identify).toHaveBeenCalledTimes(250);
    expect(Math.max(...perTask.values())).toBeLessThanOrEqual(3);
    expect(perTask.size).toBeGreaterThanOrEqual(84);
  });

  it('reads them all in one task while the page is hidden (a background tab: nothing drawn, timers slowed)', async () => {
    const { all } = await feed(250);
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const tasks = vi.spyOn(globalThis, 'setTimeout');
    const identify = vi.spyOn(huggingface, 'identify');
    expect(await scanner.waitingIds()).toEqual(all.map((id) => `arxiv:${id}`));
    expect(identify).toHaveBeenCalledTimes(250);
    expect(tasks).not.toHaveBeenCalled();
  });

  it('places cards appended later (infinite scroll) at once, and stops watching cards the page removed', async () => {
    const { all, io } = await feed(300, 10);
    const grid = document.querySelector('.grid')!;
    grid.insertAdjacentHTML('beforeend', ids(20, '2604').map(card).join(''));
    await settle();
    expect(hosts()).toEqual([...all.slice(0, 10), ...ids(20, '2604')]);
    // The page drops its last 100 cards: they are no longer watched.
    for (const el of [...grid.children].slice(200, 300)) el.remove();
    await settle();
    expect(io.observed.size).toBe(190);
  });

  it('a page of up to 100 new cards gets every toolbar at once', async () => {
    document.body.innerHTML = `<div class="grid">${ids(100).map(card).join('')}</div>`;
    scanner.start();
    await settle();
    expect(hosts()).toHaveLength(100);
    expect(FakeIO.last).toBeNull();
    // On a page that renders every card, each toolbar skips its own rendering off screen.
    expect(marked()).toBe(100);
  });
});
