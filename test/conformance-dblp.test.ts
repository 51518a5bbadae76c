/**
 * Conformance: the dblp adapter on a real person page saved by another public project
 * (../shared/fixtures/pages/dblp, beside the project; see SOURCES.tsv there). That folder is not
 * part of the project, so this suite skips cleanly where it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/draft';
import { pageReader, REAL_PAGES } from './helpers/real-pages';

const PERSON = path.join(REAL_PAGES, 'dblp', 'person-aaron-clauset-2015.html');

describe.skipIf(!existsSync(PERSON))('conformance: real dblp person page (Aaron Clauset, 2015 markup)', () => {
  const url = 'http://dblp.uni-trier.de/pers/hd/c/Clauset:Aaron';
  const read = pageReader();
  const run = () => read(PERSON, url);

  it('finds exactly the 31 entries, none skipped, every draft valid', () => {
    const result = run();
    expect([result.adapter, result.kind, result.skipped, result.papers.length]).toEqual(['dblp', 'person', 0, 31]);
    for (const p of result.papers) expect(PaperDraft.parse(p)).toStrictEqual(p);
    // dblp's closing period is not part of a title; no title is empty.
    for (const p of result.papers) expect(p.title).toMatch(/^\S.*[^.\s]$/);
  });

  it('keys every entry: the 19 CoRR entries by their arXiv ids, 9 by DOI (doi.org and doi.acm.org), 3 by dblp key', () => {
    const ids = run().papers.map((p) => p.id);
    expect(ids).toEqual([
      'dblp:conf/aaai/PeelC15',
      'arxiv:1503.06772',
      'arxiv:1504.05872',
      'arxiv:1506.06179',
      'arxiv:1507.01266',
      'arxiv:1507.04001',
      'doi:10.1186/1471-2105-15-220',
      'arxiv:1403.0989',
      'arxiv:1403.2933',
      'arxiv:1404.0431',
      'arxiv:1411.4070',
      'doi:10.1371/journal.pcbi.1003268',
      'doi:10.1145/2441776.2441820',
      'dblp:conf/icwsm/MerrittJMC13',
      'arxiv:1303.6372',
      'arxiv:1304.1039',
      'arxiv:1305.5782',
      'arxiv:1306.4363',
      'arxiv:1310.4461',
      'arxiv:1203.2268',
      'arxiv:1209.0089',
      'arxiv:1103.0949',
      'doi:10.1145/1538902.1538905',
      'doi:10.1137/070710111',
      'dblp:conf/aaaiss/EagleCQ09',
      'doi:10.1007/978-3-642-01516-8_23',
      'arxiv:physics/0610051',
      'doi:10.1021/ci0500839',
      'doi:10.1145/1060590.1060693',
      'arxiv:cond-mat/0503087',
      'doi:10.1007/s10822-004-5321-2',
    ]);
    const papers = run().papers;
    const corr = papers.filter((p) => p.siteId?.startsWith('journals/corr/'));
    expect(corr).toHaveLength(19);
    for (const p of corr) expect([p.id, p.venue, p.links.abs]).toEqual([`arxiv:${p.arxivId}`, 'CoRR', `https://arxiv.org/abs/${p.arxivId}`]);
  });

  it('reads exact titles (dblp period dropped, inner periods kept), author counts, venues and years', () => {
    const summary = run().papers.map((p) => [p.title, p.authors.length, p.venue, p.year]);
    expect(summary[0]).toEqual(['Detecting Change Points in the Large-Scale Structure of Evolving Networks', 2, 'AAAI', 2015]);
    expect(summary[1]).toEqual(['Assembling thefacebook: Using heterogeneity to understand online social network assembly', 4, 'CoRR', 2015]);
    expect(summary[12]).toEqual(['Friends FTW! friendship and competition in halo: reach', 2, 'CSCW', 2013]);
    expect(summary[17]).toEqual(['Social Network Dynamics in a Massive Online Game: Network Turnover, Non-densification, and Team Engagement in Halo Reach', 2, 'CoRR', 2013]);
    expect(summary[23]).toEqual(['Power-Law Distributions in Empirical Data', 3, 'SIAM Review', 2009]);
    expect(summary[24]).toEqual(['Location Segmentation, Inference and Prediction for Anticipatory Computing', 3, 'AAAI Spring Symposium: Technosocial Predictive Analytics', 2009]);
    expect(summary[27]).toEqual(['Supervised Self-Organizing Maps in Drug Discovery. 1. Robust Behavior with Overdetermined Data Sets', 6, 'Journal of Chemical Information and Modeling', 2005]);
    expect(summary[30]).toEqual(['Genetic algorithms and self-organizing maps: a powerful combination for modeling complex QSAR and QSPR problems', 6, 'Journal of Computer-Aided Molecular Design', 2004]);
    expect(summary.map(([, n]) => n)).toEqual([2, 4, 2, 5, 5, 2, 4, 2, 3, 3, 2, 3, 2, 4, 4, 2, 3, 2, 2, 2, 2, 3, 4, 3, 3, 3, 3, 6, 4, 4, 6]);
  });

  it('reads whole records: a CoRR entry (old key, arXiv link) and a journal article (DOI)', () => {
    const papers = run().papers;
    expect(papers[1]).toStrictEqual({
      id: 'arxiv:1503.06772',
      site: 'dblp',
      pageUrl: url,
      siteId: 'journals/corr/JacobsWUC15',
      title: 'Assembling thefacebook: Using heterogeneity to understand online social network assembly',
      authors: ['Abigail Z. Jacobs', 'Samuel F. Way', 'Johan Ugander', 'Aaron Clauset'],
      arxivId: '1503.06772',
      venue: 'CoRR',
      year: 2015,
      links: {
        page: 'https://dblp.org/rec/journals/corr/JacobsWUC15.html',
        abs: 'https://arxiv.org/abs/1503.06772',
        pdf: 'https://arxiv.org/pdf/1503.06772',
        bib: 'http://dblp.uni-trier.de/rec/bibtex/journals/corr/JacobsWUC15',
      },
      signals: {},
    });
    expect(papers[23]).toStrictEqual({
      id: 'doi:10.1137/070710111',
      site: 'dblp',
      pageUrl: url,
      siteId: 'journals/siamrev/ClausetSN09',
      title: 'Power-Law Distributions in Empirical Data',
      authors: ['Aaron Clauset', 'Cosma Rohilla Shalizi', 'Mark E. J. Newman'],
      doi: '10.1137/070710111',
      venue: 'SIAM Review',
      year: 2009,
      links: {
        page: 'https://dblp.org/rec/journals/siamrev/ClausetSN09.html',
        abs: 'http://dx.doi.org/10.1137/070710111',
        bib: 'http://dblp.uni-trier.de/rec/bibtex/journals/siamrev/ClausetSN09',
      },
      signals: {},
    });
  });
});
