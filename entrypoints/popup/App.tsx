/**
 * The popup: wires the shared Library (lib/library) to the ReadingList view. Re-queries whenever
 * the search / filters change, whenever any extension context writes (lib/changes), and when the
 * popup window regains focus.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_FILTERS, ReadingList, type ListFilters, type UndoNotice } from '@/components/ReadingList';
import { onChanged } from '@/lib/changes';
import { getLibrary, type Library, type LibraryQuery } from '@/lib/library';
import type { SavedPaper, Status } from '@/lib/paper';

export interface AppProps {
  /** the library to show; defaults to the extension's shared one (tests pass one on a test database) */
  library?: Library;
  /** how long "Removed … Undo" stays, in ms (default 8 s) */
  undoTimeoutMs?: number;
}

interface Snapshot {
  papers: SavedPaper[];
  total: number;
  tags: string[];
}

/** The list query for the current filters ('' means "any"). */
export function toQuery(f: ListFilters): LibraryQuery {
  const q: LibraryQuery = { sort: f.sort };
  if (f.text.trim()) q.text = f.text;
  if (f.tag) q.tag = f.tag;
  if (f.status) q.status = f.status;
  return q;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The reading-list popup. */
export function App({ library: given, undoTimeoutMs }: AppProps) {
  const library = given ?? getLibrary();
  const [filters, setFilters] = useState<ListFilters>(DEFAULT_FILTERS);
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  // A failed load clears itself on the next good load; a failed action stays until dismissed.
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<(UndoNotice & { records: SavedPaper[] }) | null>(null);
  // Every load takes a ticket; only the newest answer is shown (typing fast sends many queries).
  const ticket = useRef(0);
  const undoKey = useRef(0);

  const reload = useCallback(() => {
    const mine = ++ticket.current;
    Promise.all([library.query(toQuery(filters)), library.count(), library.allTags()]).then(
      ([papers, total, tags]) => {
        if (mine !== ticket.current) return;
        setSnapshot({ papers, total, tags });
        setLoadError(null);
      },
      (err: unknown) => {
        if (mine === ticket.current) setLoadError(`Could not load your papers: ${describe(err)}`);
      },
    );
  }, [library, filters]);

  useEffect(reload, [reload]);

  // Listeners registered once; they always call the newest reload (current filters).
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    const again = () => latest.current();
    const stop = onChanged(again);
    window.addEventListener('focus', again);
    return () => {
      stop();
      window.removeEventListener('focus', again);
      ticket.current++; // ignore answers arriving after unmount
    };
  }, []);

  const setStatus = (paper: SavedPaper, status: Status) => {
    library.patch(paper.id, { status }).catch((err: unknown) => {
      setError(`Could not change the status of “${paper.title}”: ${describe(err)}`);
      latest.current(); // put the select back to the stored value
    });
  };

  const remove = (paper: SavedPaper) => {
    library.remove([paper.id]).then(
      (records) => {
        if (records.length === 0) return;
        setUndo({ key: ++undoKey.current, id: paper.id, title: records[0]!.title, records });
      },
      (err: unknown) => setError(`Could not remove “${paper.title}”: ${describe(err)}`),
    );
  };

  const restore = () => {
    if (!undo) return;
    setUndo(null);
    library.restore(undo.records).catch((err: unknown) => setError(`Could not restore “${undo.title}”: ${describe(err)}`));
  };

  return (
    <ReadingList
      papers={snapshot?.papers ?? null}
      total={snapshot?.total ?? null}
      tags={snapshot?.tags ?? []}
      filters={filters}
      onFiltersChange={setFilters}
      onStatus={setStatus}
      onRemove={remove}
      undo={undo}
      onUndo={restore}
      onUndoExpired={() => setUndo(null)}
      undoTimeoutMs={undoTimeoutMs}
      error={loadError ?? error}
      onDismissError={loadError ? undefined : () => setError(null)}
    />
  );
}
