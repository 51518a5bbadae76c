/**
 * Every registered adapter, loaded from lib/sites/<id>/adapter.ts in the registry's order, for
 * the CLI and the tests (a content script imports only its own adapter; other pages use the
 * registry's metadata). adapterFor(url) picks the adapter that claims a URL; extractAll() runs
 * one over a root and validates every draft with zod, falling back to the embedded-metadata reader
 * (EMBEDDED) where no listed site claims the URL.
 */
import { PaperDraft } from '../draft';
import { adapter as EMBEDDED } from './embedded/adapter';
import { pickAdapter, safeExtract } from './pick';
import { SITES } from './registry';
import type { ExtractResult, PageKind, SiteAdapter, UrlExamples } from './types';

/** One site's adapter, by the convention every lib/sites/<id>/adapter.ts follows. */
export async function loadAdapter(id: string): Promise<SiteAdapter> {
  const mod = (await import(`./${id}/adapter.ts`)) as { adapter: SiteAdapter };
  return mod.adapter;
}

/** One site's URL table (lib/sites/<id>/examples.ts). */
export async function loadExamples(id: string): Promise<UrlExamples> {
  const mod = (await import(`./${id}/examples.ts`)) as { examples: UrlExamples };
  return mod.examples;
}

/** The adapters of every site, in the registry's order. */
export const ADAPTERS: readonly SiteAdapter[] = await Promise.all(SITES.map((s) => loadAdapter(s.id)));

/** The listed site's adapter that claims `url`, and the page kind; null for any other URL. */
export function adapterFor(url: URL | string): { adapter: SiteAdapter; kind: PageKind } | null {
  return pickAdapter(ADAPTERS, url);
}

/**
 * The embedded-metadata reader (lib/sites/embedded): the single paper page of any http(s) site,
 * read from its citation_* / JSON-LD / Dublin Core / COinS / Open Graph metadata. Not in ADAPTERS:
 * it claims every URL, so it is only the fallback.
 */
export { EMBEDDED };


/**
 * Run the adapter for `url` over a whole document: every readable card in page order. Where no
 * listed site claims the URL, the embedded-metadata reader (one card, or none on a page without
 * title metadata); null only for a URL that is not http(s).
 */
export function extractAll(root: ParentNode, url: URL | string): ExtractResult & { adapter: string; kind: PageKind } | null {
  const u = typeof url === 'string' ? new URL(url) : url;
  const found = adapterFor(u) ?? pickAdapter([EMBEDDED], u);
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
    // The zod parse a content script leaves to the background: a draft that fails it is a skip.
    const parsed = PaperDraft.safeParse(safeExtract(adapter, card, ctx));
    if (parsed.success) papers.push(parsed.data);
    else skipped++;
  }
  return { adapter: adapter.id, kind, papers, skipped };
}
