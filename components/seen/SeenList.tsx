/**
 * The Seen view of the popup and the side panel: the papers the feeds showed, newest first, with
 * the saved list's search syntax answered as you type (the App searches; this draws). Header and
 * the Saved / Seen switch as in the saved list, the search box with its hint, the windowed rows
 * (SeenRow), and what shows instead of rows: loading, history off, nothing seen yet, no match.
 * Props in, callbacks out: no browser.* and no database.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { SeenRow as SeenRecordRow } from '@/lib/seen/list-seen';
import type { SeenPaper } from '@/lib/seen/record';
import { formatCount } from '../list/counts';
import { ErrorBar } from '../list/ErrorBar';
import { SearchField } from '../list/SearchField';
import { ShelfHeader } from '../list/ShelfHeader';
import { VirtualList } from '../list/VirtualList';
import { SeenRow } from './SeenRow';

/** The Seen view's keys (its rows are reached with Tab: no current row as in the saved list). */
export const SEEN_KEYS: ReadonlyArray<readonly [keys: string, what: string]> = [
  ['/', 'search'],
  ['Esc', 'in the search: clear it'],
];

/** The seen view's search hint: the filters that mean something for a seen paper. */
const SEEN_EXAMPLES = ['site:arxiv', '-word', '"two words"'] as const;

export interface SeenListProps {
  /** the matching papers, newest first; null until the first rows arrive */
  rows: readonly SeenRecordRow[] | null;
  /** how many papers the history holds; null until known */
  total: number | null;
  /** `rows` are only the newest while every record is read (a search waits for them) */
  loadingAll?: boolean;
  /** the search box text */
  text: string;
  onText(text: string): void;
  /** parts of the search that were ignored, and why */
  problems: readonly string[];
  isSaved(id: string): boolean;
  onSave(seen: SeenPaper): void;
  onOpen(seen: SeenPaper, href: string): void;
  /** whether papers are being recorded now (off: the empty state says how to turn it on) */
  recording: boolean;
  /** for "today" / "yesterday" */
  now: number;
  error?: string | null;
  onDismissError?(): void;
  /** what saving the last paper did ("Saved “…”"), announced */
  notice?: string | null;
  onOptions?(): void;
  onSidePanel?(): void;
  /** the Saved / Seen switch */
  viewSwitch?: ComponentChild;
}

function seenCount(n: number): string {
  return `${formatCount(n)} seen`;
}

export function SeenList(p: SeenListProps) {
  const searchRef = useRef<HTMLInputElement>(null);
  // As the saved list does: the search box takes focus when it first shows (type to search),
  // unless the user has moved focus on meanwhile (it rests on the switch or nowhere until then).
  const focusedOnce = useRef(false);
  useEffect(() => {
    const box = searchRef.current;
    if (focusedOnce.current || !box) return;
    focusedOnce.current = true;
    const at = document.activeElement;
    if (!at || at === document.body || at.closest('.view-switch')) box.focus();
  });
  // "/" searches, as in the saved list (not while typing in a field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || t?.closest('input, textarea, select, [contenteditable]')) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const loading = p.rows === null || p.total === null;
  const rows = p.rows ?? [];
  const searching = p.text.trim() !== '';
  const off = p.recording ? '' : 'Recording is off: new papers you scroll past are not added.';
  const summary = p.loadingAll && p.total !== null ? `Loading ${seenCount(p.total)}…` : searching && p.total !== null && rows.length > 0 ? `Showing ${formatCount(rows.length)} of ${seenCount(p.total)}` : '';

  let body: ComponentChild;
  if (loading) body = null;
  else if (p.total === 0)
    body = (
      <div class="scroller">
        <section class="empty" aria-labelledby="seen-empty-title">
          <h2 id="seen-empty-title">{p.recording ? 'Nothing seen yet' : 'The seen history is off'}</h2>
          <p class="hint">
            {p.recording
              ? 'Papers you scroll past on the supported feeds show up here, newest first, so you can find one you did not save. They stay on this computer.'
              : 'Turn on “Record the papers I scroll past” in the options to find papers you did not save.'}
          </p>
        </section>
      </div>
    );
  else if (rows.length === 0)
    body = (
      <div class="scroller">
        {p.loadingAll ? (
          <p class="empty">Searching as soon as every seen paper is loaded…</p>
        ) : (
          <div class="empty">
            <p>{`No seen papers match “${p.text.trim()}”.`}</p>
            <button
              type="button"
              class="button"
              onClick={() => {
                p.onText('');
                searchRef.current?.focus();
              }}
            >
              Clear search
            </button>
          </div>
        )}
      </div>
    );
  else
    body = (
      <VirtualList
        items={rows}
        label="Seen papers"
        resetKey={p.text}
        renderRow={({ seen }, place) => <SeenRow seen={seen} place={place} saved={p.isSaved(seen.id)} now={p.now} onSave={p.onSave} onOpen={p.onOpen} />}
      />
    );

  return (
    <main class="shelf seen" aria-busy={loading || !!p.loadingAll}>
      <ShelfHeader total={p.total} countText={p.total === null ? '' : seenCount(p.total)} onOptions={p.onOptions} onSidePanel={p.onSidePanel} keys={SEEN_KEYS} />
      {p.viewSwitch}
      {!loading && p.total !== 0 && (
        <div class="filters" role="search">
          <SearchField
            searchRef={searchRef}
            label="Search seen papers"
            placeholder="Search title and authors"
            hintId="seen-search-hint"
            examples={SEEN_EXAMPLES}
            problems={p.problems}
            text={p.text}
            onText={p.onText}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && p.text !== '') {
                e.preventDefault();
                p.onText('');
              }
            }}
          />
        </div>
      )}
      <ErrorBar error={p.error} onDismiss={p.onDismissError} />
      <div class="listbar">
        <p class="summary" aria-live="polite">
          {summary && off && p.total ? `${summary}. ${off}` : summary || (p.total ? off : '')}
        </p>
      </div>
      {body}
      <div class="undo-region" role="status">
        {p.notice && <p class="seen-notice">{p.notice}</p>}
      </div>
    </main>
  );
}
