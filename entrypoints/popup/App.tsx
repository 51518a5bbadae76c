/**
 * The popup: the reading list (components/ReadingList) over the popup's copy of the library
 * (lib/list/list-store: every saved paper in an in-memory search index that follows changes), so
 * every keystroke is answered from memory. Writes go through lib/library: status, remove + undo,
 * bulk tag / status / remove.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BulkAction } from '@/components/list/BulkBar';
import { DEFAULT_FILTERS, type ListFilters } from '@/components/list/filters';
import type { UndoNotice } from '@/components/list/UndoBar';
import { ReadingList } from '@/components/ReadingList';
import { errorMessage } from '@/lib/errors';
import { getLibrary, type Library } from '@/lib/library';
import { ListStore, type ListPreview } from '@/lib/list/list-store';
import { parseQuery } from '@/lib/list/query';
import type { SearchOptions } from '@/lib/list/search-index';
import type { SavedPaper, Status } from '@/lib/paper';

export interface AppProps {
  /** the library to show; defaults to the extension's shared one (tests pass one on a test database) */
  library?: Library;
  /** how long "Removed … Undo" stays, in ms (default 8 s) */
  undoTimeoutMs?: number;
  /** opens a paper in a new tab (Enter on a row); defaults to window.open */
  openUrl?(url: string): void;
}

/** The clicked filters and the sort, as search options ('' means "any"). */
export function toSearchOptions(f: ListFilters): SearchOptions {
  const o: SearchOptions = { sort: f.sort };
  if (f.tag) o.tag = f.tag;
  if (f.status) o.status = f.status;
  return o;
}

function defaultOpen(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

/** “Title” for one paper, "3 papers" for more (removed, or acted on in bulk). */
function removedWhat(records: readonly SavedPaper[]): string {
  return records.length === 1 ? `“${records[0]!.title}”` : `${records.length.toLocaleString('en-US')} papers`;
}

/** The reading-list popup. */
export function App({ library: given, undoTimeoutMs, openUrl = defaultOpen }: AppProps) {
  const library = given ?? getLibrary();
  const store = useMemo(() => new ListStore(library), [library]);
  const { index } = store;
  const [filters, setFilters] = useState<ListFilters>(DEFAULT_FILTERS);
  // The index's version once loaded (-1 before): every index change re-renders through it.
  const [version, setVersion] = useState(-1);
  // The first rows and the count, shown until the full load lands (Library.firstPage).
  const [preview, setPreview] = useState<ListPreview | null>(null);
  // A failed load clears itself on the next good load; a failed action stays until dismissed.
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<(UndoNotice & { records: SavedPaper[] }) | null>(null);
  // Re-renders after a failed write, so controls show the stored value again.
  const [retry, setRetry] = useState(0);
  const undoKey = useRef(0);

  useEffect(() => {
    store.start({ indexed: setVersion, previewed: setPreview, loadFailed: setLoadError });
    return () => store.stop();
  }, [store]);

  // Every keystroke: parse the box, answer from memory.
  const query = useMemo(() => parseQuery(filters.text), [filters.text]);
  const loaded = version >= 0;
  const papers = useMemo(
    () => (loaded ? index.search(query, toSearchOptions(filters)) : null),
    [version, query, filters.tag, filters.status, filters.sort],
  );
  // Before the full load, the preview stands for the default view only; a search waits for it.
  const previewFits = filters.text.trim() === '' && !filters.tag && !filters.status && filters.sort === 'savedAt';
  const shownPapers = loaded ? papers : preview ? (previewFits ? preview.papers : []) : null;
  const total = loaded ? index.size : (preview?.total ?? null);
  const tags = useMemo(() => (version < 0 ? [] : index.tags()), [version]);

  const setStatus = (paper: SavedPaper, status: Status) => {
    library.patch(paper.id, { status }).catch((err: unknown) => {
      setError(`Could not change the status of “${paper.title}”: ${errorMessage(err)}`);
      setRetry((n) => n + 1); // put the select back to the stored value
    });
  };

  const removed = (records: SavedPaper[]) => {
    if (records.length === 0) return;
    setUndo({ key: ++undoKey.current, ids: records.map((r) => r.id), what: removedWhat(records), records });
  };

  const remove = (paper: SavedPaper) => {
    library.remove([paper.id]).then(removed, (err: unknown) => setError(`Could not remove “${paper.title}”: ${errorMessage(err)}`));
  };

  const bulk = (action: BulkAction, chosen: SavedPaper[]) => {
    const ids = chosen.map((x) => x.id);
    const what = removedWhat(chosen);
    const fail = (verb: string) => (err: unknown) => {
      setError(`Could not ${verb} ${what}: ${errorMessage(err)}`);
      setRetry((n) => n + 1);
    };
    if (action.kind === 'tag') library.patchMany(ids, { addTags: [action.tag] }).catch(fail(`tag`));
    else if (action.kind === 'status') library.patchMany(ids, { status: action.status }).catch(fail('change the status of'));
    else library.remove(ids).then(removed, fail('remove'));
  };

  const restore = () => {
    if (!undo) return;
    setUndo(null);
    library.restore(undo.records).catch((err: unknown) => setError(`Could not restore ${undo.what}: ${errorMessage(err)}`));
  };

  return (
    <ReadingList
      papers={shownPapers}
      total={total}
      loadingAll={!loaded && preview !== null}
      tags={tags}
      epoch={retry}
      filters={filters}
      onFiltersChange={setFilters}
      onStatus={setStatus}
      onRemove={remove}
      onBulk={bulk}
      onOpen={(_paper, href) => openUrl(href)}
      undo={undo}
      onUndo={restore}
      onUndoExpired={() => setUndo(null)}
      undoTimeoutMs={undoTimeoutMs}
      error={loadError ?? error}
      onDismissError={loadError ? undefined : () => setError(null)}
    />
  );
}
