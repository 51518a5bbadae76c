/**
 * arXiv adapter: golden fixtures (test/fixtures/arxiv/<case>.html + .expected.json), whole
 * records and exact counts, toolbar anchors, and the edges extract() must survive.
 *
 * Fixture convention (as for Hugging Face): each <case>.html records its page URL in
 * `<meta name="papershelf-fixture-url" content="…">`; <case>.expected.json is
 * `{ kind, skipped, papers }`, `kind` null for pages no adapter may claim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/paper';
import { adapter as arxiv } from '../lib/sites/arxiv/adapter';
import { examples } from '../lib/sites/arxiv/examples';
import { extractAll } from '../lib/sites/index';
import type { PageKind } from '../lib/sites/types';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const DIR = path.join(FIXTURES, 'arxiv');
const URL_META = 'meta[name="papershelf-fixture-url"]';

interface Expected {
  kind: PageKind | null;
  skipped: number;
  papers: PaperDraft[];
}

// DOMParser never runs scripts (and happy-dom's JavaScript evaluation is off by default anyway).
const window = new Window();
afterAll(() => window.happyDOM.close());

const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html');

function load(name: string, dir = DIR) {
  const doc = parse(readFileSync(path.join(dir, `${name}.html`), 'utf8'));
  const url = doc.querySelector(URL_META)?.getAttribute('content');
  if (!url) throw new Error(`${name}.html has no ${URL_META}`);
  const expected = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as Expected;
  // happy-dom's Document is structurally the DOM one; the adapter only needs ParentNode.
  return { doc, root: doc as unknown as ParentNode, url, expected };
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

/** Each case's exact size: a changed fixture or a lost card shows up here, not just in the JSON. */
const COUNTS: Record<string, [kind: PageKind | null, papers: number, skipped: number]> = {
  'list-new': ['listing', 4, 0],
  'list-month': ['listing', 3, 0],
  'list-cross': ['listing', 3, 0],
  'list-pastweek': ['listing', 3, 0],
  'list-mismatch': ['listing', 3, 2],
  'list-oldstyle': ['listing', 3, 0],
  search: ['search', 3, 0],
  abs: ['paper', 1, 0],
  'abs-oldstyle': ['paper', 1, 0],
  help: [null, 0, 0],
};

describe('arxiv fixtures', () => {
  it('the folder has exactly the expected cases, each with an expected.json', () => {
    expect(cases).toEqual(Object.keys(COUNTS).sort());
    const jsons = readdirSync(DIR).filter((f) => f.endsWith('.expected.json'));
    expect(jsons.map((f) => f.slice(0, -'.expected.json'.length)).sort()).toEqual(cases);
  });

  describe.each(cases)('%s', (name) => {
    const { doc, root, url, expected } = load(name);
    const [kind, count, skipped] = COUNTS[name]!;

    it('detects the page kind', () => {
      expect(arxiv.detect(new URL(url))).toBe(kind);
      expect(expected.kind).toBe(kind);
    });

    it('extracts exactly the expected papers, in page order, and counts skipped cards', () => {
      const result = extractAll(root, url);
      if (kind === null) {
        // no listed site claims it: the embedded-metadata reader does, and finds no paper here
        expect(result).toMatchObject({ adapter: 'embedded', papers: [] });
        return;
      }
      expect(result).not.toBeNull();
      expect(result!.adapter).toBe('arxiv');
      expect(result!.kind).toBe(kind);
      expect(result!.papers).toHaveLength(count);
      expect(result!.skipped).toBe(skipped);
      expect(expected.skipped).toBe(skipped);
      // toStrictEqual: an `undefined`-valued key in a draft is a failure, not a match.
      expect(result!.papers).toStrictEqual(expected.papers);
    });

    it('finds one card per paper or skip, and anchors each toolbar under the title and authors', () => {
      if (kind === null) return;
      const cards = arxiv.findCards(root, kind);
      expect(cards).toHaveLength(count + skipped);
      const ctx = { url: new URL(url), kind, data: arxiv.prepare(root, new URL(url), kind) };
      for (const card of cards) {
        if (!arxiv.extract(card, ctx)) continue;
        const anchor = arxiv.anchorFor(card, kind)!;
        expect(anchor.position).toBe('after');
        if (kind === 'listing') {
          // the card is the dt (it holds the id link); the toolbar goes into its dd's div.meta
          expect(card.tagName).toBe('DT');
          expect(anchor.element.matches('div.meta > div.list-authors')).toBe(true);
          expect(card.nextElementSibling!.contains(anchor.element)).toBe(true);
        } else {
          expect(card.contains(anchor.element)).toBe(true);
          expect(anchor.element.matches(kind === 'search' ? 'p.authors' : '#abs div.authors')).toBe(true);
        }
      }
    });

    it('every expected paper passes PaperDraft.parse unchanged and has no feed signals', () => {
      for (const paper of expected.papers) {
        expect(PaperDraft.parse(paper)).toStrictEqual(paper);
        expect(paper.signals).toStrictEqual({});
        expect(paper.links).toStrictEqual({
          page: `https://arxiv.org/abs/${paper.arxivId}`,
          abs: `https://arxiv.org/abs/${paper.arxivId}`,
          pdf: `https://arxiv.org/pdf/${paper.arxivId}`,
        });
      }
    });

    it('did not run the page scripts', () => {
      expect(doc.title).not.toBe('scripts must not run');
    });
  });
});

describe('arxiv records', () => {
  const papers = (name: string) => extractAll(load(name).root, load(name).url)!.papers;
  const byId = (name: string) => new Map(papers(name).map((p) => [p.arxivId!, p]));

  it('/new: all three sections, abstracts, versions where the page shows them, primary subject first', () => {
    const list = papers('list-new');
    expect(list.map((p) => [p.arxivId, p.arxivVersion, p.subjects?.[0]])).toEqual([
      ['2406.09871', 1, 'cs.LG'], // new submission, HTML link shows v1
      ['2406.10002', undefined, 'cs.LG'], // no HTML link: no version shown
      ['2406.09455', 1, 'cs.CV'], // cross-list: its own primary subject
      ['2311.04123', 3, 'stat.ML'], // replacement: v3
    ]);
    expect(list.every((p) => p.abstract && !p.publishedAt)).toBe(true);
    // <br /> in the abstract is a space, not glued words
    expect(list[0]!.abstract).toContain('current task. On five benchmarks');
  });

  it('MathJax renderings are read back as their TeX source', () => {
    const p = byId('list-new').get('2406.10002')!;
    expect(p.title).toBe('Learning $k$-Sparse Parities with $O(\\log n)$ Queries');
    expect(p.abstract).toBe('We show that $k$-sparse parities over $n$ bits can be learned from few membership queries when a warm start is available.');
  });

  it('a dt without its dd and a dd without its dt are skipped, never paired with a neighbour', () => {
    const list = papers('list-mismatch');
    expect(list.map((p) => [p.arxivId, p.title])).toEqual([
      ['2406.11001', 'Tokenizers Remember Their Training Data'],
      ['2406.11003', 'Short Prompts, Long Answers'],
      ['2406.11005', 'Subword Fairness Across Scripts'],
    ]);
    expect(list.map((p) => p.authors)).toEqual([['Ines Carvalho'], ['Farid Haddad'], ['Keiko Arai']]);
  });

  it('search: no search-hit markup, no "Less" toggle, v1 submission date, DOI, comments (not journal ref or report number)', () => {
    const [first, old, long] = papers('search');
    expect(first!.title).toBe('Consistency Diffusion Without Distillation');
    expect(first!.abstract).toMatch(/a tenth of the compute\.$/);
    expect(first!.abstract).not.toMatch(/Less|More|△|▽|…/);
    expect([first!.publishedAt, first!.arxivVersion, first!.doi]).toEqual(['2024-11-01', 2, '10.1000/cdwd.2025.0042']);
    expect(first!.comments).toBe('Camera-ready; 19 pages, 11 figures');
    expect(first!.subjects).toEqual(['cs.LG', 'cs.CV', 'stat.ML']);
    expect([old!.id, old!.publishedAt, old!.comments]).toEqual(['arxiv:physics/9912017', '1999-12-10', undefined]);
    // 25 names shown "et al. (2 additional authors not shown)": the list is partial
    expect([long!.authors.length, long!.authorCount, long!.comments]).toEqual([25, 27, undefined]);
  });

  it('abs pages: the record from citation_* meta, names as listings show them, the version shown', () => {
    const [abs] = papers('abs');
    expect(abs!.authors).toEqual(['Eszter Varga', 'Chinedu N. Obi', 'Mariana de la Cruz']);
    expect([abs!.arxivVersion, abs!.publishedAt, abs!.doi]).toEqual([2, '2023-01-03', '10.1000/qf.2023.17']);
    const [old] = papers('abs-oldstyle');
    // no version in the URL: "(or arXiv:hep-th/9901001v3 … for this version)"; no citation_abstract: the blockquote
    expect([old!.arxivVersion, old!.authors[0], old!.abstract?.slice(0, 26)]).toEqual([3, 'Thomas Whitfield Jr', 'We construct boundary stat']);
  });

  it('one identity per paper: the listing, the abs page and Hugging Face give the same key', () => {
    expect(byId('list-oldstyle').get('hep-th/9901001')!.id).toBe(papers('abs-oldstyle')[0]!.id);
    const hf = extractAll(load('paper-page', path.join(FIXTURES, 'huggingface')).root, 'https://huggingface.co/papers/2603.01234')!.papers[0]!;
    const page = parse(`<head><meta name="citation_arxiv_id" content="2603.01234"></head><div id="abs"><h1 class="title">Quiet Gradients</h1></div>`);
    const ax = extractAll(page as unknown as ParentNode, 'https://arxiv.org/abs/2603.01234v3')!.papers[0]!;
    expect([ax.id, ax.arxivVersion]).toEqual([hf.id, 3]);
  });
});

describe('arxiv adapter edges', () => {
  const root = (html: string) => parse(html) as unknown as ParentNode;
  const listing = new URL('https://arxiv.org/list/cs/new');

  it('detect() accepts www.arxiv.org and http, and never throws on odd paths', () => {
    expect(arxiv.detect(new URL('https://www.arxiv.org/abs/2301.01234'))).toBe('paper');
    expect(arxiv.detect(new URL('http://arxiv.org/list/cs/recent'))).toBe('listing');
    expect(arxiv.detect(new URL('https://arxiv.org/abs/%E0%A4%A'))).toBeNull();
    expect(arxiv.detect(new URL('ftp://arxiv.org/abs/2301.01234'))).toBeNull();
  });

  it('extract() returns null, never throws, on cards it cannot read', () => {
    const page = root(
      '<dl id="articles"><dt><a title="Abstract" href="/abs/not-an-id">x</a></dt><dd><div class="meta"><div class="list-title">T</div></div></dd>' +
        '<dt><a title="Abstract" href="/abs/2301.00001">x</a></dt><dd><div class="meta"></div></dd>' +
        '<dt><a title="Abstract" href="/abs/%E0%A4%A">x</a></dt><dd></dd>' +
        '<dt></dt><dd></dd><dd></dd></dl>',
    );
    const cards = arxiv.findCards(page, 'listing');
    expect(cards).toHaveLength(5); // four dts and the dd without a dt
    const ctx = { url: listing, kind: 'listing' as const, data: null };
    for (const card of cards) expect(arxiv.extract(card, ctx)).toBeNull();
    // an element of the wrong kind, or a page kind arXiv does not have
    expect(arxiv.extract(page.querySelector('dd')!, ctx)).toBeNull();
    expect(arxiv.extract(cards[1]!, { url: new URL('https://arxiv.org/help'), kind: 'daily', data: null })).toBeNull();
  });

  it('search cards without an abs link, and abs pages without a title, give nothing', () => {
    const search = new URL('https://arxiv.org/search/?query=x');
    const li = root('<ol class="breathe-horizontal"><li class="arxiv-result"><p class="title">T</p></li></ol>');
    expect(arxiv.extract(arxiv.findCards(li, 'search')[0]!, { url: search, kind: 'search', data: null })).toBeNull();
    const abs = new URL('https://arxiv.org/abs/2301.01234');
    const bare = root('<head><meta name="citation_title" content="T"></head><main><p>no heading</p></main>');
    expect(arxiv.findCards(bare, 'paper')).toEqual([]);
    // the abs card without prepared meta still reads the visible block
    const visible = root('<div id="abs"><h1 class="title"><span class="descriptor">Title:</span>Seen</h1></div>');
    const card = arxiv.findCards(visible, 'paper')[0]!;
    expect(arxiv.extract(card, { url: abs, kind: 'paper', data: null })).toMatchObject({ id: 'arxiv:2301.01234', title: 'Seen', authors: [] });
  });

  it('prepare() reads meta only on abs pages', () => {
    const page = root('<meta name="citation_title" content="T">');
    expect(arxiv.prepare(page, listing, 'listing')).toBeNull();
    const data = arxiv.prepare(page, new URL('https://arxiv.org/abs/2301.01234'), 'paper') as { meta: Map<string, string[]> };
    expect([...data.meta]).toEqual([['citation_title', ['T']]]);
  });

  it('findCards() on an abs page returns the one block, not the papers it links to', () => {
    const { root: absRoot } = load('abs');
    const cards = arxiv.findCards(absRoot, 'paper');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.id).toBe('abs');
    expect(arxiv.findCards(absRoot, 'listing')).toEqual([]);
    expect(arxiv.findCards(absRoot, 'daily')).toEqual([]);
  });
});

describe('arxiv meta-tests', () => {
  it('every page kind the adapter claims has a fixture', () => {
    const covered = new Set(cases.map((name) => arxiv.detect(new URL(load(name).url))));
    const claimed = new Set(examples.claims.map(([, kind]) => kind));
    expect([...claimed].sort()).toEqual(['listing', 'paper', 'search']);
    for (const kind of claimed) expect(covered.has(kind), `no fixture for ${kind}`).toBe(true);
  });
});
