/**
 * The JSON Hugging Face embeds in its Svelte islands (`data-props`), validated loosely: every
 * field optional, wrong types dropped. The listing island is read lazily (LazyEntries).
 */
import { z } from 'zod/mini';
import { parseArxivId } from '../../ids';

const opt = <T extends z.ZodMiniType>(t: T) => z.catch(z.optional(t), undefined);
const Organization = z.object({ name: opt(z.string()), fullname: opt(z.string()) });
const PaperJson = z.object({
  id: z.string(),
  title: opt(z.string()),
  summary: opt(z.string()),
  authors: opt(z.array(z.object({ name: z.string() }))),
  publishedAt: opt(z.string()),
  upvotes: opt(z.number()),
  githubRepo: opt(z.string()),
  githubStars: opt(z.number()),
  projectPage: opt(z.string()),
  ai_keywords: opt(z.array(z.string())),
  organization: opt(Organization),
});
/** One `dailyPapers[]` or `searchResults[]` entry (search entries may carry fewer fields). */
export const EntryJson = z.object({
  paper: PaperJson,
  title: opt(z.string()),
  summary: opt(z.string()),
  thumbnail: opt(z.string()),
  numComments: opt(z.number()),
  organization: opt(Organization),
});
export type HfEntry = z.infer<typeof EntryJson>;
const PropsJson = z.object({
  dailyPapers: opt(z.array(z.unknown())),
  searchResults: opt(z.array(z.unknown())),
});
/** UpvoteControl island on a paper page. */
export const UpvoteJson = z.object({ paperId: opt(z.string()), upvotes: opt(z.number()) });

/**
 * The listing island's entries by arXiv id, read lazily: nothing is parsed until a card's whole
 * paper is wanted (a save, a saved paper seen again, the CLI), so a 1,000-card feed gets its
 * toolbars without parsing megabytes of JSON first. Each entry is validated with zod when first
 * asked for. The island is read again by each run of code that uses it (once per batch of
 * lookups, not once per card: the attribute is megabytes), so cards saved after a client-side
 * navigation get the current page's data; one parse is shared while its text stays the same.
 */
export class LazyEntries {
  private island: Island | null = null;
  constructor(private readonly read: () => string | null | undefined) {}
  /** The island as it is now, read once per run of code (a batch of lookups reads it once). */
  private current(): Island {
    if (!this.island) {
      const raw = this.read() ?? '';
      if (lastIsland?.raw !== raw) lastIsland = { raw, entries: indexIsland(raw), parsed: new Map() };
      this.island = lastIsland;
      queueMicrotask(() => (this.island = null));
    }
    return this.island;
  }
  get size(): number {
    return this.current().entries.size;
  }
  keys(): IterableIterator<string> {
    return this.current().entries.keys();
  }
  get(id: string): HfEntry | undefined {
    const { entries, parsed } = this.current();
    let e = parsed.get(id);
    if (e === undefined) {
      const r = EntryJson.safeParse(entries.get(id));
      e = r.success ? r.data : null;
      parsed.set(id, e);
    }
    return e ?? undefined;
  }
}

/** An island's text, its raw entries by id and those validated so far. */
interface Island {
  raw: string;
  entries: Map<string, unknown>;
  parsed: Map<string, HfEntry | null>;
}

/** The last island text parsed, shared by later scans of the same page state (appended cards). */
let lastIsland: Island | null = null;

/** id -> raw entry, first occurrence wins; anything malformed is left out. */
function indexIsland(raw: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!raw) return out;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return out;
  }
  const props = PropsJson.safeParse(json);
  if (!props.success) return out;
  for (const item of [...(props.data.dailyPapers ?? []), ...(props.data.searchResults ?? [])]) {
    const rawId = (item as { paper?: { id?: unknown } } | null)?.paper?.id;
    const id = typeof rawId === 'string' ? parseArxivId(rawId)?.id : undefined;
    if (id && !out.has(id)) out.set(id, item);
  }
  return out;
}
