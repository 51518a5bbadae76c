/**
 * Picking the adapter for a URL and calling it safely: shared by the registry (CLI, tests) and
 * each site's own content script, which bundles only its own adapter. What an adapter extracts
 * is parsed with zod where it crosses into the extension (the background's requests) and by
 * extractAll(); here it is only checked for what a toolbar needs (an id and a title), so no feed
 * page loads zod.
 */
import type { PaperDraft } from '../draft';
import { MIN_ID_LENGTH } from '../ids';
import type { Anchor, ExtractContext, PageKind, SiteAdapter } from './types';

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

/** Whether a value has what a toolbar needs of a paper: a paper id and a title. */
export function hasIdentity(d: { id?: unknown; title?: unknown } | null | undefined): boolean {
  return !!d && typeof d.id === 'string' && d.id.length >= MIN_ID_LENGTH && typeof d.title === 'string' && d.title !== '';
}

/** One card's draft, never a throw; one without an id and a title is a skip. */
export function safeExtract(adapter: SiteAdapter, card: Element, ctx: Parameters<SiteAdapter['extract']>[1]): PaperDraft | null {
  try {
    const draft = adapter.extract(card, ctx);
    return draft && hasIdentity(draft) ? draft : null;
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
    // Zod validates the id where it is used (the background, every id it is sent) and the whole
    // paper before it is saved.
    if (!hasIdentity(found)) return null;
    const { id, title } = found;
    const draft = () => {
      const d = safeExtract(adapter, card, ctx);
      return d && d.id === id ? d : null;
    };
    return { id, title, key: found.key ?? null, draft };
  } catch {
    return null;
  }
}

/** Where a card's toolbar goes, or null (never a throw). */
export function safeAnchor(adapter: SiteAdapter, card: Element, kind: PageKind): Anchor | null {
  try {
    return adapter.anchorFor(card, kind);
  } catch {
    return null;
  }
}
