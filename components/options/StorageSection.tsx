/**
 * Options page, Storage: how much the browser says PaperShelf uses, and "Keep data persistent"
 * (navigator.storage.persist()) with its answer. Props in, callbacks out.
 */
import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import { ConfirmAction } from './ConfirmAction';

export interface StorageInfo {
  /** bytes used by this extension's origin (browser estimate) */
  usage?: number;
  /** bytes it may use */
  quota?: number;
}

export interface StorageSectionProps {
  /** papers on the shelf; null while loading */
  total: number | null;
  /** null while loading; 'unavailable' when the browser has no StorageManager */
  estimate: StorageInfo | null | 'unavailable';
  /** whether storage is already persistent; null when unknown */
  persisted: boolean | null;
  /** the answer to the last "Keep data persistent" */
  persistResult: 'granted' | 'denied' | 'failed' | null;
  busy: boolean;
  onPersist: () => void;
  /** delete every paper (after the user confirmed); resolves when done */
  onDeleteAll?: () => Promise<void>;
}

/** 1536 -> "1.5 kB", 12_345_678 -> "12.3 MB" (decimal units, as browsers show them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  do {
    v /= 1000;
    u++;
  } while (v >= 1000 && u < units.length - 1);
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

function usageText(estimate: StorageSectionProps['estimate'], total: number | null): string {
  if (estimate === null) return 'Measuring…';
  const papers = total === null ? '' : `${total} ${total === 1 ? 'paper' : 'papers'}, `;
  if (estimate === 'unavailable' || estimate.usage === undefined) return `${papers}storage use not reported by this browser.`;
  const quota = estimate.quota ? ` of about ${formatBytes(estimate.quota)} available` : '';
  return `${papers}using ${formatBytes(estimate.usage)}${quota} (the browser's estimate).`;
}

const RESULT_TEXT: Record<NonNullable<StorageSectionProps['persistResult']>, string> = {
  granted: 'Storage is persistent: the browser will not clear PaperShelf’s data to free up space.',
  denied:
    'The browser did not make storage persistent. Your papers stay, but could be cleared if the disk runs very low; export a JSON backup now and then.',
  failed: 'Could not ask the browser for persistent storage.',
};

export function StorageSection({ total, estimate, persisted, persistResult, busy, onPersist, onDeleteAll }: StorageSectionProps) {
  const [deleted, setDeleted] = useState<string | null>(null);
  return (
    <section class="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage</h2>
      <p>Everything PaperShelf saves stays in this browser profile. {usageText(estimate, total)}</p>
      <p>
        Persistent storage:{' '}
        <strong>{persisted === null ? 'unknown' : persisted ? 'on' : 'off'}</strong>
      </p>
      <div class="actions">
        <button type="button" class="button" disabled={busy || estimate === 'unavailable'} onClick={onPersist}>
          Keep data persistent
        </button>
      </div>
      <p class={`outcome ${persistResult === 'granted' ? '' : 'muted'}`} role="status">
        {persistResult ? RESULT_TEXT[persistResult] : ''}
      </p>
      {onDeleteAll && (
        <ConfirmAction
          label="Delete all papers…"
          disabled={busy || !total}
          question={
            <>
              Delete all {total} {total === 1 ? 'paper' : 'papers'} with their tags and notes? This cannot be undone: export a JSON backup first. It deletes them from this browser only: with folder sync on, the next sync brings back what your other devices hold.
            </>
          }
          confirmLabel="Delete all"
          onAsk={() => setDeleted(null)}
          onConfirm={() =>
            void onDeleteAll().then(
              () => setDeleted('All papers were deleted.'),
              (e: unknown) => setDeleted(`Could not delete: ${errorMessage(e)}`),
            )
          }
        />
      )}
      <p class="outcome" role="status">
        {deleted ?? ''}
      </p>
    </section>
  );
}
