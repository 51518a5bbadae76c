/**
 * Conformance: the ACL Anthology adapter on real pages saved by other public projects
 * (../shared/fixtures/pages/aclanthology, beside the project; see SOURCES.tsv there). That folder
 * is not part of the project, so this suite skips cleanly where it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PaperDraft } from '../lib/draft';
import { adapterFor } from '../lib/sites/index';
import { pageReader, REAL_PAGES } from './helpers/real-pages';

const DIR = path.join(REAL_PAGES, 'aclanthology');
const PERSON_2026 = path.join(DIR, 'person-andreas-madsack-2026.html');
const PERSON_2021 = path.join(DIR, 'person-andreas-madsack-2021.html');
const PAPER = path.join(DIR, 'paper-2021.naacl-main.208.html');

/** What extractAll reads of a page, every draft checked against PaperDraft. */
const run = pageReader();

/** Each paper as [id, title, number of authors, venue, year, has an abstract]. */
const summary = (papers: PaperDraft[]) => papers.map((p) => [p.id, p.title, p.authors.length, p.venue, p.year, p.abstract !== undefined]);

const VOLUMES = {
  in2writing: 'Proceedings of the First Workshop on Intelligent and Interactive Writing Assistants (In2Writing 2022)',
  sigmorphon: 'Proceedings of the 16th Workshop on Computational Research in Phonetics, Phonology, and Morphology',
  inlg11: 'Proceedings of the 11th International Conference on Natural Language Generation',
  msr: 'Proceedings of the First Workshop on Multilingual Surface Realisation',
  conll: 'Proceedings of the CoNLL–SIGMORPHON 2018 Shared Task: Universal Morphological Reinflection',
  inlg10: 'Proceedings of the 10th International Conference on Natural Language Generation',
};
const TITLES = {
  sigmorphon: 'AX Semantics’ Submission to the SIGMORPHON 2019 Shared Task',
  rest: 'Multi-Language Surface Realisation as REST API based NLG Microservice',
  msr: 'AX Semantics’ Submission to the Surface Realization Shared Task 2018',
  conll: 'AX Semantics’ Submission to the CoNLL–SIGMORPHON 2018 Shared Task',
  nlg: 'A working, non-trivial, topically indifferent NLG System for 17 languages',
};

describe.skipIf(!existsSync(PERSON_2026))('conformance: real ACL Anthology person page (2026 markup)', () => {
  const url = 'https://aclanthology.org/people/andreas-madsack/';

  it('finds all 6 entries with exact titles, author counts, volumes, years and the 5 collapsed abstracts', () => {
    const result = run(PERSON_2026, url);
    expect([result.adapter, result.kind, result.skipped]).toEqual(['acl', 'person', 0]);
    expect(summary(result.papers)).toEqual([
      ['acl:2022.in2writing-1.1', 'Data-to-text systems as writing environment', 5, VOLUMES.in2writing, 2022, true],
      ['acl:W19-4201', TITLES.sigmorphon, 2, VOLUMES.sigmorphon, 2019, true],
      ['acl:W18-6560', TITLES.rest, 6, VOLUMES.inlg11, 2018, true],
      ['acl:W18-3607', TITLES.msr, 6, VOLUMES.msr, 2018, true],
      ['acl:K18-3004', TITLES.conll, 4, VOLUMES.conll, 2018, false],
      ['acl:W17-3524', TITLES.nlg, 2, VOLUMES.inlg10, 2017, true],
    ]);
  });

  it('reads the whole first entry: names in order, abstract, links', () => {
    const [first] = run(PERSON_2026, url).papers;
    expect(first).toStrictEqual({
      id: 'acl:2022.in2writing-1.1',
      site: 'acl',
      pageUrl: url,
      siteId: '2022.in2writing-1.1',
      title: 'Data-to-text systems as writing environment',
      authors: ['Adela Schneider', 'Andreas Madsack', 'Johanna Heininger', 'Ching-Yi Chen', 'Robert Weißgraeber'],
      abstract: expect.stringMatching(/^Today, data-to-text systems are used as commercial solutions .* are then derived\.$/) as unknown as string,
      venue: VOLUMES.in2writing,
      year: 2022,
      links: {
        page: 'https://aclanthology.org/2022.in2writing-1.1/',
        pdf: 'https://aclanthology.org/2022.in2writing-1.1.pdf',
        bib: 'https://aclanthology.org/2022.in2writing-1.1.bib',
      },
      signals: {},
    });
  });
});

describe.skipIf(!existsSync(PERSON_2021))('conformance: real ACL Anthology person page (2021 markup, old host)', () => {
  const url = 'https://www.aclweb.org/anthology/people/a/andreas-madsack/';

  it('the old host is read (detect only: no permission is asked for it)', () => {
    expect(adapterFor(url)).toMatchObject({ kind: 'person' });
    expect(adapterFor(url)!.adapter.id).toBe('acl');
  });

  it('finds all 5 entries with exact titles, author counts, volumes and years', () => {
    const result = run(PERSON_2021, url);
    expect([result.adapter, result.kind, result.skipped]).toEqual(['acl', 'person', 0]);
    expect(summary(result.papers)).toEqual([
      ['acl:W19-4201', TITLES.sigmorphon, 2, VOLUMES.sigmorphon, 2019, true],
      ['acl:K18-3004', TITLES.conll, 4, VOLUMES.conll, 2018, false],
      ['acl:W18-3607', TITLES.msr, 6, VOLUMES.msr, 2018, true],
      ['acl:W18-6560', TITLES.rest, 6, VOLUMES.inlg11, 2018, true],
      ['acl:W17-3524', TITLES.nlg, 2, VOLUMES.inlg10, 2017, true],
    ]);
  });

  it('keys each paper as the 2026 page does, links its canonical page and the PDF the old page links', () => {
    const papers = run(PERSON_2021, url).papers;
    const w18 = papers.find((p) => p.id === 'acl:W18-6560')!;
    expect(w18.authors).toEqual(['Andreas Madsack', 'Johanna Heininger', 'Nyamsuren Davaasambuu', 'Vitaliia Voronik', 'Michael Käufl', 'Robert Weißgraeber']);
    expect(w18.links).toStrictEqual({
      page: 'https://aclanthology.org/W18-6560/',
      pdf: 'https://www.aclweb.org/anthology/W18-6560.pdf',
      bib: 'https://www.aclweb.org/anthology/W18-6560.bib',
    });
    expect(w18.abstract).toMatch(/^We present a readily available API .* by the integrator\.$/);
  });
});

describe.skipIf(!existsSync(PAPER))('conformance: real ACL Anthology paper page', () => {
  const url = 'https://aclanthology.org/2021.naacl-main.208/';

  it('finds exactly the one paper, keyed by its anthology id, with its DOI as a field', () => {
    const result = run(PAPER, url);
    expect([result.adapter, result.kind, result.skipped, result.papers.length]).toEqual(['acl', 'paper', 0, 1]);
    const [p] = result.papers;
    expect({ ...p, abstract: p!.abstract?.slice(0, 60) }).toStrictEqual({
      id: 'acl:2021.naacl-main.208',
      site: 'acl',
      pageUrl: url,
      siteId: '2021.naacl-main.208',
      title: 'How many data points is a prompt worth?',
      // The Anthology's names for the people (the meta tags say "Alexander M. Rush", as printed).
      authors: ['Teven Le Scao', 'Alexander Rush'],
      abstract: 'When fine-tuning pretrained models for classification, resea',
      doi: '10.18653/v1/2021.naacl-main.208',
      venue: 'Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics: Human Language Technologies',
      year: 2021,
      links: { page: url, pdf: 'https://aclanthology.org/2021.naacl-main.208.pdf' },
      signals: {},
    });
    expect(p!.abstract).toMatch(/worth 100s of data points on average across classification tasks\.$/);
  });
});
