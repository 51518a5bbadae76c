/**
 * What the details view says about a paper, as plain values: the date line, its ids, its links
 * (http(s) only: a stored `javascript:` or `data:` URL never becomes a link) and the feed
 * signals kept. Pure functions of the record, so the view stays a layout.
 */
import type { SavedPaper } from '@/lib/paper';
import { SITES } from '@/lib/sites/registry';
import { formatDate } from '../PaperRow';
import { formatCount } from '../list/counts';

/** A labelled value (an id, a link). */
export interface Labelled {
  label: string;
  value: string;
}

/** A link the view may show: its label, its http(s) address, and a note after it ("★ 1,234"). */
export interface DetailLink {
  label: string;
  href: string;
  note?: string;
}

/** A site id's label from the registry ("huggingface" -> "Hugging Face Papers"), else the id itself. */
export function siteLabel(site: string): string {
  return SITES.find((s) => s.id === site)?.label ?? site;
}

/** True for an absolute http(s) URL. */
export function isHttp(url: string | undefined): url is string {
  if (!url || !/^https?:\/\//i.test(url)) return false;
  try {
    return !!new URL(url).host;
  } catch {
    return false;
  }
}

/** "NeurIPS 2019 · Jun 12, 2017", "2019" (a year alone), "" (nothing known). */
export function whenLine(p: Pick<SavedPaper, 'venue' | 'publishedAt' | 'year'>): string {
  const date = p.publishedAt ? formatDate(p.publishedAt) : p.year !== undefined ? String(p.year) : '';
  return [p.venue, date].filter(Boolean).join(' · ');
}

/** The paper's ids: arXiv (with its version), DOI, then each site's own id. */
export function paperIds(p: Pick<SavedPaper, 'arxivId' | 'arxivVersion' | 'doi' | 'siteIds'>): Labelled[] {
  const out: Labelled[] = [];
  if (p.arxivId) out.push({ label: 'arXiv', value: p.arxivVersion ? `${p.arxivId}v${p.arxivVersion}` : p.arxivId });
  if (p.doi) out.push({ label: 'DOI', value: p.doi });
  for (const [site, id] of Object.entries(p.siteIds ?? {})) out.push({ label: siteLabel(site), value: id });
  return out;
}

/** Every link kept for the paper, then each site it was seen on; http(s) only. */
export function detailLinks(p: Pick<SavedPaper, 'links' | 'signals' | 'sources'>): DetailLink[] {
  const { links, signals } = p;
  const stars = signals.githubStars;
  const code = links.code ?? signals.githubRepo;
  const candidates: (DetailLink | null)[] = [
    links.page ? { label: 'Paper page', href: links.page } : null,
    links.abs && links.abs !== links.page ? { label: 'Abstract', href: links.abs } : null,
    links.pdf ? { label: 'PDF', href: links.pdf } : null,
    code ? { label: 'Code', href: code, ...(stars !== undefined ? { note: `★ ${formatCount(stars)}` } : {}) } : null,
    links.project ? { label: 'Project page', href: links.project } : null,
    links.bib ? { label: 'BibTeX', href: links.bib } : null,
    links.supp ? { label: 'Supplementary material', href: links.supp } : null,
    ...p.sources.map((s) => ({ label: `Seen on ${siteLabel(s.site)}`, href: s.url })),
  ];
  return candidates.filter((l): l is DetailLink => l !== null && isHttp(l.href));
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The feed signals kept: "120 upvotes", "4 comments", "cited by 31". */
export function signalsList(s: SavedPaper['signals']): string[] {
  return [
    s.upvotes !== undefined ? plural(s.upvotes, 'upvote', 'upvotes') : '',
    s.comments !== undefined ? plural(s.comments, 'comment', 'comments') : '',
    s.citedBy !== undefined ? `cited by ${formatCount(s.citedBy)}` : '',
  ].filter(Boolean);
}

/** Every author's name, or the count when only that is known. */
export function allAuthors(p: Pick<SavedPaper, 'authors' | 'authorCount'>): string {
  const names = p.authors.filter((a) => a.trim() !== '');
  const n = p.authorCount ?? 0;
  if (names.length === 0) return n > 0 ? plural(n, 'author', 'authors') : '';
  return n > names.length ? `${names.join(', ')} and ${plural(n - names.length, 'other', 'others')}` : names.join(', ');
}
