/**
 * The reading list, in the toolbar popup and the side panel: header with the paper count, search
 * (with its filter syntax, lib/list/query) and filters, the windowed rows, selection with bulk
 * actions, the empty states and the Undo bar; a paper's details open in place of the list. Props
 * in, callbacks out: no browser.* and no database (the popup's App wires it to the library
 * through lib/list/list-store). Its parts live in components/list/ and components/details/: the
 * views, the selection, keyboard focus and the shortcuts (useListKeys says which keys).
 */
import type { ComponentChild } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ZoteroReport } from '@/lib/exchange/zotero-ask';
import type { SavedPaper, Status } from '@/lib/paper';
import { parseQuery } from '@/lib/list/query';
import { GoneDetails, PaperDetails } from './details/PaperDetails';
import { paperHref } from './PaperRow';
import { BulkBar, type BulkAction } from './list/BulkBar';
import { papersCount, formatCount } from './list/counts';
import { EmptyShelf, NoMatches } from './list/EmptyStates';
import { ErrorBar } from './list/ErrorBar';
import { FilterBar } from './list/FilterBar';
import { DEFAULT_FILTERS, filtersKey, hasActiveFilters, type ListFilters } from './list/filters';
import { ShelfHeader } from './list/ShelfHeader';
import { ShelfRow, type RowActions, type RowControl } from './list/ShelfRow';
import { UNDO_TIMEOUT_MS, UndoBar, type UndoNotice } from './list/UndoBar';
import { useListFocus } from './list/useListFocus';
import { useListKeys } from './list/useListKeys';
import { useSelection } from './list/useSelection';
import { VirtualList } from './list/VirtualList';

/** A change to a paper's tags from the details view. */
export type TagChange = { add: string } | { remove: string };

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
  /** any saved paper by id, also one the search leaves out (details follow it); defaults to the rows */
  lookup?(id: string): SavedPaper | undefined;
  /** save a paper's note (details) */
  onNote?(paper: SavedPaper, note: string): void;
  /** add or remove one of a paper's tags (details) */
  onTag?(paper: SavedPaper, change: TagChange): void;
  /** open the options page (a header button) */
  onOptions?(): void;
  /** open the list in the side panel (a header button, in the popup) */
  onSidePanel?(): void;
  /** how many saved papers the current tab's page shows ("On this page" when > 0) */
  pageCount?: number;
  /** send papers to Zotero, called from the click itself (details, bulk bar); absent: no such button */
  onSendToZotero?(papers: SavedPaper[]): Promise<ZoteroReport>;
  /** the Saved / Seen switch (components/list/ViewSwitch), under the header; absent: none */
  viewSwitch?: ComponentChild;
}

/** The whole list view (popup or side panel). */
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
  const selection = useSelection(p.papers);
  const { selected } = selection;
  // The current row belongs to one search: a new search starts at the top, with no current row.
  const listKey = filtersKey(p.filters);
  const focus = useListFocus({ papers: p.papers, listKey, listRef, searchRef, fallbacks: [undoRef, clearRef, searchRef] });
  // The paper whose details show in place of the list (null: the list).
  const [detailsId, setDetailsId] = useState<string | null>(null);
  const lookup = (id: string) => (p.lookup ? p.lookup(id) : papers.find((x) => x.id === id));
  const detailed = detailsId === null ? undefined : lookup(detailsId);

  const remove = (paper: SavedPaper, control: RowControl = 'remove') => {
    focus.willRemove(paper, control);
    p.onRemove(paper);
  };
  const setStatus = (paper: SavedPaper, status: Status) => {
    focus.willChange(paper, 'status');
    p.onStatus(paper, status);
  };
  const undo = () => {
    const first = p.undo?.ids[0];
    if (first) focus.willRestore(first);
    p.onUndo();
  };
  const clearFilters = () => {
    p.onFiltersChange({ ...DEFAULT_FILTERS, sort: p.filters.sort });
    searchRef.current?.focus();
  };
  const bulk = (action: BulkAction) => {
    const chosen = papers.filter((x) => selected.has(x.id));
    if (chosen.length === 0 || !p.onBulk) return;
    if (action.kind === 'remove') focus.willRemove(chosen[0]!, 'row');
    p.onBulk(action, chosen);
  };
  // Send to Zotero for the selection: how many of it went before; all of it, or only the others.
  const chosenFor = (onlyUnsent: boolean) => papers.filter((x) => selected.has(x.id) && (!onlyUnsent || x.zoteroSentAt === undefined));
  const zotero = p.onSendToZotero && selected.size > 0 ? { sentBefore: selected.size - chosenFor(true).length, onSend: (only: boolean) => p.onSendToZotero!(chosenFor(only)) } : undefined;
  const open = (paper: SavedPaper) => {
    const href = paperHref(paper);
    if (href && p.onOpen) p.onOpen(paper, href);
  };
  const openDetails = (paper: SavedPaper) => {
    focus.activate(paper.id);
    setDetailsId(paper.id);
  };
  // Back to the list (kept in the DOM, hidden, meanwhile: its scroll position stays), focus on
  // the paper's row once it shows, or the search box when the search no longer lists it.
  const returningTo = useRef<string | null>(null);
  const closeDetails = () => {
    returningTo.current = detailsId;
    setDetailsId(null);
  };
  useEffect(() => {
    const id = returningTo.current;
    if (detailsId !== null || id === null) return;
    returningTo.current = null;
    if (papers.some((x) => x.id === id)) focus.focusRow(id, 'row');
    else searchRef.current?.focus();
  }, [detailsId]);
  // The rows' handlers, as of this render (rows that skip a render still call these).
  const rowActions = useRef<RowActions>(null);
  rowActions.current = {
    activate: (paper) => focus.activate(paper.id),
    select: selection.select,
    setStatus,
    remove: (paper) => remove(paper),
    details: openDetails,
  };
  useListKeys({
    enabled: !loading && detailsId === null,
    papers,
    searchRef,
    listRef,
    activeIndex: focus.activeIndex,
    searching: p.filters.text !== '',
    selected,
    selectable: !!p.onBulk,
    focusRow: focus.focusRow,
    clearSearch: () => p.onFiltersChange({ ...p.filters, text: '' }),
    clearSelection: selection.clear,
    open,
    details: openDetails,
    select: selection.select,
    remove,
  });

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
  const { activeIndex } = focus;
  const tabbableIndex = activeIndex >= 0 ? activeIndex : 0;

  const inDetails = detailsId !== null;
  const listView = (
    <>
      <div class="listbar">
        <p class="summary" aria-live="polite">
          {summary}
        </p>
        {listShown && p.onBulk && !p.loadingAll && selected.size < shown && (
          <button type="button" class="link-button" onClick={selection.selectAll}>
            {`Select all ${formatCount(shown)} matching`}
          </button>
        )}
      </div>
      {listShown && p.onBulk && selected.size > 0 && <BulkBar count={selected.size} onAction={bulk} onClear={selection.clear} zotero={zotero} />}
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
    </>
  );

  return (
    <main class="shelf" aria-busy={loading || !!p.loadingAll} onFocusIn={focus.onFocusIn}>
      <ShelfHeader total={p.total} onOptions={p.onOptions} onSidePanel={p.onSidePanel} />
      {p.viewSwitch}
      {!loading && !emptyShelf && (
        <div class="list-part" hidden={inDetails}>
          <FilterBar filters={p.filters} tags={p.tags} onChange={p.onFiltersChange} searchRef={searchRef} problems={problems} pageCount={p.pageCount} />
        </div>
      )}
      <ErrorBar error={p.error} onDismiss={p.onDismissError} />
      <div class="list-part" hidden={inDetails}>
        {listView}
      </div>
      {!inDetails ? null : detailed ? (
        <PaperDetails
          paper={detailed}
          tags={p.tags}
          epoch={p.epoch}
          onBack={closeDetails}
          onStatus={(status) => p.onStatus(detailed, status)}
          onNote={(note) => p.onNote?.(detailed, note)}
          onAddTag={(tag) => p.onTag?.(detailed, { add: tag })}
          onRemoveTag={(tag) => p.onTag?.(detailed, { remove: tag })}
          onSendToZotero={p.onSendToZotero && (() => p.onSendToZotero!([detailed]))}
        />
      ) : (
        <GoneDetails onBack={closeDetails} />
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
