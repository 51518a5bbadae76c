/**
 * The reading list shown in the toolbar popup: header with the paper count, search (with its
 * filter syntax, lib/query) and filters, the windowed rows, selection with bulk actions, the empty
 * states and the Undo bar. Props in, callbacks out: no browser.* and no database (the popup's App
 * wires it to lib/library and the in-memory search index).
 *
 * Keyboard: `/` focuses the search box, ArrowDown / ArrowUp (and Home / End) move the current row
 * (roving focus; the list scrolls to keep it in view), Enter opens it, Space selects it (Shift:
 * a range), Delete (or Backspace on the row) removes it (with Undo), Escape clears the search
 * (then the selection).
 */
import { Component, type RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SortKey } from '@/lib/library';
import { STATUSES, tagKey, type SavedPaper, type Status } from '@/lib/paper';
import { parseQuery } from '@/lib/query';
import { paperHref, PaperRow } from './PaperRow';
import { BulkBar, type BulkAction } from './popup/BulkBar';
import { VirtualList, type RowPlacement } from './popup/VirtualList';
import { STATUS_LABEL } from './labels';

export type { BulkAction } from './popup/BulkBar';

/** What the user searches, filters and sorts by. Empty strings mean "all". */
export interface ListFilters {
  /** the search box text, with its filter syntax (lib/query) */
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

let countFormat: Intl.NumberFormat | undefined;

/** 1234 -> "1,234" (the popup is English). */
export function formatCount(n: number): string {
  // One formatter for every render: toLocaleString builds one per call, on every keystroke.
  countFormat ??= new Intl.NumberFormat('en-US');
  return countFormat.format(n);
}

/** "1 paper", "3 papers", "10,000 papers". */
export function papersCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'paper' : 'papers'}`;
}

/** The "Removed … Undo" notice; a new key restarts its timer. */
export interface UndoNotice {
  key: number;
  /** ids of the removed papers (focus returns to the first one after Undo) */
  ids: string[];
  /** what was removed, as the notice says it: “Title” or "3 papers" */
  what: string;
}

/** How long the Undo bar stays, unless hovered or focused. */
export const UNDO_TIMEOUT_MS = 8000;

/** The one-line search hint: examples of the filter syntax. */
export const SEARCH_EXAMPLES = ['tag:rl', 'status:unread', 'year:2024', 'site:arxiv', '-word'] as const;

export interface ReadingListProps {
  /** rows matching the search and filters, in order; null until the first load finishes */
  papers: readonly SavedPaper[] | null;
  /** how many papers are saved in all; null until known */
  total: number | null;
  /**
   * `papers` are only the first rows (or none, for a search) while the whole library is still
   * loading: no "Select all", and a search says it is waiting instead of "no matches".
   */
  loadingAll?: boolean;
  /** every tag in use, for the tag filter */
  tags: readonly string[];
  /** changes when the rows must show their stored values again (a failed edit) */
  epoch?: number;
  filters: ListFilters;
  onFiltersChange(next: ListFilters): void;
  onStatus(paper: SavedPaper, status: Status): void;
  onRemove(paper: SavedPaper): void;
  /** a bulk action on the selected papers (all of them match the current search) */
  onBulk?(action: BulkAction, papers: SavedPaper[]): void;
  /** open a paper's link in a new tab (Enter on a row) */
  onOpen?(paper: SavedPaper, href: string): void;
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
  /** parts of the search text that were ignored, and why (lib/query problems) */
  problems?: readonly string[];
}

/** Search box with its syntax hint, tag and status filters, sort order. */
export function FilterBar({ filters, tags, onChange, searchRef, problems = [] }: FilterBarProps) {
  const set = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch });
  // Keep a selected tag listed even after its last paper is gone, so the menu shows the truth.
  const tagOptions = filters.tag && !tags.some((t) => tagKey(t) === tagKey(filters.tag)) ? [filters.tag, ...tags] : tags;
  return (
    <div class="filters" role="search">
      <input
        ref={searchRef}
        type="search"
        class="search"
        aria-label="Search"
        aria-describedby="search-hint"
        placeholder="Search title, authors, abstract, tags, note"
        autocomplete="off"
        spellcheck={false}
        value={filters.text}
        onInput={(e) => set({ text: (e.currentTarget as HTMLInputElement).value })}
      />
      <p id="search-hint" class={problems.length ? 'search-hint problem' : 'search-hint'}>
        {problems.length
          ? problems.join(' ')
          : [
              'Filters: ',
              ...SEARCH_EXAMPLES.flatMap((x, i) => [
                i > 0 ? ' ' : '',
                <code key={x}>{x}</code>,
              ]),
            ]}
      </p>
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
  /** “Title” or "3 papers" */
  what: string;
  timeoutMs: number;
  onUndo(): void;
  onExpired(): void;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/** "Removed “title”. Undo" — goes away after timeoutMs, but not while hovered or focused. */
export function UndoBar({ what, timeoutMs, onUndo, onExpired, buttonRef }: UndoBarProps) {
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
      <span class="undo-text">{`Removed ${what}.`}</span>{' '}
      <button type="button" class="button undo-button" ref={buttonRef} onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}

/** Which part of a row keyboard focus goes to. */
type RowControl = 'row' | 'status' | 'remove' | 'select';

/** Where keyboard focus should land once the list re-renders after an action. */
interface FocusIntent {
  id: string;
  /** the row's position when the action started */
  index: number;
  control: RowControl;
  /** gone: wait for the row to leave; back: wait for it to return; either: decide on the next update */
  expect: 'gone' | 'back' | 'either';
}

function focusIsLost(): boolean {
  const a = document.activeElement;
  return !a || a === document.body || !a.isConnected;
}

/** The rendered row of a paper, if it is in the DOM (the list is windowed). */
function rowElement(list: HTMLUListElement | null, id: string): HTMLElement | undefined {
  if (!list) return undefined;
  for (const li of list.children) if ((li as HTMLElement).dataset.id === id) return li as HTMLElement;
  return undefined;
}

function controlOf(row: HTMLElement, control: RowControl): HTMLElement | null {
  return control === 'row' ? row : row.querySelector<HTMLElement>(`[data-control="${control}"]`);
}

/** True for elements where keys type text or change a value (shortcuts stay out of their way). */
function isEditable(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type);
}

const NO_SELECTION: ReadonlySet<string> = new Set();

/** What a row asks of the list; ShelfRow reads these when called, so they are always current. */
interface RowActions {
  activate(paper: SavedPaper): void;
  select(paper: SavedPaper, on: boolean, range: boolean): void;
  setStatus(paper: SavedPaper, status: Status): void;
  remove(paper: SavedPaper): void;
}

interface ShelfRowProps {
  paper: SavedPaper;
  place: RowPlacement;
  active: boolean;
  tabbable: boolean;
  selected: boolean;
  /** whether the row has a selection checkbox */
  selectable: boolean;
  actions: RefObject<RowActions | null>;
  epoch: number | undefined;
}

/**
 * One row of the list, rendered again only when something it shows changed. Typing on often
 * keeps the rows on screen (a longer word, the same best matches), and skipping their diff is
 * most of such a keystroke's rendering. Its callbacks take the list's handlers from `actions`
 * when called, so a row that skipped renders never calls stale ones.
 */
class ShelfRow extends Component<ShelfRowProps> {
  override shouldComponentUpdate(next: ShelfRowProps): boolean {
    const a = this.props;
    return (
      a.paper !== next.paper ||
      a.active !== next.active ||
      a.tabbable !== next.tabbable ||
      a.selected !== next.selected ||
      a.selectable !== next.selectable ||
      a.actions !== next.actions ||
      a.epoch !== next.epoch ||
      a.place.index !== next.place.index ||
      a.place.setSize !== next.place.setSize ||
      a.place.top !== next.place.top ||
      a.place.height !== next.place.height
    );
  }

  override render({ paper, place, active, tabbable, selected, selectable, actions }: ShelfRowProps) {
    const act = () => actions.current!;
    return (
      <PaperRow
        paper={paper}
        place={place}
        active={active}
        tabbable={tabbable}
        onActivate={() => act().activate(paper)}
        selected={selected}
        onSelect={selectable ? (on, range) => act().select(paper, on, range) : undefined}
        onStatus={(status) => act().setStatus(paper, status)}
        onRemove={() => act().remove(paper)}
      />
    );
  }
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
  const papers = p.papers ?? [];
  const problems = useMemo(() => parseQuery(p.filters.text).problems, [p.filters.text]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  const anchor = useRef<string | null>(null);
  // The current row belongs to one search: a new search starts at the top, with no current row.
  const listKey = `${p.filters.text}\u0000${p.filters.tag}\u0000${p.filters.status}\u0000${p.filters.sort}`;
  const [active, setActive] = useState<{ id: string; listKey: string } | null>(null);
  const activeId = active && active.listKey === listKey ? active.id : null;
  const setActiveId = (id: string) => setActive({ id, listKey });
  const activeIndex = activeId === null ? -1 : papers.findIndex((x) => x.id === activeId);
  /** a row control to focus once it is rendered */
  const pendingFocus = useRef<{ id: string; control: RowControl } | null>(null);
  const intent = useRef<FocusIntent | null>(null);

  // Type to search straight away: focus the search box once it first appears.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (focusedOnce.current || !searchRef.current) return;
    focusedOnce.current = true;
    searchRef.current.focus();
  });

  // The selection only ever holds papers the list shows (a search or a removal narrows it).
  useEffect(() => {
    if (selected.size === 0 || !p.papers) return;
    const shown = new Set(p.papers.map((x) => x.id));
    if ([...selected].every((id) => shown.has(id))) return;
    setSelected(new Set([...selected].filter((id) => shown.has(id))));
  }, [p.papers]);

  const focusRow = (id: string, control: RowControl) => {
    setActiveId(id);
    const el = rowElement(listRef.current, id);
    const target = el && controlOf(el, control);
    if (target) target.focus({ preventScroll: true });
    else pendingFocus.current = { id, control }; // not rendered yet: after the list scrolls to it
  };

  // Focus a row that was waiting to be rendered.
  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    const el = rowElement(listRef.current, want.id);
    if (!el) return;
    pendingFocus.current = null;
    controlOf(el, want.control)?.focus({ preventScroll: true });
  });

  /**
   * A removed (or filtered-away) row takes keyboard focus with it. Remember the intent when an
   * action starts; once the list shows its result, put focus on the same control of the row now in
   * that place (or the restored row after Undo), else on the first fallback that exists.
   */
  useEffect(() => {
    const want = intent.current;
    if (!want || !p.papers) return;
    const present = p.papers.some((x) => x.id === want.id);
    if ((want.expect === 'gone' && present) || (want.expect === 'back' && !present)) return;
    intent.current = null;
    // Rows are keyed by position: focus may stay on the row element now showing another paper.
    if (!focusIsLost() && !listRef.current?.contains(document.activeElement)) return;
    const target = want.expect === 'back' ? p.papers.find((x) => x.id === want.id) : p.papers[Math.min(want.index, p.papers.length - 1)];
    if (target) {
      focusRow(target.id, want.control);
      return;
    }
    [undoRef, clearRef, searchRef].map((f) => f.current).find((el) => el)?.focus();
  }, [p.papers]);

  // Anything else that takes focus away with it (the bulk bar closing, say) leaves it on the search box.
  const lastFocus = useRef<Element | null>(null);
  useEffect(() => {
    const last = lastFocus.current;
    if (last && !last.isConnected && focusIsLost() && !intent.current && !pendingFocus.current) searchRef.current?.focus();
  });

  const expectFocus = (next: FocusIntent) => {
    intent.current = next;
  };
  const indexOf = (paper: SavedPaper) => papers.findIndex((x) => x.id === paper.id);
  /** how the last removal was made: the Undo puts focus back on the same kind of control */
  const removedWith = useRef<RowControl>('remove');

  const remove = (paper: SavedPaper, control: RowControl = 'remove') => {
    removedWith.current = control;
    expectFocus({ id: paper.id, index: indexOf(paper), control, expect: 'gone' });
    p.onRemove(paper);
  };
  const setStatus = (paper: SavedPaper, status: Status) => {
    expectFocus({ id: paper.id, index: indexOf(paper), control: 'status', expect: 'either' });
    p.onStatus(paper, status);
  };
  const undo = () => {
    const first = p.undo?.ids[0];
    if (first) expectFocus({ id: first, index: 0, control: removedWith.current, expect: 'back' });
    p.onUndo();
  };
  const clearFilters = () => {
    p.onFiltersChange({ ...DEFAULT_FILTERS, sort: p.filters.sort });
    searchRef.current?.focus();
  };

  const select = (paper: SavedPaper, on: boolean, range: boolean) => {
    const next = new Set(selected);
    const from = range && anchor.current !== null ? papers.findIndex((x) => x.id === anchor.current) : -1;
    if (from >= 0) {
      const to = indexOf(paper);
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
        if (on) next.add(papers[i]!.id);
        else next.delete(papers[i]!.id);
      }
    } else if (on) next.add(paper.id);
    else next.delete(paper.id);
    anchor.current = paper.id;
    setSelected(next);
  };
  const selectAll = () => setSelected(new Set(papers.map((x) => x.id)));
  const clearSelection = () => {
    anchor.current = null;
    setSelected(NO_SELECTION);
  };
  const bulk = (action: BulkAction) => {
    const chosen = papers.filter((x) => selected.has(x.id));
    if (chosen.length === 0 || !p.onBulk) return;
    if (action.kind === 'remove') {
      removedWith.current = 'row';
      expectFocus({ id: chosen[0]!.id, index: indexOf(chosen[0]!), control: 'row', expect: 'gone' });
    }
    p.onBulk(action, chosen);
  };
  const open = (paper: SavedPaper) => {
    const href = paperHref(paper);
    if (href && p.onOpen) p.onOpen(paper, href);
  };
  // The rows' handlers, as of this render (rows that skip a render still call these).
  const rowActions = useRef<RowActions>(null);
  rowActions.current = {
    activate: (paper) => {
      if (activeId !== paper.id) setActiveId(paper.id);
    },
    select,
    setStatus,
    remove: (paper) => remove(paper),
  };

  // Keyboard shortcuts, on the whole document (`/` works before anything has focus).
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || loading) return;
    const target = e.target instanceof Element ? e.target : null;
    const search = searchRef.current;
    const inSearch = !!search && target === search;
    const rowEl = target?.closest<HTMLElement>('li.paper[data-id]');
    const row = rowEl && listRef.current?.contains(rowEl) ? rowEl : null;
    const onRow = !!row && target === row;
    const editable = isEditable(target);
    const index = row ? papers.findIndex((x) => x.id === row.dataset.id) : -1;
    const go = (i: number) => {
      e.preventDefault();
      if (papers.length > 0) focusRow(papers[Math.max(0, Math.min(papers.length - 1, i))]!.id, 'row');
    };
    switch (e.key) {
      case '/':
        if (editable || !search) return;
        e.preventDefault();
        search.focus();
        search.select();
        return;
      case 'Escape':
        if (editable && !inSearch) return;
        if (p.filters.text !== '') {
          e.preventDefault();
          p.onFiltersChange({ ...p.filters, text: '' });
          search?.focus();
        } else if (selected.size > 0) {
          e.preventDefault();
          clearSelection();
        }
        return;
      case 'ArrowDown':
        if (inSearch) go(activeIndex >= 0 ? activeIndex : 0);
        else if (row && !editable) go(index + 1);
        return;
      case 'ArrowUp':
        if (!row || editable) return;
        if (index <= 0) {
          e.preventDefault();
          search?.focus();
        } else go(index - 1);
        return;
      case 'Home':
        if (onRow) go(0);
        return;
      case 'End':
        if (onRow) go(papers.length - 1);
        return;
      case 'Enter':
        if (onRow && index >= 0) {
          e.preventDefault();
          open(papers[index]!);
        }
        return;
      case ' ':
        if (onRow && index >= 0 && p.onBulk) {
          e.preventDefault();
          select(papers[index]!, !selected.has(papers[index]!.id), e.shiftKey);
        }
        return;
      case 'Backspace': // the Delete key of a Mac keyboard, on the row itself only
        if (onRow && index >= 0) {
          e.preventDefault();
          remove(papers[index]!, 'row');
        }
        return;
      case 'Delete':
        if (row && !editable && index >= 0) {
          e.preventDefault();
          remove(papers[index]!, 'row');
        }
        return;
    }
  };
  const latestKey = useRef(onKey);
  latestKey.current = onKey;
  useEffect(() => {
    const handler = (e: KeyboardEvent) => latestKey.current(e);
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, []);

  const shown = papers.length;
  const summary = [
    p.loadingAll && p.total !== null
      ? `Loading ${papersCount(p.total)}…`
      : filtered && shown > 0 && p.total !== null
        ? `Showing ${formatCount(shown)} of ${papersCount(p.total)}`
        : '',
    selected.size > 0 ? `${formatCount(selected.size)} selected` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const listShown = !loading && !emptyShelf && shown > 0;
  const tabbableIndex = activeIndex >= 0 ? activeIndex : 0;

  return (
    <main class="shelf" aria-busy={loading || !!p.loadingAll} onFocusIn={(e) => (lastFocus.current = e.target as Element)}>
      <ShelfHeader total={p.total} />
      {!loading && !emptyShelf && (
        <FilterBar filters={p.filters} tags={p.tags} onChange={p.onFiltersChange} searchRef={searchRef} problems={problems} />
      )}
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
      <div class="listbar">
        <p class="summary" aria-live="polite">
          {summary}
        </p>
        {listShown && p.onBulk && !p.loadingAll && selected.size < shown && (
          <button type="button" class="link-button" onClick={selectAll}>
            {`Select all ${formatCount(shown)} matching`}
          </button>
        )}
      </div>
      {listShown && p.onBulk && selected.size > 0 && <BulkBar count={selected.size} onAction={bulk} onClear={clearSelection} />}
      {loading || !p.papers ? null : emptyShelf ? (
        <div class="scroller">
          <EmptyShelf />
        </div>
      ) : shown === 0 ? (
        <div class="scroller">
          {p.loadingAll ? <p class="empty">Searching as soon as every paper is loaded…</p> : <NoMatches filters={p.filters} onClear={clearFilters} clearRef={clearRef} />}
        </div>
      ) : (
        <VirtualList
          items={papers}
          label="Saved papers"
          listRef={listRef}
          activeIndex={activeIndex >= 0 ? activeIndex : undefined}
          resetKey={listKey}
          renderRow={(paper, place) => (
            <ShelfRow
              paper={paper}
              place={place}
              active={place.index === activeIndex}
              tabbable={place.index === tabbableIndex}
              selected={selected.has(paper.id)}
              selectable={!!p.onBulk}
              actions={rowActions}
              epoch={p.epoch}
            />
          )}
        />
      )}
      <div class="undo-region" role="status">
        {p.undo && (
          <UndoBar
            key={p.undo.key}
            what={p.undo.what}
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
