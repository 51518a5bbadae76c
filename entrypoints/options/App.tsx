/**
 * The options page: export (all papers, or the `?q=` filter of the page URL), import (read ->
 * review -> one transaction), settings (sites, keyboard, the toolbar button's count) and storage.
 * Wires lib/library, lib/exchange, lib/settings and navigator.storage to the views in
 * components/options.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ExportSection } from '@/components/options/ExportSection';
import { ImportSection, type ImportState } from '@/components/options/ImportSection';
import { SettingsSection, type SiteChoice } from '@/components/options/SettingsSection';
import { StorageSection, type StorageInfo } from '@/components/options/StorageSection';
import { LocalBackups } from './LocalBackups';
import { SeenOptions } from './SeenOptions';
import { SitesOn } from './SitesOn';
import { Sync } from './Sync';
import { onChanged } from '@/lib/changes';
import { errorMessage } from '@/lib/errors';
import { buildExport, downloadFile, formatInfo, type ExportFile, type ExportFormat } from '@/lib/exchange/export';
import { commitImport, importFile, type ImportPlan } from '@/lib/exchange/import';
import { queryFromSearch, selectPapers, type Selection } from '@/lib/exchange/select';
import { getLibrary, type Library } from '@/lib/library';
import { loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings';
import type { SeenHistory } from '@/lib/seen/list-seen';
import { SITES } from '@/lib/sites/registry';

/** The part of navigator.storage the page uses. */
export type StorageLike = Pick<StorageManager, 'estimate' | 'persist' | 'persisted'>;

export interface AppProps {
  /** defaults to the extension's shared library (tests pass one on a test database) */
  library?: Library;
  /** the page URL's search string (defaults to location.search) */
  search?: string;
  /** defaults to navigator.storage; null when the browser has none */
  storage?: StorageLike | null;
  /** saves an export (defaults to a Blob + <a download> click) */
  download?: (file: ExportFile) => void;
  /** the sites offered in Settings (defaults to the site registry) */
  sites?: readonly SiteChoice[];
  /** clock for file names and import times */
  now?: () => Date;
  /** the seen history's count and clearing (defaults to the extension's; tests pass one on a test database) */
  seenHistory?: Pick<SeenHistory, 'count' | 'clear'>;
}

/** Larger files are refused before reading: a library is far smaller. */
const MAX_IMPORT_BYTES = 50_000_000;

function defaultStorage(): StorageLike | null {
  return typeof navigator !== 'undefined' && navigator.storage && typeof navigator.storage.estimate === 'function' ? navigator.storage : null;
}

export function App(props: AppProps) {
  const library = props.library ?? getLibrary();
  const search = props.search ?? (typeof location === 'undefined' ? '' : location.search);
  const storage = props.storage === undefined ? defaultStorage() : props.storage;
  const download = props.download ?? downloadFile;
  const sites = props.sites ?? SITES.map((s) => ({ id: s.id, label: s.label }));
  const now = props.now ?? (() => new Date());
  const queryText = queryFromSearch(search);

  // ---- what is on the shelf, and what an export covers
  const [selection, setSelection] = useState<Selection | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const ticket = useRef(0);
  const reload = useCallback(() => {
    const mine = ++ticket.current;
    library.all().then(
      (all) => {
        if (mine !== ticket.current) return;
        setSelection(selectPapers(all, queryText));
        setTotal(all.length);
        setLoadError(null);
      },
      (err: unknown) => {
        if (mine === ticket.current) setLoadError(`Could not read your papers: ${errorMessage(err)}`);
      },
    );
  }, [library, queryText]);
  useEffect(() => {
    reload();
    const stop = onChanged(reload);
    return () => {
      stop();
      ticket.current++;
    };
  }, [reload]);

  // ---- export
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [includeSeen, setIncludeSeen] = useState(false);
  const [exportStatus, setExportStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const runExport = async (format: ExportFormat) => {
    setExporting(format);
    setExportStatus(null);
    try {
      // Read afresh: the shelf may have changed since the page opened.
      const papers = selectPapers(await library.all(), queryText).papers;
      // A backup carries the tombstones (so it merges removals too), and the seen history when chosen.
      const extra = format === 'backup' ? { removed: await library.removals(), ...(includeSeen ? { seen: await library.seenRecords() } : {}) } : {};
      const file = await buildExport(format, papers, now(), extra);
      download(file);
      const n = papers.length;
      setExportStatus({ kind: 'ok', text: `Saved ${file.filename}: ${formatInfo(format).label}, ${n} ${n === 1 ? 'paper' : 'papers'}.` });
    } catch (err) {
      setExportStatus({ kind: 'error', text: `Could not export ${formatInfo(format).label}: ${errorMessage(err)}` });
    } finally {
      setExporting(null);
    }
  };

  // ---- import
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });
  const pending = useRef<ImportPlan | null>(null);
  const commit = async (plan: ImportPlan) => {
    setImportState({ kind: 'importing', fileName: plan.fileName });
    try {
      const counts = await commitImport(library, plan);
      setImportState({ kind: 'done', fileName: plan.fileName, format: plan.format, counts, rejected: plan.rejected });
    } catch (err) {
      setImportState({ kind: 'error', fileName: plan.fileName, message: errorMessage(err) });
    }
  };
  const onFile = async (file: File) => {
    pending.current = null;
    if (file.size > MAX_IMPORT_BYTES) {
      setImportState({ kind: 'error', fileName: file.name, message: `The file is too large (${Math.round(file.size / 1e6)} MB).` });
      return;
    }
    setImportState({ kind: 'reading', fileName: file.name });
    try {
      // The settings are read now, not taken from the page's state (the Seen history section may
      // have just changed them), while the file is read.
      const [text, { seenHistory }] = await Promise.all([file.text(), loadSettings().catch(() => ({ seenHistory: true }))]);
      const outcome = await importFile(library, file.name, text, now().getTime(), seenHistory);
      if (outcome.kind === 'error') {
        setImportState({ kind: 'error', fileName: file.name, message: outcome.error });
      } else if (outcome.kind === 'done') {
        const { plan, counts } = outcome;
        setImportState({ kind: 'done', fileName: plan.fileName, format: plan.format, counts, rejected: plan.rejected });
      } else {
        // Some entries were rejected: nothing is written until the user confirms the rest.
        const plan = outcome.plan;
        pending.current = plan;
        setImportState({ kind: 'review', fileName: plan.fileName, format: plan.format, total: plan.total, valid: plan.records.length, rejected: plan.rejected });
      }
    } catch (err) {
      setImportState({ kind: 'error', fileName: file.name, message: `Could not import: ${errorMessage(err)}` });
    }
  };
  const onConfirm = () => {
    const plan = pending.current;
    pending.current = null;
    if (plan) void commit(plan);
  };
  const onCancel = () => {
    pending.current = null;
    setImportState({ kind: 'idle' });
  };

  // ---- settings
  const [settings, setSettings] = useState<Settings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadSettings().then(
      (s) => live && setSettings(s),
      (err: unknown) => live && setSettingsError(`Could not load settings: ${errorMessage(err)}`),
    );
    const stop = watchSettings((s) => setSettings(s));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const save = (patch: Partial<Settings>) => {
    setSettingsError(null);
    setSettings((s) => (s ? { ...s, ...patch } : s)); // shown at once
    // (saveSettings runs one save after another: quick changes do not race)
    void saveSettings(patch).then(setSettings, (err: unknown) => {
      setSettingsError(`Could not save settings: ${errorMessage(err)}`);
      return loadSettings().then(setSettings, () => undefined);
    });
  };
  const onSiteEnabled = (id: string, enabled: boolean) => {
    const disabled = new Set(settings?.disabledSites ?? []);
    if (enabled) disabled.delete(id);
    else disabled.add(id);
    save({ disabledSites: [...disabled] });
  };

  // ---- storage
  const [estimate, setEstimate] = useState<StorageInfo | null | 'unavailable'>(storage ? null : 'unavailable');
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [persistResult, setPersistResult] = useState<'granted' | 'denied' | 'failed' | null>(null);
  const [persisting, setPersisting] = useState(false);
  const measure = useCallback(() => {
    if (!storage) return;
    storage.estimate().then(
      (e) => setEstimate({ usage: e.usage, quota: e.quota }),
      () => setEstimate('unavailable'),
    );
    storage.persisted().then(setPersisted, () => setPersisted(null));
  }, [storage]);
  useEffect(measure, [total, measure]); // again whenever the shelf changes size
  const onPersist = () => {
    if (!storage) return;
    setPersisting(true);
    storage
      .persist()
      .then(
        (granted) => {
          setPersistResult(granted ? 'granted' : 'denied');
          setPersisted(granted);
        },
        () => setPersistResult('failed'),
      )
      .finally(() => setPersisting(false));
  };

  return (
    <>
      <header class="page-header">
        <h1>PaperShelf options</h1>
        <p class="muted">
          {total === null ? 'Loading your shelf…' : `${total} ${total === 1 ? 'paper' : 'papers'} on your shelf, stored only in this browser.`}
        </p>
      </header>
      <main class="page">
        {loadError && (
          <p class="notice notice-error" role="alert">
            {loadError}
          </p>
        )}
        <ExportSection
          count={selection?.papers.length ?? null}
          total={total}
          query={selection?.query ?? ''}
          problems={selection?.problems ?? []}
          busy={exporting}
          status={exportStatus}
          onExport={(f) => void runExport(f)}
          includeSeen={includeSeen}
          onIncludeSeen={setIncludeSeen}
        />
        <ImportSection state={importState} onFile={(f) => void onFile(f)} onConfirm={onConfirm} onCancel={onCancel} />
        <Sync library={library} />
        <LocalBackups library={library} />
        <SettingsSection
          sites={sites}
          settings={settings}
          error={settingsError}
          onSiteEnabled={onSiteEnabled}
          onKeyboardShortcuts={(on) => save({ keyboardShortcuts: on })}
          onBadgeCount={(on) => save({ badgeCount: on })}
        />
        <SeenOptions history={props.seenHistory} />
        <SitesOn />
        <StorageSection total={total} estimate={estimate} persisted={persisted} persistResult={persistResult} busy={persisting} onPersist={onPersist} onDeleteAll={() => library.clear()} />
      </main>
    </>
  );
}
