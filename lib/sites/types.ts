import type { PaperDraft } from '../paper';

export type PageKind = 'daily' | 'weekly' | 'monthly' | 'trending' | 'search' | 'listing' | 'paper';

/** Where the toolbar host element goes, relative to a card element. */
export interface Anchor {
  element: Element;
  position: 'append' | 'after';
}

/** What every card of one scan shares: the page, its kind (from detect()) and prepare()'s data. */
export interface ExtractContext {
  url: URL;
  kind: PageKind;
  /** page-level data, built by prepare() */
  data: unknown;
}

/**
 * A site adapter: pure functions of (root, url). No global document/location, so the same code
 * runs on a parsed fixture, in the CLI and in the page. Nothing here may throw out of extract().
 */
export interface SiteAdapter {
  /** slug; also the stored `site` value and the fixture folder name */
  id: string;
  label: string;
  /** WXT/Chrome match patterns of the pages this adapter can handle */
  matches: readonly string[];
  /** which kind of page this is, or null when the adapter does not handle it. URL only. */
  detect(url: URL): PageKind | null;
  /** page-level data shared by every card of one scan (cheap to call again after re-renders) */
  prepare(root: ParentNode, url: URL, kind: PageKind): unknown;
  /** the card elements on the page, in page order */
  findCards(root: ParentNode, kind: PageKind): Element[];
  /** one card's paper, or null when the card cannot be read (never throws) */
  extract(card: Element, ctx: ExtractContext): PaperDraft | null;
  /**
   * Optional fast path for long feeds: the card's id and title (and the link naming its paper)
   * without reading the rest. Must agree with extract(): null exactly when extract() is null,
   * else extract()'s id and title (the conformance tests check this on every fixture). The
   * content script then reads the whole card only when it is needed (save, a saved paper).
   */
  identify?(card: Element, ctx: ExtractContext): CardIdentity | null;
  /** where the toolbar mounts for this card */
  anchorFor(card: Element, kind: PageKind): Anchor | null;
}

/** URLs an adapter must claim (with their kind) and URLs it must reject: the URL table test. */
export interface UrlExamples {
  claims: ReadonlyArray<readonly [string, PageKind]>;
  rejects: readonly string[];
}

/** An adapter in the registry, with its URL table (lib/sites/examples.ts). */
export interface RegisteredAdapter extends SiteAdapter {
  examples: UrlExamples;
}

/** What identify() reads from a card. */
export interface CardIdentity {
  id: string;
  title: string;
  /** the link that names the card's paper (re-checked on later scans: cards get reused) */
  key?: Element;
}

export interface ExtractResult {
  papers: PaperDraft[];
  /** cards found that could not be read */
  skipped: number;
}
