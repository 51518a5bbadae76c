/**
 * The popup's and the side panel's Seen view, wired: the seen history in memory
 * (lib/seen/list-seen-store), searched on every keystroke with the saved list's syntax less what
 * a seen paper lacks (lib/seen/list-seen seenQuery), newest first; Save makes a saved paper
 * through lib/library (the seen record is never written here); whether recording is on comes
 * from the settings. Mounted only while the Seen view shows: the history is read when first
 * needed, not on every popup open.
 */
import type { ComponentChild } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { SeenList } from '@/components/seen/SeenList';
import { errorMessage } from '@/lib/errors';
import type { Library } from '@/lib/library';
import { parseQuery } from '@/lib/list/query';
import { seenDraft, seenQuery, seenRow } from '@/lib/seen/list-seen';
import { SeenStore, type SeenReader } from '@/lib/seen/list-seen-store';
import type { SeenPaper } from '@/lib/seen/record';
import { loadSettings, watchSettings } from '@/lib/settings';

export interface SeenPartProps {
  history: SeenReader;
  library: Library;
  /** whether a paper is on the shelf (the saved list's index: the App renders again when it changes) */
  isSaved(id: string): boolean;
  text: string;
  onText(text: string): void;
  openUrl(url: string): void;
  now(): number;
  viewSwitch: ComponentChild;
  onOptions?(): void;
  onSidePanel?(): void;
}

export function SeenPart({ history, library, isSaved, text, onText, openUrl, now, viewSwitch, onOptions, onSidePanel }: SeenPartProps) {
  const store = useMemo(() => new SeenStore(history), [history]);
  const [version, setVersion] = useState(-1);
  const [preview, setPreview] = useState<{ rows: SeenPaper[]; total: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [recording, setRecording] = useState(true);
  // Read once: a new time on every render would draw every row again on every keystroke.
  const [at] = useState(now);

  useEffect(() => {
    store.start({ indexed: setVersion, previewed: setPreview, loadFailed: setLoadError });
    return () => store.stop();
  }, [store]);

  useEffect(() => {
    let live = true;
    loadSettings().then(
      (s) => live && setRecording(s.seenHistory),
      () => {}, // the default (on) stands
    );
    const stop = watchSettings((s) => setRecording(s.seenHistory));
    return () => {
      live = false;
      stop();
    };
  }, []);

  // Every keystroke: parse, answer from memory.
  const query = useMemo(() => seenQuery(parseQuery(text)), [text]);
  const loaded = version >= 0;
  const rows = useMemo(() => (loaded ? store.index.search(query) : null), [version, query]);
  // Before the full load the newest rows stand for the unsearched view; a search waits.
  const previewRows = useMemo(() => preview?.rows.map(seenRow) ?? null, [preview]);
  const shown = loaded ? rows : previewRows ? (text.trim() === '' ? previewRows : []) : null;
  const total = loaded ? store.index.size : (preview?.total ?? null);

  // Stable callbacks: a row whose paper and saved state stay the same skips its render.
  const save = useCallback(
    (seen: SeenPaper) => {
      setError(null);
      library.save(seenDraft(seen)).then(
        () => setNotice(`Saved “${seen.title}”.`),
        (err: unknown) => setError(`Could not save “${seen.title}”: ${errorMessage(err)}`),
      );
    },
    [library],
  );
  const open = useCallback((_seen: SeenPaper, href: string) => openUrl(href), [openUrl]);

  return (
    <SeenList
      rows={shown}
      total={total}
      loadingAll={!loaded && preview !== null}
      text={text}
      onText={onText}
      problems={query.problems}
      isSaved={isSaved}
      onSave={save}
      onOpen={open}
      recording={recording}
      now={at}
      error={loadError ?? error}
      onDismissError={loadError ? undefined : () => setError(null)}
      notice={notice}
      onOptions={onOptions}
      onSidePanel={onSidePanel}
      viewSwitch={viewSwitch}
    />
  );
}
