/**
 * The JSON Hugging Face embeds in its Svelte islands (`data-props`), read loosely: every field
 * optional, wrong types dropped. The listing island is read lazily (LazyEntries).
 */
import { parseArxivId } from '../../ids';

export interface HfOrganization {
  name?: string;
  fullname?: string;
}

/** An island's paper (the `paper` of a listing entry, or of a paper page's PaperContent). */
export interface HfPaper {
  id: string;
  title?: string;
  summary?: string;
  authors?: Array<{ name: string }>;
  publishedAt?: string;
  upvotes?: number;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  ai_keywords?: string[];
  organization?: HfOrganization;
}

/** One `dailyPapers[]` or `searchResults[]` entry (search entries may carry fewer fields). */
export interface HfEntry {
  paper: HfPaper;
  title?: string;
  summary?: string;
  thumbnail?: string;
  numComments?: number;
  organization?: HfOrganization;
}

// Read by hand, not with zod: this is page data an adapter reads (what it extracts is parsed with
// zod where it enters the extension), and zod would be a third of the content script.
type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const each = <T>(v: unknown, read: (x: unknown) => T | undefined): T[] | undefined => {
  const out = list(v).map(read);
  return Array.isArray(v) && out.every((x) => x !== undefined) ? (out as T[]) : undefined;
};

function organization(v: unknown): HfOrganization | undefined {
  const o = obj(v);
  return o && { name: str(o.name), fullname: str(o.fullname) };
}

/** An island entry, read loosely: a field of the wrong type is left out; no paper id, no entry. */
export function readEntry(v: unknown): HfEntry | null {
  const e = obj(v);
  const p = obj(e?.paper);
  const id = str(p?.id);
  if (!e || !p || id === undefined) return null;
  const paper: HfPaper = {
    id,
    title: str(p.title),
    summary: str(p.summary),
    authors: each(p.authors, (a) => {
      const name = str(obj(a)?.name);
      return name === undefined ? undefined : { name };
    }),
    publishedAt: str(p.publishedAt),
    upvotes: num(p.upvotes),
    githubRepo: str(p.githubRepo),
    githubStars: num(p.githubStars),
    projectPage: str(p.projectPage),
    ai_keywords: each(p.ai_keywords, str),
    organization: organization(p.organization),
  };
  return { paper, title: str(e.title), summary: str(e.summary), thumbnail: str(e.thumbnail), numComments: num(e.numComments), organization: organization(e.organization) };
}

/** The UpvoteControl island of a paper page. */
export function readUpvote(v: unknown): { paperId?: string; upvotes?: number } | null {
  const o = obj(v);
  return o ? { paperId: str(o.paperId), upvotes: num(o.upvotes) } : null;
}

/**
 * The listing island's entries by arXiv id, read lazily: nothing is parsed until a card's whole
 * paper is wanted (a save, a saved paper seen again, the CLI), so a 1,000-card feed gets its
 * toolbars without parsing megabytes of JSON first. Each entry is read (readEntry) when first
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
      e = readEntry(entries.get(id));
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
  const props = obj(json);
  for (const item of [...list(props?.dailyPapers), ...list(props?.searchResults)]) {
    const rawId = (item as { paper?: { id?: unknown } } | null)?.paper?.id;
    const id = typeof rawId === 'string' ? parseArxivId(rawId)?.id : undefined;
    if (id && !out.has(id)) out.set(id, item);
  }
  return out;
}
