/**
 * SavedPaper -> an item in Zotero's translator JSON, the shape Zotero desktop's connector
 * endpoint /connector/saveItems takes (lib/exchange/zotero.ts sends it). Facts from Zotero's own
 * code (zotero/zotero, zotero/zotero-connectors, zotero/translators arXiv.org.js):
 *
 * - a field the item type does not have is moved into Extra by Zotero, so each type gets only its
 *   own fields (preprint: repository, archiveID; conferencePaper: proceedingsTitle;
 *   journalArticle: publicationTitle);
 * - a creator is { firstName, lastName, creatorType }; a one-field name is { lastName,
 *   fieldMode: 1 } with no firstName (Zotero refuses fieldMode 1 with a firstName);
 * - notes are HTML;
 * - saveItems keeps only *link* attachments (snapshot: false) whose mimeType is a web page type
 *   (text/html): the browser connector downloads PDFs itself and uploads them to another
 *   endpoint. PaperShelf fetches nothing from the paper's site, so the PDF goes as a link
 *   (mimeType text/html, the only kind saveItems keeps): one click in Zotero opens it.
 */
import type { SavedPaper } from '../paper';
import { referenceUrl, splitName } from './csl';

export type ZoteroItemType = 'preprint' | 'conferencePaper' | 'journalArticle';

export interface ZoteroCreator {
  firstName?: string;
  lastName: string;
  creatorType: 'author';
  /** 1: one-field name (an organisation, a mononym) */
  fieldMode?: 1;
}

export interface ZoteroAttachment {
  title: string;
  url: string;
  mimeType: 'text/html';
  /** false: a link, not a file Zotero should download */
  snapshot: false;
}

export interface ZoteroItem {
  /** the item's id within one save session (Zotero keys the session's items by it) */
  id: string;
  itemType: ZoteroItemType;
  title: string;
  creators: ZoteroCreator[];
  date?: string;
  DOI?: string;
  url?: string;
  abstractNote?: string;
  publicationTitle?: string;
  proceedingsTitle?: string;
  repository?: string;
  archiveID?: string;
  extra?: string;
  tags: { tag: string }[];
  notes: { note: string }[];
  attachments: ZoteroAttachment[];
}

/** Venues that are an arXiv listing or not yet published: the paper is a preprint. */
const NOT_PUBLISHED = /^(?:corr|arxiv)\b|^submitted to\b|^under review\b/i;
/** Venues that name proceedings or a conference: by word (any case), or by the field's usual acronyms. */
const CONFERENCE_WORDS = /\b(?:proceedings|proc\.|conference|conf\.|workshops?|symposium|congress|findings of|advances in neural)/i;
const CONFERENCE_ACRONYMS =
  /\b(?:NeurIPS|NIPS|ICML|ICLR|CVPR|ICCV|ECCV|WACV|BMVC|ACCV|ACL|EMNLP|NAACL|EACL|AACL|COLING|CoNLL|LREC|AAAI|IJCAI|KDD|WSDM|SIGIR|SIGGRAPH|CHI|UIST|WWW|STOC|FOCS|SODA|ICALP|AISTATS|UAI|COLT|CoRL|RSS|ICRA|IROS|MICCAI|INTERSPEECH|ICASSP|ECAI|ECML|PKDD|ICDM|CIKM|RecSys|MLSys|OSDI|SOSP|NSDI|USENIX|CCS|PLDI|POPL|ICSE|FSE)\b/;
/** Sites whose every paper is in conference proceedings. */
const PROCEEDINGS_SITES = new Set(['acl', 'cvf', 'neurips']);

/** The venue to cite, when it names where the paper was published. */
function publishedVenue(p: SavedPaper): string | undefined {
  return p.venue && !NOT_PUBLISHED.test(p.venue.trim()) ? p.venue.trim() : undefined;
}

/**
 * The item type, as far as the record tells: a published venue makes it a conference paper
 * (proceedings-like names, or a proceedings site) or a journal article; without one, an arXiv id
 * makes it a preprint, a DOI a journal article, a proceedings site a conference paper; anything
 * else is a preprint (a paper found on the web, not known to be published).
 */
export function zoteroItemType(p: SavedPaper): ZoteroItemType {
  const onProceedingsSite = p.sources.some((s) => PROCEEDINGS_SITES.has(s.site));
  const venue = publishedVenue(p);
  if (venue) return CONFERENCE_WORDS.test(venue) || CONFERENCE_ACRONYMS.test(venue) || onProceedingsSite ? 'conferencePaper' : 'journalArticle';
  if (p.arxivId) return 'preprint';
  if (p.doi) return 'journalArticle';
  return onProceedingsSite ? 'conferencePaper' : 'preprint';
}

/**
 * A display name as a Zotero creator: lib/exchange/csl's split (last word as the family name with
 * its lower-case particles, "Family, Given" as written); a suffix goes after the given name with a
 * comma ("Martin Luther, Jr."), as Zotero's citation processor reads it. A single word, or a name
 * that cannot be split, is a one-field name.
 */
export function zoteroCreator(name: string): ZoteroCreator {
  const n = splitName(name);
  if (n.literal !== undefined || !n.family) return { lastName: n.literal ?? name.trim(), creatorType: 'author', fieldMode: 1 };
  const given = [n.given, n.suffix].filter(Boolean).join(', ');
  return given ? { firstName: given, lastName: n.family, creatorType: 'author' } : { lastName: n.family, creatorType: 'author', fieldMode: 1 };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: every markup character escaped. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The user's plain-text note as a Zotero note (HTML): paragraphs at blank lines, line breaks kept,
 * every character of the text escaped (nothing in it is markup). '' for an empty note.
 */
export function noteHtml(note: string): string {
  const paragraphs = note
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs.map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`).join('');
}

/** The date Zotero should show: the full publication date, else the year. */
function dateOf(p: SavedPaper): string | undefined {
  return p.publishedAt ?? (p.year !== undefined ? String(p.year) : undefined);
}

/** One paper as a Zotero item (only the fields the record knows; `id` is the paper's id). */
export function toZoteroItem(p: SavedPaper): ZoteroItem {
  const itemType = zoteroItemType(p);
  const item: ZoteroItem = {
    id: p.id,
    itemType,
    title: p.title,
    creators: p.authors.filter((a) => a.trim()).map(zoteroCreator),
    tags: p.tags.map((tag) => ({ tag })),
    notes: [],
    attachments: [],
  };
  const date = dateOf(p);
  if (date) item.date = date;
  if (p.doi) item.DOI = p.doi;
  const url = referenceUrl(p);
  if (url) item.url = url;
  if (p.abstract) item.abstractNote = p.abstract;
  const venue = publishedVenue(p);
  if (venue && itemType === 'conferencePaper') item.proceedingsTitle = venue;
  if (venue && itemType === 'journalArticle') item.publicationTitle = venue;
  if (p.arxivId) {
    item.extra = `arXiv: ${p.arxivId}`;
    if (itemType === 'preprint') {
      item.repository = 'arXiv';
      item.archiveID = `arXiv:${p.arxivId}`;
    }
  }
  const note = noteHtml(p.note);
  if (note) item.notes.push({ note });
  if (p.links.pdf) item.attachments.push({ title: 'PDF (link)', url: p.links.pdf, mimeType: 'text/html', snapshot: false });
  return item;
}
