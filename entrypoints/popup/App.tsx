/**
 * The popup: loads every saved paper once (Library.all()) into an in-memory search index
 * (lib/list/search-index) and answers every keystroke from it, without an IndexedDB round trip. The
 * index follows changes from any extension context (lib/changes) by re-reading only the changed
 * ids (Library.lookup); the whole library is re-read when the popup window regains focus (a write
 * that did not notify). Writes go through lib/library: status, remove + undo, bulk tag / status /
 * remove.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BulkAction } from '@/components/list/BulkBar';
import { DEFAULT_FILTERS, type ListFilters } from '@/components/list/filters';
import type { UndoNotice } from '@/components/list/UndoBar';
import { ReadingList } from '@/components/ReadingList';
import { onChanged } from '@/lib/changes';
import { getLibrary, type Library } from '@/lib/library';
import type { SavedPaper, Status } from '@/lib/paper';
import { parseQuery } from '@/lib/list/query';
import { SearchIndex, type SearchOptions } from '@/lib/list/search-index';

export interface AppProps {
  /** the library to show; defaults to the extension's shared one (tests pass one on a test database) */
  library?: Library;
  /** how long "Removed … Undo" stays, in ms (default 8 s) */
  undoTimeoutMs?: number;
  /** opens a paper in a new tab (Enter on a row); defaults to window.open */
  openUrl?(url: string): void;
}

/** Time per step for indexing words after the first rows show (keeps every task short), ms. */
const PREPARE_BUDGET_MS = 12;

/** The Prioritized Task Scheduling API, where the browser has it (Chromium, recent Firefox). */
interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'user-visible'; signal: AbortSignal }): Promise<unknown>;
}

/**
 * Run `fn` in a task of its own (input still goes first); returns a cancel. Not setTimeout(0):
 * chained timers are held back 4 ms each after the fifth, a quarter of the time of 12 ms steps,
 * so the word index was ready later than it had to be and the first keystroke more often had to
 * finish it. Not 'background' priority either: Chromium leaves such tasks waiting for idle time.
 */
function nextTask(fn: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const abort = new AbortController();
    scheduler.postTask(fn, { priority: 'user-visible', signal: abort.signal }).catch(() => {}); // rejects when cancelled
    return () => abort.abort();
  }
  const id = window.setTimeout(fn, 0);
  return () => clearTimeout(id);
}

/** How many rows to show before the whole library is loaded (enough to fill the popup). */
export const PREVIEW_ROWS = 30;

/** The clicked filters and the sort, as search options ('' means "any"). */
export function toSearchOptions(f: ListFilters): SearchOptions {
  const o: SearchOptions = { sort: f.sort };
  if (f.tag) o.tag = f.tag;
  if (f.status) o.status = f.status;
  return o;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function defaultOpen(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

/** “Title” for one paper, "3 papers" for more. */
function removedWhat(records: readonly SavedPaper[]): string {
  return records.length === 1 ? `“${records[0]!.title}”` : `${records.length.toLocaleString('en-US')} papers`;
}

/** The reading-list popup. */
export function App({ library: given, undoTimeoutMs, openUrl = defaultOpen }: AppProps) {
  const library = given ?? getLibrary();
  const index = useMemo(() => new SearchIndex(), [library]);
  const [filters, setFilters] = useState<ListFilters>(DEFAULT_FILTERS);
  // The index's version once loaded (-1 before): every index change re-renders through it.
  const [version, setVersion] = useState(-1);
  // The first rows and the count, shown until the full load lands (Library.firstPage).
  const [preview, setPreview] = useState<{ papers: SavedPaper[]; total: number } | null>(null);
  // A failed load clears itself on the next good load; a failed action stays until dismissed.
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<(UndoNotice & { records: SavedPaper[] }) | null>(null);
  // Re-renders after a failed write, so controls show the stored value again.
  const [retry, setRetry] = useState(0);
  const undoKey = useRef(0);

  // Loading and syncing. A full load takes a ticket (only the newest one lands); changed ids wait
  // in `pending` while a load runs and are re-read after it, one lookup at a time, in order.
  const sync = useRef({
    ticket: 0,
    loading: false,
    loaded: false,
    draining: false,
    alive: true,
    pending: new Set<string>(),
    /** cancels the scheduled preparation step (null: none scheduled) */
    cancelPrep: null as (() => void) | null,
  });

  const schedulePrepare = () => {
    const s = sync.current;
    if (s.cancelPrep || index.prepared) return;
    const step = () => {
      s.cancelPrep = null;
      if (!s.alive || index.prepareStep(PREPARE_BUDGET_MS)) return;
      s.cancelPrep = nextTask(step);
    };
    s.cancelPrep = nextTask(step);
  };

  const drain = async () => {
    const s = sync.current;
    if (s.draining || s.loading || !s.loaded) return;
    s.draining = true;
    let again = false;
    try {
      while (s.pending.size > 0 && s.alive && !s.loading) {
        const ids = [...s.pending];
        s.pending.clear();
        const ticket = s.ticket;
        let found: Map<string, SavedPaper>;
        try {
          found = await library.lookup(ids);
        } catch (err) {
          for (const id of ids) s.pending.add(id); // tried again on the next change
          setLoadError(`Could not load your papers: ${describe(err)}`);
          return;
        }
        if (!s.alive) return;
        if (ticket !== s.ticket) {
          // A full load started meanwhile and may have read older data: re-read these after it
          // (its own drain may have come and gone while this lookup was running).
          for (const id of ids) s.pending.add(id);
          again = true;
          return;
        }
        index.sync(ids, found);
        setVersion(index.version);
        setLoadError(null);
        schedulePrepare(); // a big batch rebuilds the index, whose words are then indexed in steps
      }
    } finally {
      s.draining = false;
      if (again) void drain();
    }
  };

  const load = () => {
    const s = sync.current;
    const mine = ++s.ticket;
    s.loading = true;
    library.all().then(
      (records) => {
        if (!s.alive || mine !== s.ticket) return;
        s.loading = false;
        s.loaded = true;
        index.reset(records);
        setPreview(null);
        setVersion(index.version);
        setLoadError(null);
        schedulePrepare();
        void drain();
      },
      (err: unknown) => {
        if (!s.alive || mine !== s.ticket) return;
        s.loading = false;
        setLoadError(`Could not load your papers: ${describe(err)}`);
        void drain(); // a reload failed: the index loaded before still follows changes
      },
    );
  };

  useEffect(() => {
    const s = sync.current;
    Object.assign(s, { loading: false, loaded: false, draining: false, alive: true, pending: new Set<string>(), cancelPrep: null });
    // Rows to show while all() reads every record (a large library takes a while).
    Promise.all([library.firstPage('savedAt', PREVIEW_ROWS), library.count()]).then(
      ([rows, total]) => {
        if (s.alive && !s.loaded) setPreview({ papers: rows, total });
      },
      () => {}, // the full load reports failures
    );
    load();
    const stopChanges = onChanged((e) => {
      for (const id of e.ids) s.pending.add(id);
      void drain();
    });
    // Writes made without a notification (none should be) show up when the popup regains focus.
    // A count is cheap; re-reading 10,000 records on every focus is not.
    const again = () => {
      if (!s.loaded || s.loading) return;
      library.count().then(
        (n) => {
          if (s.alive && n !== index.size) load();
        },
        () => {},
      );
    };
    window.addEventListener('focus', again);
    return () => {
      s.alive = false;
      stopChanges();
      window.removeEventListener('focus', again);
      s.cancelPrep?.();
      s.cancelPrep = null;
    };
  }, [library, index]);

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
      setError(`Could not change the status of “${paper.title}”: ${describe(err)}`);
      setRetry((n) => n + 1); // put the select back to the stored value
    });
  };

  const removed = (records: SavedPaper[]) => {
    if (records.length === 0) return;
    setUndo({ key: ++undoKey.current, ids: records.map((r) => r.id), what: removedWhat(records), records });
  };

  const remove = (paper: SavedPaper) => {
    library.remove([paper.id]).then(removed, (err: unknown) => setError(`Could not remove “${paper.title}”: ${describe(err)}`));
  };

  const bulk = (action: BulkAction, chosen: SavedPaper[]) => {
    const ids = chosen.map((x) => x.id);
    const what = chosen.length === 1 ? `“${chosen[0]!.title}”` : `${chosen.length.toLocaleString('en-US')} papers`;
    const fail = (verb: string) => (err: unknown) => {
      setError(`Could not ${verb} ${what}: ${describe(err)}`);
      setRetry((n) => n + 1);
    };
    if (action.kind === 'tag') library.patchMany(ids, { addTags: [action.tag] }).catch(fail(`tag`));
    else if (action.kind === 'status') library.patchMany(ids, { status: action.status }).catch(fail('change the status of'));
    else library.remove(ids).then(removed, fail('remove'));
  };

  const restore = () => {
    if (!undo) return;
    setUndo(null);
    library.restore(undo.records).catch((err: unknown) => setError(`Could not restore ${undo.what}: ${describe(err)}`));
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
