/**
 * Picking the adapter for a URL and validating what it extracts: shared by the registry (CLI,
 * tests) and each site's own content script, which bundles only its own adapter.
 */
import { PaperDraft } from '../paper';
import type { PageKind, SiteAdapter } from './types';

export function pickAdapter(adapters: readonly SiteAdapter[], url: URL | string): { adapter: SiteAdapter; kind: PageKind } | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  for (const adapter of adapters) {
    try {
      const kind = adapter.detect(u);
      if (kind) return { adapter, kind };
    } catch {
      // a broken adapter never breaks the others
    }
  }
  return null;
}

/** Validate one extracted card; anything that does not parse is a skip. */
export function safeExtract(adapter: SiteAdapter, card: Element, ctx: Parameters<SiteAdapter['extract']>[1]): PaperDraft | null {
  try {
    const draft = adapter.extract(card, ctx);
    if (!draft) return null;
    const parsed = PaperDraft.safeParse(draft);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

