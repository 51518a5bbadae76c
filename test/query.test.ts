/**
 * The search box syntax (lib/list/query): words and filters, typed in any case, half-typed, or junk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyQuery, isEmptyQuery, parseQuery, parseYear, type ParsedQuery } from '@/lib/list/query';
import { tagKey } from '@/lib/paper';
import { wordsOf } from '@/lib/list/words';

/** An expected parse: the empty query plus what the case sets. */
function q(over: Partial<Omit<ParsedQuery, 'not'>> & { not?: Partial<ParsedQuery['not']> } = {}): ParsedQuery {
  const base = emptyQuery();
  return { ...base, ...over, not: { ...base.not, ...over.not } };
}

const STATUS_PROBLEM = (v: string) => `status:${v} is not a status: use unread, reading or read.`;
const YEAR_PROBLEM = (v: string) => `year:${v} is not a year: use 2024 or 2023..2024.`;

const CASES: [string, ParsedQuery][] = [
  ['', q()],
  ['   ', q()],
  ['tag:rl status:unread year:2024 site:arxiv foo', q({ terms: ['foo'], tags: ['rl'], status: 'unread', year: { from: 2024, to: 2024 }, site: 'arxiv' })],
  ['graph neural networks', q({ terms: ['graph', 'neural', 'networks'] })],
  ['Graph  GRAPH graph', q({ terms: ['graph'] })],
  ['tag:"deep learning" graph', q({ terms: ['graph'], tags: ['deep learning'] })],
  ['tag:"deep   learning  "', q({ tags: ['deep learning'] })],
  ['tag:"deep lea', q({ tags: ['deep lea'] })], // still typing: the open quote runs to the end
  ['tag:rl tag:RL tag:nlp', q({ tags: ['rl', 'nlp'] })],
  ['TAG:RL STATUS:UNREAD Site:ArXiv YEAR:2024', q({ tags: ['RL'], status: 'unread', site: 'arxiv', year: { from: 2024, to: 2024 } })],
  ['site:hf', q({ site: 'huggingface' })],
  ['site:hug', q({ site: 'hug' })],
  ['status:u', q({ status: 'unread' })],
  ['status:reading', q({ status: 'reading' })],
  ['status:read', q({ status: 'read' })],
  ['status:read status:unread', q({ status: 'unread' })],
  ['year:2023..2024', q({ year: { from: 2023, to: 2024 } })],
  ['year:2024..2023', q({ year: { from: 2023, to: 2024 } })],
  ['year:2023-2024', q({ year: { from: 2023, to: 2024 } })],
  ['year:2020..', q({ year: { from: 2020, to: 9999 } })],
  ['year:..2019', q({ year: { from: 0, to: 2019 } })],
  // Junk: a key with nothing yet does nothing; a value that means nothing is reported.
  ['tag:', q()],
  ['tag:"" status: year: site:', q()],
  ['status:nonsense', q({ problems: [STATUS_PROBLEM('nonsense')] })],
  ['status:rea', q({ problems: [STATUS_PROBLEM('rea')] })],
  ['year:abc', q({ problems: [YEAR_PROBLEM('abc')] })],
  ['year:24', q({ problems: [YEAR_PROBLEM('24')] })],
  ['year:2024..2025..2026 diffusion', q({ terms: ['diffusion'], problems: [YEAR_PROBLEM('2024..2025..2026')] })],
  // Unknown keys are plain words.
  ['foo:bar baz', q({ terms: ['foo', 'bar', 'baz'] })],
  ['foo:"bar baz"', q({ terms: ['foo', 'bar', 'baz'] })],
  ['https://arxiv.org/abs/2305.13169', q({ terms: ['https', 'arxiv', 'org', 'abs', '2305', '13169'] })],
  ['arxiv:2305.13169', q({ terms: ['arxiv', '2305', '13169'] })],
  ['x1:y', q({ terms: ['x1', 'y'] })],
  // Accents fold, case folds (lib/list/words wordsOf).
  ['Schrödinger CAFÉ', q({ terms: ['schrodinger', 'cafe'] })],
  ['"Self-Attention" state-of-the-art', q({ terms: ['self', 'attention', 'state', 'of', 'the', 'art'] })],
  // Exclusions.
  ['diffusion -survey -tag:old -status:read -site:hf', q({ terms: ['diffusion'], not: { terms: ['survey'], tags: ['old'], statuses: ['read'], sites: ['huggingface'] } })],
  ['-"deep learning"', q({ not: { terms: ['deep', 'learning'] } })],
  ['- -- -tag:', q()],
  ['-year:2024', q({ problems: ['-year: is not supported: use a range such as year:..2023.'] })],
  ['-status:bogus', q({ problems: [STATUS_PROBLEM('bogus')] })],
];

describe('parseQuery', () => {
  it.each(CASES)('%j', (text, want) => {
    expect(parseQuery(text)).toEqual(want);
  });

  it('never throws on odd input', () => {
    for (const text of ['"', ':', '::', 'tag:"', '-"', '\u0000', 'a'.repeat(10_000), '\ud800', 'tag:\u00a0x', '🙂 tag:🙂']) {
      expect(() => parseQuery(text)).not.toThrow();
    }
    expect(parseQuery('🙂 tag:🙂')).toEqual(q({ tags: ['🙂'] }));
  });
});

describe('wordsOf (lib/list/words)', () => {
  /** The full folding, without the shortcut wordsOf takes for plain ASCII. */
  const folded = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];

  it('splits plain ASCII exactly as the full accent folding does', () => {
    const ascii = ['Attention Is All You Need', 'Ashish Vaswani Noam Shazeer', 'deep learning rl', 'x1:y, a-b_c.d/e', 'GPT-4o mini (2024) vs. o1', '', '  ', '\t\n~!@#$%^&*()', 'ABC123def'];
    for (const t of ascii) expect(wordsOf(t), t).toEqual(folded(t));
    expect(wordsOf('GPT-4o mini (2024) vs. o1')).toEqual(['gpt', '4o', 'mini', '2024', 'vs', 'o1']);
    expect(wordsOf('x1:y, a-b_c.d/e')).toEqual(['x1', 'y', 'a', 'b', 'c', 'd', 'e']);
    expect(wordsOf('')).toEqual([]);
    // Any ASCII text, including every punctuation and control character.
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 60 }), (t) => {
        expect(wordsOf(t)).toEqual(folded(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('folds accents, compatibility forms and case in anything else', () => {
    expect(wordsOf('Schrödinger CAFÉ')).toEqual(['schrodinger', 'cafe']);
    expect(wordsOf('Élodie Müller, Ørsted')).toEqual(['elodie', 'muller', 'ørsted']);
    expect(wordsOf('ﬁne-tuning ①')).toEqual(['fine', 'tuning', '1']); // ligature and circled digit (NFKD)
    expect(wordsOf('e\u0301cole')).toEqual(['ecole']); // a combining accent typed separately
    expect(wordsOf('ΟΔΟΣ Straße')).toEqual(['οδος', 'straße']);
    for (const t of ['Schrödinger CAFÉ', 'ﬁne-tuning ①', 'mixed ascii and é']) expect(wordsOf(t), t).toEqual(folded(t));
  });
});

describe('query helpers', () => {
  it('parses year ranges', () => {
    expect(parseYear('2024')).toEqual({ from: 2024, to: 2024 });
    expect(parseYear('..')).toBeUndefined();
    expect(parseYear('')).toBeUndefined();
    expect(parseYear('20245')).toBeUndefined();
  });

  it('compares tags by a normalised key', () => {
    expect(tagKey('  Deep   Learning ')).toBe('deep learning');
  });

  it('knows an empty query', () => {
    expect(isEmptyQuery(parseQuery(''))).toBe(true);
    expect(isEmptyQuery(parseQuery('tag:'))).toBe(true);
    expect(isEmptyQuery(parseQuery('status:nonsense'))).toBe(true);
    expect(isEmptyQuery(parseQuery('x'))).toBe(false);
    expect(isEmptyQuery(parseQuery('-x'))).toBe(false);
    expect(isEmptyQuery(parseQuery('site:arxiv'))).toBe(false);
  });
});
