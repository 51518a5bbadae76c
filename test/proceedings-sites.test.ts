/**
 * The proceedings sites' helpers, case by case (the golden fixtures test whole pages): paper ids
 * from URLs (CVF's canonical paper page, NeurIPS' number or hash, OpenReview's forum id), the
 * NeurIPS PDF naming, and what an OpenReview note's parts read as (MathJax, anonymous author
 * lines, date lines, the identifiers a note links as its own).
 */
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { meta as cvf } from '../lib/sites/cvf/meta';
import { meta as neurips } from '../lib/sites/neurips/meta';
import { pdfOf } from '../lib/sites/neurips/paths';
import { authorsOf, contentFields, dateOf, idsOf, keywordsOf, textOf } from '../lib/sites/openreview/fields';
import { adapter as openreviewAdapter } from '../lib/sites/openreview/adapter';
import { meta as openreview } from '../lib/sites/openreview/meta';
import { groupName } from '../lib/sites/openreview/paths';

const window = new Window();
afterAll(() => window.happyDOM.close());
/** The body of a parsed snippet (DOMParser: no scripts run). */
const body = (html: string): Element => new window.DOMParser().parseFromString(`<!DOCTYPE html><body>${html}</body>`, 'text/html').body as unknown as Element;
const BASE = new URL('https://openreview.net/group?id=ICLR.cc/2025/Conference');

describe('paper ids from site URLs (SiteMeta.idFromUrl)', () => {
  it.each([
    ['https://openaccess.thecvf.com/content/CVPR2023/html/A_B_CVPR_2023_paper.html', 'url:https://openaccess.thecvf.com/content/CVPR2023/html/A_B_CVPR_2023_paper.html'],
    // The old host and plain http name the same paper as today's https address.
    ['http://www.cv-foundation.org/openaccess/content_iccv_2015/html/A_B_ICCV_2015_paper.html', 'url:https://openaccess.thecvf.com/content_iccv_2015/html/A_B_ICCV_2015_paper.html'],
    ['https://openaccess.thecvf.com/CVPR2023?day=all', null],
    ['https://openaccess.thecvf.com/content/CVPR2023/papers/A_B_CVPR_2023_paper.pdf', null],
  ])('cvf: %s -> %s', (url, id) => expect(cvf.idFromUrl!(new URL(url))).toBe(id));

  it.each([
    ['https://papers.nips.cc/paper/8296-multimodal-model-agnostic-meta-learning', 'neurips:8296'],
    ['https://proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html', 'neurips:0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
    ['https://proceedings.neurips.cc/paper_files/paper/2023', null],
  ])('neurips: %s -> %s', (url, id) => expect(neurips.idFromUrl!(new URL(url))).toBe(id));

  it.each([
    ['https://openreview.net/forum?id=SyBPtQfAZ', 'openreview:SyBPtQfAZ'],
    ['https://openreview.net/forum?id=rJ5C67-C-&noteId=Hk1', 'openreview:rJ5C67-C-'],
    ['https://openreview.net/pdf?id=SyBPtQfAZ', 'openreview:SyBPtQfAZ'],
    ['https://openreview.net/group?id=ICLR.cc/2018/Conference', null],
    ['https://openreview.net/forum?id=x', null],
    ['https://example.com/forum?id=SyBPtQfAZ', null],
  ])('openreview: %s -> %s', (url, id) => expect(openreview.idFromUrl!(new URL(url))).toBe(id));
});

describe('NeurIPS: a paper page\'s PDF by the site\'s file naming', () => {
  it.each([
    ['https://papers.nips.cc/paper/8296-some-title', 'https://papers.nips.cc/paper/8296-some-title.pdf'],
    ['https://proceedings.neurips.cc/paper/2020/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract.html', 'https://proceedings.neurips.cc/paper/2020/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Paper.pdf'],
    [
      'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Datasets_and_Benchmarks.html',
      'https://proceedings.neurips.cc/paper_files/paper/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Paper-Datasets_and_Benchmarks.pdf',
    ],
    ['https://proceedings.neurips.cc/paper_files/paper/2023', undefined],
  ])('%s -> %s', (page, pdf) => expect(pdfOf(new URL(page))).toBe(pdf));
});

describe('OpenReview notes', () => {
  it('group names as the site prints them', () => {
    expect(groupName('ICLR.cc/2018/Conference')).toBe('ICLR 2018 Conference');
    expect(groupName('NeurIPS.cc/2023/Track/Datasets_and_Benchmarks')).toBe('NeurIPS 2023 Track Datasets and Benchmarks');
    expect(groupName('.TMLR')).toBe('TMLR');
  });

  it('text: TeX before typesetting, MathJax 2 from its script, MathJax 3 from its MathML', () => {
    expect(textOf(body('<h4><a>On $\\epsilon$-Greedy   Bandits</a></h4>'))).toBe('On $\\epsilon$-Greedy Bandits');
    expect(textOf(body('On <span class="MathJax_Preview"></span><span class="MathJax">ϵ</span><script type="math/tex">\\epsilon</script>-Greedy'))).toBe('On $\\epsilon$-Greedy');
    expect(textOf(body('On <mjx-container class="MathJax" jax="CHTML"><mjx-math><mjx-mi>ϵ</mjx-mi></mjx-math><mjx-assistive-mml><math><mi>ϵ</mi></math></mjx-assistive-mml></mjx-container>-Greedy'))).toBe(
      'On ϵ-Greedy',
    );
  });

  it.each([
    ['<div class="note-authors">\n  Anonymous\n</div>', { authors: [] }],
    ['<div class="note-authors"><span><span>Anonymous Authors</span></span></div>', { authors: [] }],
    ['<div class="note-authors"><span><span>ICLR 2025 Conference Submission512 Authors</span> </span></div>', { authors: [] }],
    ['<div class="note-authors"><a href="/profile?id=~A_B1">Ana Bell</a>, <span>Cy Dunn</span> <span class="private-author-label">(privately revealed to you)</span></div>', { authors: ['Ana Bell', 'Cy Dunn'] }],
    ['<div class="note-authors"><span><a>Ana Bell</a>, <a>Cy Dunn</a> <a href="#" class="show-all">et al. (3 additional authors not shown)</a></span></div>', { authors: ['Ana Bell', 'Cy Dunn'], authorCount: 5 }],
  ])('author line %s', (html, want) => expect(authorsOf(body(html).firstElementChild)).toStrictEqual(want));

  it.each([
    ['28 Oct 2017', { publishedAt: '2017-10-28' }],
    ['Published: 16 Jan 2024, Last Modified: 16 Mar 2024', { publishedAt: '2024-01-16' }],
    ['27 Oct 2017 (modified: 05 Jan 2018)', { publishedAt: '2017-10-27' }],
    ['Mar 2023', { year: 2023 }],
    ['2019', { year: 2019 }],
    ['', {}],
  ])('date line %j', (text, want) => expect(dateOf(text)).toStrictEqual(want));

  it('keywords: split on commas, trimmed, each once', () => {
    expect(keywordsOf(' graph neural networks, routing,, Routing, graph neural networks ')).toEqual(['graph neural networks', 'routing', 'Routing']);
    expect(keywordsOf('  ')).toBeUndefined();
  });

  it("the ids a note links as its own: its title row and identifier fields, never links in prose", () => {
    const note = (html: string) => {
      const card = body(html);
      return idsOf(card.querySelector('h4'), contentFields(card), BASE);
    };
    expect(note('<h4><a href="/forum?id=Abc123x">T</a><a class="html-link" href="https://arxiv.org/abs/2301.01234v3">web</a></h4>')).toEqual({ arxiv: { id: '2301.01234', version: 3 }, doi: null });
    expect(note('<h4><a href="/forum?id=Abc123x">T</a></h4><div><strong class="note-content-field">Abstract:</strong> <span class="note-content-value">We extend <a href="https://arxiv.org/abs/2301.01234">prior work</a>.</span></div>')).toEqual({ arxiv: null, doi: null });
    expect(
      note(
        '<h4><a>T</a></h4><div><strong class="note-content-field">External IDs:</strong><a href="https://arxiv.org/abs/2410.01234">arxiv:2410.01234</a><span>, </span><a href="https://doi.org/10.5555/X.1">doi:10.5555/X.1</a></div>',
      ),
    ).toEqual({ arxiv: { id: '2410.01234' }, doi: '10.5555/x.1' });
    expect(note('<h4><a>T</a></h4><div><strong class="note-content-field">Preprint:</strong> <span class="note-content-value">https://arxiv.org/pdf/2402.00042</span></div>')).toEqual({ arxiv: { id: '2402.00042' }, doi: null });
    expect(note('<h4><a>T</a></h4><div><strong class="note-content-field">Code:</strong> <span class="note-content-value">arXiv:2402.00042</span></div>')).toEqual({ arxiv: { id: '2402.00042' }, doi: null });
  });

  it('a PDF link with an empty target is no PDF (it resolved to the page itself)', () => {
    const card = body('<li class="note" data-id="Sk9yuql0Z"><h4><a href="https://openreview.net/forum?id=Sk9yuql0Z">T</a><a href="" class="pdf-link">pdf</a></h4></li>').firstElementChild!;
    const d = openreviewAdapter.extract(card, { url: BASE, kind: 'group', data: null });
    expect(d?.links.page).toBe('https://openreview.net/forum?id=Sk9yuql0Z');
    expect(d?.links.pdf).toBeUndefined();
  });
});
