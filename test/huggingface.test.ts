/**
 * Hugging Face adapter: golden fixtures (test/fixtures/huggingface/<case>.html + .expected.json),
 * the URL table, and meta-tests for the fixture conventions.
 *
 * Fixture convention: each <case>.html records the page URL it stands for in
 * `<meta name="papershelf-fixture-url" content="…">`; <case>.expected.json is
 * `{ kind, skipped, papers }` where `papers` is the exact PaperDraft array in page order and
 * `kind` is null for pages the adapter must not claim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/paper';
import { adapter as huggingface, LazyEntries } from '../lib/sites/huggingface/adapter';
import { examples } from '../lib/sites/huggingface/examples';
import { meta } from '../lib/sites/huggingface/meta';
import { extractAll } from '../lib/sites/index';
import type { PageKind } from '../lib/sites/types';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'huggingface');
const URL_META = 'meta[name="papershelf-fixture-url"]';

interface Expected {
  kind: PageKind | null;
  skipped: number;
  papers: unknown[];
}

// DOMParser never runs scripts (and happy-dom's JavaScript evaluation is off by default anyway).
const window = new Window();
afterAll(() => window.happyDOM.close());

function load(name: string) {
  const html = readFileSync(path.join(DIR, `${name}.html`), 'utf8');
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  const url = doc.querySelector(URL_META)?.getAttribute('content');
  if (!url) throw new Error(`${name}.html has no ${URL_META}`);
  const expected = JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), 'utf8')) as Expected;
  // happy-dom's Document is structurally the DOM one; the adapter only needs ParentNode.
  return { doc, root: doc as unknown as ParentNode, url, expected };
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

describe('huggingface fixtures', () => {
  it('the folder has the expected cases, each with an expected.json', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['daily', 'weekly', 'monthly', 'trending', 'search', 'stale-json', 'skipped', 'paper-page', 'unrelated']),
    );
    const jsons = readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));
    expect(jsons.map((f) => f.slice(0, -'.expected.json'.length)).sort()).toEqual(cases);
  });

  describe.each(cases)('%s', (name) => {
    const { doc, root, url, expected } = load(name);

    it('detects the page kind', () => {
      expect(huggingface.detect(new URL(url))).toBe(expected.kind);
    });

    it('extracts exactly the expected papers, in page order, and counts skipped cards', () => {
      const result = extractAll(root, url);
      if (expected.kind === null) {
        // no listed site claims it: the embedded-metadata reader does, and finds no paper here
        expect(result).toMatchObject({ adapter: 'embedded', papers: [] });
        return;
      }
      expect(result).not.toBeNull();
      expect(result!.adapter).toBe('huggingface');
      expect(result!.kind).toBe(expected.kind);
      expect(result!.papers).toHaveLength(expected.papers.length);
      expect(result!.skipped).toBe(expected.skipped);
      // toStrictEqual: an `undefined`-valued key in a draft is a failure, not a match.
      expect(result!.papers).toStrictEqual(expected.papers);
    });

    it('finds one card per paper or skip, and anchors the toolbar inside each card', () => {
      const cards = huggingface.findCards(root, expected.kind ?? 'daily');
      expect(cards).toHaveLength(expected.papers.length + expected.skipped);
      for (const card of cards) {
        const anchor = huggingface.anchorFor(card, expected.kind ?? 'daily');
        expect(anchor?.position).toBe('append');
        expect(card === anchor!.element || card.contains(anchor!.element)).toBe(true);
        // the text column holding the title, not the whole card
        if (card.querySelector('h3')) expect(anchor!.element.querySelector('h3')).not.toBeNull();
        expect(anchor!.element).not.toBe(card);
      }
    });

    it('did not run the page scripts', () => {
      expect(doc.title).not.toBe('scripts must not run');
    });
  });

  it('markup in titles, authors and abstracts comes out as plain text', () => {
    const { root, url } = load('daily');
    const paper = extractAll(root, url)!.papers.find((p) => p.id === 'arxiv:2602.19930')!;
    expect(paper.title).toBe('Prompt Injection in the Wild: Why "<img src=x onerror=alert(1)>" Still Works on Agentic Browsers');
    expect(paper.authors).toContain('Samuel <b>Ade</b>yemi');
    expect(paper.abstract).toContain('<script>alert(1)</script>');
  });
});

describe('huggingface URL table', () => {
  it.each(examples.claims.map(([u, k]) => [u, k] as const))('claims %s as %s', (u, kind) => {
    expect(huggingface.detect(new URL(u))).toBe(kind);
  });

  it.each([...examples.rejects])('rejects %s', (u) => {
    expect(huggingface.detect(new URL(u))).toBeNull();
  });

  it('every claimed URL is covered by a match pattern (so the content script runs there)', () => {
    // Chrome match patterns: `*` is a wildcard; the path part also covers the query, never the hash.
    const patterns = meta.matches.map(
      (m) => new RegExp(`^${m.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
    );
    for (const [u] of examples.claims) {
      const noHash = u.replace(/#.*$/, '');
      expect(patterns.some((re) => re.test(noHash)), u).toBe(true);
    }
  });

});

describe('huggingface adapter edges', () => {
  const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as ParentNode;
  const url = new URL('https://huggingface.co/papers');
  const island = (props: string) => `<div data-target="DailyPapers" data-props="${props}"></div>`;

  it.each([
    ['no island', '<main></main>'],
    ['no data-props', '<div data-target="DailyPapers"></div>'],
    ['broken JSON', island('{&quot;dailyPapers&quot;: [')],
    ['JSON null', island('null')],
    ['wrong shape', island('{&quot;dailyPapers&quot;: 7}')],
    ['entries without ids', island('{&quot;dailyPapers&quot;: [{&quot;paper&quot;: {}}, 3, null]}')],
  ])('prepare() on %s gives an empty map', (_, html) => {
    const data = huggingface.prepare(parse(html), url, 'daily');
    expect(data).toBeInstanceOf(LazyEntries);
    expect((data as LazyEntries).size).toBe(0);
  });

  it('prepare() keeps good entries next to bad ones and drops wrongly typed fields', () => {
    const json = JSON.stringify({
      dailyPapers: [{ paper: { id: '2603.00001', title: 'A', upvotes: 'many' } }, { nope: true }],
      searchResults: [{ title: 'B', paper: { id: '2603.00002' } }],
    }).replace(/"/g, '&quot;');
    const data = huggingface.prepare(parse(island(json)), url, 'daily') as LazyEntries;
    expect([...data.keys()]).toEqual(['2603.00001', '2603.00002']);
    // the bad `upvotes` is dropped (reads as absent), the rest of the entry is kept
    expect(data.get('2603.00001')!.paper).toEqual({ id: '2603.00001', title: 'A' });
    expect(data.get('2603.00001')!.paper.upvotes).toBeUndefined();
  });

  it('extract() returns null, never throws, on cards it cannot read', () => {
    const ctx = { url, kind: 'daily' as const, data: null };
    const root = parse(
      '<article></article>' +
        '<article><h3><a href="/papers/2603.00001"></a></h3></article>' +
        '<article><h3><a href="/papers/%E0%A4%A">x</a></h3></article>' +
        '<article><h3><a href="/papers/not-an-id">Title</a></h3></article>',
    );
    for (const card of root.querySelectorAll('article')) expect(huggingface.extract(card, ctx)).toBeNull();
  });

  it('findCards() ignores articles whose links are not /papers/<arXiv id>', () => {
    const root = parse(
      '<article><a href="/papers/2603.00001#community">1</a></article>' +
        '<article><a href="https://huggingface.co/papers/2603.00001">x</a></article>' +
        '<article><a href="/papers/date/2026-03-02">x</a></article>',
    );
    expect(huggingface.findCards(root, 'daily')).toEqual([]);
  });
});

describe('huggingface meta-tests', () => {
  it('every expected.json paper passes PaperDraft.parse unchanged', () => {
    for (const name of cases) {
      const { expected } = load(name);
      for (const paper of expected.papers) expect(PaperDraft.parse(paper), name).toStrictEqual(paper);
    }
  });

  it('every page kind the adapter claims has a fixture', () => {
    const covered = new Set(cases.map((name) => huggingface.detect(new URL(load(name).url))));
    const claimed = new Set(examples.claims.map(([, kind]) => kind));
    expect([...claimed].sort()).toEqual(['daily', 'monthly', 'paper', 'search', 'trending', 'weekly']);
    for (const kind of claimed) expect(covered.has(kind), `no fixture for ${kind}`).toBe(true);
  });
});
