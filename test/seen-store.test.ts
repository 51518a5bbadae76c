/**
 * The seen history's rules in the background (lib/seen/store.ts, lib/handlers.ts `seen` and
 * `lookup` with seenBefore): one record per paper, first visit, new vs seen, retention (saved
 * papers never dropped), clearing, and a saved paper never touched by being seen.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db';
import { handle } from '@/lib/handlers';
import { Library } from '@/lib/library';
import type { Sighting } from '@/lib/seen/record';
import { SeenHistory } from '@/lib/seen/list-seen';
import { SeenStore, type SeenSettings } from '@/lib/seen/store';
import { hfDraft } from './helpers/drafts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 11, 1, 9);
let n = 0;

function fresh(settings: SeenSettings = { seenHistory: true, seenRetentionDays: 90 }) {
  const db = openDb(`test-seen-${Date.now()}-${++n}`);
  return { db, store: new SeenStore(db, async () => settings), lib: new Library(db) };
}

const hf = (arxiv: string, over: Partial<Sighting> = {}): Sighting => ({
  id: `arxiv:${arxiv}`,
  title: `Paper ${arxiv}`,
  authors: ['Ada Lovelace', 'Alan Turing'],
  link: `https://huggingface.co/papers/${arxiv}`,
  url: 'https://huggingface.co/papers/date/2026-12-01',
  site: 'huggingface',
  ...over,
});
const ax = (arxiv: string): Sighting => ({
  id: `arxiv:${arxiv}`,
  title: `Paper ${arxiv} (arXiv)`,
  authors: ['Ada Lovelace'],
  link: `https://arxiv.org/abs/${arxiv}`,
  url: 'https://arxiv.org/list/cs.LG/new',
  site: 'arxiv',
});

describe('recording seen papers', () => {
  it('adds one record per paper, then brings it up to date from the next sighting', async () => {
    const { store } = fresh();
    expect(await store.record([hf('2612.00001'), hf('2612.00002'), hf('2612.00001')], T0)).toBe(2);
    // (most recently seen first; a tie in the order of the index, highest id first)
    expect(await store.all()).toEqual([
      { ...hf('2612.00002'), firstSeen: T0, lastSeen: T0 },
      { ...hf('2612.00001'), firstSeen: T0, lastSeen: T0 },
    ]);
    // Seen again on arXiv an hour later: its page, site, title and link follow; the longer author
    // list stays; firstSeen stays.
    expect(await store.record([ax('2612.00001')], T0 + 3600_000)).toBe(1);
    expect(await store.all()).toEqual([
      { ...hf('2612.00001'), title: 'Paper 2612.00001 (arXiv)', link: 'https://arxiv.org/abs/2612.00001', url: 'https://arxiv.org/list/cs.LG/new', site: 'arxiv', firstSeen: T0, lastSeen: T0 + 3600_000 },
      { ...hf('2612.00002'), firstSeen: T0, lastSeen: T0 },
    ]);
  });

  it('writes nothing while the seen history is off', async () => {
    const { store } = fresh({ seenHistory: false, seenRetentionDays: 90 });
    expect(await store.record([hf('2612.00001')], T0)).toBe(0);
    expect(await store.all()).toEqual([]);
  });

  it("never changes a saved paper's tags, note, status or anything else", async () => {
    const { lib } = fresh();
    await lib.save(hfDraft('2612.00001'), { addTags: ['rl'], note: 'mine', status: 'read' }, T0);
    const before = await lib.all();
    const res = await handle(lib, 'seen', { papers: [ax('2612.00001'), hf('2612.00002')] });
    expect(res).toEqual({ ok: true, recorded: 2 });
    expect(await lib.all()).toEqual(before);
    expect((await lib.seen.all()).map((r) => r.id).sort()).toEqual(['arxiv:2612.00001', 'arxiv:2612.00002']);
  });

  it('a sighting that does not parse is left out; the others of its batch are written', async () => {
    const { lib } = fresh();
    const res = await handle(lib, 'seen', { papers: [{ ...hf('2612.00001'), url: 'javascript:alert(1)' }, { ...hf('2612.00002'), extra: 1 }, hf('2612.00003')] });
    expect(res).toEqual({ ok: true, recorded: 1 });
    expect((await lib.seen.all()).map((r) => r.id)).toEqual(['arxiv:2612.00003']);
  });
});

describe('new since the last visit', () => {
  it('first visit: no history, so nothing is new; what the page itself records later does not count', async () => {
    const { store } = fresh();
    expect(await store.before(['arxiv:2612.00001', 'arxiv:2612.00002'], T0)).toEqual({ ids: [], history: false });
    await store.record([hf('2612.00001')], T0 + 1000);
    // Looked up again for the same page (cards coming near later): still its load's answer.
    expect(await store.before(['arxiv:2612.00001', 'arxiv:2612.00002'], T0)).toEqual({ ids: [], history: false });
  });

  it('a later page: papers seen anywhere before it are seen, the others new', async () => {
    const { lib } = fresh();
    await lib.seen.record([hf('2612.00001'), hf('2612.00002')], T0);
    const res = await handle(lib, 'lookup', { ids: ['arxiv:2612.00002', 'arxiv:2612.00009'], seenBefore: T0 + 1000 });
    expect(res).toEqual({ ok: true, papers: {}, seen: { ids: ['arxiv:2612.00002'], history: true } });
    // Without seenBefore the answer is the saved state alone.
    expect(await handle(lib, 'lookup', { ids: ['arxiv:2612.00002'] })).toEqual({ ok: true, papers: {} });
  });

  it('right after the history is cleared nothing is new again; saved papers stay', async () => {
    const { db, lib } = fresh();
    await lib.save(hfDraft('2612.00001'), undefined, T0);
    await lib.seen.record([hf('2612.00001'), hf('2612.00002')], T0);
    expect(await new SeenHistory(db).clear()).toBe(2);
    expect(await lib.seen.all()).toEqual([]);
    expect(await lib.seen.before(['arxiv:2612.00001', 'arxiv:2612.00003'], T0 + 1000)).toEqual({ ids: [], history: false });
    expect((await lib.all()).map((p) => p.id)).toEqual(['arxiv:2612.00001']);
  });
});

describe('retention', () => {
  it('drops records last seen more than the retention ago, never a saved paper', async () => {
    const { lib } = fresh();
    await lib.save(hfDraft('2612.00001'), undefined, T0);
    await lib.seen.record([hf('2612.00001'), hf('2612.00002'), hf('2612.00003')], T0);
    await lib.seen.record([hf('2612.00003')], T0 + 20 * DAY);
    expect(await lib.seen.prune(30, T0 + 30 * DAY)).toEqual([]);
    expect(await lib.seen.prune(30, T0 + 30 * DAY + 1)).toEqual(['arxiv:2612.00002']);
    expect(await lib.seen.all()).toEqual([
      { ...hf('2612.00003'), firstSeen: T0, lastSeen: T0 + 20 * DAY },
      { ...hf('2612.00001'), firstSeen: T0, lastSeen: T0 },
    ]);
  });

  it('runs after a write at most once a day, with the retention of the settings', async () => {
    const { store } = fresh({ seenHistory: true, seenRetentionDays: 1 });
    await store.record([hf('2612.00001')], T0);
    await store.record([hf('2612.00002')], T0 + 2 * DAY);
    // The first write pruned (nothing old then); the second, two days later, dropped the first.
    expect((await store.all()).map((r) => r.id)).toEqual(['arxiv:2612.00002']);
    await store.record([hf('2612.00003')], T0 + 4 * DAY);
    // A write within a day of the last pruning does not prune again.
    await store.record([hf('2612.00004')], T0 + 4 * DAY + DAY - 1);
    expect((await store.all()).map((r) => r.id)).toEqual(['arxiv:2612.00004', 'arxiv:2612.00003']);
  });
});
