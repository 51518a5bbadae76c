/**
 * Conformance of the embedded-metadata reader on real single paper pages saved by other public
 * projects (../shared/fixtures/pages, beside the project; see its SOURCES.tsv for where each
 * came from). That folder is not part of the project: the suite skips where it is absent.
 *
 * Listed adapters claim the ACL Anthology and arXiv URLs, so the reader is run directly, as
 * extractAll runs an adapter (prepare, findCards, extract, the zod parse); bioRxiv also through
 * extractAll's fallback while no listed site claims it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/draft';
import { readPage } from '../lib/sites/embedded/adapter';
import { adapterFor, EMBEDDED, extractAll } from '../lib/sites/index';
import { pageParser, REAL_PAGES } from './helpers/real-pages';

const PAGES = REAL_PAGES;
const parseHtml = pageParser();
const parse = (file: string) => parseHtml(readFileSync(path.join(PAGES, file), 'utf8'));

/** The reader over a page as extractAll runs an adapter: every card, each draft parsed. */
function runEmbedded(file: string, url: string) {
  const doc = parse(file);
  const u = new URL(url);
  const kind = EMBEDDED.detect(u)!;
  const ctx = { url: u, kind, data: EMBEDDED.prepare(doc, u, kind) };
  const cards = EMBEDDED.findCards(doc, kind);
  const papers = cards.map((c) => PaperDraft.parse(EMBEDDED.extract(c, ctx)));
  return { doc, kind, cards, papers };
}

/** The record with its abstract checked apart (length and ends), so the test does not carry the page's text. */
function expectRecord(p: PaperDraft, expected: Omit<PaperDraft, 'abstract'>, abstract?: { length: number; start: string; end: string }) {
  const { abstract: text, ...rest } = p;
  expect(rest).toStrictEqual(expected);
  if (!abstract) return expect(text).toBeUndefined();
  expect(text?.length).toBe(abstract.length);
  expect(text?.startsWith(abstract.start)).toBe(true);
  expect(text?.endsWith(abstract.end)).toBe(true);
}

const BIORXIV = 'biorxiv/content-10.1101-696633v1.html';
const ACL = 'aclanthology/paper-2021.naacl-main.208.html';
const ARXIV = 'arxiv-abs/abs-2106.09608-2021.html';

describe.skipIf(!existsSync(PAGES))('conformance: the embedded-metadata reader on real paper pages', () => {
  it('bioRxiv: one paper, keyed by its DOI, 18 authors in order, the posting day', () => {
    const url = 'https://www.biorxiv.org/content/10.1101/696633v1';
    const { papers, cards } = runEmbedded(BIORXIV, url);
    expect(papers).toHaveLength(1);
    // The toolbar goes after the page's h1.highwire-cite-title.
    expect(cards[0]!.tagName).toBe('H1');
    expect(EMBEDDED.anchorFor(cards[0]!, 'paper')).toEqual({ element: cards[0], position: 'after' });
    expectRecord(
      papers[0]!,
      {
        id: 'doi:10.1101/696633',
        site: 'biorxiv.org',
        pageUrl: url,
        title: 'Sub-nucleosomal organization in urine cell-free DNA',
        authors: [
          'Havell Markus',
          'Jun Zhao',
          'Tania Contente-Cuomo',
          'Elizabeth Raupach',
          'Ahuva Odenheimer-Bergman',
          'Sydney Connor',
          'Bradon R. McDonald',
          'Elizabeth Hutchins',
          'Marissa McGilvery',
          'Michelina C. de la Maza',
          'Kendall Van Keuren-Jensen',
          'Patrick Pirrotte',
          'Ajay Goel',
          'Carlos Becerra',
          'Daniel D. Von Hoff',
          'Scott A. Celinski',
          'Pooja Hingorani',
          'Muhammed Murtaza',
        ],
        // citation_date (the posting day), not citation_publication_date's placeholder 2019/01/01
        publishedAt: '2019-07-11',
        doi: '10.1101/696633',
        venue: 'bioRxiv',
        links: {
          page: 'https://www.biorxiv.org/content/10.1101/696633v1.abstract',
          pdf: 'https://www.biorxiv.org/content/biorxiv/early/2019/07/11/696633.full.pdf',
        },
        signals: {},
      },
      // citation_abstract holds <p> markup (escaped in the attribute): read as text
      { length: 1071, start: 'Cell-free DNA (cfDNA) in urine is a promising analyte for noninvasive diagnostics.', end: 'genome-wide fragmentation analysis of urine cfDNA can enable cancer diagnostics.' },
    );
    // With no listed site for bioRxiv, extractAll and the CLI fall back to the reader.
    if (!adapterFor(url)) {
      const all = extractAll(parse(BIORXIV), url);
      expect(all).toMatchObject({ adapter: 'embedded', kind: 'paper', skipped: 0 });
      expect(all!.papers).toStrictEqual(papers);
    }
  });

  it('ACL Anthology paper page: one paper, keyed by its DOI, the conference as venue, a year', () => {
    const url = 'https://aclanthology.org/2021.naacl-main.208/';
    const { papers, cards } = runEmbedded(ACL, url);
    expect(papers).toHaveLength(1);
    // h2#title holds the title (as a link to the PDF)
    expect(cards[0]!.id).toBe('title');
    expectRecord(papers[0]!, {
      id: 'doi:10.18653/v1/2021.naacl-main.208',
      site: 'aclanthology.org',
      pageUrl: url,
      title: 'How many data points is a prompt worth?',
      authors: ['Teven Le Scao', 'Alexander M. Rush'],
      doi: '10.18653/v1/2021.naacl-main.208',
      venue: 'Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies',
      // citation_publication_date "2021/6": the year alone
      year: 2021,
      links: { page: 'https://aclanthology.org/2021.naacl-main.208/', pdf: 'https://aclanthology.org/2021.naacl-main.208.pdf' },
      signals: {},
    });
    // og:description here is a citation line ("Teven Le Scao, Alexander Rush. Proceedings…"): no abstract
  });

  it('arXiv abs page: one paper, keyed by its arXiv id, version from og:url, names as people write them', () => {
    const url = 'https://arxiv.org/abs/2106.09608';
    const { papers, cards } = runEmbedded(ARXIV, url);
    expect(papers).toHaveLength(1);
    expect(cards[0]!.matches('h1.title')).toBe(true);
    expectRecord(
      papers[0]!,
      {
        id: 'arxiv:2106.09608',
        site: 'arxiv.org',
        pageUrl: url,
        title: 'Learning Knowledge Graph-based World Models of Textual Environments',
        // citation_author "Ammanabrolu, Prithviraj", "Riedl, Mark O."
        authors: ['Prithviraj Ammanabrolu', 'Mark O. Riedl'],
        publishedAt: '2021-06-17',
        arxivId: '2106.09608',
        arxivVersion: 2,
        links: { page: 'https://arxiv.org/abs/2106.09608v2', pdf: 'https://arxiv.org/pdf/2106.09608' },
        signals: {},
      },
      { length: 1225, start: "World models improve a learning agent's ability to efficiently operate", end: 'as well as the importance of each of our contributions.' },
    );
    // The arXiv adapter reads the same paper under the same id.
    const listed = extractAll(parse(ARXIV), url);
    expect(listed?.adapter).toBe('arxiv');
    expect(listed?.papers.map((p) => [p.id, p.title, p.authors])).toEqual([[papers[0]!.id, papers[0]!.title, papers[0]!.authors]]);
  });

  it('readPage (what the popup calls) gives the same drafts', () => {
    for (const [file, url] of [
      [BIORXIV, 'https://www.biorxiv.org/content/10.1101/696633v1'],
      [ACL, 'https://aclanthology.org/2021.naacl-main.208/'],
      [ARXIV, 'https://arxiv.org/abs/2106.09608'],
    ] as const) {
      expect(PaperDraft.parse(readPage(parse(file), url))).toStrictEqual(runEmbedded(file, url).papers[0]);
    }
  });
});
