/**
 * The reading list shown in the toolbar popup: header with the paper count, search and filters,
 * the rows, the empty states and the Undo bar. Props in, callbacks out: no browser.* and no
 * database (the popup's App wires it to lib/library).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SortKey } from '@/lib/library';
import { STATUSES, type SavedPaper, type Status } from '@/lib/paper';
import { PaperRow } from './PaperRow';
import { STATUS_LABEL } from './toolbar/Toolbar';

/** What the user searches, filters and sorts by. Empty strings mean "all". */
export interface ListFilters {
  text: string;
  tag: string;
  status: Status | '';
  sort: SortKey;
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
  return f.text.trim() !== '' || f.tag !== '' || f.status !== '';
}

/** "1 paper", "3 papers". */
export function papersCount(n: number): string {
  return `${n} ${n === 1 ? 'paper' : 'papers'}`;
}

/** The "Removed … Undo" notice; a new key restarts its timer. */
export interface UndoNotice {
  key: number;
  /** id of the removed paper (focus returns to it after Undo) */
  id: string;
  title: string;
}

/** How long the Undo bar stays, unless hovered or focused. */
export const UNDO_TIMEOUT_MS = 8000;

export interface ReadingListProps {
  /** rows matching the filters, already sorted; null until the first load finishes */
  papers: readonly SavedPaper[] | null;
  /** how many papers are saved in all; null until known */
  total: number | null;
  /** every tag in use, for the tag filter */
  tags: readonly string[];
  filters: ListFilters;
  onFiltersChange(next: ListFilters): void;
  onStatus(paper: SavedPaper, status: Status): void;
  onRemove(paper: SavedPaper): void;
  /** the last removal, while it can still be undone */
  undo: UndoNotice | null;
  onUndo(): void;
  /** the Undo bar timed out */
  onUndoExpired(): void;
  undoTimeoutMs?: number;
  /** the last failure (load, patch, remove), shown above the list */
  error?: string | null;
  onDismissError?(): void;
}

/** The popup header: name and how many papers are saved. */
export function ShelfHeader({ total }: { total: number | null }) {
  return (
    <header class="shelf-header">
      <h1>PaperShelf</h1>
      <p class="shelf-count">{total === null ? '' : papersCount(total)}</p>
    </header>
  );
}

interface FilterBarProps {
  filters: ListFilters;
  tags: readonly string[];
  onChange(next: ListFilters): void;
  searchRef: RefObject<HTMLInputElement | null>;
}

/** Search box, tag and status filters, sort order. */
export function FilterBar({ filters, tags, onChange, searchRef }: FilterBarProps) {
  const set = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch });
  // Keep a selected tag listed even after its last paper is gone, so the menu shows the truth.
  const tagOptions = filters.tag && !tags.some((t) => t.toLowerCase() === filters.tag.toLowerCase()) ? [filters.tag, ...tags] : tags;
  return (
    <div class="filters" role="search">
      <input
        ref={searchRef}
        type="search"
        class="search"
        aria-label="Search"
        placeholder="Search title, authors, abstract, tags, note"
        autocomplete="off"
        spellcheck={false}
        value={filters.text}
        onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value })}
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
          {STATUSES.map((s) => (
            <option value={s} key={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </select>
        <select aria-label="Sort by" value={filters.sort} onChange={(e) => set({ sort: (e.currentTarget as HTMLSelectElement).value as SortKey })}>
          {(Object.keys(SORT_LABEL) as SortKey[]).map((k) => (
            <option value={k} key={k}>
              {SORT_LABEL[k]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** First-run help: how to save the first paper. */
export function EmptyShelf() {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">Your shelf is empty</h2>
      <ol class="steps">
        <li>
          Open{' '}
          <a href="https://huggingface.co/papers" target="_blank" rel="noopener noreferrer">
            huggingface.co/papers
          </a>
          .
        </li>
        <li>
          Click <strong>Save</strong> on a paper card.
        </li>
        <li>Add tags and notes from the same toolbar on the card.</li>
      </ol>
      <p class="hint">Saved papers show up here. They stay on this computer.</p>
    </section>
  );
}

/** Shown when a search or filter matches nothing. */
export function NoMatches({ filters, onClear, clearRef }: { filters: ListFilters; onClear(): void; clearRef: RefObject<HTMLButtonElement | null> }) {
  const text = filters.text.trim();
  const others = filters.tag !== '' || filters.status !== '';
  const message = text ? `No papers match “${text}”${others ? ' with these filters' : ''}.` : 'No papers match these filters.';
  return (
    <div class="empty">
      <p>{message}</p>
      <button type="button" class="button" ref={clearRef} onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}

interface UndoBarProps {
  title: string;
  timeoutMs: number;
  onUndo(): void;
  onExpired(): void;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/** "Removed “title”. Undo" — goes away after timeoutMs, but not while hovered or focused. */
export function UndoBar({ title, timeoutMs, onUndo, onExpired, buttonRef }: UndoBarProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const expired = useRef(onExpired);
  expired.current = onExpired;
  const paused = hovered || focused;
  useEffect(() => {
    if (paused) return;
    const t = setTimeout(() => expired.current(), timeoutMs);
    return () => clearTimeout(t);
  }, [paused, timeoutMs]);
  return (
    <div
      class="undo"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={() => setFocused(false)}
    >
      <span class="undo-text">{`Removed “${title}”.`}</span>{' '}
      <button type="button" class="button undo-button" ref={buttonRef} onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}

/** Where keyboard focus should land once the list re-renders after an action. */
interface FocusIntent {
  id: string;
  /** the row's position when the action started */
  index: number;
  control: 'status' | 'remove';
  /** gone: wait for the row to leave; back: wait for it to return; either: decide on the next update */
  expect: 'gone' | 'back' | 'either';
}

function focusIsLost(): boolean {
  const a = document.activeElement;
  return !a || a === document.body || !a.isConnected;
}

/**
 * A removed (or filtered-away) row takes keyboard focus with it. Remember the intent when an
 * action starts; once the list shows its result, put focus on the same control of the row now in
 * that place (or the restored row after Undo), else on the first fallback that exists.
 */
function useFocusRecovery(
  papers: readonly SavedPaper[] | null,
  listRef: RefObject<HTMLUListElement | null>,
  fallbacks: RefObject<HTMLElement | null>[],
): (intent: FocusIntent) => void {
  const intent = useRef<FocusIntent | null>(null);
  useEffect(() => {
    const want = intent.current;
    if (!want || !papers) return;
    const present = papers.some((x) => x.id === want.id);
    if ((want.expect === 'gone' && present) || (want.expect === 'back' && !present)) return;
    intent.current = null;
    if (!focusIsLost()) return;
    const rows = [...(listRef.current?.children ?? [])] as HTMLElement[];
    const row = want.expect === 'back' ? rows.find((r) => r.dataset.id === want.id) : rows[Math.min(want.index, rows.length - 1)];
    const target = row?.querySelector<HTMLElement>(`[data-control="${want.control}"]`) ?? fallbacks.map((f) => f.current).find((el) => el);
    target?.focus();
  }, [papers]);
  return (next) => {
    intent.current = next;
  };
}

/** The whole popup view. */
export function ReadingList(p: ReadingListProps) {
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  const filtered = hasActiveFilters(p.filters);
  const emptyShelf = p.total === 0 && !filtered;
  const loading = p.papers === null || p.total === null;

  // Type to search straight away: focus the search box once it first appears.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (focusedOnce.current || !searchRef.current) return;
    focusedOnce.current = true;
    searchRef.current.focus();
  });

  const expectFocus = useFocusRecovery(p.papers, listRef, [undoRef, clearRef, searchRef]);

  const indexOf = (paper: SavedPaper) => p.papers?.findIndex((x) => x.id === paper.id) ?? -1;
  const remove = (paper: SavedPaper) => {
    expectFocus({ id: paper.id, index: indexOf(paper), control: 'remove', expect: 'gone' });
    p.onRemove(paper);
  };
  const setStatus = (paper: SavedPaper, status: Status) => {
    expectFocus({ id: paper.id, index: indexOf(paper), control: 'status', expect: 'either' });
    p.onStatus(paper, status);
  };
  const undo = () => {
    if (p.undo) expectFocus({ id: p.undo.id, index: 0, control: 'remove', expect: 'back' });
    p.onUndo();
  };
  const clearFilters = () => {
    p.onFiltersChange({ ...DEFAULT_FILTERS, sort: p.filters.sort });
    searchRef.current?.focus();
  };

  const shown = p.papers?.length ?? 0;
  return (
    <main class="shelf" aria-busy={loading}>
      <ShelfHeader total={p.total} />
      {!loading && !emptyShelf && <FilterBar filters={p.filters} tags={p.tags} onChange={p.onFiltersChange} searchRef={searchRef} />}
      {p.error && (
        <div class="error" role="alert">
          <span>{p.error}</span>
          {p.onDismissError && (
            <button type="button" class="button" onClick={p.onDismissError}>
              Dismiss
            </button>
          )}
        </div>
      )}
      <p class="summary" aria-live="polite">
        {filtered && shown > 0 && p.total !== null ? `Showing ${shown} of ${papersCount(p.total)}` : ''}
      </p>
      <div class="scroller">
        {loading || !p.papers ? null : emptyShelf ? (
          <EmptyShelf />
        ) : shown === 0 ? (
          <NoMatches filters={p.filters} onClear={clearFilters} clearRef={clearRef} />
        ) : (
          <ul class="papers" aria-label="Saved papers" ref={listRef}>
            {p.papers.map((paper) => (
              <PaperRow key={paper.id} paper={paper} onStatus={(s) => setStatus(paper, s)} onRemove={() => remove(paper)} />
            ))}
          </ul>
        )}
      </div>
      <div class="undo-region" role="status">
        {p.undo && (
          <UndoBar
            key={p.undo.key}
            title={p.undo.title}
            timeoutMs={p.undoTimeoutMs ?? UNDO_TIMEOUT_MS}
            onUndo={undo}
            onExpired={p.onUndoExpired}
            buttonRef={undoRef}
          />
        )}
      </div>
    </main>
  );
}
