/**
 * Options page, Export: one button per format ("Export BibTeX" …) over the papers selected by
 * the page's `?q=` filter (or all). Props in, callbacks out.
 */
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/exchange/export';

export interface ExportSectionProps {
  /** papers the export covers; null while loading */
  count: number | null;
  /** papers on the shelf */
  total: number | null;
  /** the filter from the page URL ('' = everything) */
  query: string;
  /** parts of the filter that were ignored */
  problems: readonly string[];
  /** the format being prepared, if any */
  busy: ExportFormat | null;
  /** the last export's outcome */
  status: { kind: 'ok' | 'error'; text: string } | null;
  onExport: (format: ExportFormat) => void;
  /** whether the JSON backup includes the seen history (off by default) */
  includeSeen?: boolean;
  onIncludeSeen?: (on: boolean) => void;
}

function papers(n: number): string {
  return `${n} ${n === 1 ? 'paper' : 'papers'}`;
}

function scope(count: number | null, total: number | null, query: string): string {
  if (count === null || total === null) return 'Counting your papers…';
  if (total === 0) return 'Your shelf is empty: there is nothing to export yet.';
  if (!query) return `Exports all ${papers(total)} on your shelf.`;
  return `Exports the ${papers(count)} matching the filter below (of ${total}).`;
}

export function ExportSection({ count, total, query, problems, busy, status, onExport, includeSeen, onIncludeSeen }: ExportSectionProps) {
  const empty = count === 0 || count === null;
  return (
    <section class="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p>{scope(count, total, query)}</p>
      {query && (
        <p class="filter">
          Filter: <code>{query}</code> <a href="?">Export everything instead</a>
        </p>
      )}
      {problems.length > 0 && (
        <ul class="problems" aria-label="Ignored parts of the filter">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <ul class="exports">
        {EXPORT_FORMATS.map((f) => (
          <li key={f.format}>
            <button
              type="button"
              class="button"
              disabled={empty || busy !== null}
              aria-describedby={`export-${f.format}-hint`}
              onClick={() => onExport(f.format)}
            >
              Export {f.label}
            </button>
            <span id={`export-${f.format}-hint`} class="hint">
              {busy === f.format ? 'Preparing…' : `${f.description} (.${f.extension})`}
            </span>
          </li>
        ))}
      </ul>
      {onIncludeSeen && (
        <label class="check">
          <input type="checkbox" checked={!!includeSeen} onChange={(e) => onIncludeSeen(e.currentTarget.checked)} /> Include the seen history in the JSON backup
        </label>
      )}
      <p class={`outcome ${status?.kind === 'error' ? 'error-text' : ''}`} role="status">
        {status?.text ?? ''}
      </p>
    </section>
  );
}
