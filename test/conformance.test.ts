/**
 * Conformance: run the adapters on real pages saved by other public projects
 * (../shared/fixtures/pages, beside the project). That folder is not part of the project, so this
 * suite skips cleanly where it is absent (e.g. a fresh clone).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/paper';
import { pageReader, REAL_PAGES } from './helpers/real-pages';

const HF_DAILY = path.join(REAL_PAGES, 'huggingface', 'daily-2026-09-28-excerpt.html');
const ARXIV_MONTH = path.join(REAL_PAGES, 'arxiv-list', 'list-cs-2301-month-show3-2024.html');

describe.skipIf(!existsSync(HF_DAILY))('conformance: real Hugging Face daily page (excerpt)', () => {
  const url = 'https://huggingface.co/papers';
  const read = pageReader();
  const run = () => read(HF_DAILY, url);

  it('yields exactly the 3 cards of the excerpt with their ids, titles, authors, signals and dates', () => {
    const result = run();
    expect(result).not.toBeNull();
    expect(result!.adapter).toBe('huggingface');
    expect(result!.kind).toBe('daily');
    expect(result!.skipped).toBe(0);
    expect(result!.papers).toHaveLength(3);
    const summary = result!.papers.map((p) => ({
      id: p.id,
      title: p.title,
      authors: p.authors.length,
      authorCount: p.authorCount,
      upvotes: p.signals.upvotes,
      comments: p.signals.comments,
      githubRepo: p.signals.githubRepo,
      githubStars: p.signals.githubStars,
      organization: p.signals.organization,
      code: p.links.code,
      publishedAt: p.publishedAt,
    }));
    expect(summary).toEqual([
      {
        id: 'arxiv:2609.31620',
        title:
          'FuseReg: Regularizing Layer Fusion Mitigates the Reconstruction-Generation Gap in Representation Autoencoders',
        authors: 16,
        authorCount: undefined,
        upvotes: 110,
        comments: 2,
        githubRepo: 'https://github.com/Hongyang-Du/FuseReg',
        githubStars: 12,
        organization: 'USC Physical Superintelligence (PSI) Lab',
        code: 'https://github.com/Hongyang-Du/FuseReg',
        publishedAt: '2026-09-25',
      },
      {
        id: 'arxiv:2609.18703',
        title:
          'RayOrch: Programming and Executing Lineage-Controlled Multi-Grain Dataflows for Foundation-Model Data Preparation',
        authors: 16,
        authorCount: undefined,
        upvotes: 42,
        comments: 2,
        githubRepo: 'https://github.com/OpenDCAI/RayOrch',
        githubStars: 11,
        organization: 'Peking University',
        code: 'https://github.com/OpenDCAI/RayOrch',
        publishedAt: '2026-09-16',
      },
      {
        id: 'arxiv:2604.02103',
        title: 'BoundInk: Boundary-Aware Online Handwriting Generation',
        authors: 3,
        authorCount: undefined,
        upvotes: 0,
        comments: 1,
        githubRepo: 'https://github.com/jinsu0000/cashg-official',
        githubStars: 6,
        organization: 'Sungkyunkwan University',
        code: 'https://github.com/jinsu0000/cashg-official',
        publishedAt: '2026-09-20',
      },
    ]);
  });

  it('reads the first and last author names, abstracts and links, and every draft passes the schema', () => {
    const [first, second, last] = run()!.papers;
    expect([first!.authors[0], first!.authors.at(-1)]).toEqual(['Hongyang Du', 'Yue Wang']);
    expect(last!.authors).toEqual(['Jinsu Shin', 'Sungeun Hong', 'JinYeong Bak']);
    expect(first!.abstract).toMatch(/^Representation autoencoders \(RAEs\) reuse features/);
    expect(second!.links.project).toBe('https://opendcai.github.io/RayOrch-doc/');
    expect(last!.links).toStrictEqual({
      page: 'https://huggingface.co/papers/2604.02103',
      abs: 'https://arxiv.org/abs/2604.02103',
      pdf: 'https://arxiv.org/pdf/2604.02103',
      code: 'https://github.com/jinsu0000/cashg-official',
    });
    expect(last!.thumbnail).toBe('https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2604.02103.png');
    for (const p of [first, second, last]) expect(PaperDraft.parse(p)).toStrictEqual(p);
  });
});

describe.skipIf(!existsSync(ARXIV_MONTH))('conformance: real arXiv month listing (cs, January 2023, 3 per page)', () => {
  // The page's paging links are /list/cs/2301?skip=…&show=3 (see SOURCES.tsv).
  const url = 'https://arxiv.org/list/cs/2301?skip=0&show=3';
  const read = pageReader();
  const run = () => read(ARXIV_MONTH, url);

  it('yields exactly the 3 papers with ids, titles, full author lists, comments and subjects', () => {
    const result = run();
    expect(result).not.toBeNull();
    expect([result!.adapter, result!.kind, result!.skipped]).toEqual(['arxiv', 'listing', 0]);
    const summary = result!.papers.map((p) => ({
      id: p.id,
      arxivId: p.arxivId,
      arxivVersion: p.arxivVersion,
      title: p.title,
      authors: p.authors,
      comments: p.comments,
      subjects: p.subjects,
      abstract: p.abstract,
      publishedAt: p.publishedAt,
    }));
    expect(summary).toEqual([
      {
        id: 'arxiv:2301.00001',
        arxivId: '2301.00001',
        arxivVersion: undefined,
        title: 'NFTrig',
        authors: ['Jordan Thompson', 'Ryan Benac', 'Kidus Olana', 'Talha Hassan', 'Andrew Sward', 'Tauheed Khan Mohd'],
        comments: undefined,
        subjects: ['cs.HC'],
        abstract: undefined,
        publishedAt: undefined,
      },
      {
        id: 'arxiv:2301.00002',
        arxivId: '2301.00002',
        arxivVersion: undefined,
        title: 'Evaluating Alternative Glyph Design for Showing Large-Magnitude-Range Quantum Spins',
        authors: ['Henan Zhao', 'Garnett W. Bryant', 'Wesley Griffin', 'Judith E. Terrill', 'Jian Chen'],
        comments:
          'This article has been accepted by IEEE Transactions on Visualization and Computer Graphics. arXiv admin note: substantial text overlap with arXiv:1905.02586',
        subjects: ['cs.HC', 'cs.GR', 'quant-ph'],
        abstract: undefined,
        publishedAt: undefined,
      },
      {
        id: 'arxiv:2301.00003',
        arxivId: '2301.00003',
        arxivVersion: undefined,
        title: 'Emotion in Cognitive Architecture: Emergent Properties from Interactions with Human Emotion',
        authors: ['Junya Morita'],
        comments: "Presented at HAI'22 workshop on Cognitive Human-agent Interaction (this https URL)",
        subjects: ['cs.HC', 'cs.AI'],
        abstract: undefined,
        publishedAt: undefined,
      },
    ]);
  });

  it('links each paper to its abs and pdf pages, and every draft passes the schema', () => {
    for (const p of run()!.papers) {
      expect(p.links).toStrictEqual({
        page: `https://arxiv.org/abs/${p.arxivId}`,
        abs: `https://arxiv.org/abs/${p.arxivId}`,
        pdf: `https://arxiv.org/pdf/${p.arxivId}`,
      });
      expect([p.site, p.pageUrl, p.signals]).toEqual(['arxiv', url, {}]);
      expect(PaperDraft.parse(p)).toStrictEqual(p);
    }
  });
});
