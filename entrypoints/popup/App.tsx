/**
 * The popup and the side panel (entrypoints/sidepanel renders this App too): the reading list
 * (components/ReadingList) over this page's copy of the library (lib/list/list-store: every saved
 * paper in an in-memory search index that follows changes), so every keystroke is answered from
 * memory. Writes go through lib/library: status, note and tags (details), remove + undo, bulk
 * tag / status / remove; each change reaches the open feed tabs through the background. "On this
 * page" follows the active tab (lib/list/active-page); the header opens the options page and,
 * from the popup, the side panel (lib/side-panel). The Saved / Seen switch shows the seen history
 * instead (./SeenPart) and back; the saved list's search and filters stay as they were.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BulkAction } from '@/components/list/BulkBar';
import { papersCount } from '@/components/list/counts';
import { ViewSwitch, type ListView } from '@/components/list/ViewSwitch';
import { DEFAULT_FILTERS, type ListFilters } from '@/components/list/filters';
import type { UndoNotice } from '@/components/list/UndoBar';
import { ReadingList, type TagChange } from '@/components/ReadingList';
import { errorMessage } from '@/lib/errors';
import { sendFromClick, type ZoteroReport } from '@/lib/exchange/zotero-ask';
import { ActivePage, type PageSource } from '@/lib/list/active-page';
import { getLibrary, type Library } from '@/lib/library';
import { ListStore, type ListPreview } from '@/lib/list/list-store';
import { parseQuery } from '@/lib/list/query';
import type { SearchOptions } from '@/lib/list/search-index';
import type { SavedPaper, Status, UserPatch } from '@/lib/paper';
import { getSeenHistory } from '@/lib/seen/list-seen';
import type { SeenReader } from '@/lib/seen/list-seen-store';
import { canOpenSidePanel, openSidePanel } from '@/lib/side-panel';
import { SeenPart } from './SeenPart';

export interface AppProps {
  /** the library to show; defaults to the extension's shared one (tests pass one on a test database) */
  library?: Library;
  /** how long "Removed … Undo" stays, in ms (default 8 s) */
  undoTimeoutMs?: number;
  /** opens a paper in a new tab (`o` on a row); defaults to window.open */
  openUrl?(url: string): void;
  /** where the list shows: the popup offers the side panel, the side panel fills its height */
  place?: 'popup' | 'panel';
  /** the active tab's paper ids ("On this page"); defaults to ActivePage, null for none */
  page?: PageSource | null;
  /** opens the options page; defaults to runtime.openOptionsPage() */
  openOptions?(): void;
  /** opens the side panel from the popup; defaults to lib/side-panel where the browser has one, null for none */
  sidePanel?: ((windowId: number | undefined) => Promise<void>) | null;
  /** sends papers to Zotero from a click (asks for the permission, then the background sends); defaults to lib/exchange/zotero-ask */
  sendToZotero?(ids: string[], title?: string): Promise<ZoteroReport>;
  /** the seen history the Seen view reads; defaults to the extension's (tests pass one on a test database) */
  seenHistory?: SeenReader;
  /** which list shows first (default: Saved) */
  initialView?: ListView;
  /** the time the Seen view's "today" is read from; defaults to Date.now */
  now?(): number;
  /** the first rows, read by the entry module before this code loaded (lib/list/first-rows) */
  firstRows?: Promise<ListPreview | null>;
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
  return records.length === 1 ? `“${records[0]!.title}”` : papersCount(records.length);
}

function defaultOptions(): void {
  void browser.runtime.openOptionsPage();
}

/** The reading list in the popup or the side panel. */
export function App({ library: given, undoTimeoutMs, openUrl = defaultOpen, place = 'popup', page: givenPage, openOptions = defaultOptions, sidePanel: givenPanel, sendToZotero = sendFromClick, seenHistory, initialView = 'saved', now = Date.now, firstRows }: AppProps) {
  const library = given ?? getLibrary();
  const store = useMemo(() => new ListStore(library, firstRows), [library, firstRows]);
  const page = useMemo(() => (givenPage === undefined ? new ActivePage() : givenPage), [givenPage]);
  const sidePanel = givenPanel === undefined ? (place === 'popup' && canOpenSidePanel() ? openSidePanel : null) : givenPanel;
  // The ids the active tab's page shows (null: none known).
  const [pageIds, setPageIds] = useState<ReadonlySet<string> | null>(null);
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
  const [view, setView] = useState<ListView>(initialView);
  const [switched, setSwitched] = useState(false);
  const [seenText, setSeenText] = useState('');
  const history = useMemo(() => seenHistory ?? getSeenHistory(), [seenHistory]);

  useEffect(() => {
    store.start({ indexed: setVersion, previewed: setPreview, loadFailed: setLoadError });
    return () => store.stop();
  }, [store]);

  useEffect(() => {
    page?.start(setPageIds);
    return () => page?.stop();
  }, [page]);

  // Every keystroke: parse the box, answer from memory.
  const query = useMemo(() => parseQuery(filters.text), [filters.text]);
  const loaded = version >= 0;
  const searched = useMemo(
    () => (loaded ? index.search(query, toSearchOptions(filters)) : null),
    [version, query, filters.tag, filters.status, filters.sort],
  );
  // "On this page": the search's rows the active tab shows.
  const onPage = filters.page ? pageIds : null;
  const papers = useMemo(() => (searched && filters.page ? searched.filter((x) => onPage?.has(x.id)) : searched), [searched, filters.page, onPage]);
  const pageCount = useMemo(() => {
    let n = 0;
    if (pageIds && loaded) for (const id of pageIds) if (index.has(id)) n++;
    return n;
  }, [pageIds, version]);
  // Before the full load, the preview stands for the default view only; a search waits for it.
  const previewFits = filters.text.trim() === '' && !filters.tag && !filters.status && !filters.page && filters.sort === 'savedAt';
  const shownPapers = loaded ? papers : preview ? (previewFits ? preview.papers : []) : null;
  const total = loaded ? index.size : (preview?.total ?? null);
  const tags = useMemo(() => (version < 0 ? [] : index.tags()), [version]);

  /** A field-level patch (a row's status, the details); a failure says so and shows the stored values again. */
  const patch = (paper: SavedPaper, change: UserPatch, failed: string) => {
    library.patch(paper.id, change).catch((err: unknown) => {
      setError(`${failed}: ${errorMessage(err)}`);
      setRetry((n) => n + 1);
    });
  };
  const setStatus = (paper: SavedPaper, status: Status) => patch(paper, { status }, `Could not change the status of “${paper.title}”`);
  const setNote = (paper: SavedPaper, note: string) => patch(paper, { note }, `Could not save the note of “${paper.title}”`);
  const setTag = (paper: SavedPaper, change: TagChange) =>
    'add' in change
      ? patch(paper, { addTags: [change.add] }, `Could not add the tag “${change.add}” to “${paper.title}”`)
      : patch(paper, { removeTags: [change.remove] }, `Could not remove the tag “${change.remove}” from “${paper.title}”`);

  const toSidePanel = sidePanel
    ? () => {
        // Straight from the click: the browser opens a side panel only in answer to one.
        sidePanel(page?.windowId).then(
          () => window.close(),
          (err: unknown) => setError(`Could not open the side panel: ${errorMessage(err)}`),
        );
      }
    : undefined;

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

  const viewSwitch = (
    <ViewSwitch
      view={view}
      focusOnMount={switched}
      onView={(v) => {
        setSwitched(true);
        setView(v);
      }}
    />
  );
  if (view === 'seen') {
    return (
      <SeenPart
        history={history}
        library={library}
        isSaved={(id) => index.has(id)}
        text={seenText}
        onText={setSeenText}
        openUrl={openUrl}
        now={now}
        viewSwitch={viewSwitch}
        onOptions={openOptions}
        onSidePanel={toSidePanel}
      />
    );
  }

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
      lookup={(id) => (loaded ? index.get(id) : preview?.papers.find((x) => x.id === id))}
      onNote={setNote}
      onTag={setTag}
      onOptions={openOptions}
      onSidePanel={toSidePanel}
      pageCount={pageCount}
      onSendToZotero={(chosen) => sendToZotero(chosen.map((x) => x.id), chosen.length === 1 ? chosen[0]!.title : undefined)}
      viewSwitch={viewSwitch}
    />
  );
}
