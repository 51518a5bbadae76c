import type { PaperDraft } from '@/lib/paper';
import { openDb } from '@/lib/db';
import { Library } from '@/lib/library';

let n = 0;

/** A fresh library on its own fake-indexeddb database. */
export function freshLibrary(): Library {
  return new Library(openDb(`test-${Date.now()}-${++n}`));
}

/** A valid Hugging Face-style draft for arXiv id `arxiv` (fields overridable). */
export function hfDraft(arxiv: string, over: Partial<PaperDraft> = {}): PaperDraft {
  return {
    id: `arxiv:${arxiv}`,
    site: 'huggingface',
    pageUrl: 'https://huggingface.co/papers/date/2026-03-02',
    title: `Paper ${arxiv}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    abstract: `Abstract of ${arxiv} about sparse mixtures.`,
    publishedAt: '2026-02-27',
    arxivId: arxiv,
    links: {
      page: `https://huggingface.co/papers/${arxiv}`,
      abs: `https://arxiv.org/abs/${arxiv}`,
      pdf: `https://arxiv.org/pdf/${arxiv}`,
    },
    signals: { upvotes: 10, comments: 1 },
    ...over,
  };
}
