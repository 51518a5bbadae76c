/**
 * The orders of the reading list: recent first for dates, most upvoted first, titles A-Z
 * (case and accents ignored); missing values last; ties by save time, then id. One definition
 * for the library's queries, the popup's in-memory index and exports. No database here, so the
 * popup's search index can use it without Dexie.
 */
import type { Searchable } from './searchable';

export type SortKey = 'savedAt' | 'publishedAt' | 'upvotes' | 'title';
export const SORT_KEYS: readonly SortKey[] = ['savedAt', 'publishedAt', 'upvotes', 'title'];

// Intl.Collator objects rather than String#localeCompare with options: the same comparison,
// far faster in V8, and the popup sorts every title (the figure: test/bench/README.md).
const TITLE_ORDER = new Intl.Collator(undefined, { sensitivity: 'base' });
const DEFAULT_ORDER = new Intl.Collator();

/** What a sort order reads of a record. */
type Sortable = Pick<Searchable, 'id' | 'title' | 'savedAt' | 'publishedAt' | 'signals'>;

const COMPARE: Record<SortKey, (a: Sortable, b: Sortable) => number> = {
  savedAt: (a, b) => b.savedAt - a.savedAt,
  publishedAt: (a, b) => DEFAULT_ORDER.compare(b.publishedAt ?? '', a.publishedAt ?? ''),
  upvotes: (a, b) => (b.signals.upvotes ?? -1) - (a.signals.upvotes ?? -1),
  title: (a, b) => TITLE_ORDER.compare(a.title, b.title),
};

/** Sort `rows` in place by `sort`, and return them. */
export function sortPapers<T extends Sortable>(rows: T[], sort: SortKey): T[] {
  const by = COMPARE[sort];
  return rows.sort((a, b) => by(a, b) || b.savedAt - a.savedAt || DEFAULT_ORDER.compare(a.id, b.id));
}
