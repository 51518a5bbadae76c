/** What the reading list is searched, filtered and sorted by, and how the view names it. */
import type { SortKey } from '@/lib/list/sort';
import type { Status } from '@/lib/paper';

/** What the user searches, filters and sorts by. Empty strings mean "all". */
export interface ListFilters {
  /** the search box text, with its filter syntax (lib/list/query) */
  text: string;
  tag: string;
  status: Status | '';
  sort: SortKey;
  /** only the papers the current tab's page shows (the side panel's "On this page") */
  page?: boolean;
}

/** The popup's initial state: everything, most recently saved first. */
export const DEFAULT_FILTERS: ListFilters = { text: '', tag: '', status: '', sort: 'savedAt' };

/** Labels of the sort options, in the order the menu shows them. */
export const SORT_LABEL: Record<SortKey, string> = {
  savedAt: 'Recently saved',
  publishedAt: 'Publication date',
  upvotes: 'Upvotes',
  title: 'Title',
};

/** True when a search or filter narrows the list (sorting does not). */
export function hasActiveFilters(f: ListFilters): boolean {
  return f.text.trim() !== '' || f.tag !== '' || f.status !== '' || !!f.page;
}

/** A key naming one search (filters and sort): the current row belongs to one. */
export function filtersKey(f: ListFilters): string {
  return `${f.text}\u0000${f.tag}\u0000${f.status}\u0000${f.sort}${f.page ? '\u0000page' : ''}`;
}
