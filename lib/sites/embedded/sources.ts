/**
 * The embedded-metadata reader's sources, each read on its own into the same shape (Found):
 * Highwire Press `citation_*` meta tags, JSON-LD, Dublin Core, COinS and Open Graph. Which one
 * wins for each field is decided in ./adapter.ts. Values come out as clean text (./text.ts);
 * links and identifiers stay raw strings, resolved and parsed once the page URL is known.
 */
import { collapse, readMeta } from '../common';
import { LIMITS, abstractText, clean, personName } from './text';

/** What one source says about the page's paper. Absent: the source does not say. */
export interface Found {
  title?: string;
  /** every name the source gives, in order (cut to LIMITS.authors later) */
  authors?: string[];
  /** date texts, best first ("2021/06/17", "2021-06-17T10:00:00Z", "2021") */
  dates?: string[];
  venue?: string;
  abstract?: string;
  /**
   * A description that may or may not be the abstract (og:description, JSON-LD description):
   * kept only under the rule in ./adapter.ts.
   */
  description?: string;
  /** identifier texts, best first: DOIs in any form, `arXiv:…`, `pmid:…`, URLs that may name a paper */
  ids?: string[];
  /** the paper's page (canonical URL), raw */
  page?: string[];
  /** its PDF, raw */
  pdf?: string[];
}

type Meta = Map<string, string[]>;

/** The page's meta tags of the sources read here, once: name (lower case) -> contents. */
export const pageMeta = (root: ParentNode): Meta =>
  readMeta(root, (n) => n.startsWith('citation_') || n.startsWith('dc.') || n.startsWith('dcterms.') || n.startsWith('og:') || n === 'article:published_time');

/** Every value of the first name that has one. */
const all = (meta: Meta, names: readonly string[]): string[] => {
  for (const n of names) {
    const v = meta.get(n);
    if (v?.length) return v;
  }
  return [];
};
/** The first value of any of `names`, in that order. */
const one = (meta: Meta, names: readonly string[]): string | undefined => all(meta, names)[0];
/** Every value of every one of `names`, in the names' order. */
const each = (meta: Meta, names: readonly string[]): string[] => names.flatMap((n) => meta.get(n) ?? []);

const names = (raw: readonly unknown[]): string[] => raw.map(personName).filter(Boolean);
const text = (raw: unknown, max: number): string | undefined => clean(raw, max) || undefined;
const abstract = (raw: unknown): string | undefined => (raw === undefined ? undefined : abstractText(raw) || undefined);
const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length ? list : undefined);

// --- Highwire Press citation_* (what Google Scholar reads) ---

const CITATION_DATES = ['citation_date', 'citation_publication_date', 'citation_cover_date', 'citation_online_date'];
const CITATION_VENUES = ['citation_journal_title', 'citation_conference_title', 'citation_conference', 'citation_book_title', 'citation_inbook_title'];

export function highwire(meta: Meta): Found {
  const arxiv = one(meta, ['citation_arxiv_id']);
  const pmid = one(meta, ['citation_pmid']);
  let authors = names(all(meta, ['citation_author']));
  // The older single tag: "Ammanabrolu, Prithviraj; Riedl, Mark O."
  if (!authors.length) authors = names(all(meta, ['citation_authors']).flatMap((v) => v.split(';')));
  return {
    title: text(one(meta, ['citation_title']), LIMITS.title),
    authors: nonEmpty(authors),
    // citation_date first: bioRxiv writes a placeholder YYYY/01/01 as citation_publication_date
    // and the posting day as citation_date; arXiv gives v1's day as citation_date.
    dates: nonEmpty(each(meta, CITATION_DATES)),
    venue: text(one(meta, CITATION_VENUES), LIMITS.venue),
    abstract: abstract(one(meta, ['citation_abstract'])),
    ids: [
      ...each(meta, ['citation_doi']),
      ...(arxiv ? [`arXiv:${arxiv}`] : []),
      ...(pmid ? [`pmid:${pmid}`] : []),
      ...each(meta, ['citation_abstract_html_url', 'citation_public_url', 'citation_fulltext_html_url', 'citation_pdf_url']),
    ],
    page: each(meta, ['citation_abstract_html_url']),
    pdf: each(meta, ['citation_pdf_url']),
  };
}

// --- JSON-LD (schema.org) ---

/** The types read as the page's paper, scholarly ones first when a page has several. */
const SCHOLARLY = ['ScholarlyArticle', 'MedicalScholarlyArticle'];
const ARTICLES = [...SCHOLARLY, 'Article', 'TechArticle', 'Report', 'Thesis', 'Chapter', 'CreativeWork'];

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : isNode(v) && Array.isArray(v['@list']) ? v['@list'] : [v]);
/** "schema:ScholarlyArticle", "http://schema.org/Article" -> the bare type names. */
const typesOf = (n: Node): string[] => list(n['@type']).filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, ''));
/** A string value: a string, a number, `{ "@value": … }`, or the first of a list of them. */
function str(v: unknown): string | undefined {
  for (const x of list(v)) {
    if (typeof x === 'string' || typeof x === 'number') return String(x);
    if (isNode(x) && (typeof x['@value'] === 'string' || typeof x['@value'] === 'number')) return String(x['@value']);
  }
  return undefined;
}

/** Every object of the page's JSON-LD: top level, lists, `@graph`, `mainEntity` (bounded). */
function jsonLdNodes(root: ParentNode): Node[] {
  const out: Node[] = [];
  const visit = (v: unknown, depth: number): void => {
    for (const x of list(v)) {
      if (!isNode(x) || out.length >= LIMITS.jsonLdNodes) continue;
      out.push(x);
      if (depth < 3) {
        visit(x['@graph'], depth + 1);
        visit(x.mainEntity, depth + 1);
      }
    }
  };
  for (const s of root.querySelectorAll('script[type]')) {
    if (collapse(s.getAttribute('type')).toLowerCase() !== 'application/ld+json') continue;
    const body = s.textContent ?? '';
    if (body.length > LIMITS.jsonLd) continue;
    try {
      visit(JSON.parse(body), 0);
    } catch {
      // Not JSON (a comment, a trailing comma): this script says nothing.
    }
  }
  return out;
}

/** The node itself, or the node its `{ "@id": … }` reference names (Yoast-style @graph). */
const deref = (v: unknown, byId: Map<string, Node>): unknown => (isNode(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1 ? (byId.get(v['@id']) ?? v) : v);

function personOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!isNode(v)) return undefined;
  const name = str(v.name);
  if (name) return name;
  const given = str(v.givenName);
  const family = str(v.familyName);
  return given || family ? `${given ?? ''} ${family ?? ''}` : undefined;
}

/**
 * The journal or proceedings: up the isPartOf chain, a Periodical's (or series') name first, else
 * the name of a volume, issue or book the article is in. A WebPage or WebSite is no venue.
 */
function venueOf(n: Node, byId: Map<string, Node>): string | undefined {
  let inner: string | undefined;
  let cur: unknown = deref(list(n.isPartOf)[0], byId);
  for (let i = 0; i < 4 && isNode(cur); i++) {
    const name = str(cur.name);
    const types = typesOf(cur);
    if (name && types.some((t) => /Periodical|Series/.test(t))) return name;
    if (name && types.some((t) => /^(?:PublicationVolume|PublicationIssue|Book)$/.test(t))) inner ??= name;
    cur = deref(list(cur.isPartOf)[0], byId);
  }
  return inner;
}

/** Identifier texts of a node: `identifier` (PropertyValue with a propertyID too), `sameAs`, `url`, `@id`. */
function idsOf(n: Node): string[] {
  const out: string[] = [];
  for (const x of [...list(n.doi), ...list(n.identifier), ...list(n.sameAs), ...list(n.url), ...list(n['@id'])]) {
    if (typeof x === 'string') out.push(x);
    else if (isNode(x)) {
      const value = str(x.value) ?? str(x['@value']);
      const kind = (str(x.propertyID) ?? '').toLowerCase();
      if (!value) continue;
      out.push(kind === 'doi' ? `doi:${value}` : kind === 'pmid' || kind === 'pubmed' ? `pmid:${value}` : kind === 'arxiv' ? `arXiv:${value}` : value);
    }
  }
  return out;
}

export function jsonLd(root: ParentNode): Found {
  const nodes = jsonLdNodes(root);
  const byId = new Map<string, Node>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && !byId.has(n['@id'])) byId.set(n['@id'], n);
  const article =
    nodes.find((n) => typesOf(n).some((t) => SCHOLARLY.includes(t))) ?? nodes.find((n) => typesOf(n).some((t) => ARTICLES.includes(t)));
  if (!article) return {};
  const authors = list(article.author).map((a) => personOf(deref(a, byId)));
  return {
    title: text(str(article.headline) ?? str(article.name), LIMITS.title),
    authors: nonEmpty(names(authors)),
    dates: nonEmpty([str(article.datePublished)].filter((d): d is string => !!d)),
    venue: text(venueOf(article, byId), LIMITS.venue),
    abstract: abstract(str(article.abstract)),
    description: text(str(article.description), LIMITS.abstract),
    ids: idsOf(article),
    page: list(article.url).filter((u): u is string => typeof u === 'string'),
  };
}

// --- Dublin Core (DC.*, dc.*, dcterms.*) ---

export function dublinCore(meta: Meta): Found {
  // Creators are the authors; bioRxiv (and others) list them as contributors only.
  const creators = names(each(meta, ['dc.creator', 'dcterms.creator']));
  const venue = one(meta, ['dcterms.ispartof', 'dc.relation.ispartof', 'dc.source']);
  return {
    title: text(one(meta, ['dc.title', 'dcterms.title']), LIMITS.title),
    authors: nonEmpty(creators.length ? creators : names(each(meta, ['dc.contributor', 'dcterms.contributor']))),
    dates: nonEmpty(each(meta, ['dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created'])),
    // DC.Source is often the journal's name, sometimes a link: a link is not a venue.
    venue: venue && !/^[a-z][a-z0-9+.-]*:/i.test(venue) ? text(venue, LIMITS.venue) : undefined,
    abstract: abstract(one(meta, ['dcterms.abstract', 'dc.description', 'dcterms.description'])),
    ids: each(meta, ['dc.identifier', 'dcterms.identifier', 'dc.identifier.doi', 'dc.identifier.uri']),
  };
}

// --- COinS (an OpenURL ContextObject in span.Z3988's title) ---

/**
 * The ContextObject's keys -> values, or null. Read only when the page has exactly one: several
 * are a list of works (references, a listing), not this page's paper.
 */
function contextObject(root: ParentNode): Map<string, string[]> | null {
  const spans = root.querySelectorAll('span.Z3988[title]');
  const kev = spans.length === 1 ? (spans[0]!.getAttribute('title') ?? '') : '';
  if (!kev || kev.length > LIMITS.coins) return null;
  const out = new Map<string, string[]>();
  const decode = (s: string): string => {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch {
      return s.replace(/\+/g, ' ');
    }
  };
  for (const pair of kev.split('&')) {
    const i = pair.indexOf('=');
    if (i <= 0) continue;
    const key = decode(pair.slice(0, i)).trim().toLowerCase();
    const value = collapse(decode(pair.slice(i + 1)));
    if (value) out.set(key, [...(out.get(key) ?? []), value]);
  }
  return out;
}

export function coins(root: ParentNode): Found {
  const co = contextObject(root);
  if (!co) return {};
  const atitle = one(co, ['rft.atitle']);
  // rft.aulast/aufirst name the first author; rft.au lists authors (often all of them, again).
  const last = one(co, ['rft.aulast']);
  const firstAuthor = last ? personName(`${last}, ${one(co, ['rft.aufirst']) ?? ''}`.replace(/, $/, '')) : undefined;
  const au = names(all(co, ['rft.au']));
  const authors = firstAuthor ? [firstAuthor, ...au.filter((a, i) => i > 0 || a !== firstAuthor)] : au;
  return {
    title: text(atitle ?? one(co, ['rft.title', 'rft.btitle']), LIMITS.title),
    authors: nonEmpty(authors),
    dates: nonEmpty(all(co, ['rft.date'])),
    venue: text(one(co, ['rft.jtitle', ...(atitle ? ['rft.btitle'] : [])]), LIMITS.venue),
    ids: all(co, ['rft_id']).map((id) => id.replace(/^info:arxiv\//i, 'arXiv:')),
  };
}

// --- Open Graph (and the page's canonical link) ---

/**
 * og:title counts as the paper's title only on an article (og:type "article"): every page has
 * an og:title, and a site's home or a repository is no paper.
 */
export function openGraph(meta: Meta): Found {
  const isArticle = /^article\b/i.test(one(meta, ['og:type']) ?? '');
  return {
    title: isArticle ? text(one(meta, ['og:title']), LIMITS.title) : undefined,
    dates: isArticle ? nonEmpty(all(meta, ['article:published_time'])) : undefined,
    description: text(one(meta, ['og:description']), LIMITS.abstract),
    ids: each(meta, ['og:url']),
    page: each(meta, ['og:url']),
  };
}

/** `<link rel="canonical">`: the last place a page names its own URL. */
export function canonical(root: ParentNode): Found {
  const href = root.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  return href ? { ids: [href], page: [href] } : {};
}
