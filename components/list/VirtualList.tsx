/**
 * A windowed list: only the rows in view (plus a few above and below) are in the DOM, so a shelf
 * of 10,000 papers opens as fast as one of 10. Rows have one fixed height; the <ul> is as tall as
 * all rows together and each <li> sits at its own offset, with aria-setsize / aria-posinset so
 * assistive technology still hears "3 of 10,000". Props in, nothing out: the caller renders rows.
 */
import { Fragment, type ComponentChild, type RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Height of one row in px (the stylesheet clips row content to it). */
export const ROW_HEIGHT = 88;
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gap. */
export const OVERSCAN = 2;
/** Viewport height used until (or where) the scroller can be measured, e.g. without layout. */
export const FALLBACK_VIEWPORT = 420;

/** The last scroller height measured: a list mounted again starts from it (see the measure effect). */
let lastViewport = FALLBACK_VIEWPORT;

/** Where a row goes: its index, the list length and its box. */
export interface RowPlacement {
  index: number;
  setSize: number;
  top: number;
  height: number;
}

/** The rows [start, end) to render for a scroll position. */
export function rowWindow(scrollTop: number, viewport: number, count: number, rowHeight = ROW_HEIGHT, overscan = OVERSCAN): [number, number] {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewport) / rowHeight);
  return [Math.max(0, Math.min(count, first - overscan)), Math.min(count, last + overscan)];
}

export interface VirtualListProps<T> {
  items: readonly T[];
  /** accessible name of the list */
  label: string;
  renderRow(item: T, place: RowPlacement): ComponentChild;
  /** a row that is always rendered (it may hold focus) and scrolled into view when it changes */
  activeIndex?: number;
  /** when this changes, scroll back to the top (a new search shows its best rows) */
  resetKey?: unknown;
  listRef?: RefObject<HTMLUListElement | null>;
  rowHeight?: number;
  overscan?: number;
}

export function VirtualList<T>({ items, label, renderRow, activeIndex, resetKey, listRef, rowHeight = ROW_HEIGHT, overscan = OVERSCAN }: VirtualListProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(lastViewport);
  // The scroller's offset as its scroll events (and our own scrolling) left it. Reading or setting
  // scrollTop forces a synchronous layout, which on a keystroke cost more than the search itself.
  const offset = useRef(0);

  // Measure the scroller and follow resizes. With ResizeObserver, its first report (after layout,
  // before paint) is the measurement: reading clientHeight now would force a layout on every
  // mount (a search that matched nothing and then something again). Until then the last height
  // measured stands in; the window it gives is only ever a few rows off.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      lastViewport = el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT;
      setViewport(lastViewport);
    };
    if (typeof ResizeObserver === 'undefined') {
      measure();
      return;
    }
    // A hidden list (a paper's details show in its place) reports no height: it keeps the last.
    const ro = new ResizeObserver(() => {
      if (el.clientHeight > 0) measure();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Re-render only when the scroll crosses a row boundary: scrolling within a row costs nothing.
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    offset.current = el.scrollTop;
    setScrollTop(Math.floor(offset.current / rowHeight) * rowHeight);
  };

  const firstReset = useRef(true);
  useLayoutEffect(() => {
    if (firstReset.current) {
      firstReset.current = false;
      return;
    }
    // Already at the top (typing without scrolling): nothing to do, and no forced layout.
    if (scroller.current && offset.current !== 0) scroller.current.scrollTop = 0;
    offset.current = 0;
    setScrollTop(0);
  }, [resetKey]);

  // Keep the active row in view (keyboard navigation).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || activeIndex === undefined || activeIndex < 0) return;
    const top = activeIndex * rowHeight;
    const height = el.clientHeight > 0 ? el.clientHeight : viewport;
    let next = el.scrollTop;
    if (top < next) next = top;
    else if (top + rowHeight > next + height) next = top + rowHeight - height;
    if (next !== el.scrollTop) {
      el.scrollTop = next;
      offset.current = next;
      setScrollTop(Math.floor(next / rowHeight) * rowHeight);
    }
  }, [activeIndex]);

  // A shorter list can leave the scroll position past its end.
  useEffect(() => {
    const el = scroller.current;
    if (el && scrollTop > 0 && scrollTop >= items.length * rowHeight) onScroll();
  }, [items.length]);

  const [start, end] = rowWindow(scrollTop, viewport, items.length, rowHeight, overscan);
  const indexes: number[] = [];
  if (activeIndex !== undefined && activeIndex >= 0 && activeIndex < start) indexes.push(activeIndex);
  for (let i = start; i < end; i++) indexes.push(i);
  if (activeIndex !== undefined && activeIndex >= end && activeIndex < items.length) indexes.push(activeIndex);

  return (
    <div class="scroller" ref={scroller} onScroll={onScroll}>
      <ul class="papers" aria-label={label} ref={listRef} style={{ height: `${items.length * rowHeight}px` }}>
        {indexes.map((i) => {
          const item = items[i]!;
          // A row keeps its DOM (and focus) while the window moves.
          // Keyed by position: a new search patches the rows on screen in place (text and
          // attributes) instead of building new ones, so typing stays fast on a big shelf.
          return <Fragment key={i}>{renderRow(item, { index: i, setSize: items.length, top: i * rowHeight, height: rowHeight })}</Fragment>;
        })}
      </ul>
    </div>
  );
}
