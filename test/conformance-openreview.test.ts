/**
 * Conformance: the OpenReview adapter on a real saved page (../shared/fixtures/pages/openreview,
 * beside the project; skipped where that folder is absent, e.g. a fresh clone). The ICLR 2018
 * venue page in the legacy UI as a browser rendered it in December 2017: 980 blind submissions
 * (authors shown as "Anonymous") in the open tab, 16 withdrawn ones (named) in a hidden tab.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/paper';
import { decodeEntities as decode, listingReadOnce, REAL_PAGES, squash } from './helpers/real-pages';

const ICLR2018 = path.join(REAL_PAGES, 'openreview', 'group-iclr2018-conference-2018.html');
const URL_2018 = 'https://openreview.net/group?id=ICLR.cc/2018/Conference';

interface SourceNote {
  siteId: string;
  title: string;
  authors: number;
  tab: string;
}

/**
 * What the page's source says, read with plain string matching (not the adapter's DOM code): per
 * li.note[data-id], its id, its title link's text, its profile links ("Anonymous": none) and the
 * tab pane it sits in.
 */
function sourceNotes(html: string): SourceNote[] {
  const panes = [...html.matchAll(/class="tab-pane[^"]*" id="([^"]+)"/g)].map((m) => ({ at: m.index, id: m[1]! }));
  return [...html.matchAll(/<li class="note" data-id="([^"]+)">([\s\S]*?)<\/li>\s*(?=<li class="note" data-id=|<\/ul>)/g)].map((m) => {
    const body = m[2]!;
    const authors = /<div class="note-authors">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '';
    return {
      siteId: m[1]!,
      title: squash(decode((/<h4>\s*<a href="[^"]*forum\?id=[^"]*">([\s\S]*?)<\/a>/.exec(body)?.[1] ?? '').replace(/<[^>]+>/g, ''))),
      authors: squash(authors) === 'Anonymous' ? 0 : (authors.match(/class="profile-link"/g)?.length ?? 0),
      tab: panes.filter((p) => p.at < m.index).at(-1)?.id ?? '',
    };
  });
}

describe.skipIf(!existsSync(ICLR2018))('conformance: real OpenReview venue page (ICLR 2018, legacy UI, every tab)', () => {
  const html = existsSync(ICLR2018) ? readFileSync(ICLR2018, 'utf8') : '';
  const page = listingReadOnce(html, URL_2018);
  const run = () => page.result;

  it('finds exactly the 996 papers of both tabs, none skipped', () => {
    const r = run();
    expect([r?.adapter, r?.kind, r?.skipped, r?.papers.length]).toEqual(['openreview', 'group', 0, 996]);
  });

  it("the content script's fast path (identify) reads the same id and title of every card", () => {
    expect(page.identities).toEqual(run()!.papers.map((p) => ({ id: p.id, title: p.title })));
  });

  it('reads every forum id, title and author count exactly as the page source has them, hidden tab included', () => {
    const source = sourceNotes(html);
    expect(source).toHaveLength(996);
    expect(source.filter((n) => n.tab === 'withdrawn-papers')).toHaveLength(16);
    expect(run()!.papers.map((p) => ({ siteId: p.siteId, title: p.title, authors: p.authors.length }))).toEqual(source.map(({ tab: _, ...n }) => n));
    for (const p of run()!.papers) expect(p.title).not.toMatch(/^$|^\[(?:PDF|HTML)\]/);
  });

  it('"Anonymous" gives no authors: the 980 blind submissions; the 16 withdrawn papers name theirs', () => {
    const papers = run()!.papers;
    expect(papers.slice(0, 980).every((p) => p.authors.length === 0 && p.authorCount === undefined)).toBe(true);
    expect(papers.slice(980).every((p) => p.authors.length > 0)).toBe(true);
  });

  it('first, a withdrawn and the last paper: whole records (abstract, date, TL;DR, keywords)', () => {
    const papers = run()!.papers;
    const page = (forum: string) => ({ page: `https://openreview.net/forum?id=${forum}`, pdf: `https://openreview.net/pdf?id=${forum}` });
    expect(papers[0]).toMatchObject({
      id: 'openreview:SyBPtQfAZ',
      site: 'openreview',
      pageUrl: URL_2018,
      siteId: 'SyBPtQfAZ',
      title: 'Improving Discriminator-Generator Balance in Generative Adversarial Networks',
      authors: [],
      publishedAt: '2017-10-28',
      venue: 'ICLR 2018 Conference',
      links: page('SyBPtQfAZ'),
      signals: {},
    });
    expect(papers[0]!.abstract).toMatch(/^Training Artificial Neural Networks to generate better images is a hard problem to solve with supervised techniques\. .* using the previously mentioned evaluation method\.$/);
    expect(papers[0]!.comments).toBeUndefined();
    expect(papers[1]).toMatchObject({
      id: 'openreview:H1S8UE-Rb',
      title: 'Complex- and Real-Valued Neural Network Architectures',
      comments: 'TL;DR: Comparison of complex- and real-valued multi-layer perceptron with respect to the number of real-valued parameters.',
      signals: { keywords: ['complex numbers', 'complex-valued', 'neural', 'network', 'multi-layer', 'perceptron', 'architecture'] },
    });
    expect(papers[980]).toMatchObject({
      id: 'openreview:HyyHX4gZM',
      title: 'Towards Quantum Inspired Convolution Networks',
      authors: ['Davi Geiger', 'Zvi Kedem'],
      publishedAt: '2017-12-02',
      venue: 'ICLR 2018 Conference',
      comments: 'TL;DR: A quantum inspired kernel for convolution network, exhibiting interference phenomena, can be very useful (and compared it with real value counterpart).',
      links: page('HyyHX4gZM'),
      signals: { keywords: ['quantum technique', 'convolution networks', 'shape detection'] },
    });
    expect(papers[995]).toMatchObject({ id: 'openreview:rkNzJ4m0-', title: 'Overview on Reinforcement Learning for Robotics', authors: ['Zhaoyuan Gu'] });
  });

  it('every paper: a unique forum id, its forum and pdf, a date, an abstract, the venue, a valid draft', () => {
    const papers = run()!.papers;
    expect(new Set(papers.map((p) => p.id)).size).toBe(996);
    // The page's details: 996 abstracts, 771 TL;DRs, 885 keyword lists.
    expect([papers.filter((p) => p.abstract).length, papers.filter((p) => p.comments?.startsWith('TL;DR: ')).length, papers.filter((p) => p.signals.keywords).length]).toEqual([996, 771, 885]);
    for (const p of papers) {
      expect(p.id).toBe(`openreview:${p.siteId}`);
      expect(p.links).toStrictEqual({ page: `https://openreview.net/forum?id=${p.siteId}`, pdf: `https://openreview.net/pdf?id=${p.siteId}` });
      expect(p.publishedAt).toMatch(/^2017-(?:09|10|11|12)-\d\d$/);
      expect([p.venue, p.arxivId]).toEqual(['ICLR 2018 Conference', undefined]);
      expect(PaperDraft.parse(p)).toStrictEqual(p);
    }
  });
});
