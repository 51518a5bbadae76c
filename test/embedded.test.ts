/**
 * The embedded-metadata reader (lib/sites/embedded): which source wins for each field, the rules
 * for dates, identities, links and og:description, the card and its anchor, and hostile values
 * (markup, bad links, 100 kB titles, 5,000 authors). The golden pages are in
 * test/fixtures/embedded (test/adapters.test.ts); the real ones in test/conformance-embedded.test.ts.
 */
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/draft';
import { adapter, descriptionIsAbstract, readPage, readRecord } from '../lib/sites/embedded/adapter';
import { clean, doiOf, httpLink, LIMITS, personName, pmidOf } from '../lib/sites/embedded/text';
import { adapterFor, EMBEDDED, extractAll } from '../lib/sites/index';

const window = new Window();
afterAll(() => window.happyDOM.close());

const URL_ = 'https://journal.example/articles/42';
const doc = (head: string, body = '') =>
  new window.DOMParser().parseFromString(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`, 'text/html') as unknown as ParentNode;
/** The page's draft, checked by the schema every draft meets where it enters the extension. */
const read = (head: string, body = '', url = URL_): PaperDraft | null => {
  const d = readPage(doc(head, body), url);
  return d && PaperDraft.parse(d);
};
const meta = (name: string, content: string) => `<meta name="${name}" content="${content.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
const prop = (name: string, content: string) => `<meta property="${name}" content="${content.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const z3988 = (kev: string) => `<span class="Z3988" title="${kev.replace(/&/g, '&amp;')}"></span>`;

const BASE = { id: 'url:https://journal.example/articles/42', site: 'journal.example', pageUrl: URL_, links: { page: URL_ }, signals: {} };
const LONG = 'We measured how far sand moves along a beach in winter storms. '.repeat(6).trim();

describe('sources, best first', () => {
  const SOURCES = {
    citation: meta('citation_title', 'T citation'),
    jsonld: ld({ '@type': 'ScholarlyArticle', name: 'T jsonld' }),
    dc: meta('DC.title', 'T dc'),
    og: prop('og:type', 'article') + prop('og:title', 'T og'),
  };
  const COINS = z3988('ctx_ver=Z39.88-2004&rft.atitle=T+coins');

  it('the title: citation_* > JSON-LD > DC > COinS > og (each only when the better ones are absent)', () => {
    const order = ['citation', 'jsonld', 'dc', 'coins', 'og'] as const;
    for (let i = 0; i < order.length; i++) {
      const head = order.slice(i).map((k) => (k === 'coins' ? '' : SOURCES[k])).join('');
      const body = order.slice(i).includes('coins') ? COINS : '';
      expect(read(head, body)?.title, order[i]).toBe(`T ${order[i]}`);
    }
  });

  it('each field from the first source that has it; the author list whole from one source', () => {
    const d = read(
      meta('citation_title', 'Sand on the move') +
        meta('citation_author', 'Only, One') +
        ld({ '@type': 'Article', headline: 'Other', author: [{ name: 'A' }, { name: 'B' }], abstract: 'The JSON-LD abstract.', datePublished: '2020-02-03' }) +
        meta('DC.creator', 'C') +
        meta('DC.description', 'The DC description.') +
        meta('DC.source', 'Journal of Sand') +
        meta('DC.date', '2019-01-01'),
    );
    expect(d).toStrictEqual({
      ...BASE,
      title: 'Sand on the move',
      authors: ['One Only'],
      abstract: 'The JSON-LD abstract.',
      publishedAt: '2020-02-03',
      venue: 'Journal of Sand',
    });
  });

  it('DC authors are its creators, else its contributors (bioRxiv); dcterms.* read too', () => {
    expect(read(meta('dcterms.title', 'T') + meta('DC.contributor', 'Ann Lee') + meta('DC.contributor', 'Bo Ek'))?.authors).toEqual(['Ann Lee', 'Bo Ek']);
    expect(read(meta('dc.title', 'T') + meta('dc.contributor', 'Editor, An') + meta('dcterms.creator', 'Ek, Bo'))?.authors).toEqual(['Bo Ek']);
    expect(read(meta('dcterms.title', 'T') + meta('dcterms.abstract', 'A') + meta('dcterms.issued', '2001-02-03'))).toMatchObject({ abstract: 'A', publishedAt: '2001-02-03' });
  });

  it('the older citation_authors tag, when there is no citation_author', () => {
    expect(read(meta('citation_title', 'T') + meta('citation_authors', 'Lee, Ann; Bo Ek;  ; Sato, Jr.'))?.authors).toEqual(['Ann Lee', 'Bo Ek', 'Sato, Jr.']);
  });

  it('no title in any source: no card, no draft (og:title counts only on an og:type article page)', () => {
    const head = prop('og:type', 'website') + prop('og:title', 'Home') + meta('citation_author', 'Lee, Ann') + meta('DC.creator', 'X') + ld({ '@type': 'WebPage', name: 'Home' });
    expect(read(head)).toBeNull();
    expect(adapter.findCards(doc(head), 'paper')).toEqual([]);
    expect(extractAll(doc(head), URL_)).toEqual({ adapter: 'embedded', kind: 'paper', papers: [], skipped: 0 });
    expect(read(prop('og:title', 'No type'))).toBeNull();
    expect(read(prop('og:type', 'article') + prop('og:title', 'An article'))?.title).toBe('An article');
  });
});

describe('JSON-LD', () => {
  it('@graph nodes, authors by @id reference, types with prefixes or in lists, the venue up the isPartOf chain', () => {
    const d = read(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', '@id': '#page', name: 'Page name' },
          { '@type': ['schema:ScholarlyArticle'], name: 'Graph title', author: { '@list': [{ '@id': '#p1' }, 'Plain Name'] }, isPartOf: { '@id': '#issue' } },
          { '@type': 'Person', '@id': '#p1', givenName: 'Ada', familyName: 'Byron' },
          { '@type': 'PublicationIssue', '@id': '#issue', name: 'Issue 3', isPartOf: { '@type': 'http://schema.org/Periodical', name: 'Journal of Graphs' } },
        ],
      }),
    );
    expect(d).toMatchObject({ title: 'Graph title', authors: ['Ada Byron', 'Plain Name'], venue: 'Journal of Graphs' });
  });

  it('a scholarly type wins over an earlier Article; mainEntity is looked into; WebSite and broken JSON are ignored', () => {
    const head =
      '<script type="application/ld+json">{ not json, </script>' +
      ld({ '@type': 'WebSite', name: 'Site' }) +
      ld({ '@type': 'Article', headline: 'News' }) +
      ld({ '@type': 'WebPage', mainEntity: { '@type': 'MedicalScholarlyArticle', headline: 'The paper' } });
    expect(read(head)?.title).toBe('The paper');
  });

  it('ids: PropertyValue DOI, PMID and arXiv; sameAs doi.org links; a volume name when no periodical', () => {
    expect(read(ld({ '@type': 'ScholarlyArticle', name: 'T', identifier: { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.5555/X' } }))?.id).toBe('doi:10.5555/x');
    expect(read(ld({ '@type': 'ScholarlyArticle', name: 'T', identifier: [{ propertyID: 'pmid', value: '123456' }] }))?.id).toBe('pubmed:123456');
    expect(read(ld({ '@type': 'ScholarlyArticle', name: 'T', identifier: { propertyID: 'arXiv', value: '2101.00001v4' } }))).toMatchObject({ id: 'arxiv:2101.00001', arxivVersion: 4 });
    expect(read(ld({ '@type': 'Article', name: 'T', sameAs: ['https://example.org/x', 'https://doi.org/10.5555%2FY'] }))?.doi).toBe('10.5555/y');
    expect(read(ld({ '@type': 'Chapter', name: 'T', isPartOf: { '@type': 'Book', name: 'A Book' } }))?.venue).toBe('A Book');
    expect(read(ld({ '@type': 'Article', name: 'T', isPartOf: { '@type': 'WebSite', name: 'A blog' } }))?.venue).toBeUndefined();
  });
});

describe('COinS', () => {
  it('rft.aulast/aufirst first, rft.au after it without repeating it; rft_id ids; rft.btitle as venue of a chapter', () => {
    const d = read('', z3988('rft.atitle=Chapter&rft.btitle=The+Book&rft.aulast=Varga&rft.aufirst=Eszter&rft.au=Varga%2C+Eszter&rft.au=Petrov%2C+D.&rft_id=info%3Apmid%2F777&rft.date=1999-12'));
    expect(d).toStrictEqual({ ...BASE, id: 'pubmed:777', title: 'Chapter', authors: ['Eszter Varga', 'D. Petrov'], venue: 'The Book', year: 1999 });
  });

  it('several COinS spans are a list of works, not this page: none is read', () => {
    expect(read('', z3988('rft.atitle=One') + z3988('rft.atitle=Two'))).toBeNull();
  });

  it('a malformed %-escape is kept as written', () => {
    expect(read('', z3988('rft.atitle=100%+sure&rft.au=%E0%A4%A'))).toMatchObject({ title: '100% sure', authors: ['%E0%A4%A'] });
  });
});

describe('dates', () => {
  const date = (head: string) => {
    const d = read(meta('citation_title', 'T') + head);
    return d && { publishedAt: d.publishedAt, year: d.year };
  };

  it('citation_date before citation_publication_date (bioRxiv puts a YYYY/01/01 placeholder there), then cover and online dates', () => {
    expect(date(meta('citation_publication_date', '2019/01/01') + meta('citation_date', '2019-07-11'))).toEqual({ publishedAt: '2019-07-11', year: undefined });
    expect(date(meta('citation_online_date', '2020/11/03') + meta('citation_cover_date', '2021/01/15'))).toEqual({ publishedAt: '2021-01-15', year: undefined });
    expect(date(meta('citation_online_date', '2020/11/03'))).toEqual({ publishedAt: '2020-11-03', year: undefined });
  });

  it('the first date decides at its precision: a year alone when that is all it says', () => {
    expect(date(meta('citation_publication_date', '2021/6'))).toEqual({ publishedAt: undefined, year: 2021 });
    expect(date(meta('citation_publication_date', 'June 2021'))).toEqual({ publishedAt: undefined, year: 2021 });
    expect(date(meta('citation_publication_date', '2021-6-7'))).toEqual({ publishedAt: '2021-06-07', year: undefined });
    expect(date(meta('citation_publication_date', '2022-11-08T09:30:00+00:00'))).toEqual({ publishedAt: '2022-11-08', year: undefined });
  });

  it('a day that does not exist, or no date at all, says nothing: the next date text is tried', () => {
    expect(date(meta('citation_date', '2023/02/30') + meta('DC.date', '2023-03-01'))).toEqual({ publishedAt: '2023-03-01', year: undefined });
    expect(date(meta('citation_date', 'forthcoming'))).toEqual({ publishedAt: undefined, year: undefined });
  });
});

describe('identity and links', () => {
  it('arXiv id > DOI > PMID > the canonical page URL; the PMID is never a siteId', () => {
    const ids = meta('citation_doi', 'https://doi.org/10.5555/ABC') + meta('citation_pmid', '31452104');
    expect(read(meta('citation_title', 'T') + meta('citation_arxiv_id', '2301.01234') + ids)).toMatchObject({ id: 'arxiv:2301.01234', arxivId: '2301.01234', doi: '10.5555/abc' });
    expect(read(meta('citation_title', 'T') + ids)).toMatchObject({ id: 'doi:10.5555/abc', doi: '10.5555/abc' });
    const pmid = read(meta('citation_title', 'T') + meta('citation_pmid', '31452104'));
    expect(pmid).toStrictEqual({ ...BASE, id: 'pubmed:31452104', title: 'T', authors: [] });
    expect(read(meta('citation_title', 'T') + '<link rel="canonical" href="/articles/42/?utm_source=x#top">')?.id).toBe('url:https://journal.example/articles/42');
  });

  it('an arXiv id from a 10.48550 DOI or an arxiv.org link; the version any mention gives', () => {
    expect(read(meta('citation_title', 'T') + meta('citation_doi', '10.48550/arXiv.2106.09608'))).toMatchObject({ id: 'arxiv:2106.09608', arxivId: '2106.09608', doi: '10.48550/arxiv.2106.09608' });
    const d = read(meta('citation_title', 'T') + meta('citation_pdf_url', 'https://arxiv.org/pdf/2106.09608') + prop('og:url', 'https://arxiv.org/abs/2106.09608v3'));
    expect(d).toMatchObject({ id: 'arxiv:2106.09608', arxivVersion: 3 });
    expect(read(meta('DC.title', 'T') + meta('DC.identifier', 'arXiv:hep-th/9901001v2'))).toMatchObject({ id: 'arxiv:hep-th/9901001', arxivVersion: 2 });
    // a bare number is no arXiv id outside citation_arxiv_id
    expect(read(meta('DC.title', 'T') + meta('DC.identifier', '2106.09608'))?.arxivId).toBeUndefined();
  });

  it('the page link: citation_abstract_html_url > JSON-LD url > og:url > canonical > the page; relative links resolved', () => {
    const all = [
      meta('citation_abstract_html_url', '/abs/1'),
      ld({ '@type': 'Article', url: 'https://journal.example/jsonld' }),
      prop('og:url', 'https://journal.example/og'),
      '<link rel="canonical" href="https://journal.example/canonical">',
    ];
    const expected = ['https://journal.example/abs/1', 'https://journal.example/jsonld', 'https://journal.example/og', 'https://journal.example/canonical', URL_];
    for (let i = 0; i <= all.length; i++) expect(read(meta('citation_title', 'T') + all.slice(i).join(''))?.links.page).toBe(expected[i]);
  });

  it('javascript:, data: and other schemes are never kept: the next candidate is used', () => {
    const d = read(
      meta('citation_title', 'T') +
        meta('citation_abstract_html_url', ' javascript:alert(1)') +
        meta('citation_pdf_url', 'data:application/pdf;base64,AAAA') +
        prop('og:url', 'JaVaScRiPt:alert(2)') +
        '<link rel="canonical" href="ftp://journal.example/x">',
    );
    expect(d?.links).toEqual({ page: URL_ });
    expect(read(meta('citation_title', 'T') + meta('citation_pdf_url', '//cdn.journal.example/42.pdf'))?.links.pdf).toBe('https://cdn.journal.example/42.pdf');
    // The URL parser drops tabs and newlines ("java\tscript:" is javascript:): still refused.
    expect(httpLink('java\tscript:alert(3)', new URL(URL_))).toBeNull();
  });
});

describe('og:description and JSON-LD description: the abstract only under the rule', () => {
  const og = (text: string, extra = '') => read(prop('og:type', 'article') + prop('og:title', 'Sand on the move') + prop('og:description', text) + extra);

  it('a long description that is no teaser, no citation line and does not repeat the title is the abstract', () => {
    expect(og(LONG)?.abstract).toBe(LONG);
    expect(read(ld({ '@type': 'Article', name: 'Sand on the move', description: LONG }))?.abstract).toBe(LONG);
  });

  it('not: short, cut with an ellipsis, starting with the first author, repeating the title, or when a source gives an abstract', () => {
    expect(og('The home of coastal research.')?.abstract).toBeUndefined();
    expect(og(`${LONG.slice(0, 400)}…`)?.abstract).toBeUndefined();
    expect(og(`${LONG.slice(0, 400)}...`)?.abstract).toBeUndefined();
    expect(og(`Ann Lee, Bo Ek. ${LONG}`, meta('DC.creator', 'Lee, Ann'))?.abstract).toBeUndefined();
    expect(og(`In "Sand on the move" we report. ${LONG}`)?.abstract).toBeUndefined();
    expect(og(LONG, meta('citation_abstract', 'The real abstract.'))?.abstract).toBe('The real abstract.');
    expect(descriptionIsAbstract(LONG, 'Other title', ['Someone'])).toBe(true);
  });
});

describe('the card and where its toolbar goes', () => {
  const cardOf = (head: string, body: string) => {
    const root = doc(head, body);
    const cards = adapter.findCards(root, 'paper');
    expect(cards).toHaveLength(1);
    return { card: cards[0]!, anchor: adapter.anchorFor(cards[0]!, 'paper') };
  };

  it('after the h1 that shows the title (after a label too), else an h2 that does, else at the end of the body', () => {
    const head = meta('citation_title', 'Sand on the Move: Winter Storms');
    let { card, anchor } = cardOf(head, '<h1>Site</h1><div><h1 class="t"><span>Title:</span> Sand on the move — winter storms</h1></div>');
    expect(card.className).toBe('t');
    expect(anchor).toEqual({ element: card, position: 'after' });
    ({ card, anchor } = cardOf(head, '<h1>Journal of Sand</h1><h2 id="title"><a href="/x.pdf">Sand on the Move: Winter Storms</a></h2>'));
    expect(card.id).toBe('title');
    ({ card, anchor } = cardOf(head, '<h1>Journal of Sand</h1><p>Text</p>'));
    expect(card.tagName).toBe('BODY');
    expect(anchor).toEqual({ element: card, position: 'append' });
  });

  it('a heading that shows only the main title (no subtitle) still counts; a short or unrelated one does not', () => {
    const head = meta('citation_title', 'Sand on the move in winter storms: a ten-year record');
    expect(cardOf(head, '<h1>Sand on the move in winter storms</h1>').card.tagName).toBe('H1');
    expect(cardOf(head, '<h1>Sand</h1>').card.tagName).toBe('BODY');
  });

  it('detect: every http(s) URL is a paper page; nothing else is', () => {
    expect(adapter.detect(new URL('http://any.example/x'))).toBe('paper');
    expect(adapter.detect(new URL('https://arxiv.org/abs/2301.01234'))).toBe('paper');
    for (const u of ['file:///tmp/x.html', 'ftp://a.example/x', 'chrome-extension://abc/popup.html', 'about:blank', 'data:text/html,x']) expect(adapter.detect(new URL(u)), u).toBeNull();
    expect(readPage(doc(meta('citation_title', 'T')), 'file:///tmp/x.html')).toBeNull();
  });

  it('extract reads the page itself when prepare() was not run', () => {
    const root = doc(meta('citation_title', 'T'), '<h1>T</h1>');
    const [card] = adapter.findCards(root, 'paper');
    expect(adapter.extract(card!, { url: new URL(URL_), kind: 'paper', data: null })?.title).toBe('T');
  });
});

describe('the registry: a fallback only', () => {
  it('extractAll uses it where no listed site claims the URL; adapterFor does not know it', () => {
    const root = doc(meta('citation_title', 'T'));
    expect(adapterFor(URL_)).toBeNull();
    expect(extractAll(root, URL_)).toMatchObject({ adapter: 'embedded', kind: 'paper', skipped: 0, papers: [{ title: 'T' }] });
    expect(extractAll(root, 'https://arxiv.org/abs/2301.01234')?.adapter).toBe('arxiv');
    expect(extractAll(root, 'file:///tmp/page.html')).toBeNull();
    expect(EMBEDDED).toBe(adapter);
  });
});

describe('hostile values', () => {
  it('markup is text: tags dropped (scripts and styles with their content), entities decoded once more, whitespace collapsed', () => {
    const d = read(
      // (meta() escapes its text: the parsed value is '… grows &amp; H<sub>2</sub>O …', escaped twice)
      meta('citation_title', '<i>E. coli</i>\n\tgrows &amp; H<sub>2</sub>O <script>alert(1)</script><style>h1{}</style>flows when p < 0.05 &#x1F600;') +
        meta('citation_author', '<a href="javascript:alert(1)">Eve</a>\u200b Mallory') +
        meta('citation_author', '<img src=x onerror=alert(2)>') +
        meta('citation_abstract', '<jats:title>Abstract</jats:title><jats:p>First.</jats:p><jats:p>Second&nbsp;one.</jats:p><!-- note -->'),
    );
    expect(d).toMatchObject({ title: 'E. coli grows & H2O flows when p < 0.05 😀', authors: ['Eve Mallory'], abstract: 'First. Second one.' });
  });

  it('a 100 kB title, a 100 kB name and a 1 MB abstract are cut to their limits', () => {
    const d = read(meta('citation_title', 'Long '.repeat(20_000)) + meta('citation_author', 'N'.repeat(100_000)) + meta('citation_abstract', 'word '.repeat(200_000)));
    expect(d!.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(d!.title.length).toBeGreaterThan(LIMITS.title - 10);
    expect(d!.authors).toEqual(['N'.repeat(LIMITS.name)]);
    expect(d!.abstract!.length).toBeLessThanOrEqual(LIMITS.abstract);
    expect(d!.abstract!.length).toBeGreaterThan(LIMITS.abstract - 10);
  });

  it('5,000 authors: the first 1,000 kept in order, authorCount says 5,000', () => {
    const head = meta('citation_title', 'Big collaboration') + Array.from({ length: 5_000 }, (_, i) => meta('citation_author', `Person${i}, A.`)).join('');
    const d = read(head);
    expect(d!.authors).toHaveLength(LIMITS.authors);
    expect(d!.authors[0]).toBe('A. Person0');
    expect(d!.authors[999]).toBe('A. Person999');
    expect(d!.authorCount).toBe(5_000);
    expect(extractAll(doc(head), URL_)!.papers[0]!.authorCount).toBe(5_000);
  });

  it('a link longer than the limit is dropped, never cut', () => {
    expect(read(meta('citation_title', 'T') + meta('citation_pdf_url', `https://journal.example/${'a'.repeat(LIMITS.url)}.pdf`))?.links.pdf).toBeUndefined();
  });

  it('JSON-LD: an over-long script is not parsed; deep nesting and 10,000 graph nodes are bounded', () => {
    const big = ld({ '@type': 'ScholarlyArticle', name: 'Huge', padding: 'x'.repeat(LIMITS.jsonLd) });
    expect(read(big)).toBeNull();
    const deep = `<script type="application/ld+json">${'{"@graph":['.repeat(5_000)}{"@type":"ScholarlyArticle","name":"Deep"}${']}'.repeat(5_000)}</script>`;
    expect(readRecord(doc(deep))).toBeNull(); // nested past the depth looked at
    const many = ld({ '@graph': [...Array.from({ length: 10_000 }, (_, i) => ({ '@type': 'Thing', name: `n${i}` })), { '@type': 'ScholarlyArticle', name: 'Last' }] });
    expect(read(many)).toBeNull(); // past LIMITS.jsonLdNodes: not looked at
    expect(read(ld({ '@graph': [{ '@type': 'ScholarlyArticle', name: 'First', author: Array.from({ length: 5_000 }, (_, i) => ({ name: `P${i}` })) }] }))).toMatchObject({ title: 'First', authorCount: 5_000 });
  });

  it('odd JSON-LD values: numbers, nulls, objects where strings go', () => {
    const d = read(ld({ '@type': 'ScholarlyArticle', name: 2024, author: [null, 7, { name: { '@value': 'Val Name' } }, { foo: 1 }], datePublished: { x: 1 }, abstract: ['First abstract', 'Second'], isPartOf: 'Journal as text' }));
    expect(d).toStrictEqual({ ...BASE, title: '2024', authors: ['Val Name'], abstract: 'First abstract' });
  });
});

describe('text helpers', () => {
  it('clean: never ends on half a surrogate pair', () => {
    expect(clean(`${'a'.repeat(9)}😀😀`, 10)).toBe('a'.repeat(9));
    expect(clean(undefined, 10)).toBe('');
    expect(clean({}, 10)).toBe('');
  });

  it('personName: "Keyname, Firstnames" swapped; suffixes and names with more commas kept', () => {
    expect(personName('Riedl, Mark O.')).toBe('Mark O. Riedl');
    expect(personName('King, Jr.')).toBe('King, Jr.');
    expect(personName('Smith, Jr., John')).toBe('Smith, Jr., John');
    expect(personName('Alexander M. Rush')).toBe('Alexander M. Rush');
  });

  it('doiOf, pmidOf, httpLink', () => {
    for (const s of ['10.1101/696633', 'doi:10.1101/696633', 'info:doi/10.1101/696633', 'urn:doi:10.1101/696633', 'https://doi.org/10.1101%2F696633', 'https://dx.doi.org/10.1101/696633']) expect(doiOf(s), s).toBe('10.1101/696633');
    expect(doiOf('https://publisher.example/doi/10.1101/696633')).toBeNull();
    expect(doiOf('https://doi.org/%E0%A4%A')).toBeNull();
    expect(['pmid:123', 'PMID: 123', 'info:pmid/123'].map(pmidOf)).toEqual(['123', '123', '123']);
    expect(pmidOf('123')).toBeNull();
    const base = new URL(URL_);
    expect(httpLink('/x.pdf', base)).toBe('https://journal.example/x.pdf');
    expect(httpLink('JAVASCRIPT:alert(1)', base)).toBeNull();
    expect(httpLink('data:text/plain,x', base)).toBeNull();
    expect(httpLink('', base)).toBeNull();
    expect(httpLink('http://[bad', base)).toBeNull();
  });
});
