/**
 * One paper of the seen history: its title, authors, where it was seen (the site, linking to that
 * page) and when, Open and Save (or "Saved" once it is on the shelf). Props in, callbacks out;
 * page text is only ever set as text.
 */
import { Component } from 'preact';
import type { SeenPaper } from '@/lib/seen/record';
import { SITES } from '@/lib/sites/registry';
import { authorsLine, formatDay } from '../PaperRow';
import type { RowPlacement } from '../list/VirtualList';

const DAY_MS = 86_400_000;
const SITE_LABEL = new Map(SITES.map((s) => [s.id, s.label] as const));

/** Only http(s) URLs become links (a stored `javascript:` never does). */
const isHttp = (url: string | undefined): url is string => !!url && /^https?:\/\//i.test(url);

/** Where the paper opens: its own page, else the page it was seen on. */
export function seenHref(seen: Pick<SeenPaper, 'link' | 'url'>): string | null {
  return isHttp(seen.link) ? seen.link : isHttp(seen.url) ? seen.url : null;
}

/** The site's name as the registry gives it, else the page's host name. */
export function siteLabel(seen: Pick<SeenPaper, 'site' | 'url'>): string {
  const known = SITE_LABEL.get(seen.site);
  if (known) return known;
  try {
    return new URL(seen.url).hostname;
  } catch {
    return seen.site;
  }
}

/** "today", "yesterday" or "May 3, 2026": the days of `ms` and `now` in UTC, as formatDay reads them. */
export function seenWhen(ms: number, now: number): string {
  const days = Math.floor(now / DAY_MS) - Math.floor(ms / DAY_MS);
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : formatDay(ms);
}

export interface SeenRowProps {
  seen: SeenPaper;
  place: RowPlacement;
  /** whether the paper is on the shelf */
  saved: boolean;
  now: number;
  onSave(seen: SeenPaper): void;
  onOpen(seen: SeenPaper, href: string): void;
}

/** A row, rendered again only when what it shows changed (typing on keeps most rows). */
export class SeenRow extends Component<SeenRowProps> {
  override shouldComponentUpdate(next: SeenRowProps): boolean {
    const a = this.props;
    return a.seen !== next.seen || a.saved !== next.saved || a.now !== next.now || a.place.index !== next.place.index || a.place.setSize !== next.place.setSize || a.onSave !== next.onSave || a.onOpen !== next.onOpen;
  }

  override render({ seen, place, saved, now, onSave, onOpen }: SeenRowProps) {
    const href = seenHref(seen);
    const authors = authorsLine({ authors: seen.authors });
    const page = isHttp(seen.url) ? seen.url : null;
    return (
      <li
        class="paper seen-paper"
        data-id={seen.id}
        aria-setsize={place.setSize}
        aria-posinset={place.index + 1}
        style={{ top: `${place.top}px`, height: `${place.height}px` }}
      >
        <h2 class="paper-title">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {seen.title}
            </a>
          ) : (
            <span>{seen.title}</span>
          )}
        </h2>
        <p class="paper-meta">{authors && <span class="authors">{authors}</span>}</p>
        <p class="seen-where">
          {'Seen on '}
          {page ? (
            <a href={page} target="_blank" rel="noopener noreferrer" title={page}>
              {siteLabel(seen)}
            </a>
          ) : (
            siteLabel(seen)
          )}
          <span class="sep" aria-hidden="true">
            {'\u00a0· '}
          </span>
          <time dateTime={new Date(seen.lastSeen).toISOString()}>{seenWhen(seen.lastSeen, now)}</time>
        </p>
        <div class="paper-actions">
          {saved ? (
            // Not a disabled button: focus stays where it was when Save turns into this.
            <button type="button" class="seen-save is-saved" aria-disabled="true" aria-label={`${seen.title} is saved`}>
              Saved
            </button>
          ) : (
            <button type="button" class="seen-save" aria-label={`Save ${seen.title}`} onClick={() => onSave(seen)}>
              Save
            </button>
          )}
          {href && (
            <button type="button" class="seen-open" aria-label={`Open ${seen.title}`} title={href} onClick={() => onOpen(seen, href)}>
              Open
            </button>
          )}
        </div>
      </li>
    );
  }
}
