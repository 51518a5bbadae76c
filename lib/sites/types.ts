import type { PaperDraft } from '../paper';

/**
 * A kind of page, named by the adapter that detects it ('listing', 'search', 'daily', 'person'…).
 * One name is shared: 'paper' is a page about a single paper. Generic code never branches on the
 * others, so a new site's kinds need no edit here.
 */
export type PageKind = string;

/**
 * What the rest of the extension knows about a site, without its adapter code: the manifest,
 * the background, the options page and the popup read these (lib/sites/registry.ts), so their
 * bundles carry no selectors. Lives in lib/sites/<id>/meta.ts.
 */
export interface SiteMeta {
  /** slug; also the stored `site` value, the fixture folder and the entrypoint's name */
  id: string;
  label: string;
  /** host permissions the site needs (the manifest's, one per site) */
  hosts: readonly string[];
  /** WXT/Chrome match patterns of the pages the content script runs on */
  matches: readonly string[];
  /** the pages it reads, for the README's supported-pages table (Markdown) */
  pages: string;
  /** why it needs its host permission: one line for the README's permissions table */
  why: string;
  /** a page to start from (the first-run help links it) */
  home: string;
  /** other names for `site:` in a search (`site:hf`) */
  aliases?: readonly string[];
  /**
   * The canonical paper id a URL of this site names (`/papers/<arXiv id>` -> `arxiv:…`,
   * `/forum?id=X` -> `openreview:X`), or null. Used to recognise links and imported URLs.
   */
  idFromUrl?(url: URL): string | null;
}

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
  /** the site's id (its meta.id) */
  id: string;
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
  /**
   * What the feed keys (j / k) outline as the current card: the toolbar's nearest ancestor
   * matching this selector (default: the card findCards() returned).
   */
  cardSelector?: string;
}

/**
 * A site's URL table (lib/sites/<id>/examples.ts, which no bundle imports): URLs its adapter must
 * claim, with their kind, and URLs it must reject (each adapter also rejects every other one's
 * claims). test/urls.test.ts reads them.
 */
export interface UrlExamples {
  claims: ReadonlyArray<readonly [string, PageKind]>;
  rejects: readonly string[];
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
