/**
 * Two tabs (or a tab and the popup) editing one paper at once: every card ends up showing the
 * shelf as it is. A tab's own answer and the background's change notices travel apart, so an
 * answer may come after a newer notice (lib/content/toolbars); the background sends the notices
 * one change at a time, in the order it read them (lib/change-relay).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { changeRelay } from '@/lib/change-relay';
import { Toolbars, type Backend } from '@/lib/content/toolbars';
import type { ChangedMessage, PaperState, Result } from '@/lib/messages';
import { happyDOM, hfCard, settle, wiredScanner } from './helpers/content';

const ID = 'arxiv:2603.00001';
const state = (over: Partial<PaperState> = {}): PaperState => ({ id: ID, tags: [], note: '', status: 'unread', savedAt: 1, ...over });

/** A promise and the function that settles it. */
function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let abort: AbortController | undefined;
afterEach(() => abort?.abort());

/** A page with one card whose paper is saved; its lookups and patches answer when the test says. */
async function page(): Promise<{ toolbars: Toolbars; lookups: ((v: Result<{ papers: Record<string, PaperState> }>) => void)[]; patches: ((v: Result<{ paper: PaperState }>) => void)[] }> {
  const lookups: ((v: Result<{ papers: Record<string, PaperState> }>) => void)[] = [];
  const patches: ((v: Result<{ paper: PaperState }>) => void)[] = [];
  const backend: Backend = {
    lookup: ({ ids = [] }) => {
      if (!ids.length) return Promise.resolve({ ok: true, papers: {} });
      const d = deferred<Result<{ papers: Record<string, PaperState> }>>();
      lookups.push(d.resolve);
      return d.promise;
    },
    save: async () => ({ ok: false, error: { code: 'internal', message: 'not in this test' } }),
    patch: () => {
      const d = deferred<Result<{ paper: PaperState }>>();
      patches.push(d.resolve);
      return d.promise;
    },
    remove: async () => ({ ok: true, removed: true }),
    tags: async () => ({ ok: true, tags: [] }),
  };
  happyDOM().setURL('https://huggingface.co/papers/date/2026-03-02');
  document.body.innerHTML = `<div class="grid">${hfCard('2603.00001')}</div>`;
  abort = new AbortController();
  const toolbars = new Toolbars(document, backend, abort.signal);
  wiredScanner(toolbars, abort.signal).start();
  await settle();
  return { toolbars, lookups, patches };
}

const host = () => document.querySelector(`papershelf-toolbar[data-papershelf-id="${ID}"]`) as HTMLElement;
/** What the card shows: saved, status, tags, note preview. */
function shown(): { state: string | null; status: string | undefined; tags: string[]; note: string | null } {
  const root = host().shadowRoot!;
  return {
    state: host().getAttribute('data-papershelf-state'),
    status: root.querySelector<HTMLSelectElement>('select.status')?.value,
    tags: [...root.querySelectorAll('.tag span')].map((e) => e.textContent ?? ''),
    note: root.querySelector<HTMLElement>('.notepreview:not([hidden])')?.textContent ?? null,
  };
}

describe('a card edited from two places at once', () => {
  it("keeps another tab's note that was saved while this tab's own edit was out", async () => {
    const { toolbars, lookups, patches } = await page();
    lookups[0]!({ ok: true, papers: { [ID]: state() } });
    await settle();
    toolbars.cycleStatus(host());
    await settle();
    expect(patches).toHaveLength(1);
    // The shelf: this tab's status went in first, then the other tab's note. The notice of the
    // note comes before the answer to the status.
    toolbars.applyChanged({ papers: { [ID]: state({ status: 'reading', note: 'from the other tab' }) } });
    patches[0]!({ ok: true, paper: state({ status: 'reading' }) });
    await settle();
    expect(shown()).toEqual({ state: 'saved', status: 'reading', tags: [], note: 'from the other tab' });
    // The notice of this tab's own write comes last, read after both.
    toolbars.applyChanged({ papers: { [ID]: state({ status: 'reading', note: 'from the other tab' }) } });
    expect(shown()).toEqual({ state: 'saved', status: 'reading', tags: [], note: 'from the other tab' });
  });

  it('takes its own answer when no notice came while it was out', async () => {
    const { toolbars, lookups, patches } = await page();
    lookups[0]!({ ok: true, papers: { [ID]: state({ tags: ['rl'] }) } });
    await settle();
    toolbars.cycleStatus(host());
    await settle();
    patches[0]!({ ok: true, paper: state({ tags: ['rl'], status: 'reading' }) });
    await settle();
    expect(shown()).toEqual({ state: 'saved', status: 'reading', tags: ['rl'], note: null });
  });

  it('a first lookup answered after a notice does not undo the notice', async () => {
    const { toolbars, lookups } = await page();
    expect(lookups).toHaveLength(1);
    toolbars.applyChanged({ papers: { [ID]: state({ tags: ['new'] }) } });
    lookups[0]!({ ok: true, papers: {} });
    await settle();
    expect(shown()).toEqual({ state: 'saved', status: 'unread', tags: ['new'], note: null });
  });
});

describe('the background relays changes one at a time', () => {
  it('sends each tab the notices in the order it read them, even when a read is slow', async () => {
    let shelf: PaperState | null = state({ note: 'first' });
    const reads: { ids: string[]; go: () => void }[] = [];
    const sent: { tab: number; msg: ChangedMessage }[] = [];
    const relay = changeRelay({
      // Each read waits for the test, then reads the shelf as it is at that moment.
      lookup: (ids) =>
        new Promise((resolve) => {
          reads.push({ ids, go: () => resolve(new Map(shelf ? [[ID, shelf]] : [])) });
        }),
      tabs: async () => [7, 9],
      send: async (tab, msg) => void sent.push({ tab, msg }),
    });
    const done = [relay({ ids: [ID] })];
    shelf = state({ note: 'second' });
    done.push(relay({ ids: [ID] }));
    await settle();
    // The second change is not read while the first is out.
    expect(reads).toHaveLength(1);
    reads[0]!.go();
    await settle();
    expect(reads).toHaveLength(2);
    shelf = null;
    done.push(relay({ ids: [ID] }));
    reads[1]!.go();
    await settle();
    reads[2]!.go();
    await Promise.all(done);
    const second = { papers: { [ID]: state({ note: 'second' }) } };
    const removed = { papers: { [ID]: null } };
    expect(sent).toEqual([
      { tab: 7, msg: second },
      { tab: 9, msg: second },
      { tab: 7, msg: removed },
      { tab: 9, msg: removed },
      { tab: 7, msg: removed },
      { tab: 9, msg: removed },
    ]);
  });
});
