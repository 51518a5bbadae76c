/**
 * Options page, Import: a file input, then one of — a file-level error (nothing imported), a
 * review of a file with rejected entries (Confirm import / Cancel), or the counts of what was
 * imported. Props in, callbacks out.
 */
import { describeRejection, IMPORT_FORMAT_NAMES, type ImportCounts, type ImportFormat, type Rejection } from '@/lib/exchange/import';

export const IMPORT_LABEL = 'Import file (JSON backup, BibTeX, CSL-JSON, RIS)';

/** File types offered by the picker (any file can still be chosen). */
const ACCEPT = '.json,.bib,.bibtex,.ris,.txt,application/json,application/x-bibtex,application/x-research-info-systems';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'error'; fileName: string; message: string }
  /** some entries were rejected: the rest waits for Confirm import */
  | { kind: 'review'; fileName: string; format: ImportFormat; total: number; valid: number; rejected: readonly Rejection[] }
  | { kind: 'importing'; fileName: string }
  | { kind: 'done'; fileName: string; format: ImportFormat; counts: ImportCounts; rejected: readonly Rejection[] };

export interface ImportSectionProps {
  state: ImportState;
  onFile: (file: File) => void;
  onConfirm: () => void;
  onCancel: () => void;
}

function entries(n: number, format: ImportFormat): string {
  const noun = format === 'backup' ? 'paper' : format === 'ris' ? 'record' : 'entry';
  return `${n} ${n === 1 ? noun : noun === 'entry' ? 'entries' : `${noun}s`}`;
}

function RejectedList({ rejected, format }: { rejected: readonly Rejection[]; format: ImportFormat }) {
  return (
    <ul class="rejections" aria-label="Rejected entries">
      {rejected.map((r) => (
        <li key={r.index}>{describeRejection(r, format)}</li>
      ))}
    </ul>
  );
}

function Outcome({ state, onConfirm, onCancel }: Omit<ImportSectionProps, 'onFile'>) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'reading':
      return <p role="status">Reading “{state.fileName}”…</p>;
    case 'importing':
      return <p role="status">Importing “{state.fileName}”…</p>;
    case 'error':
      return (
        <div class="notice notice-error" role="alert">
          <p>
            <strong>Could not import “{state.fileName}”.</strong> {state.message}
          </p>
          <p>Nothing was imported.</p>
        </div>
      );
    case 'review': {
      const { fileName, format, total, valid, rejected } = state;
      return (
        <div class="notice notice-review" role="group" aria-labelledby="review-heading">
          <h3 id="review-heading">
            Review “{fileName}” ({IMPORT_FORMAT_NAMES[format]})
          </h3>
          <p>
            {valid > 0
              ? `${valid} of ${entries(total, format)} can be imported; ${rejected.length} will be left out:`
              : `None of the ${entries(total, format)} can be imported:`}
          </p>
          <RejectedList rejected={rejected} format={format} />
          <p>Nothing has been imported yet.</p>
          <div class="actions">
            {valid > 0 && (
              <button type="button" class="button primary" onClick={onConfirm}>
                Confirm import ({valid} {valid === 1 ? 'paper' : 'papers'})
              </button>
            )}
            <button type="button" class="button" onClick={onCancel}>
              {valid > 0 ? 'Cancel' : 'Dismiss'}
            </button>
          </div>
        </div>
      );
    }
    case 'done': {
      const { added, updated, unchanged, rejected } = state.counts;
      return (
        <div class="notice notice-ok" role="status">
          <p>
            <strong>Imported “{state.fileName}”</strong> ({IMPORT_FORMAT_NAMES[state.format]}): {added} added, {updated} updated, {unchanged} unchanged,{' '}
            {rejected} rejected.
          </p>
          {state.rejected.length > 0 && (
            <details>
              <summary>Rejected entries</summary>
              <RejectedList rejected={state.rejected} format={state.format} />
            </details>
          )}
        </div>
      );
    }
  }
}

export function ImportSection({ state, onFile, onConfirm, onCancel }: ImportSectionProps) {
  const busy = state.kind === 'reading' || state.kind === 'importing';
  return (
    <section class="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p id="import-hint" class="hint">
        A JSON backup restores papers with everything saved about them. BibTeX, CSL-JSON and RIS add papers; papers already on your shelf keep your own tags, note
        and status (from a backup, the most recent edit wins).
      </p>
      <label class="file-label" for="import-file">
        {IMPORT_LABEL}
      </label>
      <input
        id="import-file"
        class="file"
        type="file"
        accept={ACCEPT}
        aria-label={IMPORT_LABEL}
        aria-describedby="import-hint"
        disabled={busy || state.kind === 'review'}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared so that choosing the same file again reads it again.
          input.value = '';
          if (file) onFile(file);
        }}
      />
      <div class="import-outcome">
        <Outcome state={state} onConfirm={onConfirm} onCancel={onCancel} />
      </div>
    </section>
  );
}
