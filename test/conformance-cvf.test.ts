/**
 * Conformance: the CVF adapter on a real saved page (../shared/fixtures/pages/cvf, beside the
 * project; skipped where that folder is absent, e.g. a fresh clone). ICCV 2015, all papers, saved
 * from the old host www.cv-foundation.org/openaccess: 526 papers.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/paper';
import { decodeEntities as decode, listingReadOnce, REAL_PAGES, squash } from './helpers/real-pages';

const ICCV2015 = path.join(REAL_PAGES, 'cvf', 'iccv2015-all-papers-2015.html');
const URL_2015 = 'http://www.cv-foundation.org/openaccess/ICCV2015.py';

/**
 * What the page's source says, read with plain string matching (not the adapter's DOM code): per
 * dt.ptitle, the title link's text and the number of author forms before the next dt.
 */
function sourceEntries(html: string): Array<{ title: string; authors: number }> {
  return html
    .split('<dt class="ptitle">')
    .slice(1)
    .map((chunk) => ({
      title: squash(decode((/<a [^>]*>([\s\S]*?)<\/a>/.exec(chunk)?.[1] ?? '').replace(/<[^>]+>/g, ''))),
      authors: chunk.match(/class="authsearch"/g)?.length ?? 0,
    }));
}

describe.skipIf(!existsSync(ICCV2015))('conformance: real CVF listing (ICCV 2015, all papers, old host)', () => {
  const html = existsSync(ICCV2015) ? readFileSync(ICCV2015, 'utf8') : '';
  const page = listingReadOnce(html, URL_2015);
  const run = () => page.result;

  it('finds exactly the 526 papers, none skipped', () => {
    const result = run();
    expect([result?.adapter, result?.kind, result?.skipped, result?.papers.length]).toEqual(['cvf', 'conference', 0, 526]);
  });

  it("the content script's fast path (identify) reads the same id and title of every card", () => {
    expect(page.identities).toEqual(run()!.papers.map((p) => ({ id: p.id, title: p.title })));
  });

  it('reads every title and author count exactly as the page source has them', () => {
    const papers = run()!.papers;
    const source = sourceEntries(html);
    expect(source).toHaveLength(526);
    expect(papers.map((p) => ({ title: p.title, authors: p.authors.length }))).toEqual(source);
    for (const p of papers) {
      expect(p.title).not.toBe('');
      expect(p.title).not.toMatch(/^\[(?:PDF|HTML|CITATION|BOOK)\]/);
      expect(p.authors.length, p.title).toBeGreaterThan(0);
    }
  });

  it('first, middle and last papers: whole records, keyed by their paper page on today\'s host', () => {
    const papers = run()!.papers;
    const page = (file: string) => `http://www.cv-foundation.org/openaccess/content_iccv_2015/html/${file}_ICCV_2015_paper.html`;
    const pdf = (file: string) => `http://www.cv-foundation.org/openaccess/content_iccv_2015/papers/${file}_ICCV_2015_paper.pdf`;
    const record = (file: string, title: string, authors: string[]) => ({
      id: `url:https://openaccess.thecvf.com/content_iccv_2015/html/${file}_ICCV_2015_paper.html`,
      site: 'cvf',
      pageUrl: URL_2015,
      title,
      authors,
      venue: 'ICCV 2015',
      year: 2015,
      links: { page: page(file), pdf: pdf(file) },
      signals: {},
    });
    expect(papers[0]).toStrictEqual(
      record('Malinowski_Ask_Your_Neurons', 'Ask Your Neurons: A Neural-Based Approach to Answering Questions About Images', [
        'Mateusz Malinowski',
        'Marcus Rohrbach',
        'Mario Fritz',
      ]),
    );
    expect(papers[1]!.title).toBe('Segment-Phrase Table for Semantic Segmentation, Visual Entailment and Paraphrasing');
    expect(papers[525]).toStrictEqual(
      record('Xiang_Learning_to_Track', 'Learning to Track: Online Multi-Object Tracking by Decision Making', ['Yu Xiang', 'Alexandre Alahi', 'Silvio Savarese']),
    );
    // The page lost a character in its windows-1252 days: the title is what it shows.
    expect(papers.filter((p) => p.title.includes('[?]')).map((p) => p.title)).toEqual(['Point Triangulation Through Polyhedron Collapse Using the l[?] Norm']);
  });

  it('every paper: a unique id from its paper page, ICCV 2015, a pdf link, no arXiv id, a valid draft', () => {
    const papers = run()!.papers;
    expect(new Set(papers.map((p) => p.id)).size).toBe(526);
    for (const p of papers) {
      expect(p.id).toMatch(/^url:https:\/\/openaccess\.thecvf\.com\/content_iccv_2015\/html\/[^/]+_ICCV_2015_paper\.html$/);
      expect([p.venue, p.year, p.arxivId]).toEqual(['ICCV 2015', 2015, undefined]);
      expect(p.links.pdf).toMatch(/^http:\/\/www\.cv-foundation\.org\/openaccess\/content_iccv_2015\/papers\/.+\.pdf$/);
      expect(PaperDraft.parse(p)).toStrictEqual(p);
    }
  });
});
