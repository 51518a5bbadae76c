/**
 * Import / export (lib/exchange): golden outputs of every exporter for a small library, the
 * importers on hand-written files with edge cases, merge rules through library.importRecords,
 * malformed and partial files (clear message, nothing written), the backup round trip as a
 * property, and the bundle boundary (citation-js stays out of the content script and popup).
 *
 * Golden files live in test/fixtures/import/golden-export.*; after an intended change,
 * regenerate them with `UPDATE_GOLDEN=1 npx vitest run test/exchange.test.ts` and review the diff.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, readBackup } from '@/lib/exchange/backup';
import { fromCsl, joinName, splitName, toCsl, type CslItem } from '@/lib/exchange/csl';
import { exportFileName, exportText, type ExportFormat } from '@/lib/exchange/export';
import { commitImport, describeRejection, importFile, readImportFile, type ImportPlan } from '@/lib/exchange/import';
import { describeJsonError, findJsonSyntaxError } from '@/lib/exchange/json-syntax';
import { queryFromSearch, selectPapers } from '@/lib/exchange/select';
import { openDb } from '@/lib/db';
import { Library } from '@/lib/library';
import { SavedPaper } from '@/lib/paper';
import { paperWords } from '@/lib/list/words';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

let dbs = 0;
function freshLibrary(): Library {
  return new Library(openDb(`test-exchange-${++dbs}-${Math.random()}`));
}

/** A stored record with its derived search words. */
function rec(p: Omit<SavedPaper, 'words'>): SavedPaper {
  return SavedPaper.parse({ ...p, words: paperWords(p) });
}

const NOW = new Date(2026, 10, 27, 12, 0, 0); // local time: file names use the local date
const IMPORT_TIME = 1_790_000_000_000;

/** The small library every exporter is checked against. */
const LIBRARY: SavedPaper[] = [
  rec({
    id: 'arxiv:2305.13169',
    title: 'The $\\alpha$-Net: Learning Bayesian Priors with über-Networks',
    authors: ['Jürgen Müller', 'Anna van der Berg', 'Martin Luther King Jr.', 'OpenAI'],
    abstract: 'We study networks & priors: 50% faster, {braces} kept, $O(n^2)$ time.',
    publishedAt: '2023-05-22',
    arxivId: '2305.13169',
    arxivVersion: 2,
    subjects: ['cs.LG', 'stat.ML'],
    comments: '12 pages, 4 figures',
    links: {
      page: 'https://huggingface.co/papers/2305.13169',
      abs: 'https://arxiv.org/abs/2305.13169',
      pdf: 'https://arxiv.org/pdf/2305.13169',
      code: 'https://github.com/example/alpha-net',
    },
    signals: { upvotes: 42, githubRepo: 'https://github.com/example/alpha-net', githubStars: 1200, organization: 'Example Lab' },
    signalsSeenAt: 1_780_000_000_000,
    sources: [{ site: 'huggingface', url: 'https://huggingface.co/papers/2305.13169', firstSeenAt: 1_779_000_000_000, lastSeenAt: 1_780_000_000_000 }],
    tags: ['rl', 'Bayesian methods'],
    note: 'Read section 3 first.\nCompare with [Smith 2019] *carefully*.',
    status: 'reading',
    savedAt: 1_779_500_000_000,
    updatedAt: 1_780_100_000_000,
  }),
  rec({
    id: 'arxiv:hep-th/9901001',
    title: 'Costs $5 and $10: $\\mathcal{L}_{\\text{KL}}$ Bounds for $k$-Means',
    authors: ['Edward Witten'],
    publishedAt: '1999-01-04',
    arxivId: 'hep-th/9901001',
    links: { abs: 'https://arxiv.org/abs/hep-th/9901001' },
    signals: {},
    sources: [{ site: 'arxiv', url: 'https://arxiv.org/abs/hep-th/9901001', firstSeenAt: 1_778_000_000_000, lastSeenAt: 1_778_000_000_000 }],
    tags: [],
    note: '',
    status: 'unread',
    savedAt: 1_778_000_000_000,
    updatedAt: 1_778_000_000_000,
  }),
  rec({
    id: 'doi:10.1000/xyz.123',
    title: 'A Journal Paper With a DOI: Costs & Benefits (Part 1)',
    authors: ['Smith, John', 'Jane Doe'],
    publishedAt: '2019-03-01',
    doi: '10.1000/xyz.123',
    links: { page: 'https://example.org/papers/xyz(123)' },
    signals: {},
    sources: [],
    tags: ['survey'],
    note: '',
    status: 'read',
    savedAt: 1_777_000_000_000,
    updatedAt: 1_777_000_000_000,
  }),
  rec({
    id: 'url:https://example.com/posts/transformers',
    title: 'A Blog Post About Transformers_and_Things',
    authors: [],
    links: { page: 'https://example.com/posts/transformers' },
    signals: {},
    sources: [{ site: 'huggingface', url: 'https://example.com/posts/transformers', firstSeenAt: 1_776_000_000_000, lastSeenAt: 1_776_000_000_000 }],
    tags: ['blog'],
    note: 'Short note',
    status: 'unread',
    savedAt: 1_776_000_000_000,
    updatedAt: 1_776_000_000_000,
  }),
];

const GOLDEN: Record<ExportFormat, string> = {
  bibtex: 'golden-export.bib',
  'csl-json': 'golden-export.csl.json',
  ris: 'golden-export.ris',
  markdown: 'golden-export.md',
  backup: 'golden-export.backup.json',
};

/** A library holding these records, stored the way the library stores them (derived fields included). */
async function seeded(records: readonly SavedPaper[]): Promise<Library> {
  const lib = freshLibrary();
  await lib.importRecords(records);
  return lib;
}

const byId = (a: SavedPaper, b: SavedPaper) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (rs: readonly SavedPaper[]) => [...rs].sort(byId);

// ---------------------------------------------------------------------------------------------

describe('exporters (golden files)', () => {
  for (const [format, file] of Object.entries(GOLDEN) as [ExportFormat, string][]) {
    it(`${format} matches ${file} exactly`, async () => {
      let text = await exportText(format, LIBRARY, NOW);
      // The backup records the export instant; the golden file was written at NOW in UTC.
      if (format === 'backup') text = text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "<NOW>"');
      if (process.env.UPDATE_GOLDEN || !existsSync(path.join(FIXTURES, file))) writeFileSync(path.join(FIXTURES, file), text);
      expect(text).toBe(fixture(file));
    });
  }

  it('names files by format and local date', () => {
    expect((['bibtex', 'csl-json', 'ris', 'markdown', 'backup'] as const).map((f) => exportFileName(f, NOW))).toEqual([
      'papershelf-2026-11-27.bib',
      'papershelf-2026-11-27.csl.json',
      'papershelf-2026-11-27.ris',
      'papershelf-2026-11-27.md',
      'papershelf-backup-2026-11-27.json',
    ]);
  });

  it('writes a complete, versioned backup: every field of every paper', async () => {
    const backup = JSON.parse(await exportText('backup', LIBRARY, NOW)) as Record<string, unknown>;
    expect(backup).toEqual({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: NOW.toISOString(), papers: LIBRARY, removed: [] });
  });

  it('maps a paper to CSL-JSON as documented', () => {
    expect(toCsl(LIBRARY[0]!)).toEqual({
      id: 'arxiv:2305.13169',
      type: 'article',
      title: 'The $\\alpha$-Net: Learning Bayesian Priors with über-Networks',
      author: [
        { family: 'Müller', given: 'Jürgen' },
        { family: 'van der Berg', given: 'Anna' },
        { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
        { literal: 'OpenAI' },
      ],
      issued: { 'date-parts': [[2023, 5, 22]] },
      URL: 'https://arxiv.org/abs/2305.13169',
      abstract: 'We study networks & priors: 50% faster, {braces} kept, $O(n^2)$ time.',
      number: '2305.13169',
      publisher: 'arXiv',
      keyword: 'rl,Bayesian methods',
      note: 'Read section 3 first.\nCompare with [Smith 2019] *carefully*.',
    });
  });

  it('splits names sensibly and joins them back', () => {
    const cases: [string, ReturnType<typeof splitName>, string][] = [
      ['Jürgen Müller', { family: 'Müller', given: 'Jürgen' }, 'Jürgen Müller'],
      ['Anna van der Berg', { family: 'van der Berg', given: 'Anna' }, 'Anna van der Berg'],
      ['Smith, John', { family: 'Smith', given: 'John' }, 'John Smith'],
      ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }, 'Martin Luther King Jr.'],
      ['Le Zhang', { family: 'Zhang', given: 'Le' }, 'Le Zhang'],
      ['Plato', { literal: 'Plato' }, 'Plato'],
      ['  Ada   Lovelace ', { family: 'Lovelace', given: 'Ada' }, 'Ada Lovelace'],
    ];
    for (const [name, csl, back] of cases) {
      expect(splitName(name)).toEqual(csl);
      expect(joinName(csl)).toBe(back);
    }
  });

  it('exports only what the ?q= filter selects, most recently saved first', () => {
    expect(queryFromSearch('?q=tag%3Arl')).toBe('tag:rl');
    expect(selectPapers(LIBRARY, 'tag:rl').papers.map((p) => p.id)).toEqual(['arxiv:2305.13169']);
    expect(selectPapers(LIBRARY, 'year:2019..2023 -tag:survey').papers.map((p) => p.id)).toEqual(['arxiv:2305.13169']);
    expect(selectPapers(LIBRARY, 'site:hf status:unread').papers.map((p) => p.id)).toEqual(['url:https://example.com/posts/transformers']);
    const all = selectPapers([...LIBRARY].reverse(), '');
    expect(all.query).toBe('');
    expect(all.papers.map((p) => p.id)).toEqual(LIBRARY.map((p) => p.id));
    expect(selectPapers(LIBRARY, 'status:finished').problems).toEqual(['status:finished is not a status: use unread, reading or read.']);
  });
});

// ---------------------------------------------------------------------------------------------

async function planOf(name: string, text = fixture(name)): Promise<ImportPlan> {
  const read = await readImportFile(name, text, { now: IMPORT_TIME });
  if (!read.ok) throw new Error(read.error);
  return read.plan;
}

const imported = { signals: {}, sources: [], status: 'unread', savedAt: IMPORT_TIME, updatedAt: IMPORT_TIME } as const;

describe('importers', () => {
  it('reads hand-written BibTeX: braces, accents, LaTeX in titles, eprints, missing fields', async () => {
    const plan = await planOf('edge-cases.bib');
    expect(plan.format).toBe('bibtex');
    expect(plan.total).toBe(6);
    expect(plan.records).toEqual([
      {
        ...imported,
        id: 'arxiv:2305.13169',
        title: 'The α-Net: Learning Bayesian Priors with über-Networks',
        authors: ['Jürgen Müller', 'María González', 'OpenAI Team'],
        abstract: 'We study élève networks.',
        arxivId: '2305.13169',
        arxivVersion: 2,
        subjects: ['cs.LG'],
        links: { abs: 'https://arxiv.org/abs/2305.13169' },
        tags: ['rl', 'Bayesian methods'],
        note: 'Read section 3 first',
      },
      {
        ...imported,
        id: 'doi:10.1000/xyz.123',
        title: 'A Journal Paper With a DOI',
        authors: ['John Smith', 'Jane Doe'],
        doi: '10.1000/xyz.123',
        links: {},
        tags: [],
        note: 'annotated, not noted',
      },
      {
        ...imported,
        id: 'arxiv:hep-th/9901001',
        title: 'Old-Style Identifiers',
        authors: ['Edward Witten'],
        arxivId: 'hep-th/9901001',
        links: { abs: 'https://arxiv.org/abs/hep-th/9901001' },
        tags: [],
        note: '',
      },
      {
        ...imported,
        id: 'url:https://example.com/posts/transformers',
        title: 'A Blog Post About Transformers',
        authors: [],
        links: { page: 'https://example.com/posts/transformers/?utm_source=feed' },
        tags: [],
        note: '',
      },
    ]);
    expect(plan.rejected).toEqual([
      { index: 5, key: 'noidentity', reason: 'no identifier: needs an arXiv id, a DOI or a URL' },
      { index: 6, key: 'notitle', reason: 'no title' },
    ]);
    expect(plan.rejected.map((r) => describeRejection(r, plan.format))).toEqual([
      'Entry 5 (noidentity): no identifier: needs an arXiv id, a DOI or a URL',
      'Entry 6 (notitle): no title',
    ]);
  });

  it('reads RIS', async () => {
    const plan = await planOf('small.ris');
    expect(plan.format).toBe('ris');
    expect(plan.records).toEqual([
      {
        ...imported,
        id: 'arxiv:1706.03762',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
        publishedAt: '2017-06-12',
        arxivId: '1706.03762',
        arxivVersion: 7,
        links: { abs: 'https://arxiv.org/abs/1706.03762' },
        tags: ['transformers', 'attention'],
        note: 'Classic.',
      },
      {
        ...imported,
        id: 'doi:10.1234/abc.5678',
        title: 'A Journal Article Found by DOI',
        authors: ['Jane Doe'],
        doi: '10.1234/abc.5678',
        links: {},
        tags: [],
        note: '',
      },
    ]);
    expect(plan.rejected).toEqual([{ index: 3, reason: 'no title and no identifier (arXiv id, DOI or URL)' }]);
  });

  it('reads CSL-JSON, finding arXiv ids in number and note and stripping rich text', async () => {
    const plan = await planOf('library.csl.json');
    expect(plan.format).toBe('csl-json');
    expect(plan.records).toEqual([
      {
        ...imported,
        id: 'arxiv:1706.03762',
        title: 'Attention Is All You Need',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        publishedAt: '2017-06-12',
        arxivId: '1706.03762',
        links: { abs: 'https://arxiv.org/abs/1706.03762' },
        tags: ['transformers', 'attention'],
        note: 'Classic.',
      },
      {
        ...imported,
        id: 'arxiv:2401.12345',
        title: 'Identified Only Through Its Note',
        authors: ['The Example Consortium'],
        arxivId: '2401.12345',
        arxivVersion: 3,
        links: { abs: 'https://arxiv.org/abs/2401.12345' },
        tags: [],
        note: 'arXiv: 2401.12345v3',
      },
      {
        ...imported,
        id: 'doi:10.1234/abc.5678',
        title: 'A Journal Article',
        authors: [],
        doi: '10.1234/abc.5678',
        links: {},
        tags: [],
        note: '',
      },
    ]);
    expect(plan.rejected).toEqual([
      { index: 4, key: 'no-title', reason: 'no title' },
      { index: 5, reason: 'not a CSL-JSON item (expected an object)' },
    ]);
  });

  it('finds arXiv identity in every place a citation file keeps it', () => {
    const idOf = (item: Partial<CslItem>, extra = {}) => {
      const r = fromCsl({ id: 'x', type: 'article', title: 'T', ...item }, extra, { now: 1 });
      return r.ok ? [r.paper.id, r.paper.arxivVersion] : r.reason;
    };
    expect(idOf({}, { eprint: '2305.13169v4', eprintType: 'arXiv' })).toEqual(['arxiv:2305.13169', 4]);
    expect(idOf({}, { eprint: '12345678', eprintType: 'pubmed' })).toBe('no identifier: needs an arXiv id, a DOI or a URL');
    expect(idOf({ number: '2305.13169' })).toEqual(['arxiv:2305.13169', undefined]);
    expect(idOf({ number: 3 })).toBe('no identifier: needs an arXiv id, a DOI or a URL');
    expect(idOf({ DOI: '10.48550/arXiv.2305.13169' })).toEqual(['arxiv:2305.13169', undefined]);
    expect(idOf({ URL: 'https://huggingface.co/papers/2305.13169' })).toEqual(['arxiv:2305.13169', undefined]);
    expect(idOf({ URL: 'https://arxiv.org/pdf/hep-th/9901001v2' })).toEqual(['arxiv:hep-th/9901001', 2]);
    expect(idOf({ 'container-title': 'arXiv preprint arXiv:2305.13169' })).toEqual(['arxiv:2305.13169', undefined]);
    expect(idOf({ 'container-title': 'CoRR', volume: 'abs/1706.03762' })).toEqual(['arxiv:1706.03762', undefined]);
    expect(idOf({ DOI: 'https://doi.org/10.1000/ABC' })).toEqual(['doi:10.1000/abc', undefined]);
    expect(idOf({ URL: 'ftp://example.com/x' })).toBe('no identifier: needs an arXiv id, a DOI or a URL');
  });

  it('turns keywords into normalised tags and drops ones that cannot be tags', () => {
    const r = fromCsl({ id: 'x', type: 'article', title: 'T', number: '2305.13169', keyword: `RL; rl , deep  learning,,${'x'.repeat(65)}` }, {}, { now: 1 });
    expect(r.ok && r.paper.tags).toEqual(['RL', 'deep learning']);
  });

  it('reads its own exports back (BibTeX, CSL-JSON, RIS keep identity, authors, tags and note)', async () => {
    for (const [format, name] of [
      ['bibtex', 'x.bib'],
      ['csl-json', 'x.json'],
      ['ris', 'x.ris'],
    ] as const) {
      const plan = await planOf(name, await exportText(format, LIBRARY, NOW));
      expect(plan.rejected, format).toEqual([]);
      expect(
        plan.records.map((r) => [r.id, r.authors, r.tags, r.publishedAt, r.arxivId, r.doi]),
        format,
      ).toEqual(LIBRARY.map((r) => [r.id, r.authors.map((a) => (a === 'Smith, John' ? 'John Smith' : a)), r.tags, r.publishedAt, r.arxivId, r.doi]));
      // A single line break is a space in BibTeX, and RIS values are one line: only CSL-JSON keeps it.
      expect(plan.records[0]!.note, format).toBe(
        format === 'csl-json' ? 'Read section 3 first.\nCompare with [Smith 2019] *carefully*.' : 'Read section 3 first. Compare with [Smith 2019] *carefully*.',
      );
    }
  });

  it('reports a paper that appears twice in one file once, pointing at the first', async () => {
    const bib = '@misc{a, title={One}, eprint={2305.13169}}\n@misc{b, title={Again}, url={https://arxiv.org/abs/2305.13169v2}}\n';
    const plan = await planOf('dupes.bib', bib);
    expect(plan.records.map((r) => r.title)).toEqual(['One']);
    expect(plan.rejected).toEqual([{ index: 2, key: 'b', reason: 'same paper (arxiv:2305.13169) as entry 1' }]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('merging through library.importRecords', () => {
  const base = LIBRARY[2]!; // doi:10.1000/xyz.123
  const backupOf = async (records: SavedPaper[]) => exportText('backup', records, NOW);

  // Records without times (a version-1 backup, or saved before times were kept) count every user
  // field as changed at their updatedAt; tags unite (an old file cannot say a tag was removed).
  it('a newer edit in the file wins; tags unite', async () => {
    const lib = await seeded([rec({ ...base, tags: ['mine'], status: 'unread', updatedAt: 100 })]);
    const out = await importFile(lib, 'b.json', await backupOf([{ ...base, tags: ['theirs'], status: 'read', note: 'later', updatedAt: 200 }]));
    expect(out.kind === 'done' && out.counts).toEqual({ added: 0, updated: 1, unchanged: 0, rejected: 0 });
    const got = await lib.get(base.id);
    expect([got?.tags, got?.status, got?.note, got?.updatedAt]).toEqual([['mine', 'theirs'], 'read', 'later', 200]);
  });

  it('a newer edit on the shelf wins, and the paper counts as unchanged', async () => {
    const lib = await seeded([rec({ ...base, tags: ['mine'], status: 'reading', note: 'mine', updatedAt: 300 })]);
    const before = await lib.get(base.id);
    const out = await importFile(lib, 'b.json', await backupOf([{ ...base, tags: ['mine'], status: 'read', note: 'older', updatedAt: 200 }]));
    expect(out.kind === 'done' && out.counts).toEqual({ added: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(await lib.get(base.id)).toEqual(before);
    expect([before?.tags, before?.note, before?.status]).toEqual([['mine'], 'mine', 'reading']);
  });

  it('re-importing the same backup changes nothing', async () => {
    const lib = await seeded(LIBRARY);
    const before = sorted(await lib.all());
    const out = await importFile(lib, 'b.json', await backupOf(before));
    expect(out.kind === 'done' && out.counts).toEqual({ added: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect(sorted(await lib.all())).toEqual(before);
  });

  it('adds new papers and merges known ones in one go', async () => {
    const lib = await seeded([LIBRARY[0]!]);
    const out = await importFile(lib, 'b.json', await backupOf(LIBRARY));
    expect(out.kind === 'done' && out.counts).toEqual({ added: 3, updated: 0, unchanged: 1, rejected: 0 });
    expect(await lib.count()).toBe(4);
  });

  it('BibTeX / CSL-JSON / RIS never overwrite the shelf’s tags, note or status, but fill gaps', async () => {
    const lib = await seeded([rec({ ...base, tags: ['mine'], status: 'read', note: 'my note', updatedAt: 100 })]);
    const bib = '@article{s, title={A Journal Paper With a DOI}, doi={10.1000/XYZ.123}, keywords={theirs}, note={their note}, abstract={Filled in.}}';
    const out = await importFile(lib, 's.bib', bib, IMPORT_TIME);
    expect(out.kind === 'done' && out.counts).toEqual({ added: 0, updated: 1, unchanged: 0, rejected: 0 });
    const got = await lib.get(base.id);
    expect([got?.tags, got?.status, got?.note, got?.abstract, got?.title, got?.savedAt, got?.updatedAt]).toEqual([
      ['mine'],
      'read',
      'my note',
      'Filled in.',
      base.title,
      base.savedAt,
      100,
    ]);
  });

  it('papers new to the shelf get the file’s tags and note, saved now', async () => {
    const lib = freshLibrary();
    const out = await importFile(lib, 'n.ris', 'TY  - JOUR\nTI  - New\nDO  - 10.1000/new\nKW  - fresh\nN1  - hello\nER  - \n', IMPORT_TIME);
    expect(out.kind === 'done' && out.counts).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: 0 });
    const got = await lib.get('doi:10.1000/new');
    expect([got?.tags, got?.note, got?.status, got?.savedAt, got?.updatedAt]).toEqual([['fresh'], 'hello', 'unread', IMPORT_TIME, IMPORT_TIME]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('malformed files: a clear message, nothing written', () => {
  const cases: [string, string, string][] = [
    ['truncated-backup.json', fixture('truncated-backup.json'), 'JSON syntax error at position 528 (line 22, column 29): the file ends too early (is it truncated?)'],
    ['wrong-format.csv', fixture('wrong-format.csv'), 'Unrecognised file format: expected a PaperShelf JSON backup (.json), BibTeX (.bib), CSL-JSON (.json) or RIS (.ris)'],
    ['not-a-backup.json', fixture('not-a-backup.json'), "Not a PaperShelf backup: missing 'papers'"],
    ['empty-object.json', '{}', "Not a PaperShelf backup: missing 'format' and 'version' and 'papers'"],
    ['zotero.json', '{"format": "zotero", "version": 1, "papers": []}', `Not a PaperShelf backup: 'format' is "zotero", expected "papershelf-backup"`],
    ['future.json', '{"format": "papershelf-backup", "version": 3, "exportedAt": "x", "papers": []}', 'This backup is version 3, written by a newer PaperShelf; this one reads up to version 2. Update PaperShelf and try again.'],
    ['papers-not-list.json', '{"format": "papershelf-backup", "version": 1, "papers": {}}', "Not a PaperShelf backup: 'papers' is not a list"],
    ['syntax.json', '{\n  "papers": [1,, 2]\n}', "JSON syntax error at position 17 (line 2, column 16): expected a value, found \",\""],
    ['quotes.json', "{'format': 'papershelf-backup'}", 'JSON syntax error at position 1 (line 1, column 2): expected a property name in double quotes, found "\'"'],
    ['trailing.json', '{"papers": []} x', 'JSON syntax error at position 15 (line 1, column 16): expected the end of the file after the JSON value, found "x"'],
    ['string.json', '"hello"', 'Not a PaperShelf backup: the file holds a JSON string, not an object'],
    ['empty-list.json', '[]', 'CSL-JSON: the list is empty, no entries found'],
    ['comments.bib', '% only a comment\n@comment{nothing here}\n', 'BibTeX: no entries found'],
    ['truncated.bib', '@misc{a, title={Fine}}\n@misc{b, title={Trunc', 'BibTeX syntax error at line 2, column 22: expected "text", got EOF (the file ends inside an entry: is it truncated?)'],
    ['no-comma.bib', '@misc{a title={X}}', 'BibTeX syntax error at line 1, column 9: expected "comma", got "label"'],
    ['truncated.ris', 'TY  - JOUR\nTI  - One\nER  - \n\nTY  - JOUR\nTI  - Two\n', "RIS: the file ends inside record 2 (started at line 5, no 'ER  - ' line): is it truncated?"],
    ['headless.ris', 'TI  - No type\nER  - \n', "RIS: line 1 ('TI  - …') is outside a record: every record starts with 'TY  - '"],
    ['unclosed.ris', 'TY  - JOUR\nTI  - One\nTY  - JOUR\nTI  - Two\nER  - \n', "RIS: record 1 (line 1) has no 'ER  - ' line before the next record starts at line 3"],
    ['empty.bib', '  \n', 'The file is empty'],
    ['binary.json', 'PK\u0003\u0004\u0000\u0000zip', 'Not a text file: it holds binary data. Choose a JSON backup, BibTeX, CSL-JSON or RIS file.'],
  ];

  it.each(cases)('%s', async (name, text, message) => {
    const lib = await seeded(LIBRARY);
    const before = sorted(await lib.all());
    const out = await importFile(lib, name, text, IMPORT_TIME);
    expect(out).toEqual({ kind: 'error', error: message });
    expect(await lib.count()).toBe(LIBRARY.length);
    expect(sorted(await lib.all())).toEqual(before);
  });

  it('a byte-order mark is not an error', async () => {
    const plan = await planOf('bom.json', '\uFEFF' + (await exportText('backup', LIBRARY, NOW)));
    expect(plan.records).toHaveLength(4);
  });

  it('a commit that fails half-way writes nothing (one transaction)', async () => {
    const lib = await seeded([LIBRARY[0]!]);
    const before = await lib.all();
    const bad = { ...LIBRARY[1]!, status: 'finished' } as unknown as SavedPaper;
    const plan: ImportPlan = { fileName: 'x.json', format: 'backup', total: 3, records: [LIBRARY[2]!, LIBRARY[3]!, bad], rejected: [] };
    await expect(commitImport(lib, plan)).rejects.toThrow();
    expect(await lib.all()).toEqual(before);
  });

  it('finds JSON syntax errors where JSON.parse does', () => {
    for (const text of ['{"a": 1,, }', '[1,2', '{"a":"abc', '{"a": tru}', '[01]', '{"a":"\\x"}', '["\u0001"]', '{"a": -}', '1 2']) {
      expect(() => JSON.parse(text)).toThrow();
      expect(findJsonSyntaxError(text), text).not.toBeNull();
    }
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e+3, true, false, null, "\\u00e9\\n"]} ', '"x"', '0']) {
      expect(findJsonSyntaxError(text), text).toBeNull();
    }
    expect(findJsonSyntaxError('[1,2')).toEqual({ position: 4, line: 1, column: 5, problem: 'unexpected end of file', truncated: true });
    expect(describeJsonError('{"a": tru}', 'x')).toBe('JSON syntax error at position 6 (line 1, column 7): expected a value, found "t"');
  });
});

// ---------------------------------------------------------------------------------------------

describe('partial files: rejected entries listed, nothing written until confirmed', () => {
  it('a backup with broken records waits for confirmation, then imports the rest', async () => {
    const lib = await seeded([LIBRARY[3]!]);
    const out = await importFile(lib, 'partial-backup.json', fixture('partial-backup.json'), IMPORT_TIME);
    if (out.kind !== 'review') throw new Error(`expected a review, got ${out.kind}`);
    expect(out.plan.total).toBe(4);
    expect(out.plan.records.map((r) => r.id)).toEqual(['arxiv:2305.13169', 'arxiv:2401.00003']);
    expect(out.plan.rejected.map((r) => describeRejection(r, out.plan.format))).toEqual([
      'Paper 2 (arxiv:2401.00001): title: Too small: expected string to have >=1 characters; status: Invalid option: expected one of "unread"|"reading"|"read"',
      'Paper 3 (arxiv:2401.00002): links.page: must be an http(s) URL',
    ]);
    expect(await lib.count()).toBe(1);
    expect(await commitImport(lib, out.plan)).toEqual({ added: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect((await lib.all()).map((r) => r.id).sort()).toEqual(['arxiv:2305.13169', 'arxiv:2401.00003', 'url:https://example.com/posts/transformers']);
  });

  it('a BibTeX file with bad entries waits too', async () => {
    const lib = freshLibrary();
    const out = await importFile(lib, 'edge-cases.bib', fixture('edge-cases.bib'), IMPORT_TIME);
    expect(out.kind).toBe('review');
    expect(await lib.count()).toBe(0);
  });

  it('readBackup validates every paper on its own', () => {
    const read = readBackup({ format: BACKUP_FORMAT, version: 1, papers: [LIBRARY[0], 7, { ...LIBRARY[1], id: 'x' }] });
    expect(read.papers.map((p) => [p.index, p.paper.id])).toEqual([[1, 'arxiv:2305.13169']]);
    expect(read.rejected).toEqual([
      { index: 2, reason: 'not an object' },
      { index: 3, key: 'x', reason: 'id: Too small: expected string to have >=3 characters' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('backup round trip (property)', () => {
  const text = (min = 0) => fc.string({ unit: 'binary', minLength: min, maxLength: 40 });
  const url = fc
    .tuple(fc.constantFrom('https://arxiv.org/abs/', 'https://huggingface.co/papers/', 'http://example.org/', 'https://github.com/'), fc.stringMatching(/^[a-z0-9._~-]{0,12}$/))
    .map(([a, b]) => a + b);
  const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
  const count = fc.integer({ min: 0, max: 1_000_000 });
  const isoDate = fc
    .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const source = fc.record({ site: text(1), url, firstSeenAt: time, lastSeenAt: time });
  const opt = { requiredKeys: [] as never[] };

  const paper = fc
    .record(
      {
        id: text(3),
        title: text(1),
        authors: fc.array(text(), { maxLength: 4 }),
        authorCount: count,
        abstract: text(),
        publishedAt: isoDate,
        arxivId: text(),
        arxivVersion: fc.integer({ min: 1, max: 20 }),
        doi: text(),
        comments: text(),
        subjects: fc.array(text(), { maxLength: 3 }),
        links: fc.record({ page: url, abs: url, pdf: url, code: url, project: url }, opt),
        thumbnail: url,
        signals: fc.record(
          { upvotes: count, comments: count, githubRepo: url, githubStars: count, organization: text(1), keywords: fc.array(text(1), { maxLength: 3 }) },
          opt,
        ),
        signalsSeenAt: time,
        sources: fc.array(source, { maxLength: 3 }),
        tags: fc.array(text(1), { maxLength: 4 }),
        note: text(),
        status: fc.constantFrom('unread', 'reading', 'read'),
        savedAt: time,
        updatedAt: time,
      },
      { requiredKeys: ['id', 'title', 'authors', 'links', 'signals', 'sources', 'tags', 'note', 'status', 'savedAt', 'updatedAt'] },
    )
    .map((p) => rec(p as Omit<SavedPaper, 'words'>));
  const library = fc.uniqueArray(paper, { selector: (p) => p.id, maxLength: 12 });

  it('export JSON backup -> import into an empty library gives identical records', async () => {
    await fc.assert(
      fc.asyncProperty(library, async (generated) => {
        // The library as stored (derived fields such as words filled in by the library itself).
        const source = await seeded(generated);
        const papers = sorted(await source.all());
        expect(papers).toHaveLength(generated.length);
        const text = await exportText('backup', papers, NOW);
        const lib = freshLibrary();
        const out = await importFile(lib, 'papershelf-backup.json', text);
        expect(out.kind).toBe('done');
        expect(out.kind === 'done' && out.counts).toEqual({ added: papers.length, updated: 0, unchanged: 0, rejected: 0 });
        expect(sorted(await lib.all())).toEqual(papers);
      }),
      { numRuns: 50 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('bundle boundary', () => {
  // Value imports only: `import type` / `export type` are erased from the bundle.
  const IMPORT = /^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

  function resolve(from: string, spec: string): string | null {
    let base: string;
    if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
    else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
    else return `pkg:${spec}`;
    for (const ext of ['.ts', '.tsx', '/index.ts', '/index.tsx', '']) {
      if (existsSync(base + ext) && /\.(ts|tsx)$/.test(base + ext)) return base + ext;
    }
    return null;
  }

  /** Every module an entry reaches, static or dynamic imports alike. */
  function graph(entry: string): string[] {
    const seen = new Set<string>();
    const todo = [entry];
    while (todo.length) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (file.startsWith('pkg:')) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const dep = resolve(file, (m[1] ?? m[2] ?? m[3])!);
        if (dep) todo.push(dep);
      }
    }
    return [...seen].map((f) => (f.startsWith('pkg:') ? f : path.relative(ROOT, f)));
  }

  it('citation-js and lib/exchange stay out of the content script and the popup', () => {
    for (const entry of ['entrypoints/huggingface.content.ts', 'entrypoints/arxiv.content.ts', 'entrypoints/popup/main.tsx', 'entrypoints/background.ts']) {
      const files = graph(path.join(ROOT, entry));
      expect(files.length, entry).toBeGreaterThan(1);
      // Send to Zotero runs from the popup and the background: its modules (lib/exchange/zotero*.ts)
      // and the name split they share with CSL (csl.ts, no dependencies) are the exception.
      // The library records every edit's time and merges imports with merge.ts (pure, no
      // citation-js), so it is in every extension page that writes; the background writes the
      // daily snapshot, a backup (backup.ts, with its FormatError).
      // The background's folder sync reads device files with the import (backups only, never
      // citation-js: see the next test).
      const allowed = entry.endsWith('.content.ts')
        ? /^$/
        : entry.endsWith('background.ts')
          ? /^lib\/exchange\/(?:zotero[\w-]*|csl|merge|backup|errors|import|json-syntax|citation)\.ts$|^pkg:@citation-js\//
          : /^lib\/exchange\/(?:zotero[\w-]*|csl|merge|backup|errors)\.ts$/;
      expect(files.filter((f) => /^pkg:@citation-js|lib\/exchange\//.test(f) && !allowed.test(f)), entry).toEqual([]);
    }
  });

  it('the background reaches citation-js only through the import’s dynamic import, which a device file never runs', async () => {
    // A service worker cannot import(): folder sync reads backups only (ReadOptions.backupOnly).
    const staticGraph = (entry: string): string[] => {
      const seen = new Set<string>();
      const todo = [path.join(ROOT, entry)];
      while (todo.length) {
        const file = todo.pop()!;
        if (seen.has(file) || file.startsWith('pkg:')) continue;
        seen.add(file);
        for (const m of readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s(?!type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
          const dep = resolve(file, m[1]!);
          if (dep) todo.push(dep);
        }
      }
      return [...seen].map((f) => path.relative(ROOT, f));
    };
    const reached = staticGraph('entrypoints/background.ts');
    expect(reached).toContain('lib/exchange/import.ts');
    expect(reached.filter((f) => /citation/.test(f))).toEqual([]);
    for (const [name, text] of [
      ['papershelf-x.json', '[{"id": "a", "type": "article", "title": "CSL"}]'],
      ['papershelf-y.bib', '@article{k, title={BibTeX}}'],
      ['papershelf-z.ris', 'TY  - JOUR\nTI  - RIS\nER  - '],
    ] as const) {
      expect(await readImportFile(name, text, { backupOnly: true }), name).toEqual({ ok: false, error: 'not a PaperShelf backup or device file' });
    }
  });

  it('the options page reaches citation-js only through a dynamic import', () => {
    expect(graph(path.join(ROOT, 'entrypoints/options/main.tsx'))).toContain('pkg:@citation-js/core');
    // Static value imports (not `import type`) of lib/exchange/citation or citation-js itself.
    const staticImports = (file: string) =>
      [...readFileSync(path.join(ROOT, file), 'utf8').matchAll(/^\s*import\s+(?!type\s)[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const file of ['lib/exchange/export.ts', 'lib/exchange/import.ts', 'lib/exchange/backup.ts', 'lib/exchange/csl.ts', 'entrypoints/options/App.tsx']) {
      expect(staticImports(file).filter((s) => /citation/.test(s)), file).toEqual([]);
    }
  });
});

describe('huge and duplicate-heavy files', () => {
  const base = LIBRARY[0]!;
  const many = (n: number, id: (i: number) => string) =>
    JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2026-11-27T00:00:00.000Z', papers: Array.from({ length: n }, (_, i) => ({ ...base, id: id(i) })) });

  it('a 10,000-paper backup imports in one go with exact counts', async () => {
    const lib = await seeded([]);
    const text = many(10_000, (i) => `arxiv:2601.${String(i).padStart(5, '0')}`);
    const out = await importFile(lib, 'big.json', text);
    expect(out.kind).toBe('done');
    if (out.kind === 'done') expect(out.counts).toEqual({ added: 10_000, updated: 0, unchanged: 0, rejected: 0 });
    expect(await lib.count()).toBe(10_000);
  }, 120_000);

  it('5,000 copies of one paper: one record, the rest listed as duplicates, nothing written before confirm', async () => {
    const lib = await seeded([]);
    const out = await importFile(lib, 'dups.json', many(5_000, () => 'arxiv:2601.00001'));
    expect(out.kind).toBe('review');
    if (out.kind !== 'review') return;
    expect([out.plan.records.length, out.plan.rejected.length]).toEqual([1, 4_999]);
    expect(await lib.count()).toBe(0);
    expect(await commitImport(lib, out.plan)).toEqual({ added: 1, updated: 0, unchanged: 0, rejected: 4_999 });
    expect(await lib.count()).toBe(1);
  }, 60_000);

  it('a file over the size limit is refused before parsing and writes nothing', async () => {
    const lib = await seeded(LIBRARY);
    const before = sorted(await lib.all());
    const res = await readImportFile('big.json', many(50, (i) => `arxiv:2601.${String(i).padStart(5, '0')}`), { maxChars: 1000 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/^The file is too large \(\d+\.\d million characters; the limit is 0\.001 million\)\. Nothing was imported\.$/);
    expect(sorted(await lib.all())).toEqual(before);
  });
});
