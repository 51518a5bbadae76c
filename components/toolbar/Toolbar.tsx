/**
 * The toolbar shown on each paper card (inside a shadow root). Props in, callbacks out:
 * no browser.* and no database here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { STATUSES, type Status } from '@/lib/paper';

export interface ToolbarProps {
  title: string;
  saved: boolean;
  tags: readonly string[];
  note: string;
  status: Status;
  /** a save/patch is in flight */
  busy: boolean;
  /** the last failure, shown on the card */
  error: string | null;
  /** tags the user already has, for autocomplete */
  knownTags: readonly string[];
  /** unsent note text kept across re-renders and closing the note */
  noteDraft: string | null;
  /** suffix making ids unique inside the page */
  uid: string;
  onToggleSave(): void;
  onAddTag(tag: string): void;
  onRemoveTag(tag: string): void;
  onStatus(status: Status): void;
  onNoteDraft(text: string): void;
  onSaveNote(text: string): void;
  onDismissError(): void;
}

export const STATUS_LABEL: Record<Status, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };

export function Toolbar(p: ToolbarProps) {
  const [noteOpen, setNoteOpen] = useState(false);
  const [tagText, setTagText] = useState('');
  // The suggestion list is built only while the tag field is in use: cheap cards on long feeds.
  const [tagFocus, setTagFocus] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const noteText = p.noteDraft ?? p.note;
  const noteDirty = p.noteDraft !== null && p.noteDraft !== p.note;

  useEffect(() => {
    if (noteOpen) noteRef.current?.focus();
  }, [noteOpen]);

  const addTag = () => {
    const t = tagText.trim();
    if (!t) return;
    p.onAddTag(t);
    setTagText('');
  };
  const suggestions = !tagFocus ? [] : p.knownTags.filter((t) => !p.tags.some((x) => x.toLowerCase() === t.toLowerCase()));
  const listId = `ps-tags-${p.uid}`;

  return (
    <div class="bar" role="group" aria-label={`PaperShelf: ${p.title}`}>
      <div class="row">
        <button
          type="button"
          class={p.saved ? 'save saved' : 'save'}
          aria-pressed={p.saved}
          disabled={p.busy}
          title={p.saved ? 'Saved on your shelf. Click to remove it.' : 'Save this paper to your PaperShelf'}
          onClick={p.onToggleSave}
        >
          <span aria-hidden="true" class="icon">{p.saved ? '★' : '☆'}</span>
          {p.saved ? 'Saved' : 'Save'}
        </button>
        {p.saved && (
          <select
            class="status"
            aria-label="Reading status"
            value={p.status}
            disabled={p.busy}
            onChange={(e) => p.onStatus((e.currentTarget as HTMLSelectElement).value as Status)}
          >
            {STATUSES.map((s) => (
              <option value={s} key={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        )}
        <ul class="tags" aria-label="Tags">
          {p.tags.map((t) => (
            <li class="tag" key={t}>
              <span>{t}</span>
              <button type="button" class="untag" aria-label={`Remove tag ${t}`} title={`Remove tag ${t}`} onClick={() => p.onRemoveTag(t)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          class="addtag"
          onSubmit={(e) => {
            e.preventDefault();
            addTag();
          }}
        >
          <input
            type="text"
            class="taginput"
            placeholder="+ tag"
            aria-label="Add tag"
            list={listId}
            value={tagText}
            maxLength={64}
            onFocus={() => setTagFocus(true)}
            onBlur={() => setTagFocus(false)}
            onInput={(e) => setTagText((e.currentTarget as HTMLInputElement).value)}
          />
          {tagFocus && (
            <datalist id={listId}>
              {suggestions.map((t) => (
                <option value={t} key={t} />
              ))}
            </datalist>
          )}
        </form>
        <button
          type="button"
          class={noteText ? 'notebtn has' : 'notebtn'}
          aria-expanded={noteOpen}
          aria-label={noteText ? 'Edit note' : 'Add note'}
          onClick={() => setNoteOpen(!noteOpen)}
        >
          <span aria-hidden="true">✎</span> Note
          {noteDirty && <span class="dirty" aria-label="unsaved"> •</span>}
        </button>
      </div>
      {noteOpen && (
        <div class="note">
          <textarea
            ref={noteRef}
            aria-label="Note"
            rows={3}
            placeholder="Your note (kept on your machine)"
            value={noteText}
            onInput={(e) => p.onNoteDraft((e.currentTarget as HTMLTextAreaElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                p.onSaveNote(noteText);
                setNoteOpen(false);
              } else if (e.key === 'Escape') {
                setNoteOpen(false);
              }
            }}
          />
          <div class="noteactions">
            <button
              type="button"
              class="primary"
              disabled={p.busy || !noteDirty}
              onClick={() => {
                p.onSaveNote(noteText);
                setNoteOpen(false);
              }}
            >
              Save note
            </button>
            <button type="button" onClick={() => setNoteOpen(false)}>
              Close
            </button>
            <span class="hint">{noteDirty ? 'Not saved yet (Ctrl+Enter saves)' : p.note ? 'Saved' : ''}</span>
          </div>
        </div>
      )}
      {!noteOpen && p.note && (
        <p class="notepreview" title={p.note}>
          {p.note}
        </p>
      )}
      {p.error && (
        <div class="error" role="alert">
          <span>{p.error}</span>
          <button type="button" aria-label="Dismiss error" onClick={p.onDismissError}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
