/**
 * The ordered site registry. adapterFor(url) picks the adapter that claims a URL;
 * extractAll() runs one over a root and validates every draft with zod.
 */
import type { PaperDraft } from '../paper';
import { arxiv } from './arxiv';
import { EXAMPLES } from './examples';
import { huggingface } from './huggingface';
import { pickAdapter, safeExtract } from './pick';
import type { ExtractResult, PageKind, RegisteredAdapter, SiteAdapter } from './types';

export const ADAPTERS: readonly RegisteredAdapter[] = [
  { ...huggingface, examples: EXAMPLES.huggingface },
  { ...arxiv, examples: EXAMPLES.arxiv },
];

export function adapterFor(url: URL | string): { adapter: SiteAdapter; kind: PageKind } | null {
  return pickAdapter(ADAPTERS, url);
}


/** Run the adapter for `url` over a whole document: every readable card in page order. */
export function extractAll(root: ParentNode, url: URL | string): ExtractResult & { adapter: string; kind: PageKind } | null {
  const u = typeof url === 'string' ? new URL(url) : url;
  const found = adapterFor(u);
  if (!found) return null;
  const { adapter, kind } = found;
  let data: unknown = null;
  try {
    data = adapter.prepare(root, u, kind);
  } catch {
    data = null;
  }
  const ctx = { url: u, kind, data };
  const papers: PaperDraft[] = [];
  let skipped = 0;
  let cards: Element[] = [];
  try {
    cards = adapter.findCards(root, kind);
  } catch {
    cards = [];
  }
  for (const card of cards) {
    const draft = safeExtract(adapter, card, ctx);
    if (draft) papers.push(draft);
    else skipped++;
  }
  return { adapter: adapter.id, kind, papers, skipped };
}
