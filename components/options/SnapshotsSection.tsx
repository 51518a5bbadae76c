/**
 * Options page, Local backups: the daily snapshots kept in this browser (the last 7), each with
 * Restore (asked first). Restoring merges: papers the snapshot has come back; edits made since
 * stay. Props in, callbacks out.
 */
import { useState } from 'preact/hooks';

export interface SnapshotsSectionProps {
  /** newest first; null while loading; 'unavailable' when the browser has no private folder */
  snapshots: ReadonlyArray<{ name: string; date: string }> | null | 'unavailable';
  busy: boolean;
  status: { kind: 'ok' | 'error'; text: string } | null;
  onRestore: (name: string) => void;
}

export function SnapshotsSection({ snapshots, busy, status, onRestore }: SnapshotsSectionProps) {
  const [asking, setAsking] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="snapshots-heading">
      <h2 id="snapshots-heading">Local backups</h2>
      <p>
        Once a day PaperShelf keeps a copy of your shelf in this browser’s own storage; the last 7 days are kept. Restoring one brings back every paper it holds
        (with its tags, note and status); what you changed since stays.
      </p>
      {snapshots === null && <p class="muted">Looking for snapshots…</p>}
      {snapshots === 'unavailable' && <p class="muted">This browser keeps no local snapshots.</p>}
      {Array.isArray(snapshots) && snapshots.length === 0 && <p class="muted">No snapshot yet: the first is taken today.</p>}
      {Array.isArray(snapshots) && snapshots.length > 0 && (
        <ul class="snapshots" aria-label="Daily snapshots">
          {snapshots.map((s) => (
            <li key={s.name}>
              {s.date}{' '}
              {asking === s.name ? (
                <>
                  <span>Restore the papers of {s.date}?</span>{' '}
                  <button type="button" class="button primary" disabled={busy} onClick={() => (setAsking(null), onRestore(s.name))}>
                    Restore
                  </button>{' '}
                  <button type="button" class="button" onClick={() => setAsking(null)}>
                    Cancel
                  </button>
                </>
              ) : (
                <button type="button" class="button" disabled={busy} aria-label={`Restore the snapshot of ${s.date}…`} onClick={() => setAsking(s.name)}>
                  Restore…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class={`outcome ${status?.kind === 'error' ? 'error-text' : ''}`} role="status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
