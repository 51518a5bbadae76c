/**
 * Which papers an export covers: all, or those matching the query in the options page URL
 * (`options.html?q=tag:rl year:2024`), in the popup's search syntax (lib/list/query parseQuery).
 */
import { sortPapers } from '../list/sort';
import { tagKey, type SavedPaper } from '../paper';
import { isEmptyQuery, parseQuery, type ParsedQuery } from '../list/query';
import { matchesTerms, paperWords } from '../list/words';

function yearOf(p: SavedPaper): number | undefined {
  return p.publishedAt ? Number(p.publishedAt.slice(0, 4)) : undefined;
}

/** Does a paper match a parsed query? (Same meaning as the popup's search box, see lib/list/query.) */
export function matchesQuery(p: SavedPaper, q: ParsedQuery): boolean {
  const words = q.terms.length || q.not.terms.length ? paperWords(p) : [];
  if (q.terms.length && !matchesTerms(words, q.terms)) return false;
  if (q.not.terms.some((t) => words.some((w) => w.startsWith(t)))) return false;
  const tags = new Set(p.tags.map(tagKey));
  if (!q.tags.every((t) => tags.has(tagKey(t)))) return false;
  if (q.not.tags.some((t) => tags.has(tagKey(t)))) return false;
  if (q.status && p.status !== q.status) return false;
  if (q.not.statuses.includes(p.status)) return false;
  if (q.year) {
    const y = yearOf(p);
    if (y === undefined || y < q.year.from || y > q.year.to) return false;
  }
  const sites = p.sources.map((s) => s.site.toLowerCase());
  if (q.site && !sites.some((s) => s.startsWith(q.site!))) return false;
  if (q.not.sites.some((n) => sites.some((s) => s.startsWith(n)))) return false;
  return true;
}

export interface Selection {
  papers: SavedPaper[];
  /** the query text, trimmed ('' when exporting everything) */
  query: string;
  /** parts of the query that were ignored, in words */
  problems: string[];
}

/** The papers to export for a query text (empty: all), most recently saved first. */
export function selectPapers(all: readonly SavedPaper[], text: string): Selection {
  const query = text.trim();
  const parsed = parseQuery(query);
  const papers = isEmptyQuery(parsed) ? [...all] : all.filter((p) => matchesQuery(p, parsed));
  return { papers: sortPapers(papers, 'savedAt'), query: isEmptyQuery(parsed) ? '' : query, problems: parsed.problems };
}

/** The `q` parameter of a location search string ("?q=tag%3Arl" -> "tag:rl"). */
export function queryFromSearch(search: string): string {
  return new URLSearchParams(search).get('q')?.trim() ?? '';
}
