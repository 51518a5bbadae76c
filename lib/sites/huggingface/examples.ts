/** The URL table: URLs the adapter must claim (with their kind) and must reject (test/urls.test.ts). */
import type { UrlExamples } from '../types';

export const examples: UrlExamples = {
  claims: [
    ['https://huggingface.co/papers', 'daily'],
    ['https://huggingface.co/papers/', 'daily'],
    ['https://huggingface.co/papers?q=', 'daily'],
    ['https://huggingface.co/papers/date/2026-03-02', 'daily'],
    ['https://huggingface.co/papers/date/2026-03-02/', 'daily'],
    ['https://huggingface.co/papers/week/2026-W10', 'weekly'],
    ['https://huggingface.co/papers/month/2026-03', 'monthly'],
    ['https://huggingface.co/papers/trending', 'trending'],
    ['https://huggingface.co/papers?q=pretraining', 'search'],
    ['https://huggingface.co/papers?q=diffusion+models#top', 'search'],
    ['https://huggingface.co/papers/2305.13169', 'paper'],
    ['https://huggingface.co/papers/2305.13169/', 'paper'],
    ['https://huggingface.co/papers/2603.01234#community', 'paper'],
  ],
  rejects: [
    'https://huggingface.co/papers/foo/bar',
    'https://huggingface.co/papers/not-an-id',
    'https://huggingface.co/papers/2305.1316',
    'https://huggingface.co/papers/hep-th/9901001',
    'https://huggingface.co/papers/date/2026-13-02',
    'https://huggingface.co/papers/week/2026-10',
    'https://huggingface.co/papers/month/2026',
    'https://huggingface.co/models',
    'https://huggingface.co/docs',
    'https://huggingface.co/',
    'https://huggingface.co/collections/someone/reading-list',
    'https://hf.co/papers',
    'https://huggingface.co.evil.example/papers',
    'https://arxiv.org/list/cs/new',
    'http://example.com/papers',
    'https://huggingface.co/datasets/someone/arxiv-abstracts',
  ],
};
