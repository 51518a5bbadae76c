/** The reading list's search box with its syntax hint, the tag and status filters and the sort order. */
import type { RefObject } from 'preact';
import { tagKey, type Status } from '@/lib/paper';
import type { SortKey } from '@/lib/list/sort';
import { StatusOptions } from '../StatusOptions';
import { SORT_LABEL, type ListFilters } from './filters';
import { SearchField } from './SearchField';

/** The one-line search hint: examples of the filter syntax. */
export const SEARCH_EXAMPLES = ['tag:rl', 'status:unread', 'year:2024', 'site:arxiv', '-word'] as const;

interface FilterBarProps {
  filters: ListFilters;
  tags: readonly string[];
  onChange(next: ListFilters): void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** parts of the search text that were ignored, and why (lib/list/query problems) */
  problems?: readonly string[];
  /** how many saved papers the current tab's page shows (the "On this page" toggle shows when > 0) */
  pageCount?: number;
}

/** Search box with its syntax hint, tag and status filters, sort order. */
export function FilterBar({ filters, tags, onChange, searchRef, problems = [], pageCount = 0 }: FilterBarProps) {
  const set = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch });
  // Keep a selected tag listed even after its last paper is gone, so the menu shows the truth.
  const tagOptions = filters.tag && !tags.some((t) => tagKey(t) === tagKey(filters.tag)) ? [filters.tag, ...tags] : tags;
  return (
    <div class="filters" role="search">
      <SearchField
        searchRef={searchRef}
        label="Search"
        placeholder="Search title, authors, abstract, tags, note"
        hintId="search-hint"
        examples={SEARCH_EXAMPLES}
        problems={problems}
        text={filters.text}
        onText={(text) => set({ text })}
      />
      <div class="selects">
        <select aria-label="Filter by tag" value={filters.tag} onChange={(e) => set({ tag: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">All tags</option>
          {tagOptions.map((t) => (
            <option value={t} key={t}>
              {t}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter by status"
          value={filters.status}
          onChange={(e) => set({ status: (e.currentTarget as HTMLSelectElement).value as Status | '' })}
        >
          <option value="">All statuses</option>
          <StatusOptions />
        </select>
        <select aria-label="Sort by" value={filters.sort} onChange={(e) => set({ sort: (e.currentTarget as HTMLSelectElement).value as SortKey })}>
          {(Object.keys(SORT_LABEL) as SortKey[]).map((k) => (
            <option value={k} key={k}>
              {SORT_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
      {(pageCount > 0 || filters.page) && (
        <button type="button" class="page-toggle" aria-pressed={!!filters.page} onClick={() => set({ page: !filters.page })}>
          {`On this page (${pageCount})`}
        </button>
      )}
    </div>
  );
}
