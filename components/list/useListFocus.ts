/**
 * Keyboard focus in the reading list: the search box when the list first shows (type to search
 * straight away), the current row (roving focus: one row is tabbable, the arrow keys move it), and
 * where focus lands after an action takes a row away. A removed (or filtered-away) row takes focus
 * with it: the action says so when it starts, and once the list shows its result focus goes to
 * the same control of the row now in that place (or of the restored row after Undo), else to the
 * first fallback that exists.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavedPaper } from '@/lib/paper';
import type { RowControl } from './ShelfRow';

/** Where keyboard focus should land once the list re-renders after an action. */
interface FocusIntent {
  id: string;
  /** the row's position when the action started */
  index: number;
  control: RowControl;
  /** gone: wait for the row to leave; back: wait for it to return; either: decide on the next update */
  expect: 'gone' | 'back' | 'either';
}

export interface ListFocusOptions {
  /** the rows the list shows (null until they are loaded) */
  papers: readonly SavedPaper[] | null;
  /** names the current search: a new one starts at the top, with no current row */
  listKey: string;
  listRef: RefObject<HTMLUListElement | null>;
  searchRef: RefObject<HTMLInputElement | null>;
  /** where focus goes when no row can take it: the first of these that is rendered */
  fallbacks: readonly RefObject<HTMLElement | null>[];
}

export interface ListFocus {
  /** the current row's id and index in `papers` (null and -1: none) */
  activeId: string | null;
  activeIndex: number;
  /** make a row the current one (a click or focus on it) */
  activate(id: string): void;
  /** make a row current and focus one of its controls, once the windowed list has rendered it */
  focusRow(id: string, control: RowControl): void;
  /** an action will remove this paper (focus on `control` of the row taking its place) */
  willRemove(paper: SavedPaper, control: RowControl): void;
  /** an action may move this paper or filter it away (focus stays on `control` in that place) */
  willChange(paper: SavedPaper, control: RowControl): void;
  /** Undo will bring this paper back: focus goes to it, on the control it was removed with */
  willRestore(id: string): void;
  /** the list's focusin handler (focus leaving with an element that goes away returns to the search box) */
  onFocusIn(e: FocusEvent): void;
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

export function useListFocus({ papers: shown, listKey, listRef, searchRef, fallbacks }: ListFocusOptions): ListFocus {
  const papers = shown ?? [];
  const [active, setActive] = useState<{ id: string; listKey: string } | null>(null);
  const activeId = active && active.listKey === listKey ? active.id : null;
  const setActiveId = (id: string) => setActive({ id, listKey });
  const activeIndex = activeId === null ? -1 : papers.findIndex((x) => x.id === activeId);
  /** a row control to focus once it is rendered */
  const pendingFocus = useRef<{ id: string; control: RowControl } | null>(null);
  const intent = useRef<FocusIntent | null>(null);
  /** how the last removal was made: the Undo puts focus back on the same kind of control */
  const removedWith = useRef<RowControl>('remove');
  const lastFocus = useRef<Element | null>(null);

  // Type to search straight away: focus the search box once it first appears.
  const focusedOnce = useRef(false);
  useEffect(() => {
    if (focusedOnce.current || !searchRef.current) return;
    focusedOnce.current = true;
    searchRef.current.focus();
  });

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

  // Once the list shows the result of an action, put focus where the action said.
  useEffect(() => {
    const want = intent.current;
    if (!want || !shown) return;
    const present = shown.some((x) => x.id === want.id);
    if ((want.expect === 'gone' && present) || (want.expect === 'back' && !present)) return;
    intent.current = null;
    // Rows are keyed by position: focus may stay on the row element now showing another paper.
    if (!focusIsLost() && !listRef.current?.contains(document.activeElement)) return;
    const target = want.expect === 'back' ? shown.find((x) => x.id === want.id) : shown[Math.min(want.index, shown.length - 1)];
    if (target) {
      focusRow(target.id, want.control);
      return;
    }
    fallbacks.map((f) => f.current).find((el) => el)?.focus();
  }, [shown]);

  // Anything else that takes focus away with it (the bulk bar closing, say) leaves it on the search box.
  useEffect(() => {
    const last = lastFocus.current;
    if (last && !last.isConnected && focusIsLost() && !intent.current && !pendingFocus.current) searchRef.current?.focus();
  });

  const indexOf = (paper: SavedPaper) => papers.findIndex((x) => x.id === paper.id);
  return {
    activeId,
    activeIndex,
    activate: (id) => {
      if (activeId !== id) setActiveId(id);
    },
    focusRow,
    willRemove: (paper, control) => {
      removedWith.current = control;
      intent.current = { id: paper.id, index: indexOf(paper), control, expect: 'gone' };
    },
    willChange: (paper, control) => {
      intent.current = { id: paper.id, index: indexOf(paper), control, expect: 'either' };
    },
    willRestore: (id) => {
      intent.current = { id, index: 0, control: removedWith.current, expect: 'back' };
    },
    onFocusIn: (e) => {
      lastFocus.current = e.target as Element;
    },
  };
}
