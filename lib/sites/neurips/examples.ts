/** The URL table: URLs the adapter must claim (with their kind) and must reject (test/urls.test.ts). */
import type { UrlExamples } from '../types';

export const examples: UrlExamples = {
  claims: [
    ['https://proceedings.neurips.cc/paper_files/paper/2023', 'book'],
    ['https://proceedings.neurips.cc/paper_files/paper/2019/', 'book'],
    ['https://proceedings.neurips.cc/paper/2020', 'book'],
    ['https://papers.nips.cc/paper_files/paper/2022', 'book'],
    ['https://papers.nips.cc/book/advances-in-neural-information-processing-systems-32-2019', 'book'],
    ['https://papers.nips.cc/book/advances-in-neural-information-processing-systems-30-2017', 'book'],
    ['https://proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Conference.html', 'paper'],
    ['https://proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract-Datasets_and_Benchmarks.html', 'paper'],
    ['https://proceedings.neurips.cc/paper_files/paper/2019/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract.html', 'paper'],
    ['https://proceedings.neurips.cc/paper/2020/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract.html', 'paper'],
    ['https://papers.nips.cc/paper/8296-multimodal-model-agnostic-meta-learning-via-task-aware-modulation', 'paper'],
  ],
  rejects: [
    'https://proceedings.neurips.cc/',
    'https://papers.nips.cc/',
    'https://proceedings.neurips.cc/paper_files/paper',
    'https://proceedings.neurips.cc/paper_files/paper/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Paper-Conference.pdf',
    'https://proceedings.neurips.cc/paper_files/paper/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Supplemental-Conference.zip',
    'https://proceedings.neurips.cc/paper_files/paper/2023/hash/not-a-hash-Abstract-Conference.html',
    'https://papers.nips.cc/paper/8296-multimodal-model-agnostic-meta-learning-via-task-aware-modulation.pdf',
    'https://papers.nips.cc/paper/8296-multimodal-model-agnostic-meta-learning-via-task-aware-modulation/bibtex',
    'https://papers.nips.cc/author/risto-vuorio-12416',
    'https://papers.nips.cc/book/',
    'https://neurips.cc/Conferences/2023',
    'https://nips.cc/virtual/2023/poster/70001',
    'https://proceedings.neurips.cc.evil.example/paper_files/paper/2023',
    'https://openreview.net/group?id=NeurIPS.cc/2023/Conference',
  ],
};
