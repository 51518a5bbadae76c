/**
 * The popup's in-memory search index (lib/list/search-index): prefix words, AND, accents, filters,
 * ranking, incremental updates, and 10,000 generated papers checked against a brute-force search
 * over the same records (the export filter lib/exchange/select matchesQuery + an independent scorer).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDb } from '@/lib/db';
import { Library } from '@/lib/library';
import { sortPapers, SORT_KEYS, type SortKey } from '@/lib/list/sort';
import { STATUSES, tagKey, type SavedPaper, type Status } from '@/lib/paper';
import { parseQuery, type ParsedQuery } from '@/lib/list/query';
import { paperWords, wordsOf } from '@/lib/list/words';
import { matchesQuery } from '@/lib/exchange/select';
import { narrows } from '@/lib/list/hits';
import { SCORE } from '@/lib/list/postings';
import { SearchIndex, type SearchOptions } from '@/lib/list/search-index';

type Over = Partial<SavedPaper> & { id: string; title: string };

/** A stored record as lib/library writes it. */
function paper(over: Over): SavedPaper {
  return {
    authors: [],
    links: {},
    signals: {},
    sources: [{ site: 'huggingface', url: 'https://huggingface.co/papers', firstSeenAt: 1, lastSeenAt: 1 }],
    tags: [],
    note: '',
    status: 'unread' as Status,
    savedAt: 1,
    updatedAt: 1,
    ...over,
  };
}

const ids = (rows: readonly SavedPaper[]) => rows.map((r) => r.id);
const find = (index: SearchIndex, text: string, opts: SearchOptions = {}) => ids(index.search(parseQuery(text), opts));

const ATTENTION = paper({
  id: 'a',
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  abstract: 'The dominant sequence transduction models are based on recurrent networks.',
  publishedAt: '2017-06-12',
  signals: { upvotes: 120 },
  tags: ['nlp', 'Transformers'],
  note: 'Re-read section 3.2',
  savedAt: 100,
});
const DDPM = paper({
  id: 'd',
  title: 'Denoising Diffusion Probabilistic Models',
  authors: ['Jonathan Ho', 'Ajay Jain', 'Pieter Abbeel'],
  abstract: 'High quality image synthesis using diffusion probabilistic models.',
  publishedAt: '2020-06-19',
  signals: { upvotes: 87 },
  tags: ['diffusion', 'Deep Learning'],
  status: 'reading',
  savedAt: 200,
  sources: [{ site: 'arxiv', url: 'https://arxiv.org/abs/2006.11239', firstSeenAt: 1, lastSeenAt: 1 }],
});
const SCHRO = paper({
  id: 's',
  title: 'Schrödinger Bridges for Équations',
  authors: ['Élodie Müller'],
  publishedAt: '2024-01-05',
  tags: ['rl'],
  status: 'read',
  savedAt: 300,
  sources: [
    { site: 'huggingface', url: 'https://huggingface.co/papers/x', firstSeenAt: 1, lastSeenAt: 1 },
    { site: 'arxiv', url: 'https://arxiv.org/abs/x', firstSeenAt: 1, lastSeenAt: 1 },
  ],
});

describe('SearchIndex basics', () => {
  const index = () => new SearchIndex([ATTENTION, DDPM, SCHRO]);

  it('lists everything in the selected sort order without words', () => {
    const i = index();
    expect(i.size).toBe(3);
    expect(find(i, '')).toEqual(['s', 'd', 'a']);
    expect(find(i, '', { sort: 'publishedAt' })).toEqual(['s', 'd', 'a']);
    expect(find(i, '', { sort: 'upvotes' })).toEqual(['a', 'd', 's']);
    expect(find(i, '', { sort: 'title' })).toEqual(['a', 'd', 's']);
  });

  it('matches word prefixes in every field, all words required', () => {
    const i = index();
    expect(find(i, 'att')).toEqual(['a']); // title
    expect(find(i, 'vasw')).toEqual(['a']); // author
    expect(find(i, 'transf')).toEqual(['a']); // tag
    expect(find(i, 'recurr')).toEqual(['a']); // abstract
    expect(find(i, 'secti')).toEqual(['a']); // note
    expect(find(i, 'diffusion')).toEqual(['d']);
    expect(find(i, 'models')).toEqual(['d', 'a']); // d: title, a: abstract
    expect(find(i, 'models image')).toEqual(['d']);
    expect(find(i, 'models zebra')).toEqual([]);
    expect(find(i, 'zebra')).toEqual([]);
    expect(find(i, 'deep learn')).toEqual(['d']); // a multi-word tag is words too
  });

  it('folds accents and case (lib/list/words wordsOf) on both sides', () => {
    const i = index();
    expect(find(i, 'schrodinger')).toEqual(['s']);
    expect(find(i, 'SCHRÖ')).toEqual(['s']);
    expect(find(i, 'equations elodie muller')).toEqual(['s']);
    expect(find(i, 'Équ')).toEqual(['s']);
  });

  it('applies typed filters and the clicked ones together', () => {
    const i = index();
    expect(find(i, 'tag:nlp')).toEqual(['a']);
    expect(find(i, 'tag:NLP')).toEqual(['a']);
    expect(find(i, 'tag:"deep learning"')).toEqual(['d']);
    expect(find(i, 'tag:deep')).toEqual([]); // tags match whole
    expect(find(i, 'tag:nlp tag:diffusion')).toEqual([]);
    expect(find(i, 'status:reading')).toEqual(['d']);
    expect(find(i, 'year:2017')).toEqual(['a']);
    expect(find(i, 'year:2018..2024')).toEqual(['s', 'd']);
    expect(find(i, 'year:..2020', { sort: 'title' })).toEqual(['a', 'd']);
    expect(find(i, 'site:arxiv')).toEqual(['s', 'd']);
    expect(find(i, 'site:hf')).toEqual(['s', 'a']);
    expect(find(i, 'site:hug')).toEqual(['s', 'a']);
    expect(find(i, '-site:arxiv')).toEqual(['a']);
    expect(find(i, '-tag:rl -status:reading')).toEqual(['a']);
    expect(find(i, '-diffusion')).toEqual(['s', 'a']);
    expect(find(i, '-diff -schr')).toEqual(['a']);
    expect(find(i, 'models -image')).toEqual(['a']);
    // Clicked filters AND with typed ones; a contradiction matches nothing.
    expect(find(i, '', { tag: 'Transformers' })).toEqual(['a']);
    expect(find(i, 'tag:nlp', { tag: 'transformers' })).toEqual(['a']);
    expect(find(i, 'tag:nlp', { tag: 'rl' })).toEqual([]);
    expect(find(i, 'status:read', { status: 'read' })).toEqual(['s']);
    expect(find(i, 'status:read', { status: 'unread' })).toEqual([]);
    // Ignored junk does not filter.
    expect(find(i, 'status:nonsense year:abc tag:')).toEqual(['s', 'd', 'a']);
    // Papers without a publication date never match a year.
    i.upsert([paper({ id: 'n', title: 'No date', savedAt: 400 })]);
    expect(find(i, 'year:..9999')).toEqual(['s', 'd', 'a']);
  });

  it('ranks title > authors / tags > abstract / note, whole words above prefixes, ties in sort order', () => {
    const inTitle = paper({ id: 't', title: 'Graph Networks', savedAt: 1 });
    const inAuthor = paper({ id: 'u', title: 'Other', authors: ['Graph Smith'], savedAt: 2 });
    const inTag = paper({ id: 'g', title: 'Other', tags: ['graph'], savedAt: 3 });
    const inAbstract = paper({ id: 'x', title: 'Other', abstract: 'A graph.', savedAt: 4 });
    const inNote = paper({ id: 'y', title: 'Other', note: 'graph!', savedAt: 5 });
    const prefixTitle = paper({ id: 'p', title: 'Graphs', savedAt: 6 });
    const i = new SearchIndex([inTitle, inAuthor, inTag, inAbstract, inNote, prefixTitle]);
    // title exact, title prefix, then author / tag (newest saved first), then abstract / note.
    expect(find(i, 'graph')).toEqual(['t', 'p', 'g', 'u', 'y', 'x']);
    expect(find(i, 'graph', { sort: 'title' })).toEqual(['t', 'p', 'g', 'u', 'y', 'x']);
    expect(find(i, 'grap')).toEqual(['p', 't', 'g', 'u', 'y', 'x']); // all prefixes: ties by savedAt
    // Several words add up: two title words beat one.
    const both = paper({ id: 'b', title: 'Graph Smith', savedAt: 0 });
    i.upsert([both]);
    expect(find(i, 'graph smith')).toEqual(['b', 'u']);
    expect(SCORE.title + SCORE.exact).toBeLessThan(256); // fits the per-word score array
  });

  it('ranks by sums of many words (past 255) in order, ties in sort order', () => {
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu'];
    const all = paper({ id: 'all', title: words.join(' '), savedAt: 1, signals: { upvotes: 10 } }); // 12 x (title + exact) = 420
    const allToo = paper({ id: 'all2', title: words.join(' '), savedAt: 2, signals: { upvotes: 5 } }); // the same, saved later
    const prefixes = paper({ id: 'pre', title: words.map((w) => `${w}s`).join(' '), savedAt: 3 }); // 12 x title = 360
    const lastInBody = paper({ id: 'body', title: words.slice(0, 11).join(' '), abstract: 'mu', savedAt: 4 }); // 11 x 35 + 15 = 400
    const missing = paper({ id: 'miss', title: words.slice(0, 11).join(' '), savedAt: 5 });
    const i = new SearchIndex([all, allToo, prefixes, lastInBody, missing]);
    expect(find(i, words.join(' '))).toEqual(['all2', 'all', 'body', 'pre']);
    expect(find(i, words.join(' '), { sort: 'upvotes' })).toEqual(['all', 'all2', 'body', 'pre']);
    expect(find(i, words.slice(0, 11).join(' '))).toEqual(['miss', 'body', 'all2', 'all', 'pre']);
  });

  it('filters follow changes to status, tags, year and sites (the per-slot facts)', () => {
    const i = index();
    expect(find(i, 'year:2017')).toEqual(['a']);
    expect(find(i, 'site:arxiv')).toEqual(['s', 'd']);
    expect(find(i, 'tag:nlp att')).toEqual(['a']);
    expect(find(i, 'status:unread')).toEqual(['a']);
    expect(find(i, '-tag:rl', { status: 'reading' })).toEqual(['d']);
    i.upsert([
      paper({
        ...ATTENTION,
        publishedAt: '2019-01-01',
        sources: [{ site: 'ArXiv', url: 'https://arxiv.org/abs/1706.03762', firstSeenAt: 1, lastSeenAt: 1 }],
        tags: ['RL'],
        status: 'reading',
      }),
    ]);
    expect(find(i, 'year:2017')).toEqual([]);
    expect(find(i, 'year:2019')).toEqual(['a']);
    expect(find(i, 'site:arxiv')).toEqual(['s', 'd', 'a']);
    expect(find(i, 'site:hf')).toEqual(['s']);
    expect(find(i, 'tag:nlp att')).toEqual([]);
    expect(find(i, 'tag:rl att')).toEqual(['a']);
    expect(find(i, 'tag:rl')).toEqual(['s', 'a']);
    expect(find(i, 'status:unread')).toEqual([]);
    expect(find(i, '-tag:rl', { status: 'reading' })).toEqual(['d']);
    expect(find(i, '', { status: 'reading' })).toEqual(['d', 'a']);
    i.remove(['s']);
    expect(find(i, 'tag:rl')).toEqual(['a']);
    expect(find(i, 'site:arxiv')).toEqual(['d', 'a']);
    // A new paper takes the freed slot, with its own facts.
    i.upsert([paper({ id: 'n', title: 'New', publishedAt: '2017-03-03', tags: ['nlp'], status: 'read', savedAt: 50 })]);
    expect(find(i, 'year:2017')).toEqual(['n']);
    expect(find(i, 'tag:nlp')).toEqual(['n']);
    expect(find(i, 'status:read')).toEqual(['n']);
    expect(find(i, 'site:arxiv')).toEqual(['d', 'a']);
    expect(find(i, 'site:hug')).toEqual(['n']);
  });

  it('adds, updates and removes papers incrementally', () => {
    const i = index();
    expect(find(i, 'zebra')).toEqual([]); // remembered scores must not outlive a change
    expect(find(i, 'models')).toEqual(['d', 'a']);
    const v0 = i.version;
    i.upsert([paper({ id: 'n', title: 'Neural Zebrafish Tracking', tags: ['bio'], savedAt: 500 })]);
    expect(i.version).toBeGreaterThan(v0);
    expect(i.size).toBe(4);
    expect(find(i, 'zebra')).toEqual(['n']);
    expect(find(i, 'models')).toEqual(['d', 'a']);
    expect(find(i, '')).toEqual(['n', 's', 'd', 'a']);
    expect(i.tags()).toEqual(['bio', 'Deep Learning', 'diffusion', 'nlp', 'rl', 'Transformers']);

    // An update drops the words it no longer has and gains the new ones.
    i.upsert([{ ...DDPM, ...paper({ ...DDPM, title: 'Consistency Models', tags: ['diffusion'], status: 'read' }) }]);
    expect(find(i, 'denoising')).toEqual([]);
    expect(find(i, 'consist')).toEqual(['d']);
    expect(find(i, 'deep')).toEqual([]);
    expect(find(i, 'status:read')).toEqual(['s', 'd']);
    expect(find(i, '', { sort: 'title' })).toEqual(['a', 'd', 'n', 's']);
    expect(i.tags()).toEqual(['bio', 'diffusion', 'nlp', 'rl', 'Transformers']);
    // A change that leaves every tag as it was keeps the tag list (no rescan of all papers).
    const tagList = i.tags();
    i.upsert([{ ...i.get('n')!, status: 'read', note: 'seen' }]);
    expect(i.tags()).toBe(tagList);
    i.upsert([{ ...i.get('n')!, tags: ['bio', 'zoo'] }]);
    expect(i.tags()).toEqual(['bio', 'diffusion', 'nlp', 'rl', 'Transformers', 'zoo']);

    i.remove(['n', 'unknown', 'n']);
    expect(i.size).toBe(3);
    expect(i.has('n')).toBe(false);
    expect(find(i, 'zebra')).toEqual([]);
    expect(find(i, 'z')).toEqual([]);
    expect(find(i, '')).toEqual(['s', 'd', 'a']);

    // A removed slot is reused; the newcomer is found, the old words are not.
    i.upsert([paper({ id: 'm', title: 'Mamba', savedAt: 50 })]);
    expect(find(i, 'mamba')).toEqual(['m']);
    expect(find(i, 'neural')).toEqual([]);
    expect(find(i, '')).toEqual(['s', 'd', 'a', 'm']);
  });

  it('syncs from a change notification: found ids are updated, missing ones removed', () => {
    const i = index();
    const changed = paper({ ...ATTENTION, note: 'Compare with zebrafish baseline' });
    i.sync(['a', 's', 'never-there'], new Map([['a', changed]]));
    expect(i.size).toBe(2);
    expect(find(i, 'zebrafish')).toEqual(['a']);
    expect(find(i, 'schro')).toEqual([]);
    expect(i.get('a')).toBe(changed);
  });

  it('answers before and while the word postings are built in steps', () => {
    const i = new SearchIndex([ATTENTION, DDPM, SCHRO]);
    expect(i.prepared).toBe(false);
    expect(find(i, 'status:read')).toEqual(['s']); // filters need no postings
    expect(i.prepared).toBe(false);
    i.prepareStep(0); // at least a little work, not done... or done: either is fine for 3 papers
    i.upsert([paper({ id: 'n', title: 'Neural Zebrafish', savedAt: 500 })]); // a change mid-way
    expect(find(i, 'zebra')).toEqual(['n']); // the first word search finishes the postings
    expect(i.prepared).toBe(true);
    expect(i.prepareStep(10)).toBe(true);
  });

  it('takes the last record of a duplicated id', () => {
    const i = new SearchIndex([ATTENTION, { ...ATTENTION, ...paper({ ...ATTENTION, title: 'Renamed' }) }]);
    expect(i.size).toBe(1);
    expect(find(i, 'renamed')).toEqual(['a']);
    expect(find(i, 'attention')).toEqual([]);
  });

  it('lists tags like Library.allTags', async () => {
    const library = new Library(openDb(`test-index-${Math.random()}`));
    const drafts = [
      ['x1', ['nlp', 'RL', 'Deep  Learning']],
      ['x2', ['NLP', 'rl', 'vision']],
      ['x3', ['Über', 'apple', 'zeta']],
    ] as const;
    for (const [id, tags] of drafts) {
      await library.save(
        { id: `url:https://e.org/${id}`, site: 'huggingface', pageUrl: 'https://huggingface.co/papers', title: id, authors: [], links: {}, signals: {} },
        { tags: [...tags] },
      );
    }
    const i = new SearchIndex(await library.all());
    expect(i.tags()).toEqual(await library.allTags());
    expect(i.tags()).toEqual(['apple', 'Deep Learning', 'NLP', 'RL', 'Über', 'vision', 'zeta']);
  });
});

describe('narrows', () => {
  it('holds when the words only grow: the last one longer, or more words after them', () => {
    expect(narrows(['gr'], ['gra'])).toBe(true);
    expect(narrows(['graph'], ['graph'])).toBe(true);
    expect(narrows(['graph'], ['graph', 'n'])).toBe(true);
    expect(narrows(['graph', 'n'], ['graphs', 'neu'])).toBe(true);
    expect(narrows([], ['a'])).toBe(false); // nothing to narrow from
    expect(narrows(['graph', 'n'], ['graph'])).toBe(false); // a word less
    expect(narrows(['gra'], ['gr'])).toBe(false); // shorter
    expect(narrows(['graph', 'neu'], ['grape', 'neu'])).toBe(false); // changed in the middle
    expect(narrows(['graph', 'neu'], ['neu', 'graph'])).toBe(false); // other places
  });
});

// ---------------------------------------------------------------------------------------------
// 10,000 generated papers against a brute-force search

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'zé', 'qua', 'bér', 'din', 'Fel', 'gör', 'hin'];
const TAGS = ['rl', 'RL', 'nlp', 'Deep Learning', 'deep learning', 'vision', 'to-read', 'Ünsupervised'];
const SITES = [['huggingface'], ['arxiv'], ['huggingface', 'arxiv']];

function generate(n: number, seed: number): SavedPaper[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const vocab = Array.from({ length: 600 }, () => {
    let w = '';
    for (let k = 1 + Math.floor(r() * 3); k > 0; k--) w += pick(SYLLABLES);
    return w;
  });
  // Skewed word frequencies, as in real text.
  const word = () => vocab[Math.floor(r() ** 2.5 * vocab.length)]!;
  const words = (k: number) => Array.from({ length: k }, word).join(' ');
  return Array.from({ length: n }, (_, i) => {
    const sites = pick(SITES);
    return paper({
      id: `gen:${String(i).padStart(5, '0')}`,
      title: words(2 + Math.floor(r() * 5)),
      authors: Array.from({ length: Math.floor(r() * 4) }, () => `${pick(SYLLABLES)}${pick(SYLLABLES)} ${pick(SYLLABLES)}${pick(SYLLABLES)}`),
      abstract: r() < 0.9 ? words(10 + Math.floor(r() * 25)) : undefined,
      publishedAt: r() < 0.85 ? `${2015 + Math.floor(r() * 11)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}` : undefined,
      signals: r() < 0.7 ? { upvotes: Math.floor(r() * 50) } : {},
      sources: sites.map((site) => ({ site, url: `https://${site}.org/${i}`, firstSeenAt: 1, lastSeenAt: 1 })),
      tags: r() < 0.5 ? [...new Set([pick(TAGS), pick(TAGS)].map((t) => t))].filter((t, k, a) => a.findIndex((x) => tagKey(x) === tagKey(t)) === k) : [],
      note: r() < 0.2 ? words(5) : '',
      status: pick(STATUSES),
      // Ties on purpose: many papers saved in the same millisecond.
      savedAt: 1_700_000_000_000 + Math.floor(r() * 3000),
      updatedAt: 1,
    });
  });
}

interface Derived {
  title: string[];
  authors: string[];
  tags: string[];
  body: string[];
  tagKeys: string[];
}
const derivedCache = new WeakMap<SavedPaper, Derived>();
function derived(p: SavedPaper): Derived {
  let d = derivedCache.get(p);
  if (!d) {
    d = {
      title: wordsOf(p.title),
      authors: wordsOf(p.authors.join(' ')),
      tags: wordsOf(p.tags.join(' ')),
      body: wordsOf(`${p.abstract ?? ''} ${p.note}`),
      tagKeys: p.tags.map(tagKey),
    };
    derivedCache.set(p, d);
  }
  return d;
}

/**
 * The independent reference: every record checked in full with the export filter's rules
 * (lib/exchange/select matchesQuery, the same query meaning in the options page), plus the
 * popup's clicked filters.
 */
function bruteForce(papers: readonly SavedPaper[], q: ParsedQuery, opts: SearchOptions, order: ReadonlyMap<string, number>): string[] {
  const rows = papers.filter((p) => {
    const tags = derived(p).tagKeys;
    return matchesQuery(p, q) && (!opts.tag || tags.includes(tagKey(opts.tag))) && (!opts.status || p.status === opts.status);
  });
  const best = (words: readonly string[], t: string, field: number) => {
    let b = 0;
    for (const w of words) if (w.startsWith(t)) b = Math.max(b, field + (w === t ? SCORE.exact : 0));
    return b;
  };
  const score = (p: SavedPaper) => {
    const d = derived(p);
    let sum = 0;
    for (const t of q.terms) sum += Math.max(best(d.title, t, SCORE.title), best(d.authors, t, SCORE.author), best(d.tags, t, SCORE.tag), best(d.body, t, SCORE.body));
    return sum;
  };
  const scored = rows.map((p) => ({ id: p.id, score: score(p), at: order.get(p.id)! }));
  scored.sort((a, b) => b.score - a.score || a.at - b.at);
  return scored.map((x) => x.id);
}

/** Queries built from the data: prefixes of real words, several words, filters, exclusions. */
function queriesFor(papers: readonly SavedPaper[], seed: number): [string, SearchOptions][] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const someWord = () => pick(paperWords(pick(papers)));
  const prefix = () => {
    const w = someWord();
    return w.slice(0, 1 + Math.floor(r() * w.length));
  };
  const out: [string, SearchOptions][] = [
    ['', {}],
    ['k', {}],
    ['ka', { sort: 'title' }],
    ['ze', {}], // accent-folded from "zé"
    ['ZÉ', {}],
    ['gor', { sort: 'upvotes' }],
    ['tag:rl', {}],
    ['tag:"deep learning" status:unread', { sort: 'publishedAt' }],
    ['year:2019..2021 site:arxiv', {}],
    ['-tag:rl -status:read', { sort: 'title' }],
    ['site:hf -site:arxiv', {}],
    ['qwertyuiop', {}],
  ];
  for (let i = 0; i < 40; i++) {
    const parts = [prefix()];
    if (r() < 0.5) parts.push(prefix());
    if (r() < 0.2) parts.push(prefix());
    if (r() < 0.3) parts.push(`tag:"${pick(TAGS)}"`);
    if (r() < 0.3) parts.push(`status:${pick(STATUSES)}`);
    if (r() < 0.2) parts.push(`year:${2015 + Math.floor(r() * 6)}..${2020 + Math.floor(r() * 6)}`);
    if (r() < 0.2) parts.push(`site:${pick(['arxiv', 'hf', 'hugging'])}`);
    if (r() < 0.2) parts.push(`-${prefix()}`);
    const opts: SearchOptions = { sort: pick(SORT_KEYS) };
    if (r() < 0.15) opts.tag = pick(TAGS);
    if (r() < 0.15) opts.status = pick(STATUSES);
    out.push([parts.join(' '), opts]);
  }
  return out;
}

describe('SearchIndex at 10,000 papers', () => {
  const papers = generate(10_000, 42);
  // The reference order, spelled out with String#localeCompare (what the collators in lib/list/sort
  // must equal); computed once per key (it is slow on titles).
  const referenceSort = (rows: SavedPaper[], sort: SortKey): SavedPaper[] => {
    const by = {
      savedAt: (a: SavedPaper, b: SavedPaper) => b.savedAt - a.savedAt,
      publishedAt: (a: SavedPaper, b: SavedPaper) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''),
      upvotes: (a: SavedPaper, b: SavedPaper) => (b.signals.upvotes ?? -1) - (a.signals.upvotes ?? -1),
      title: (a: SavedPaper, b: SavedPaper) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
    }[sort];
    return rows.sort((a, b) => by(a, b) || b.savedAt - a.savedAt || a.id.localeCompare(b.id));
  };
  const orders = new Map<SortKey, Map<string, number>>();
  const orderOf = (sort: SortKey, rows: readonly SavedPaper[]) => {
    const key = sort;
    if (!orders.has(key)) orders.set(key, new Map(referenceSort([...rows], sort).map((p, i) => [p.id, i])));
    return orders.get(key)!;
  };

  it('sortPapers (lib/list/sort) orders exactly like String#localeCompare', { timeout: 60_000 }, () => {
    for (const sort of SORT_KEYS) {
      expect(ids(sortPapers([...papers], sort)), sort).toEqual([...orderOf(sort, papers).keys()]);
    }
  });

  it('answers every query like a brute-force search over the same records', { timeout: 60_000 }, () => {
    const index = new SearchIndex(papers);
    const queries = queriesFor(papers, 7);
    let nonEmpty = 0;
    for (const [text, opts] of queries) {
      const want = bruteForce(papers, parseQuery(text), opts, orderOf(opts.sort ?? 'savedAt', papers));
      const got = find(index, text, opts);
      expect(got.length, `${text} ${JSON.stringify(opts)}`).toBe(want.length);
      expect(got, `${text} ${JSON.stringify(opts)}`).toEqual(want);
      if (want.length > 0) nonEmpty++;
    }
    // The queries exercise real matches, not just empty answers.
    expect(nonEmpty).toBeGreaterThan(queries.length / 2);
    expect(find(index, '').length).toBe(10_000);
  });

  it('stays exact through incremental updates, removals, additions and a rebuild-sized batch', { timeout: 120_000 }, () => {
    const r = rng(99);
    const current = new Map(papers.map((p) => [p.id, p]));
    const index = new SearchIndex(papers);
    index.prepare();
    const fresh = generate(300, 1234).map((p, i) => paper({ ...p, id: `new:${i}` }));
    const check = (label: string) => {
      const rows = [...current.values()];
      const sorted = new Map<SortKey, Map<string, number>>();
      for (const [text, opts] of queriesFor(rows, r() * 1e9).slice(0, 20)) {
        const sort = opts.sort ?? 'savedAt';
        if (!sorted.has(sort)) sorted.set(sort, new Map(sortPapers([...rows], sort).map((p, i) => [p.id, i])));
        expect(find(index, text, opts), `${label}: ${text}`).toEqual(bruteForce(rows, parseQuery(text), opts, sorted.get(sort)!));
      }
      expect(index.size).toBe(current.size);
    };

    // Small batches: patched in place.
    for (let round = 0; round < 5; round++) {
      const changed: SavedPaper[] = [];
      for (let k = 0; k < 20; k++) {
        const p = papers[Math.floor(r() * papers.length)]!;
        const cur = current.get(p.id);
        if (!cur) continue;
        const next = paper({ ...cur, tags: [...cur.tags, `t${round}`], status: STATUSES[k % 3]!, note: k % 2 ? `${cur.note} extra${round}` : '', title: k % 5 ? cur.title : `${cur.title} Renamed` });
        current.set(next.id, next);
        changed.push(next);
      }
      const gone = Array.from({ length: 10 }, () => papers[Math.floor(r() * papers.length)]!.id);
      for (const id of gone) current.delete(id);
      const added = fresh.slice(round * 10, round * 10 + 10);
      for (const p of added) current.set(p.id, p);
      index.upsert(changed.filter((p) => current.has(p.id)));
      index.remove(gone);
      index.upsert(added);
      check(`round ${round}`);
    }

    // A bulk edit of 2,000 papers takes the rebuild path.
    const bulk = [...current.values()].slice(0, 2000).map((p) => paper({ ...p, tags: [...p.tags, 'bulk'] }));
    for (const p of bulk) current.set(p.id, p);
    const foundIds = bulk.map((p) => p.id).concat(['gen:missing']);
    index.sync(foundIds, new Map(bulk.map((p) => [p.id, p])));
    check('bulk');
    expect(find(index, 'tag:bulk').length).toBe(2000);
  });
});

// ---------------------------------------------------------------------------------------------
// Typing: each keystroke narrows from the hits of the one before; every answer must equal a
// fresh search (the brute force) through edits, removals, shorter and changed queries.

describe('SearchIndex while typing', () => {
  const start = generate(2000, 77);
  const orderOf = (rows: readonly SavedPaper[], sort: SortKey) => new Map(sortPapers([...rows], sort).map((p, k) => [p.id, k]));

  /** A session: the index, the records it should hold, and a search checked against brute force. */
  function session() {
    const current = new Map(start.map((p) => [p.id, p]));
    const index = new SearchIndex(start);
    const orders = new Map<SortKey, Map<string, number>>();
    let version = -1;
    const check = (text: string, opts: SearchOptions = {}) => {
      if (version !== index.version) {
        orders.clear();
        version = index.version;
      }
      const rows = [...current.values()];
      const sort = opts.sort ?? 'savedAt';
      if (!orders.has(sort)) orders.set(sort, orderOf(rows, sort));
      const want = bruteForce(rows, parseQuery(text), opts, orders.get(sort)!);
      const got = find(index, text, opts);
      expect(got.length, `${text} ${JSON.stringify(opts)}`).toBe(want.length);
      expect(got, `${text} ${JSON.stringify(opts)}`).toEqual(want);
      return { got, narrowed: index.narrowed };
    };
    /** Type `text` one character at a time after `from`; the narrowed flag of each keystroke. */
    const typeOn = (from: string, text: string, opts: SearchOptions = {}) => {
      const flags: boolean[] = [];
      for (let k = from.length + 1; k <= text.length; k++) flags.push(check(text.slice(0, k), opts).narrowed);
      return flags;
    };
    const upsert = (...papers: SavedPaper[]) => {
      for (const p of papers) current.set(p.id, p);
      index.upsert(papers);
    };
    const remove = (...removed: string[]) => {
      for (const id of removed) current.delete(id);
      index.remove(removed);
    };
    return { index, current, check, typeOn, upsert, remove };
  }

  it('narrows while words grow and answers exactly like a fresh search at every keystroke', { timeout: 60_000 }, () => {
    const s = session();
    // "ka lo" then "kalo": every keystroke after the first narrows (a space adds no word).
    expect(s.typeOn('', 'ka lo')).toEqual([false, true, true, true, true]);
    expect(s.check('ka lo').got.length).toBeGreaterThan(0);
    // Filters typed first, then words: the filter stays, the words narrow.
    expect(s.typeOn('', 'tag:rl mi ne', { sort: 'title' }).slice(-5)).toEqual([false, true, true, true, true]);
    expect(s.check('tag:rl mi ne', { sort: 'title' }).got.length).toBeGreaterThan(0);
    // With an exclusion and a clicked filter: narrowing keeps them.
    expect(s.typeOn('-zé ', '-zé sati', { status: 'unread' })).toEqual([false, true, true, true]);
    expect(s.check('-zé sati', { status: 'unread' }).got.length).toBeGreaterThan(0);
    // Another sort between keystrokes orders the same hits differently: still narrowed.
    s.check('kalo');
    expect(s.check('kalo s', { sort: 'upvotes' }).narrowed).toBe(true);
    const sorted = s.check('kalo sa', { sort: 'publishedAt' });
    expect(sorted.narrowed).toBe(true);
    expect(sorted.got.length).toBeGreaterThan(0);
    // A search with filters only leaves the last word search to narrow from.
    s.check('sa');
    s.check('tag:rl');
    const after = s.check('sati');
    expect(after.narrowed).toBe(true);
    expect(after.got.length).toBeGreaterThan(0);
  });

  it('starts afresh when the query is shortened, changed in the middle, or its filters change', { timeout: 60_000 }, () => {
    const s = session();
    s.typeOn('', 'ti vo');
    // Backspace: each answer is wider than the last; none may come from narrowing.
    const widths: number[] = [];
    for (let k = 'ti vo'.length - 1; k >= 1; k--) {
      const { got, narrowed } = s.check('ti vo'.slice(0, k));
      widths.push(got.length);
      expect(narrowed, 'ti vo'.slice(0, k)).toBe(k === 2); // "ti " after "ti v": the same word "ti"
    }
    expect(widths.at(-1)).toBeGreaterThan(widths[0]!);
    // A changed first word with the second kept.
    s.check('ka lo');
    const changed = s.check('ru lo');
    expect(changed.narrowed).toBe(false);
    expect(changed.got.length).toBeGreaterThan(0);
    expect(s.check('ru lo').narrowed).toBe(true); // the same again narrows from itself
    expect(s.check('lo ru').narrowed).toBe(false); // words swapped
    // Filters changed between keystrokes: typed, clicked, exclusions.
    s.check('ka');
    expect(s.check('ka status:read').narrowed).toBe(false);
    expect(s.check('ka status:read', { tag: 'nlp' }).narrowed).toBe(false);
    const both = s.check('kal status:read', { tag: 'nlp' });
    expect(both.narrowed).toBe(true);
    expect(both.got.length).toBeGreaterThan(0);
    expect(s.check('kal status:read -mi', { tag: 'nlp' }).narrowed).toBe(false);
    expect(s.check('kal status:read -min', { tag: 'nlp' }).narrowed).toBe(false);
    expect(s.check('kalo status:read -min', { tag: 'nlp' }).narrowed).toBe(true);
  });

  it('never narrows past an edit, an addition or a removal between keystrokes', { timeout: 60_000 }, () => {
    const s = session();
    s.typeOn('', 'sa');
    // A new paper that matches the next keystroke: a narrowed search would miss it.
    const added = paper({ id: 'typed:new', title: 'Sanaka Zanzibar', savedAt: 1_800_000_000_000 });
    s.upsert(added);
    const r1 = s.check('san');
    expect(r1.narrowed).toBe(false);
    expect(r1.got[0]).toBe('typed:new'); // whole title word match, newest
    // An edit that makes a hit stop matching, and one that makes a non-hit match.
    const hit = s.current.get(r1.got[1]!)!;
    const miss = [...s.current.values()].find((p) => !paperWords(p).some((w) => w.startsWith('san')))!;
    s.upsert(paper({ ...hit, title: 'Nothing here', abstract: '', note: '', tags: [], authors: [] }), paper({ ...miss, note: `${miss.note} sanara` }));
    const r2 = s.check('sana');
    expect(r2.narrowed).toBe(false);
    expect(r2.got).not.toContain(hit.id);
    expect(r2.got).toContain(miss.id);
    // A removal between keystrokes.
    s.remove(added.id);
    const r3 = s.check('sanak');
    expect(r3.narrowed).toBe(false);
    expect(r3.got).not.toContain(added.id);
    // A filter's facts changing between keystrokes (status of a hit).
    s.typeOn('', 'status:unread ka');
    const hits = s.check('status:unread ka').got;
    const changed = s.current.get(hits[0]!)!;
    s.upsert(paper({ ...changed, status: 'read' }));
    const r4 = s.check('status:unread kal');
    expect(r4.narrowed).toBe(false);
    expect(r4.got).not.toContain(changed.id);
    // A batch big enough to rebuild the index, then typing on.
    s.upsert(...[...s.current.values()].slice(0, 400).map((p) => paper({ ...p, tags: [...p.tags, 'batch'] })));
    expect(s.typeOn('', 'tag:batch ru')).toHaveLength('tag:batch ru'.length);
    expect(s.check('tag:batch ru').got.length).toBeGreaterThan(0);
  });
});
