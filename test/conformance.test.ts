/**
 * Conformance: run the adapters on real pages saved by other public projects
 * (../shared/fixtures/pages, beside the project). That folder is not part of the project, so this
 * suite skips cleanly where it is absent (e.g. a fresh clone).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { PaperDraft } from '../lib/paper';
import { extractAll } from '../lib/sites/index';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HF_DIR = path.resolve(projectRoot, '..', 'shared', 'fixtures', 'pages', 'huggingface');
const HF_DAILY = path.join(HF_DIR, 'daily-2026-09-28-excerpt.html');

describe.skipIf(!existsSync(HF_DAILY))('conformance: real Hugging Face daily page (excerpt)', () => {
  const window = new Window();
  afterAll(() => window.happyDOM.close());
  const url = 'https://huggingface.co/papers';

  const run = () => {
    const doc = new window.DOMParser().parseFromString(readFileSync(HF_DAILY, 'utf8'), 'text/html');
    return extractAll(doc as unknown as ParentNode, url);
  };

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
