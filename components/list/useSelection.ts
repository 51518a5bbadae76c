/**
 * The reading list's ticked rows: tick one, a range (Shift), all matching, or none. The selection
 * only ever holds papers the list shows: a search or a removal narrows it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavedPaper } from '@/lib/paper';

const NO_SELECTION: ReadonlySet<string> = new Set();

export interface Selection {
  /** ids of the ticked papers */
  selected: ReadonlySet<string>;
  /** tick or untick a paper; with `range`, every row from the last one ticked or unticked to it */
  select(paper: SavedPaper, on: boolean, range: boolean): void;
  /** tick every paper the list shows */
  selectAll(): void;
  clear(): void;
}

/** The selection over `shown`, the rows the list shows (null until they are loaded). */
export function useSelection(shown: readonly SavedPaper[] | null): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  /** the row a Shift range starts from: the last one ticked or unticked */
  const anchor = useRef<string | null>(null);
  const papers = shown ?? [];

  useEffect(() => {
    if (selected.size === 0 || !shown) return;
    const ids = new Set(shown.map((x) => x.id));
    if ([...selected].every((id) => ids.has(id))) return;
    setSelected(new Set([...selected].filter((id) => ids.has(id))));
  }, [shown]);

  const select = (paper: SavedPaper, on: boolean, range: boolean) => {
    const next = new Set(selected);
    const from = range && anchor.current !== null ? papers.findIndex((x) => x.id === anchor.current) : -1;
    if (from >= 0) {
      const to = papers.findIndex((x) => x.id === paper.id);
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
  const clear = () => {
    anchor.current = null;
    setSelected(NO_SELECTION);
  };
  return { selected, select, selectAll, clear };
}
