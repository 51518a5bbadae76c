/**
 * Picking the adapter for a URL and validating what it extracts: shared by the registry (CLI,
 * tests) and each site's own content script, which bundles only its own adapter.
 */
import { MIN_ID_LENGTH, PaperDraft } from '../draft';
import type { ExtractContext, PageKind, SiteAdapter } from './types';

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

/** A card the content script can show a toolbar for; the whole paper is read on demand. */
export interface IdentifiedCard {
  id: string;
  title: string;
  /** the link naming the card's paper, when the adapter says which */
  key: Element | null;
  /** the card's whole paper, read and validated now (null: it cannot be read, or it now names another paper) */
  draft(): PaperDraft | null;
}

/**
 * The card's id and title through the adapter's fast path (identify), or through a full
 * extract() for adapters without one. Null (never a throw) for a card that cannot be read.
 */
export function safeIdentify(adapter: SiteAdapter, card: Element, ctx: ExtractContext): IdentifiedCard | null {
  if (!adapter.identify) {
    const d = safeExtract(adapter, card, ctx);
    return d && { id: d.id, title: d.title, key: null, draft: () => d };
  }
  try {
    const found = adapter.identify(card, ctx);
    if (!found) return null;
    // What PaperDraft requires of an id and a title, checked without running two schemas per
    // card (~6 ms of a 1,000-card feed). Zod still validates both where they are used: the
    // background, every id it is sent; draft(), the whole paper before it is saved.
    const { id, title } = found;
    if (typeof id !== 'string' || id.length < MIN_ID_LENGTH || typeof title !== 'string' || !title) return null;
    const draft = () => {
      const d = safeExtract(adapter, card, ctx);
      return d && d.id === id ? d : null;
    };
    return { id, title, key: found.key ?? null, draft };
  } catch {
    return null;
  }
}
