/** Canonical identity (lib/ids.ts): table-driven. */
import { paperIdFromSiteUrl } from '../lib/sites/registry';
import { describe, expect, it } from 'vitest';
import { arxivIdFromPath, canonicalId, normaliseUrl, parseArxivId, parseDoi } from '../lib/ids';

describe('parseArxivId', () => {
  it.each([
    // new style, 4 digits (0704-1412) and 5 digits (1501+)
    ['0704.0001', { id: '0704.0001' }],
    ['1412.6980', { id: '1412.6980' }],
    ['1501.00001', { id: '1501.00001' }],
    ['2305.13169', { id: '2305.13169' }],
    // versions are split off
    ['2305.13169v2', { id: '2305.13169', version: 2 }],
    ['1412.6980v11', { id: '1412.6980', version: 11 }],
    // prefixes and whitespace
    ['arXiv:2305.13169', { id: '2305.13169' }],
    ['arxiv: 2305.13169v3', { id: '2305.13169', version: 3 }],
    ['ARXIV:1501.00001', { id: '1501.00001' }],
    ['  2305.13169 \n', { id: '2305.13169' }],
    // old style
    ['hep-th/9901001', { id: 'hep-th/9901001' }],
    ['hep-th/9901001v1', { id: 'hep-th/9901001', version: 1 }],
    ['cs/0112017', { id: 'cs/0112017' }],
    ['math.GT/0309136', { id: 'math/0309136' }],
    ['math.GT/0309136v2', { id: 'math/0309136', version: 2 }],
    ['arXiv:physics/9912999v2', { id: 'physics/9912999', version: 2 }],
  ])('%j -> %j', (input, expected) => {
    expect(parseArxivId(input)).toStrictEqual(expected);
  });

  it.each([
    '',
    '   ',
    '1234.5',
    '2305.1316', // 4 digits after 1412
    '2305.131690', // 6 digits
    '2313.12345', // month 13
    '2300.12345', // month 00
    '0701.12345', // 5 digits before 1501
    '0612.1234', // before the new scheme (April 2007)
    '1501.1234', // 4 digits after 1412
    '2305.13169v0', // versions start at 1
    '2305.13169v', // empty version
    '2305.13169V2', // upper-case V
    '2305.13169v2.pdf',
    'hep-th/99',
    'hep-th/9913001', // month 13
    'HEP-TH/9901001',
    'math.gt/0309136', // subject class is upper case
    'abs/2305.13169',
    'https://arxiv.org/abs/2305.13169',
    '10.48550/arXiv.2305.13169',
    'not an id',
    'arxiv:',
  ])('rejects %j', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });

  it('rejects non-strings without throwing', () => {
    expect(parseArxivId(undefined as unknown as string)).toBeNull();
    expect(parseArxivId(42 as unknown as string)).toBeNull();
  });
});

describe('arxivIdFromPath', () => {
  it.each([
    ['/abs/2305.13169', { id: '2305.13169' }],
    ['/abs/2305.13169v2', { id: '2305.13169', version: 2 }],
    ['/abs/2305.13169v2/', { id: '2305.13169', version: 2 }],
    ['/pdf/2305.13169v2.pdf', { id: '2305.13169', version: 2 }],
    ['/pdf/2305.13169', { id: '2305.13169' }],
    ['/html/2305.13169v1', { id: '2305.13169', version: 1 }],
    ['/abs/hep-th/9901001', { id: 'hep-th/9901001' }],
    ['/papers/2305.13169', { id: '2305.13169' }],
  ])('%s -> %j', (p, expected) => {
    expect(arxivIdFromPath(p)).toStrictEqual(expected);
  });

  it.each(['/list/cs/new', '/papers', '/papers/date/2026-03-02', '/papers/trending', '/abs/', '/'])('%s -> null', (p) => {
    expect(arxivIdFromPath(p)).toBeNull();
  });
});

describe('parseDoi', () => {
  it.each([
    ['10.1000/xyz', '10.1000/xyz'],
    ['10.1000/XYZ', '10.1000/xyz'],
    ['  10.1038/nphys1170 ', '10.1038/nphys1170'],
    ['doi:10.1000/xyz', '10.1000/xyz'],
    ['DOI: 10.1038/NPHYS1170', '10.1038/nphys1170'],
    ['https://doi.org/10.1145/3292500.3330701', '10.1145/3292500.3330701'],
    ['http://dx.doi.org/10.1000/ABC', '10.1000/abc'],
    ['doi.org/10.1000/abc', '10.1000/abc'],
    ['10.48550/arXiv.2305.13169', '10.48550/arxiv.2305.13169'],
  ])('%j -> %j', (input, expected) => {
    expect(parseDoi(input)).toBe(expected);
  });

  it.each(['', '10.1000', '10.1000/', '10.12/x', '11.1000/x', '10.1000/a b', 'doi:', 'https://example.com/10.1000/x'])(
    'rejects %j',
    (input) => {
      expect(parseDoi(input)).toBeNull();
    },
  );
});

describe('normaliseUrl', () => {
  it.each([
    ['https://example.com/paper#section-2', 'https://example.com/paper'],
    ['https://example.com/paper?utm_source=x&utm_medium=y', 'https://example.com/paper'],
    ['https://example.com/p?b=2&utm_campaign=z&a=1', 'https://example.com/p?a=1&b=2'],
    ['https://example.com/p?fbclid=1&gclid=2&ref=3&id=9', 'https://example.com/p?id=9'],
    ['https://www.Example.com/paper/', 'https://example.com/paper'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com', 'https://example.com/'],
    ['http://example.com/a', 'http://example.com/a'],
    ['  https://example.com/a  ', 'https://example.com/a'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://example.com/f', 'file:///etc/passwd', 'not a url', ''])(
    'rejects %j',
    (input) => {
      expect(normaliseUrl(input)).toBeNull();
    },
  );
});

describe('canonicalId', () => {
  it.each([
    // preference: arxiv > doi > url
    [{ arxivId: '2305.13169v2', doi: '10.1000/xyz', url: 'https://example.com/p' }, 'arxiv:2305.13169'],
    [{ doi: '10.1000/XYZ', url: 'https://example.com/p' }, 'doi:10.1000/xyz'],
    [{ url: 'https://example.com/p?utm_source=feed#x' }, 'url:https://example.com/p'],
    // an unreadable better id falls through to the next one
    [{ arxivId: 'junk', doi: '10.1000/xyz' }, 'doi:10.1000/xyz'],
    [{ arxivId: 'junk', doi: 'junk', url: 'https://example.com/p' }, 'url:https://example.com/p'],
    // old-style ids
    [{ arxivId: 'arXiv:math.GT/0309136v1' }, 'arxiv:math/0309136'],
    [{ arxivId: 'math/0309136' }, 'arxiv:math/0309136'],
    // arXiv paper URLs give arxiv keys (a listed site's own paper URLs: paperIdFromSiteUrl, below)
    [{ url: 'https://arxiv.org/abs/2305.13169v2' }, 'arxiv:2305.13169'],
    [{ url: 'https://arxiv.org/pdf/2305.13169v2.pdf' }, 'arxiv:2305.13169'],
    [{ url: 'https://export.arxiv.org/abs/hep-th/9901001v3' }, 'arxiv:hep-th/9901001'],
    // DOI resolver URLs give doi keys
    [{ url: 'https://doi.org/10.1000/ABC' }, 'doi:10.1000/abc'],
    [{ url: 'https://doi.org/10.1000%2FABC' }, 'doi:10.1000/abc'],
    // listing URLs on those hosts are just URLs
    [{ url: 'https://huggingface.co/papers/date/2026-03-02' }, 'url:https://huggingface.co/papers/date/2026-03-02'],
    [{ url: 'https://arxiv.org/list/cs/new' }, 'url:https://arxiv.org/list/cs/new'],
    // an arXiv-looking path on another host is not an arXiv id
    [{ url: 'https://example.com/abs/2305.13169' }, 'url:https://example.com/abs/2305.13169'],
  ])('%j -> %s', (ids, expected) => {
    expect(canonicalId(ids)).toBe(expected);
  });

  it.each([{}, { arxivId: 'junk' }, { url: 'javascript:alert(1)' }, { arxivId: '', doi: '', url: '' }])('%j -> null', (ids) => {
    expect(canonicalId(ids)).toBeNull();
  });
});

describe('paperIdFromSiteUrl (every site idFromUrl, through the registry)', () => {
  it.each([
    ['https://huggingface.co/papers/2305.13169', 'arxiv:2305.13169'],
    ['https://huggingface.co/papers/2305.13169#community', 'arxiv:2305.13169'],
    ['https://arxiv.org/abs/2305.13169v2', 'arxiv:2305.13169'],
    ['https://huggingface.co/papers/date/2026-03-02', null],
    ['https://arxiv.org/list/cs/new', null],
    ['https://example.com/abs/2305.13169', null],
    ['not a url', null],
  ])('%s -> %s', (url, expected) => {
    expect(paperIdFromSiteUrl(url)).toBe(expected);
  });
});
