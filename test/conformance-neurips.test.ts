/**
 * Conformance: the NeurIPS adapter on a real saved page (../shared/fixtures/pages/neurips, beside
 * the project; skipped where that folder is absent, e.g. a fresh clone). The old papers.nips.cc
 * book page of NeurIPS 2019 as saved by another project, 60 papers short of the original: 1,367.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/paper';
import { decodeEntities as decode, listingReadOnce, REAL_PAGES, squash } from './helpers/real-pages';

const BOOK_2019 = path.join(REAL_PAGES, 'neurips', 'nips2019-book-2019.html');
const URL_2019 = 'https://papers.nips.cc/book/advances-in-neural-information-processing-systems-32-2019';

/**
 * What the page's source says, read with plain string matching (not the adapter's DOM code): per
 * paper item, its number, its title (<var> TeX as `$…$`) and the number of a.author links.
 */
function sourceEntries(html: string): Array<{ id: string; title: string; authors: number }> {
  return [...html.matchAll(/<li><a href="\/paper\/(\d+)-[^"]*">([\s\S]*?)<\/a>([\s\S]*?)<\/li>/g)].map(([, num, title, rest]) => ({
    id: `neurips:${num}`,
    title: squash(decode(title!.replace(/<var>([\s\S]*?)<\/var>/g, '$$$1$$').replace(/<[^>]+>/g, ''))),
    authors: rest!.match(/class="author"/g)?.length ?? 0,
  }));
}

describe.skipIf(!existsSync(BOOK_2019))('conformance: real NeurIPS 2019 book page (old papers.nips.cc)', () => {
  const html = existsSync(BOOK_2019) ? readFileSync(BOOK_2019, 'utf8') : '';
  const page = listingReadOnce(html, URL_2019);
  const run = () => page.result;

  it('finds exactly the 1,367 papers, none skipped', () => {
    const r = run();
    expect([r?.adapter, r?.kind, r?.skipped, r?.papers.length]).toEqual(['neurips', 'book', 0, 1367]);
  });

  it("the content script's fast path (identify) reads the same id and title of every card", () => {
    expect(page.identities).toEqual(run()!.papers.map((p) => ({ id: p.id, title: p.title })));
  });

  it('reads every id, title and author count exactly as the page source has them', () => {
    const source = sourceEntries(html);
    expect(source).toHaveLength(1367);
    expect(run()!.papers.map((p) => ({ id: p.id, title: p.title, authors: p.authors.length }))).toEqual(source);
    for (const p of run()!.papers) expect(p.title).not.toMatch(/^$|^\[(?:PDF|HTML)\]|<var>/);
  });

  it('first and last papers: whole records', () => {
    const papers = run()!.papers;
    const page = (slug: string) => `https://papers.nips.cc/paper/${slug}`;
    expect(papers[0]).toStrictEqual({
      id: 'neurips:8296',
      site: 'neurips',
      pageUrl: URL_2019,
      siteId: '8296',
      title: 'Multimodal Model-Agnostic Meta-Learning via Task-Aware Modulation',
      authors: ['Risto Vuorio', 'Shao-Hua Sun', 'Hexiang Hu', 'Joseph J. Lim'],
      venue: 'NeurIPS 2019',
      year: 2019,
      links: { page: page('8296-multimodal-model-agnostic-meta-learning-via-task-aware-modulation'), pdf: page('8296-multimodal-model-agnostic-meta-learning-via-task-aware-modulation.pdf') },
      signals: {},
    });
    expect(papers.at(-1)).toMatchObject({
      id: 'neurips:9723',
      title: 'Mixtape: Breaking the Softmax Bottleneck Efficiently',
      authors: ['Zhilin Yang', 'Thang Luong', 'Russ R. Salakhutdinov', 'Quoc V. Le'],
    });
  });

  it('math markup is read as inline TeX; a paper listed without authors is still a paper', () => {
    const papers = run()!.papers;
    expect(papers.filter((p) => p.title.includes('$')).map((p) => p.title)).toEqual([
      'Direct Optimization through $\\arg \\max$ for Discrete Variational Auto-Encoder',
      'Unsupervised Co-Learning on $G$-Manifolds Across Irreducible Representations',
      'Average Case Column Subset Selection for Entrywise $\\ell_1$-Norm Loss',
      'Comparing distributions: $\\ell_1$ geometry improves kernel two-sample testing',
      "Outlier-robust estimation of a sparse linear model using $\\ell_1$-penalized Huber's $M$-estimator",
    ]);
    expect(papers.filter((p) => p.authors.length === 0).map((p) => p.title)).toEqual(['Multilabel reductions: what is my loss optimising?']);
  });

  it('every paper: a unique id, NeurIPS 2019, its page and pdf, a valid draft', () => {
    const papers = run()!.papers;
    expect(new Set(papers.map((p) => p.id)).size).toBe(1367);
    for (const p of papers) {
      expect([p.venue, p.year, p.siteId]).toEqual(['NeurIPS 2019', 2019, p.id.slice('neurips:'.length)]);
      expect(p.links.page).toMatch(/^https:\/\/papers\.nips\.cc\/paper\/\d+-[\w-]+$/);
      expect(p.links.pdf).toBe(`${p.links.page}.pdf`);
      expect(PaperDraft.parse(p)).toStrictEqual(p);
    }
  });
});
