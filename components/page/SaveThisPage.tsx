/**
 * "Save this page" at the top of the popup: the paper the page in front describes in its embedded
 * metadata, shown like a card (title, authors, venue and date, Save / Saved, and once saved its
 * status, tags and note), or a plain line saying the page has no paper metadata or cannot be
 * read; and "Show PaperShelf on <host>", which turns the site on (its toolbar on the site's
 * pages). Props in, callbacks out: no browser.* and no database (entrypoints/popup/ThisPage.tsx
 * wires it). Page text is shown as text.
 */
import { useState } from 'preact/hooks';
import type { PageAccess } from '@/lib/page-access';
import type { PaperDraft, SavedPaper, Status } from '@/lib/paper';
import { whenLine } from '../details/fields';
import { NoteEditor } from '../details/NoteEditor';
import { TagEditor } from '../details/TagEditor';
import { ErrorBar } from '../list/ErrorBar';
import { StatusOptions } from '../StatusOptions';
import { authorsLine } from '../PaperRow';

/** The page's site: turned on already, or offered. */
export interface SiteOffer {
  host: string;
  on: boolean;
  /** a request is on its way (the browser's prompt) */
  busy?: boolean;
  /** turned on from this popup just now (pages open already need a reload) */
  fresh?: boolean;
}

export interface SaveThisPageProps {
  page: PageAccess;
  /** the shelf's record of the page's paper (undefined: not saved) */
  saved: SavedPaper | undefined;
  /** every tag in use, suggested in "Add tag" */
  tags: readonly string[];
  /** a save or an edit is on its way */
  busy?: boolean;
  /** the last failure (save, edit, turning the site on) */
  error?: string | null;
  onDismissError?(): void;
  /** the page's site, when it can be turned on (null: not offered) */
  site: SiteOffer | null;
  onSave(): void;
  onRemove(): void;
  onStatus(status: Status): void;
  onAddTag(tag: string): void;
  onRemoveTag(tag: string): void;
  onNote(note: string): void;
  /** "Show PaperShelf on <host>": call the browser's request straight from here (a click) */
  onTurnOn(): void;
}

/** The note: behind "✎ Add a note" until it has text or is opened. */
function Note({ note, onSave }: { note: string; onSave(note: string): void }) {
  const [open, setOpen] = useState(note !== '');
  if (!open && note === '') {
    return (
      <button type="button" class="link-button this-page-note-open" onClick={() => setOpen(true)}>
        ✎ Add a note
      </button>
    );
  }
  return (
    <div class="this-page-note">
      <NoteEditor idPrefix="this-page" rows={3} note={note} onSave={onSave} />
    </div>
  );
}

function SiteLine({ site, onTurnOn }: { site: SiteOffer; onTurnOn(): void }) {
  if (site.on) {
    const text = site.fresh
      ? `PaperShelf is on for ${site.host}: reload the page to see its toolbar.`
      : `PaperShelf shows its toolbar on ${site.host} (the options turn it off).`;
    return (
      <p class="hint this-page-site" role="status">
        {text}
      </p>
    );
  }
  return (
    <p class="this-page-site">
      <button type="button" class="button" disabled={site.busy} onClick={onTurnOn}>
        {`Show PaperShelf on ${site.host}`}
      </button>
    </p>
  );
}

export function SaveThisPage(p: SaveThisPageProps) {
  const { page } = p;
  if (page.kind === 'listed' || page.kind === 'self') return null;
  const body =
    page.kind === 'reading' ? (
      <p class="hint">Reading this page…</p>
    ) : page.kind === 'unavailable' ? (
      <p class="this-page-message">{page.message}</p>
    ) : !page.draft ? (
      <p class="this-page-message">{`No paper metadata on this page: ${page.host} does not describe a paper in the tags PaperShelf reads (citation_*, Dublin Core, JSON-LD, COinS, Open Graph).`}</p>
    ) : (
      <PaperCard {...p} draft={page.draft} />
    );
  return (
    <section class="this-page" aria-labelledby="this-page-heading" aria-busy={page.kind === 'reading'}>
      <h2 id="this-page-heading" class="this-page-heading">
        This page
      </h2>
      {body}
      <ErrorBar error={p.error} onDismiss={p.onDismissError} />
      {p.site && <SiteLine site={p.site} onTurnOn={p.onTurnOn} />}
    </section>
  );
}

function PaperCard(p: SaveThisPageProps & { draft: PaperDraft }) {
  const { draft, saved } = p;
  // The shelf's record once saved (another site may have saved it with more), else the page's.
  const shown = saved ?? draft;
  const authors = authorsLine(shown);
  const when = whenLine(shown);
  return (
    <div class="this-page-card">
      <p class="this-page-title">{shown.title}</p>
      {authors && <p class="this-page-authors">{authors}</p>}
      {when && <p class="this-page-when">{when}</p>}
      <div class="this-page-actions">
        <button
          type="button"
          class={`button this-page-save${saved ? ' saved' : ''}`}
          aria-pressed={saved ? 'true' : 'false'}
          title={saved ? 'Saved on your shelf. Click to remove it.' : 'Save this paper to your PaperShelf'}
          disabled={p.busy}
          onClick={saved ? p.onRemove : p.onSave}
        >
          {saved ? '★ Saved' : '☆ Save this page'}
        </button>
        {saved && (
          <select aria-label="Status" class={`status status-${saved.status}`} value={saved.status} onChange={(e) => p.onStatus(e.currentTarget.value as Status)}>
            <StatusOptions />
          </select>
        )}
      </div>
      {saved && (
        <>
          <TagEditor idPrefix="this-page" tags={saved.tags} suggestions={p.tags} onAdd={p.onAddTag} onRemove={p.onRemoveTag} />
          <Note key={saved.id} note={saved.note} onSave={p.onNote} />
        </>
      )}
    </div>
  );
}
