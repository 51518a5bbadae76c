/**
 * The reading list's keyboard shortcuts, on the whole document (`/` works before anything has
 * focus): `/` focuses the search box, ArrowDown / ArrowUp (and Home / End) move the current row,
 * Enter or ArrowRight open its details, `o` opens the paper in a new tab, Space ticks it (Shift: a
 * range), Delete (or Backspace on the row) removes it, Escape clears the search (then the
 * selection). Keys that type or change a value in a field are left to it. The details view has
 * its own keys (components/details/PaperDetails): the list's are off while it is open.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { SavedPaper } from '@/lib/paper';
import type { RowControl } from './ShelfRow';

export interface ListKeysOptions {
  /** false while the list is loading: no shortcut then */
  enabled: boolean;
  /** the rows the list shows, in order */
  papers: readonly SavedPaper[];
  searchRef: RefObject<HTMLInputElement | null>;
  listRef: RefObject<HTMLUListElement | null>;
  /** the current row's index (-1: none) */
  activeIndex: number;
  /** whether the search box holds text (Escape clears it first) */
  searching: boolean;
  selected: ReadonlySet<string>;
  /** whether rows can be ticked */
  selectable: boolean;
  focusRow(id: string, control: RowControl): void;
  clearSearch(): void;
  clearSelection(): void;
  open(paper: SavedPaper): void;
  /** show the paper's details in place of the list */
  details(paper: SavedPaper): void;
  select(paper: SavedPaper, on: boolean, range: boolean): void;
  remove(paper: SavedPaper, control: RowControl): void;
}

/** True for elements where keys type text or change a value (shortcuts stay out of their way). */
export function isEditable(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((el as HTMLInputElement).type);
}

/** Handle one keydown with the options of the latest render. */
function onListKey(e: KeyboardEvent, o: ListKeysOptions): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !o.enabled) return;
  const { papers } = o;
  const target = e.target instanceof Element ? e.target : null;
  const search = o.searchRef.current;
  const inSearch = !!search && target === search;
  const rowEl = target?.closest<HTMLElement>('li.paper[data-id]');
  const row = rowEl && o.listRef.current?.contains(rowEl) ? rowEl : null;
  const onRow = !!row && target === row;
  const editable = isEditable(target);
  const index = row ? papers.findIndex((x) => x.id === row.dataset.id) : -1;
  const go = (i: number) => {
    e.preventDefault();
    if (papers.length > 0) o.focusRow(papers[Math.max(0, Math.min(papers.length - 1, i))]!.id, 'row');
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
      if (o.searching) {
        e.preventDefault();
        o.clearSearch();
        search?.focus();
      } else if (o.selected.size > 0) {
        e.preventDefault();
        o.clearSelection();
      }
      return;
    case 'ArrowDown':
      if (inSearch) go(o.activeIndex >= 0 ? o.activeIndex : 0);
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
        o.details(papers[index]!);
      }
      return;
    case 'ArrowRight':
      if (row && !editable && index >= 0) {
        e.preventDefault();
        o.details(papers[index]!);
      }
      return;
    case 'o':
      if (row && !editable && index >= 0) {
        e.preventDefault();
        o.open(papers[index]!);
      }
      return;
    case ' ':
      if (onRow && index >= 0 && o.selectable) {
        e.preventDefault();
        o.select(papers[index]!, !o.selected.has(papers[index]!.id), e.shiftKey);
      }
      return;
    case 'Backspace': // the Delete key of a Mac keyboard, on the row itself only
      if (onRow && index >= 0) {
        e.preventDefault();
        o.remove(papers[index]!, 'row');
      }
      return;
    case 'Delete':
      if (row && !editable && index >= 0) {
        e.preventDefault();
        o.remove(papers[index]!, 'row');
      }
      return;
  }
}

/** Listen for the list's shortcuts while the list is mounted; `options` are read at each key. */
export function useListKeys(options: ListKeysOptions): void {
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onListKey(e, latest.current);
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, []);
}
