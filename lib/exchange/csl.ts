/**
 * SavedPaper <-> CSL-JSON item. CSL-JSON is the hub: BibTeX and RIS are produced from and read
 * into CSL items by citation-js (lib/exchange/citation.ts); this file holds only our mapping and
 * has no dependencies beyond the data model, so it is cheap to test and to import.
 */
import { arxivAbsUrl, arxivIdFromPath, canonicalId, isArxivUrl, parseArxivId, parseDoi, type ArxivId } from '../ids';
import { MAX_TAG_LENGTH, normaliseTags, SavedPaper } from '../paper';
import { paperIdFromSiteUrl } from '../sites/registry';

/** A CSL name: structured, or a literal for organisations and single names. */
export interface CslName {
  family?: string;
  given?: string;
  suffix?: string;
  'dropping-particle'?: string;
  'non-dropping-particle'?: string;
  literal?: string;
}

export interface CslDate {
  'date-parts'?: (number | string)[][];
  raw?: string;
  literal?: string;
}

/** The CSL-JSON fields PaperShelf writes and reads (others pass through untouched). */
export interface CslItem {
  id: string | number;
  type: string;
  title?: string;
  author?: CslName[];
  issued?: CslDate;
  URL?: string;
  DOI?: string;
  abstract?: string;
  number?: string | number;
  publisher?: string;
  keyword?: string | string[];
  note?: string;
  annote?: string;
  [key: string]: unknown;
}

/**
 * TeX math as arXiv titles and abstracts carry it ("$\alpha$-Net", "$O(n^2)$"), by pandoc's rule:
 * no space just inside the dollars, no digit right after the closing one ("$5 and $10" is text).
 */
export const TEX_MATH = /\$(?=\S)((?:[^$\\\n]|\\.)+?)(?<=\S)\$(?!\d)/g;

/** Lower-case name parts that belong to the family name ("van der Berg", "de la Cruz"). */
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'la', 'le', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'y', 'zu']);
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|v)$/i;

/**
 * Split a display name into CSL parts. "Family, Given" is taken as written; otherwise the last
 * word is the family name, with any lower-case particles before it ("Anna van der Berg") and a
 * trailing "Jr." / "III" kept as the suffix. A single word ("OpenAI", "Plato") becomes a literal,
 * so it round-trips unchanged; a longer organisation name ("OpenAI Team") cannot be told apart
 * from a person's and is split like one.
 */
export function splitName(name: string): CslName {
  const s = name.trim().replace(/\s+/g, ' ');
  const comma = s.indexOf(',');
  if (comma > 0) {
    const family = s.slice(0, comma).trim();
    const given = s.slice(comma + 1).trim();
    if (family && given && !given.includes(',')) return { family, given };
    return { literal: s };
  }
  const words = s.split(' ');
  if (words.length < 2) return { literal: s };
  let suffix: string | undefined;
  if (words.length > 2 && SUFFIX.test(words[words.length - 1]!)) suffix = words.pop();
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start--;
  const out: CslName = { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
  if (suffix) out.suffix = suffix;
  return out;
}

/** A CSL name as one display string ("Given particle Family Suffix"). */
export function joinName(n: CslName): string {
  if (n.literal) return clean(n.literal);
  return clean([n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' '));
}

/** The link a reference should carry: the arXiv abstract page, else the best page we know. */
export function referenceUrl(p: SavedPaper): string | undefined {
  if (p.links.abs) return p.links.abs;
  if (p.arxivId) return arxivAbsUrl(p.arxivId);
  return p.links.page ?? (p.doi ? `https://doi.org/${p.doi}` : undefined) ?? p.sources[0]?.url;
}

/**
 * SavedPaper -> CSL item. Type 'article' is CSL's type for preprints; the arXiv id goes in
 * `number` (with publisher 'arXiv'), tags in `keyword` (comma-separated, as citation-js splits
 * them for BibTeX and RIS), the user's note in `note`.
 */
export function toCsl(p: SavedPaper): CslItem {
  const item: CslItem = { id: p.id, type: 'article', title: p.title };
  if (p.authors.length > 0) item.author = p.authors.map(splitName);
  if (p.publishedAt) {
    const [y, m, d] = p.publishedAt.split('-').map(Number);
    item.issued = { 'date-parts': [[y!, m!, d!]] };
  }
  const url = referenceUrl(p);
  if (url) item.URL = url;
  if (p.doi) item.DOI = p.doi;
  if (p.abstract) item.abstract = p.abstract;
  if (p.arxivId) {
    item.number = p.arxivId;
    item.publisher = 'arXiv';
  }
  if (p.tags.length > 0) item.keyword = p.tags.join(',');
  if (p.note) item.note = p.note;
  return item;
}

/** Extra identifiers a format carries outside CSL (BibTeX eprint / archivePrefix / primaryClass). */
export interface ExtraIds {
  eprint?: string;
  /** archivePrefix or eprinttype: the eprint is an arXiv id when this is absent or "arXiv" */
  eprintType?: string;
  primaryClass?: string;
}

export interface Rejection {
  /** 1-based position in the file */
  index: number;
  /** the entry's own key when it has one (BibTeX label, CSL id, RIS ID) */
  key?: string;
  reason: string;
}

/** A paper read from a file, with where it was. */
export interface Located {
  index: number;
  key?: string;
  paper: SavedPaper;
}

export type FromCslResult = { ok: true; paper: SavedPaper } | { ok: false; reason: string };

/** citation-js writes rich text with these HTML-like tags (<i>, <b>, <sup>, <sub>, <span …>). */
const RICH_TEXT = /<\/?(?:i|b|sup|sub|sc|span)(?:\s[^<>]*)?>/gi;

/** Plain text from a CSL rich-text string: tags removed, dotless-i accents fixed, spaces collapsed. */
export function clean(s: unknown): string {
  if (typeof s !== 'string' && typeof s !== 'number') return '';
  return String(s)
    .replace(RICH_TEXT, '')
    .replace(/ı(?=\p{M})/gu, 'i') // {\'\i} decodes to dotless i + accent
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text that may keep line breaks (abstract, note): as clean() line by line, one blank line at most. */
function cleanBlock(s: unknown): string {
  if (typeof s !== 'string') return '';
  return s
    .split(/\r?\n/)
    .map(clean)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** "arXiv:2305.13169v2", "arXiv preprint arXiv:hep-th/9901001" and the like, inside free text. */
const ARXIV_IN_TEXT = /arxiv[:\s]\s*(?:preprint\s+arxiv:\s*)?([a-z-]+(?:\.[A-Z]{2})?\/\d{7}|\d{4}\.\d{4,5})(v\d+)?/i;
/** arXiv's own DOIs: 10.48550/arXiv.2305.13169 */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

function httpUrlOrUndefined(u: unknown): string | undefined {
  if (typeof u !== 'string') return undefined;
  const s = u.trim();
  if (!/^https?:\/\//i.test(s)) return undefined;
  try {
    new URL(s);
    return s;
  } catch {
    return undefined;
  }
}

/** The arXiv id of an item, from the most explicit place first. */
function findArxivId(item: CslItem, extra: ExtraIds): ArxivId | null {
  if (extra.eprint && (!extra.eprintType || /^arxiv$/i.test(extra.eprintType))) {
    const a = parseArxivId(extra.eprint);
    if (a) return a;
  }
  if (item.number !== undefined) {
    const a = parseArxivId(String(item.number));
    if (a) return a;
  }
  const doi = typeof item.DOI === 'string' ? parseDoi(item.DOI) : null;
  const fromDoi = doi ? ARXIV_DOI.exec(doi) : null;
  if (fromDoi) {
    const a = parseArxivId(fromDoi[1]!);
    if (a) return a;
  }
  const url = httpUrlOrUndefined(item.URL);
  // An arXiv URL keeps its version (/abs/2305.13169v2); a listed site's page of an arXiv paper
  // (a feed's page of the paper) names the paper.
  const a = url && isArxivUrl(url) ? arxivIdFromPath(new URL(url).pathname) : null;
  if (a) return a;
  const fromSite = url ? paperIdFromSiteUrl(url) : null;
  if (fromSite?.startsWith('arxiv:')) {
    const a = parseArxivId(fromSite.slice('arxiv:'.length));
    if (a) return a;
  }
  // DBLP's CoRR entries: volume = {abs/2305.13169}
  const dblp = typeof item.volume === 'string' ? /^abs\/(.+)$/.exec(item.volume) : null;
  if (dblp) {
    const a = parseArxivId(dblp[1]!);
    if (a) return a;
  }
  for (const text of [item.note, item.annote, item['container-title'], item.archive_location, item.id]) {
    if (typeof text !== 'string') continue;
    const m = ARXIV_IN_TEXT.exec(text);
    const a = m ? parseArxivId(m[1]! + (m[2] ?? '')) : null;
    if (a) return a;
  }
  return null;
}

function publishedOf(issued: CslDate | undefined): string | undefined {
  const parts = issued?.['date-parts']?.[0];
  if (parts && parts.length >= 3) {
    const [y, m, d] = parts.map(Number);
    if (y! >= 1000 && y! <= 9999 && m! >= 1 && m! <= 12 && d! >= 1 && d! <= 31) {
      return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
  }
  if (typeof issued?.raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issued.raw.trim())) return issued.raw.trim();
  return undefined;
}

/** Tags from CSL `keyword` (a comma- or semicolon-separated string, or a list). */
export function tagsOf(keyword: unknown): string[] {
  const raw = Array.isArray(keyword) ? keyword : typeof keyword === 'string' ? keyword.split(/[,;]/) : [];
  return normaliseTags(raw.map(clean).filter((t) => t.length > 0 && t.length <= MAX_TAG_LENGTH));
}

export interface FromCslContext {
  /** import time: savedAt of the new record */
  now: number;
}

/**
 * CSL item (plus identifiers the format kept outside CSL) -> SavedPaper, or a reason it cannot
 * be one. Identity: arXiv id, DOI, a listed site's id from the URL, the URL; an entry with no identity or no title
 * is rejected. User fields: tags from keywords, note from note / annote, status unread.
 */
export function fromCsl(item: CslItem, extra: ExtraIds, ctx: FromCslContext): FromCslResult {
  const title = clean(item.title);
  const arxiv = findArxivId(item, extra);
  const doi = typeof item.DOI === 'string' ? (parseDoi(item.DOI) ?? undefined) : undefined;
  const url = httpUrlOrUndefined(item.URL);
  // A listed site's own id (an OpenReview forum, a PubMed id) comes before the bare URL.
  const id = canonicalId({ arxivId: arxiv?.id, doi }) ?? (url ? (paperIdFromSiteUrl(url) ?? canonicalId({ url })) : null);
  if (!title && !id) return { ok: false, reason: 'no title and no identifier (arXiv id, DOI or URL)' };
  if (!title) return { ok: false, reason: 'no title' };
  if (!id) return { ok: false, reason: 'no identifier: needs an arXiv id, a DOI or a URL' };

  const authors = (Array.isArray(item.author) ? item.author : []).map(joinName).filter(Boolean);
  const note = [cleanBlock(item.note), cleanBlock(item.annote)].filter(Boolean).join('\n\n');
  const abstract = cleanBlock(item.abstract);
  const tags = tagsOf(item.keyword);
  const links: SavedPaper['links'] = {};
  // An arXiv URL becomes the canonical abstract link; any other URL is the paper's page.
  if (arxiv) links.abs = arxivAbsUrl(arxiv.id);
  if (url && !(arxiv && isArxivUrl(url))) links.page = url;

  const rec: SavedPaper = {
    id,
    title,
    authors,
    links,
    signals: {},
    sources: [],
    tags,
    note,
    status: 'unread',
    savedAt: ctx.now,
    updatedAt: ctx.now,
  };
  const publishedAt = publishedOf(item.issued);
  if (publishedAt) rec.publishedAt = publishedAt;
  if (abstract) rec.abstract = abstract;
  if (arxiv) {
    rec.arxivId = arxiv.id;
    if (arxiv.version) rec.arxivVersion = arxiv.version;
  }
  if (doi) rec.doi = doi;
  if (extra.primaryClass && arxiv) rec.subjects = [clean(extra.primaryClass)];
  const parsed = SavedPaper.safeParse(rec);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error.issues) };
  return { ok: true, paper: parsed.data };
}

/** zod issues as one short sentence: "title: Too small…; links.page: Invalid URL". */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return shown.join('; ');
}
