/**
 * Conformance: the PubMed adapter on a real search-results fragment saved by another public
 * project (../shared/fixtures/pages/pubmed: two result cards without the page around them; its
 * URL is in SOURCES.tsv). That folder is not part of the project, so the suite skips cleanly
 * where it is absent. The expected values were read from the page source.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageReader, REAL_PAGES } from './helpers/real-pages';

const FRAGMENT = path.join(REAL_PAGES, 'pubmed', 'search-fragment-2cards.html');
const URL_ = 'https://pubmed.ncbi.nlm.nih.gov/?term=endometriosis&sort=date&size=100';

describe.skipIf(!existsSync(FRAGMENT))('conformance: real PubMed search results (fragment, 2 cards)', () => {
  const read = pageReader();

  it('reads both results whole: PMID, DOI identity, title, every author, journal citation and date', () => {
    // (every draft checked against PaperDraft)
    const result = read(FRAGMENT, URL_);
    expect([result.adapter, result.kind, result.skipped]).toEqual(['pubmed', 'search', 0]);
    expect(result.papers).toStrictEqual([
      {
        id: 'doi:10.1177/10497323231214114',
        site: 'pubmed',
        pageUrl: URL_,
        siteId: '37988744',
        title: "Living With Endometriosis: A Reflexive Thematic Analysis Examining Women's Experiences With the Irish Healthcare Services",
        authors: ['Lightbourne A', 'Foley S', 'Dempsey M', 'Cronin M'],
        publishedAt: '2023-11-21',
        doi: '10.1177/10497323231214114',
        venue: 'Qual Health Res. 2023 Nov 21:10497323231214114',
        links: { page: 'https://pubmed.ncbi.nlm.nih.gov/37988744/' },
        signals: {},
      },
      {
        id: 'doi:10.1007/s00404-023-07246-8',
        site: 'pubmed',
        pageUrl: URL_,
        siteId: '37987824',
        title: 'Pilot study of treatment of patients with deep infiltrative endometriosis with methotrexate carried in lipid nanoparticles',
        authors: ['Avila-Tavares R', 'Gibran L', 'Brito LGO', 'Tavoni TM', 'Gonçalves MO', 'Baracat EC', 'Maranhão RC', 'Podgaec S'],
        publishedAt: '2023-11-21',
        doi: '10.1007/s00404-023-07246-8',
        venue: 'Arch Gynecol Obstet. 2023 Nov 21',
        links: { page: 'https://pubmed.ncbi.nlm.nih.gov/37987824/' },
        signals: {},
      },
    ]);
  });
});
