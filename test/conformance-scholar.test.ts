/**
 * Conformance: the Google Scholar adapter on real pages saved by other public projects
 * (../shared/fixtures/pages/google-scholar, beside the project; see SOURCES.tsv there for each
 * page's URL). That folder is not part of the project, so each suite skips cleanly where it is
 * absent. Titles and author counts below were read from the page source, not from the adapter.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PaperDraft } from '../lib/draft';
import { pageReader, REAL_PAGES } from './helpers/real-pages';

const DIR = path.join(REAL_PAGES, 'google-scholar');
const page = (name: string) => path.join(DIR, name);

/** What extractAll reads of a page, every draft checked against PaperDraft. */
const read = pageReader();

function run(file: string, url: string) {
  const result = read(file, url);
  expect(result.adapter).toBe('scholar');
  // No label ever reaches a title, and no title is empty.
  for (const p of result.papers) expect(p.title).not.toMatch(/^\s*$|\[(?:PDF|HTML|CITATION|C|BOOK|B)\]/);
  return result;
}

/** [id, title, names shown, authorCount (a lower bound when the list is cut), venue, year, cited by, has a PDF link] */
const summary = (papers: PaperDraft[]) =>
  papers.map((p) => [p.id, p.title, p.authors.length, p.authorCount ?? null, p.venue ?? null, p.year ?? null, p.signals.citedBy ?? null, p.links.pdf !== undefined]);

const SEARCH_2025 = page('search-algorithmic-trading-2025.html');
describe.skipIf(!existsSync(SEARCH_2025))('conformance: real Scholar search (2025 markup)', () => {
  it('reads all 10 results (not the alert box) with exact titles, authors, venues, years, citations, DOIs and PDF links', () => {
    const result = run(SEARCH_2025, 'https://scholar.google.com/scholar?q=algorithmic+trading+strategies+cryptocurrency');
    expect([result.kind, result.skipped]).toEqual(['search', 0]);
    expect(summary(result.papers)).toEqual([
      ['scholar:11856305704398308082', 'The complexity of cryptocurrencies algorithmic trading', 2, null, 'Mathematics', 2022, 12, false],
      ['scholar:12263410161130608362', 'Algorithmic Trading and Cryptocurrency-a literature review and key findings', 2, null, null, 2022, 2, false],
      ['doi:10.1186/s40854-021-00321-6', 'Cryptocurrency trading: a comprehensive survey', 4, 5, 'Financial Innovation', 2022, 524, true],
      ['scholar:1214424648565160525', 'Algorithmic trading for cryptocurrencies', 1, null, null, 2018, 3, true],
      ['doi:10.1098/rsos.150288', 'Social signals and algorithmic trading of Bitcoin', 2, null, 'Royal Society open science', 2015, 270, true],
      ['scholar:16062561895282047672', 'From prediction to profit: A comprehensive review of cryptocurrency trading strategies and price forecasting techniques', 2, null, 'IEEE Access', 2024, 10, true],
      ['doi:10.1007/s10614-020-09972-6', 'Optimizing algorithmic strategies for trading bitcoin', 1, null, 'Computational Economics', 2021, 16, true],
      ['scholar:4569561885243614045', 'Automated Trading in Cryptocurrency Markets: Strategies, Impacts, and Future Directions', 3, 4, '2025 IEEE International …', 2025, null, false],
      ['scholar:10286854746445687079', 'A profitable trading algorithm for cryptocurrencies using a neural network model', 3, null, 'Expert Systems with Applications', 2024, 17, false],
      ['scholar:10837555969837533389', 'Algorithmic trading: An overview and evaluation of its impact on financial markets', 1, null, null, 2023, 12, true],
    ]);
    const [first, , survey] = result.papers;
    // "[HTML] mdpi.com" is a side link but not a PDF; the cut list keeps the names shown.
    expect(first!.links).toEqual({ page: 'https://www.mdpi.com/2227-7390/10/12/2037' });
    expect(first!.authors).toEqual(['G Cohen', 'M Qadan']);
    expect(survey!.authors).toEqual(['F Fang', 'C Ventre', 'M Basios', 'L Kanthan']);
    expect(survey!.links.pdf).toBe('https://link.springer.com/content/pdf/10.1186/s40854-021-00321-6.pdf');
    expect(survey!.siteId).toBe('10768036327767186557');
  });
});

const SEARCH_2020 = page('search-olympus-range-geology-2020.html');
describe.skipIf(!existsSync(SEARCH_2020))('conformance: real Scholar search (2020 markup, a [CITATION] result)', () => {
  it('reads all 10 results with exact titles (labels dropped) and author counts', () => {
    const url =
      'https://scholar.google.com/scholar?q=Geology+of+the+Olympus+Range+area,+southern+Victoria+Land,+Antarctica.+Isaac+M.J.,+Chinn+T.J.,+Edbrooke+S.W.,+Forsyth+P.J.+1996';
    const result = run(SEARCH_2020, url);
    expect([result.kind, result.skipped]).toEqual(['search', 0]);
    expect(summary(result.papers)).toEqual([
      ['scholar:15801554877513113826', 'Geology of the Olympus Range Area, Southern Victoria Land', 4, null, 'Antarctica. Institute of Geological and …', 1996, 4, false],
      ['scholar:8188755959889491825', 'Plutonic rocks from the Cape Roberts hinterland: Wilson piedmont glacier, southern Victoria land, Antarctica', 3, null, 'Terra Antartica', 2002, 6, true],
      ['scholar:1028023830281731192', 'Initiation of magmatism during the Cambrian–Ordovician Ross orogeny in southern Victoria Land, Antarctica', 2, null, 'Geological Society of …', 2002, 80, false],
      ['scholar:716425436796531572', 'The Southern Hemisphere glacial record-Antarctica and New Zealand', 1, null, 'Papers and Proceedings of the Royal Society of …', 1996, 7, true],
      ['scholar:2947005836527292841', '… erosion, uplift and unroofing of the Transantarctic Mountains deduced from sandstone detrital modes in CRP-3 drillcore, Victoria Land Basin, Antarctica', 1, null, 'Terra Antartica', 2001, 30, true],
      ['scholar:10850020273222537549', 'Variations in crustal structure across the transition from West to East Antarctica, Southern Victoria Land', 3, 4, 'Geophysical Journal …', 2003, 92, false],
      ['doi:10.1002/jqs.691', 'Glacial Lake Victoria, a high‐level Antarctic lake inferred from lacustrine deposits in Victoria Valley', 3, 4, 'Journal of Quaternary …', 2002, 67, false],
      ['scholar:15772782479538650947', 'Late Cenozoic paleoenvironment in southern Victoria Land, Antarctica, based on a polar glaciolacustrine deposit in western Victoria Valley', 3, null, 'Geological Society of …', 2002, 18, false],
      ['scholar:8107057670385203068', 'Age of Sirius Group on Mount Feather, McMurdo Dry Valleys, Antarctica, based on glaciological inferences from the overridden mountain range of Scandinavia', 2, null, 'Global and Planetary Change', 1999, 41, false],
      ['scholar:2445773960792234109', 'Surficial geology and geomorphology of the western Olympus Range, Antarctica: Implications for ice-sheet history', 1, null, null, 2002, 3, true],
    ]);
    // The [CITATION] has no link; its bolded author names are names.
    expect(result.papers[0]!.links).toEqual({});
    expect(result.papers[0]!.authors).toEqual(['MJ Isaac', 'TJ Chinn', 'SW Edbrooke', 'PJ Forsyth']);
  });
});

const SEARCH_2016 = page('search-learning-deep-architectures-2016.html');
describe.skipIf(!existsSync(SEARCH_2016))('conformance: real Scholar search (2016 markup)', () => {
  it('reads its one result ("Showing the best result for this search") with the cluster id from its links', () => {
    const url = 'https://scholar.google.co.jp/scholar?hl=en&q=%22Learning+deep+architectures+for+AI%22&as_ylo=&as_yhi=&start=&num=';
    const result = run(SEARCH_2016, url);
    expect([result.kind, result.skipped]).toEqual(['search', 0]);
    expect(summary(result.papers)).toEqual([
      ['scholar:5331804836605365413', 'Learning deep architectures for AI', 1, null, 'Foundations and trends® in Machine Learning', 2009, 2441, true],
    ]);
    expect(result.papers[0]!.authors).toEqual(['Y Bengio']);
    expect(result.papers[0]!.links).toEqual({
      page: 'http://dl.acm.org/citation.cfm?id=1658424',
      pdf: 'http://sanghv.com/download/soft/machine%20learning,%20artificial%20intelligence,%20mathematics%20ebooks/ML/learning%20deep%20architectures%20for%20AI%20(2009).pdf',
    });
  });
});

const PROFILE_2026 = page('profile-amIMrIEAAAAJ-2026.html');
describe.skipIf(!existsSync(PROFILE_2026))('conformance: real Scholar profile (2026)', () => {
  it('reads all 20 rows with exact titles, author counts, years and citations', () => {
    const result = run(PROFILE_2026, 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en');
    expect([result.kind, result.skipped, result.papers.length]).toEqual(['profile', 0, 20]);
    const rows = summary(result.papers);
    expect(rows[0]).toEqual([
      'scholar:1527366344147329058',
      'Optimization of Data Structures and Trade-Offs with Concurrency Control in Multithread Software Structures Using Artificial Intelligence',
      2,
      null,
      '2024 IEEE International Conference on Computing, Power and Communication …',
      2024,
      131,
      false,
    ]);
    expect(rows[7]).toEqual([
      'scholar:7215649169692174430',
      'Enhanced Trimodal Emotion Recognition Using Multibranch Fusion Attention with Epistemic Neural Networks and Fire Hawk Optimization',
      1,
      null,
      'Journal of Machine and Computing 5 (1)',
      2025,
      13,
      false,
    ]);
    expect(rows[17]).toEqual([
      'scholar:10218293741918426908',
      'Enhancing Web Application Performance with AI - Driven Optimization Techniques',
      1,
      null,
      'International Journal of Science and Research (IJSR) 10 (2), 1779-1788',
      2021,
      3,
      false,
    ]);
    expect(rows[19]).toEqual([
      'scholar:17326328149552601626',
      'Scalable machine learning model deployment using serverless cloud architectures',
      1,
      null,
      'World Journal of Advanced Engineering Technology and Sciences ((WJAETS) 5 (1 …',
      2022,
      1,
      false,
    ]);
    expect(result.papers.map((p) => p.authors.length)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(result.papers.map((p) => p.year)).toEqual([2024, 2024, 2024, 2019, 2020, 2020, 2020, 2025, 2024, 2024, 2024, 2019, 2024, 2024, 2025, 2024, 2022, 2021, 2024, 2022]);
    expect(result.papers.map((p) => p.signals.citedBy)).toEqual([131, 81, 33, 30, 27, 18, 14, 13, 13, 13, 12, 9, 8, 7, 5, 3, 3, 3, 1, 1]);
    expect(result.papers[0]!.links.page).toBe(
      'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=amIMrIEAAAAJ&citation_for_view=amIMrIEAAAAJ:u5HHmVD_uO8C',
    );
  });
});

const PROFILE_2016 = page('profile-susan-shepler.html');
describe.skipIf(!existsSync(PROFILE_2016))('conformance: real Scholar profile (2016, data-href links, merged citations)', () => {
  it('reads all 20 rows; rows citing several clusters are known by their citation page', () => {
    const result = run(PROFILE_2016, 'http://scholar.google.com/citations?user=A5NhLJkAAAAJ&hl=en');
    expect([result.kind, result.skipped, result.papers.length]).toEqual(['profile', 0, 20]);
    const rows = summary(result.papers);
    expect(rows[0]).toEqual([
      'scholar:17455492728027388341',
      'The rites of the child: Global discourses of youth and reintegrating child soldiers in Sierra Leone',
      1,
      null,
      'Journal of Human Rights 4 (2), 197-211',
      2005,
      156,
      false,
    ]);
    expect(rows[2]).toEqual([
      'url:https://scholar.google.com/citations?citation_for_view=A5NhLJkAAAAJ%3A9yKSN-GCB0IC&view_op=view_citation',
      'The social and cultural context of child soldiering in Sierra Leone',
      1,
      null,
      'PRIO-sponsored Workshop on Techniques of Violence in Civil War, Oslo',
      2004,
      58,
      false,
    ]);
    // "IM Schwartz, R Acholonu, GN Ayittey, R Dibie, K Kalu, C Bakwesegha, ...": six shown, more exist.
    expect(rows[7]).toEqual(['scholar:2767737970396513929', 'Conflict resolution and peace education in Africa', 6, 7, 'Lexington Books', 2003, 28, false]);
    expect(rows[10]![1]).toBe('"We Know Who is Eating the Ebola Money!": Corruption, the State, and the Ebola Response');
    expect(rows[19]).toEqual(['scholar:10199900368582209076', 'Producing ebola: creating knowledge in and about an epidemic', 2, null, 'Anthropological Quarterly 90 (2), 349-368', 2017, 8, false]);
    expect(result.papers.map((p) => p.authors.length)).toEqual([1, 1, 1, 1, 1, 1, 3, 6, 2, 1, 1, 1, 3, 2, 2, 1, 1, 1, 1, 2]);
    expect(result.papers.map((p) => p.year)).toEqual([2005, 2014, 2004, 2005, 2002, 2010, 2016, 2003, 2011, 2004, 2017, 2011, 2002, 2017, 2012, 2010, 2014, 2011, 2003, 2017]);
    expect(result.papers.map((p) => p.signals.citedBy)).toEqual([156, 64, 58, 57, 53, 41, 36, 28, 26, 25, 22, 18, 14, 11, 10, 10, 9, 9, 9, 8]);
    expect(result.papers.filter((p) => p.id.startsWith('url:')).length).toBe(5);
  });
});
