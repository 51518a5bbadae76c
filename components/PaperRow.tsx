/**
 * One saved paper in the reading list: a selection checkbox, title link, authors, date, tags,
 * note preview, reading status, a remove button and a "Details" button. Props in, callbacks out: no browser.* and no
 * database. In the windowed list a row also gets its place (aria-posinset / aria-setsize and its
 * offset) and takes part in the list's roving focus (one row is tabbable; arrows move it).
 */
import { Fragment } from 'preact';
import type { SavedPaper, Status } from '@/lib/paper';
import type { RowPlacement } from './list/VirtualList';
import { StatusOptions } from './StatusOptions';

export interface PaperRowProps {
  paper: SavedPaper;
  onStatus(status: Status): void;
  onRemove(): void;
  /** show the paper's details (the "Details" button shows when given) */
  onDetails?(): void;
  /** whether the row's checkbox is ticked (the checkbox shows when onSelect is given) */
  selected?: boolean;
  /** the checkbox was clicked; `range` when Shift was held (select from the last clicked row) */
  onSelect?(selected: boolean, range: boolean): void;
  /** position in a windowed list */
  place?: RowPlacement;
  /** the keyboard's current row */
  active?: boolean;
  /** the one row Tab stops on (roving tabindex); the others are reached with the arrows */
  tabbable?: boolean;
  /** focus entered the row (it becomes the active row) */
  onActivate?(): void;
}

/** How many author names a row shows before "et al.". */
export const MAX_AUTHORS_SHOWN = 3;

/**
 * The URL the title links to: the paper page, else the abstract, else the first place it was seen.
 * Null unless it is http(s), so a stored `javascript:` or `data:` URL can never become a link.
 */
export function paperHref(p: Pick<SavedPaper, 'links' | 'sources'>): string | null {
  const url = p.links.page ?? p.links.abs ?? p.sources[0]?.url;
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** "A, B, C et al.", "A, B", "11 authors" (count only) or "" when nothing is known. */
export function authorsLine(p: Pick<SavedPaper, 'authors' | 'authorCount'>): string {
  const names = p.authors.filter((a) => a.trim() !== '');
  if (names.length === 0) {
    const n = p.authorCount ?? 0;
    return n > 0 ? `${n} ${n === 1 ? 'author' : 'authors'}` : '';
  }
  const shown = names.slice(0, MAX_AUTHORS_SHOWN);
  const more = names.length > MAX_AUTHORS_SHOWN || (p.authorCount ?? 0) > names.length;
  return more ? `${shown.join(', ')} et al.` : shown.join(', ');
}

let dateFormat: Intl.DateTimeFormat | undefined;

/** "2024-05-01" -> "May 1, 2024" (English, as the popup is; read as a calendar date, not a time). */
export function formatDate(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  // One formatter for every row: building one per call costs more than the row.
  dateFormat ??= new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return dateFormat.format(d);
}

/** A time in ms -> "May 3, 2026" (its day in UTC, as formatDate reads dates). */
export function formatDay(ms: number): string {
  return formatDate(new Date(ms).toISOString().slice(0, 10));
}

/** The first non-empty line of a note (CSS truncates it to the row width). */
export function notePreview(note: string): string {
  return note.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
}

function PaperTitle({ title, href }: { title: string; href: string | null }) {
  return (
    <h2 class="paper-title">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" data-control="title">
          {title}
        </a>
      ) : (
        <span>{title}</span>
      )}
    </h2>
  );
}

function PaperMeta({ paper }: { paper: SavedPaper }) {
  const authors = authorsLine(paper);
  const upvotes = paper.signals.upvotes;
  const parts = [
    authors && <span class="authors">{authors}</span>,
    paper.publishedAt && <time dateTime={paper.publishedAt}>{formatDate(paper.publishedAt)}</time>,
    upvotes !== undefined && <span class="upvotes">{`${upvotes} ${upvotes === 1 ? 'upvote' : 'upvotes'}`}</span>,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p class="paper-meta">
      {parts.map((part, i) => (
        <Fragment key={i}>
          {/* no-break space: a wrapped line ends with the dot instead of starting with it */}
          {i > 0 && (
            <span class="sep" aria-hidden="true">
              {'\u00a0· '}
            </span>
          )}
          {part}
        </Fragment>
      ))}
    </p>
  );
}

function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="chips" aria-label="Tags">
      {tags.map((t) => (
        <li class="chip" key={t}>
          {t}
        </li>
      ))}
    </ul>
  );
}

/** A compact row for one saved paper. */
export function PaperRow({ paper, onStatus, onRemove, onDetails, selected = false, onSelect, place, active = false, tabbable, onActivate }: PaperRowProps) {
  const note = notePreview(paper.note);
  const cls = ['paper', onSelect ? 'selectable' : '', active ? 'active' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <li
      class={cls}
      data-id={paper.id}
      aria-setsize={place?.setSize}
      aria-posinset={place ? place.index + 1 : undefined}
      style={place ? { top: `${place.top}px`, height: `${place.height}px` } : undefined}
      tabIndex={tabbable === undefined ? undefined : tabbable ? 0 : -1}
      onFocusIn={onActivate}
    >
      {onSelect && (
        <input
          type="checkbox"
          class="select"
          aria-label={`Select ${paper.title}`}
          checked={selected}
          data-control="select"
          onClick={(e) => onSelect(e.currentTarget.checked, e.shiftKey)}
        />
      )}
      <div class="paper-body">
        <PaperTitle title={paper.title} href={paperHref(paper)} />
        <PaperMeta paper={paper} />
        {(paper.tags.length > 0 || note) && (
          <div class="paper-extra">
            <TagChips tags={paper.tags} />
            {note && (
              <p class="paper-note" title={paper.note}>
                {note}
              </p>
            )}
          </div>
        )}
      </div>
      <div class="paper-actions">
        <select
          class={`status status-${paper.status}`}
          aria-label={`Status of ${paper.title}`}
          value={paper.status}
          data-control="status"
          onChange={(e) => onStatus((e.currentTarget as HTMLSelectElement).value as Status)}
        >
          <StatusOptions />
        </select>
        <button type="button" class="remove" aria-label={`Remove ${paper.title}`} title="Remove from shelf" data-control="remove" onClick={onRemove}>
          <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round">
            <path d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v4.5M9.2 6.5v4.5" />
          </svg>
        </button>
      </div>
      {onDetails && (
        <button type="button" class="details-button" data-control="details" onClick={onDetails}>
          Details
        </button>
      )}
    </li>
  );
}
