/**
 * The Google Scholar and PubMed adapters' value readers: the edges the fixtures do not show
 * (each fixture page is checked whole by test/adapters.test.ts and the real pages by
 * test/conformance-scholar.test.ts and test/conformance-pubmed.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseCitation } from '../lib/sites/pubmed/adapter';
import { meta as pubmed } from '../lib/sites/pubmed/meta';
import { arxivFromLink, arxivFromVenue, clusterFromCid, clusterFromLink, doiFromLink, namesOf, parseByline } from '../lib/sites/scholar/fields';
import { HOSTNAMES, meta as scholar } from '../lib/sites/scholar/meta';

const base = new URL('https://scholar.google.com/scholar?q=x');

describe('Scholar byline', () => {
  it.each([
    ['G Cohen, M Qadan\u00a0- Mathematics, 2022 - mdpi.com', { authors: ['G Cohen', 'M Qadan'], cut: false, venue: 'Mathematics', year: 2022 }],
    ['S Sorsen, J Schulz - 2022 - aisel.aisnet.org', { authors: ['S Sorsen', 'J Schulz'], cut: false, venue: undefined, year: 2022 }],
    ['F Fang, C Ventre, L Kanthan… - Financial Innovation, 2022 - Springer', { authors: ['F Fang', 'C Ventre', 'L Kanthan'], cut: true, venue: 'Financial Innovation', year: 2022 }],
    ['MJ Isaac, TJ Chinn - Antarctica. Institute of Geological and …, 1996', { authors: ['MJ Isaac', 'TJ Chinn'], cut: false, venue: 'Antarctica. Institute of Geological and …', year: 1996 }],
    ['H Kim - example.edu', { authors: ['H Kim'], cut: false, venue: undefined }],
    ['A Vaswani - Proceedings of the 2019 Conference - Volume 1, 2019 - aclweb.org', { authors: ['A Vaswani'], cut: false, venue: 'Proceedings of the 2019 Conference - Volume 1', year: 2019 }],
    ['- Nature, 2020 - nature.com', { authors: [], cut: false, venue: 'Nature', year: 2020 }],
    ['', { authors: [], cut: false, venue: undefined }],
  ])('%j', (text, want) => {
    expect(parseByline(text)).toEqual(want);
  });

  it('profile author lists end a cut with "..."', () => {
    expect(namesOf('IM Schwartz, R Acholonu, ...')).toEqual({ authors: ['IM Schwartz', 'R Acholonu'], cut: true });
    expect(namesOf('S Shepler')).toEqual({ authors: ['S Shepler'], cut: false });
  });
});

describe('Scholar ids', () => {
  it("reads the cluster id from data-cid (the id's 8 bytes, least significant first, then 9)", () => {
    expect(clusterFromCid('8kIZgzgPiqQJ')).toBe('11856305704398308082');
    expect(clusterFromCid('4qAC3XBmStsJ')).toBe('15801554877513113826');
    // Another tag byte, length or alphabet: not read.
    expect(clusterFromCid('8kIZgzgPiqQK')).toBeNull();
    expect(clusterFromCid('8kIZgzgPiqQ')).toBeNull();
    expect(clusterFromCid('8kIZgzgPi+QJ')).toBeNull();
    expect(clusterFromCid('gs_citd')).toBeNull();
    expect(clusterFromCid(null)).toBeNull();
  });

  it('reads one cluster from ?cluster= or ?cites=, none from a merged list', () => {
    expect(clusterFromLink('/scholar?cites=5331804836605365413&as_sdt=2005', base)).toBe('5331804836605365413');
    expect(clusterFromLink('/scholar?cluster=5331804836605365413&hl=en', base)).toBe('5331804836605365413');
    expect(clusterFromLink('https://scholar.google.com/scholar?oi=bibs&cites=1,2', base)).toBeNull();
    expect(clusterFromLink('javascript:void(0)', base)).toBeNull();
  });

  it('reads an arXiv id from an arxiv.org link or a venue that shows it whole', () => {
    expect(arxivFromLink(new URL('https://arxiv.org/abs/1706.03762v5'))).toEqual({ id: '1706.03762', version: 5 });
    expect(arxivFromLink(new URL('https://arxiv.org/pdf/1706.03762'))).toEqual({ id: '1706.03762' });
    expect(arxivFromLink(new URL('https://example.org/abs/1706.03762'))).toBeNull();
    expect(arxivFromVenue('arXiv preprint arXiv:1706.03762')).toEqual({ id: '1706.03762' });
    expect(arxivFromVenue('CoRR abs/1412.6980')).toEqual({ id: '1412.6980' });
    expect(arxivFromVenue('arXiv preprint arXiv …')).toBeNull();
    expect(arxivFromVenue(undefined)).toBeNull();
  });

  it('reads a DOI only from the publisher link forms that carry one', () => {
    expect(doiFromLink(new URL('https://onlinelibrary.wiley.com/doi/abs/10.1002/jqs.691'))).toBe('10.1002/jqs.691');
    expect(doiFromLink(new URL('https://dl.acm.org/doi/10.1145/3292500.3330701'))).toBe('10.1145/3292500.3330701');
    expect(doiFromLink(new URL('https://link.springer.com/article/10.1007/s10614-020-09972-6'))).toBe('10.1007/s10614-020-09972-6');
    expect(doiFromLink(new URL('https://doi.org/10.1000/XYZ'))).toBe('10.1000/xyz');
    expect(doiFromLink(new URL('https://www.sciencedirect.com/science/article/pii/S0957417423023084'))).toBeNull();
    expect(doiFromLink(new URL('https://example.org/files/10.1000/xyz'))).toBeNull();
    expect(doiFromLink(null)).toBeNull();
  });

  it("names ids from URLs: a Scholar cluster page, a PubMed article page", () => {
    expect(scholar.idFromUrl?.(new URL('https://scholar.google.de/scholar?cluster=5331804836605365413&hl=de'))).toBe('scholar:5331804836605365413');
    expect(scholar.idFromUrl?.(new URL('https://scholar.google.com/scholar?q=x'))).toBeNull();
    expect(scholar.idFromUrl?.(new URL('https://example.com/scholar?cluster=1'))).toBeNull();
    expect(pubmed.idFromUrl?.(new URL('https://pubmed.ncbi.nlm.nih.gov/37988744/'))).toBe('pubmed:37988744');
    expect(pubmed.idFromUrl?.(new URL('https://pubmed.ncbi.nlm.nih.gov/?term=x'))).toBeNull();
  });

  it('lists each country domain once, as one host and two content-script matches', () => {
    expect(new Set(HOSTNAMES).size).toBe(HOSTNAMES.length);
    expect(scholar.hosts).toHaveLength(HOSTNAMES.length);
    expect(scholar.matches).toHaveLength(2 * HOSTNAMES.length);
  });
});

describe('PubMed journal citation', () => {
  it.each([
    ['Qual Health Res. 2023 Nov 21:10497323231214114. doi: 10.1177/10497323231214114. Online ahead of print.', { venue: 'Qual Health Res. 2023 Nov 21:10497323231214114', doi: '10.1177/10497323231214114', publishedAt: '2023-11-21' }],
    ['Nature. 2020 Jan;577(7788):89-94. doi: 10.1038/s41586-019-1799-6. Epub 2019 Dec 4.', { venue: 'Nature. 2020 Jan;577(7788):89-94', doi: '10.1038/s41586-019-1799-6', year: 2020 }],
    ['Pharmacol Rev. 2001 Dec;53(4):527-52.', { venue: 'Pharmacol Rev. 2001 Dec;53(4):527-52', doi: undefined, year: 2001 }],
    ['J Appl Physiol (1985). 2024 Mar 14:jap.00412.2023.', { venue: 'J Appl Physiol (1985). 2024 Mar 14:jap.00412.2023', doi: undefined, publishedAt: '2024-03-14' }],
    ['Sleep. 2019 Nov-Dec;42(11):zsz180.', { venue: 'Sleep. 2019 Nov-Dec;42(11):zsz180', doi: undefined, year: 2019 }],
    ['Vet J. 2022 Feb 30;290:105911.', { venue: 'Vet J. 2022 Feb 30;290:105911', doi: undefined, year: 2022 }],
    ['', { venue: undefined, doi: undefined }],
  ])('%s', (text, want) => {
    expect(parseCitation(text)).toEqual(want);
  });
});
