import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NotFoundError, type Library } from '@/lib/library';
import { parseQuery } from '@/lib/list/query';
import { SearchIndex, type SearchOptions } from '@/lib/list/search-index';
import { SavedPaper } from '@/lib/paper';
import { freshLibrary, hfDraft } from './helpers/drafts';

const T0 = 1_760_000_000_000;

describe('Library.save', () => {
  it('creates the whole record from a draft', async () => {
    const lib = freshLibrary();
    const rec = await lib.save(hfDraft('2603.01234'), undefined, T0);
    expect(rec).toEqual({
      id: 'arxiv:2603.01234',
      title: 'Paper 2603.01234',
      authors: ['Ada Lovelace', 'Alan Turing'],
      abstract: 'Abstract of 2603.01234 about sparse mixtures.',
      publishedAt: '2026-02-27',
      arxivId: '2603.01234',
      links: {
        page: 'https://huggingface.co/papers/2603.01234',
        abs: 'https://arxiv.org/abs/2603.01234',
        pdf: 'https://arxiv.org/pdf/2603.01234',
      },
      signals: { upvotes: 10, comments: 1 },
      signalsSeenAt: T0,
      sources: [{ site: 'huggingface', url: 'https://huggingface.co/papers/2603.01234', firstSeenAt: T0, lastSeenAt: T0 }],
      tags: [],
      note: '',
      status: 'unread',
      savedAt: T0,
      updatedAt: T0,
      sites: ['huggingface'],
      times: { saved: T0, note: 0, status: 0, tags: {} },
    });
    expect(SavedPaper.parse(rec)).toEqual(rec);
    expect(await lib.get(rec.id)).toEqual(rec);
    expect(await lib.count()).toBe(1);
  });

  it('upserts: refreshes signals and sources, never touches tags, note or status', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'), { addTags: ['RL', 'vision'], note: 'read §3', status: 'reading' }, T0);
    const again = await lib.save(
      hfDraft('2603.01234', { signals: { upvotes: 99, githubStars: 7 }, pageUrl: 'https://huggingface.co/papers/trending' }),
      undefined,
      T0 + 1000,
    );
    expect(again.tags).toEqual(['RL', 'vision']);
    expect(again.note).toBe('read §3');
    expect(again.status).toBe('reading');
    expect(again.savedAt).toBe(T0);
    expect(again.signals).toEqual({ upvotes: 99, comments: 1, githubStars: 7 });
    expect(again.signalsSeenAt).toBe(T0 + 1000);
    expect(again.sources).toEqual([{ site: 'huggingface', url: 'https://huggingface.co/papers/2603.01234', firstSeenAt: T0, lastSeenAt: T0 + 1000 }]);
    expect(await lib.count()).toBe(1);
  });

  it('keeps the full author list when a later card only shows a count', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'), undefined, T0);
    const rec = await lib.save(hfDraft('2603.01234', { authors: [], authorCount: 2 }), undefined, T0 + 1);
    expect(rec.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(rec.authorCount).toBeUndefined();
  });

  it('saving the same paper twice at once makes one record', async () => {
    const lib = freshLibrary();
    await Promise.all([lib.save(hfDraft('2603.01234')), lib.save(hfDraft('2603.01234'))]);
    expect(await lib.count()).toBe(1);
  });

  it('rejects an invalid draft and writes nothing', async () => {
    const lib = freshLibrary();
    await expect(lib.save({ ...hfDraft('2603.01234'), title: '' })).rejects.toThrow();
    await expect(lib.save({ ...hfDraft('2603.01234'), pageUrl: 'javascript:alert(1)' })).rejects.toThrow();
    expect(await lib.count()).toBe(0);
  });
});

describe('Library.patch', () => {
  it('patches tags, note and status field by field', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'), undefined, T0);
    await lib.patch('arxiv:2603.01234', { addTags: [' deep  learning ', 'RL', 'rl'] }, T0 + 1);
    await lib.patch('arxiv:2603.01234', { note: 'Line one\nline two' }, T0 + 2);
    const rec = await lib.patch('arxiv:2603.01234', { status: 'read', removeTags: ['RL'] }, T0 + 3);
    expect(rec.tags).toEqual(['deep learning']);
    expect(rec.note).toBe('Line one\nline two');
    expect(rec.status).toBe('read');
    expect(rec.updatedAt).toBe(T0 + 3);
    expect('words' in rec).toBe(false);
  });

  it('concurrent patches of different fields are all kept', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'));
    await Promise.all([
      lib.patch('arxiv:2603.01234', { addTags: ['a'] }),
      lib.patch('arxiv:2603.01234', { note: 'from the popup' }),
      lib.patch('arxiv:2603.01234', { status: 'reading' }),
      lib.patch('arxiv:2603.01234', { addTags: ['b'] }),
    ]);
    const rec = await lib.get('arxiv:2603.01234');
    expect([rec?.tags, rec?.note, rec?.status]).toEqual([['a', 'b'], 'from the popup', 'reading']);
  });

  it('fails with NotFoundError on a paper that is not saved', async () => {
    const lib = freshLibrary();
    await expect(lib.patch('arxiv:2603.09999', { note: 'x' })).rejects.toBeInstanceOf(NotFoundError);
    expect(await lib.count()).toBe(0);
  });

  it('rejects unknown patch fields', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.01234'));
    await expect(lib.patch('arxiv:2603.01234', { savedAt: 1 } as never)).rejects.toThrow();
  });
});

describe('Library remove / restore / lookup / observe', () => {
  it('remove returns the records and leaves tombstones; restore puts them back with their fields set again after the removal', async () => {
    const lib = freshLibrary();
    const a = await lib.save(hfDraft('2603.00001'), { note: 'keep me', addTags: ['rl'] }, T0);
    await lib.save(hfDraft('2603.00002'), undefined, T0);
    const removed = await lib.remove([a.id, 'arxiv:2603.09999'], T0 + 10);
    expect(removed).toEqual([a]);
    expect(await lib.count()).toBe(1);
    expect(await lib.removals()).toEqual([{ id: a.id, removedAt: T0 + 10 }]);
    await lib.restore(removed, T0 + 20);
    const at = T0 + 20;
    expect(await lib.get(a.id)).toEqual({ ...a, times: { saved: at, note: at, status: at, tags: { rl: { tag: 'rl', on: true, at } } } });
    // The tombstone stays (a merge still knows what was removed); the restored fields are later.
    expect(await lib.removals()).toEqual([{ id: a.id, removedAt: T0 + 10 }]);
  });

  it('lookup answers many ids at once', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'));
    await lib.save(hfDraft('2603.00003'));
    const found = await lib.lookup(['arxiv:2603.00001', 'arxiv:2603.00002', 'arxiv:2603.00003']);
    expect([...found.keys()]).toEqual(['arxiv:2603.00001', 'arxiv:2603.00003']);
  });

  it('keeps the paper page of the site it was saved from when another site shows it; that site refreshes it', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), undefined, T0);
    const dblp = { page: 'https://dblp.org/rec/journals/corr/abs-2603-00001.html', bib: 'https://dblp.org/rec/journals/corr/abs-2603-00001.bib' };
    await lib.observe([hfDraft('2603.00001', { site: 'dblp', pageUrl: 'https://dblp.org/pid/1/2.html', links: dblp })], T0 + 5);
    let rec = await lib.get('arxiv:2603.00001');
    // The row's link and the details' "Paper page" stay on Hugging Face; dblp adds its source and its other links.
    expect(rec?.links).toEqual({ ...hfDraft('2603.00001').links, bib: dblp.bib });
    expect(rec?.sources.map((s) => [s.site, s.url])).toEqual([
      ['huggingface', 'https://huggingface.co/papers/2603.00001'],
      ['dblp', dblp.page],
    ]);
    // Seen again on the site it was saved from: that site's (new) page is taken.
    await lib.observe([hfDraft('2603.00001', { links: { page: 'https://huggingface.co/papers/2603.00001v2' } })], T0 + 6);
    rec = await lib.get('arxiv:2603.00001');
    expect(rec?.links.page).toBe('https://huggingface.co/papers/2603.00001v2');
    // A record without a page gets one from whatever site shows it.
    await lib.save(hfDraft('2603.00002', { links: { abs: 'https://arxiv.org/abs/2603.00002' } }), undefined, T0);
    await lib.observe([hfDraft('2603.00002', { site: 'dblp', links: { page: 'https://dblp.org/rec/x.html' } })], T0 + 7);
    expect((await lib.get('arxiv:2603.00002'))?.links.page).toBe('https://dblp.org/rec/x.html');
  });

  it('observe refreshes signals of saved papers only', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'), { addTags: ['x'] }, T0);
    const seen = await lib.observe([hfDraft('2603.00001', { signals: { upvotes: 50 } }), hfDraft('2603.00002')], T0 + 5);
    expect([...seen.keys()]).toEqual(['arxiv:2603.00001']);
    const rec = await lib.get('arxiv:2603.00001');
    expect(rec?.signals).toEqual({ upvotes: 50, comments: 1 });
    expect(rec?.signalsSeenAt).toBe(T0 + 5);
    expect(rec?.tags).toEqual(['x']);
    expect(await lib.count()).toBe(1);
  });
});

/** The library as the popup reads it: every record (Library.all) into the in-memory index, searched there. */
async function find(lib: Library, text = '', opts: SearchOptions = {}) {
  return new SearchIndex(await lib.all()).search(parseQuery(text), opts);
}

describe('saved papers, as the popup searches them (Library.all -> SearchIndex)', () => {
  async function seeded() {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001', { title: 'Sparse attention for long video', publishedAt: '2026-01-05', signals: { upvotes: 5 } }), { addTags: ['video'], status: 'read' }, T0);
    await lib.save(hfDraft('2603.00002', { title: 'Reward models that lie', publishedAt: '2026-03-01', signals: { upvotes: 50 } }), { addTags: ['RL'], note: 'compare with DPO baseline' }, T0 + 1);
    await lib.save(hfDraft('2603.00003', { title: 'Álgebra of agents', authors: ['Zoë Müller'], publishedAt: '2025-12-24', signals: {} }), { addTags: ['rl', 'agents'] }, T0 + 2);
    return lib;
  }
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id.slice(6));

  it('sorts by saved date, publication date, upvotes and title', async () => {
    const lib = await seeded();
    expect(ids(await find(lib))).toEqual(['2603.00003', '2603.00002', '2603.00001']);
    expect(ids(await find(lib, '', { sort: 'publishedAt' }))).toEqual(['2603.00002', '2603.00001', '2603.00003']);
    expect(ids(await find(lib, '', { sort: 'upvotes' }))).toEqual(['2603.00002', '2603.00001', '2603.00003']);
    expect(ids(await find(lib, '', { sort: 'title' }))).toEqual(['2603.00003', '2603.00002', '2603.00001']);
  });

  it('searches word prefixes across title, authors, abstract, tags and note (ANDed, accent-folded)', async () => {
    const lib = await seeded();
    expect(ids(await find(lib, 'dpo'))).toEqual(['2603.00002']);
    expect(ids(await find(lib, 'spar vid'))).toEqual(['2603.00001']);
    expect(ids(await find(lib, 'muller'))).toEqual(['2603.00003']);
    expect(ids(await find(lib, 'algebra'))).toEqual(['2603.00003']);
    expect(ids(await find(lib, 'agents'))).toEqual(['2603.00003']);
    expect(ids(await find(lib, 'lovelace'))).toEqual(['2603.00002', '2603.00001']);
    expect(ids(await find(lib, 'video reward'))).toEqual([]);
  });

  it('filters by tag (case-insensitive) and status, combined with search', async () => {
    const lib = await seeded();
    expect(ids(await find(lib, '', { tag: 'RL' }))).toEqual(['2603.00003', '2603.00002']);
    expect(ids(await find(lib, '', { status: 'read' }))).toEqual(['2603.00001']);
    expect(ids(await find(lib, 'reward', { tag: 'rl', status: 'unread' }))).toEqual(['2603.00002']);
    expect(await lib.allTags()).toEqual(['agents', 'RL', 'video']);
  });
});

describe('saved papers by site, as the popup searches them', () => {
  it('filters by the sites a paper was seen on', async () => {
    const lib = freshLibrary();
    await lib.save(hfDraft('2603.00001'));
    await lib.save(hfDraft('2603.00002'));
    await lib.save({ ...hfDraft('2603.00002'), site: 'arxiv', pageUrl: 'https://arxiv.org/list/cs.LG/new', links: { page: 'https://arxiv.org/abs/2603.00002' } });
    expect((await find(lib, 'site:arxiv')).map((r) => [r.id, r.sites])).toEqual([['arxiv:2603.00002', ['huggingface', 'arxiv']]]);
    expect((await find(lib, 'site:huggingface')).length).toBe(2);
  });
});
