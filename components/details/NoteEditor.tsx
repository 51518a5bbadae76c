/**
 * A saved paper's note (the details view, and "This page" in the popup): a multi-line field named
 * "Note", saved with Ctrl+Enter (⌘+Enter), when focus leaves it, when the view closes and when the
 * page goes away. Unsent text is this editor's own state: a live update of the same paper (an
 * edit from a card) re-renders the view without touching it, and typing re-renders this editor
 * alone.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '@/lib/paper';

interface NoteEditorProps {
  /** the stored note */
  note: string;
  onSave(note: string): void;
  /** starts its element ids (default "details"), kept apart from another editor's in the same page */
  idPrefix?: string;
  /** the field's height in lines (default 5) */
  rows?: number;
}

export function NoteEditor({ note, onSave, idPrefix = 'details', rows = 5 }: NoteEditorProps) {
  // null: the field shows the stored note (and follows it); else the user's unsent text.
  const [draft, setDraft] = useState<string | null>(null);
  // The text last sent to be saved: "Note saved." once the stored note equals it.
  const [sent, setSent] = useState<string | null>(null);
  const prevNote = useRef(note);
  const latest = useRef({ draft, note, sent, onSave });
  latest.current = { draft, note, sent, onSave };

  // The stored note changed: a draft it caught up with (saved here, or typed back to the
  // stored text) gives way to it; any other draft stays on screen.
  useEffect(() => {
    if (draft !== null && (draft === note || draft === prevNote.current)) setDraft(null);
    prevNote.current = note;
  }, [note]);

  /** Send the unsent text, once (`mounted`: false when the editor is going away). */
  const commit = (mounted = true) => {
    const { draft: text, note: stored, sent: last, onSave: save } = latest.current;
    if (text === null || text === stored) {
      if (text !== null && mounted) setDraft(null);
      return;
    }
    if (text === last) return; // already on its way
    latest.current.sent = text;
    if (mounted) setSent(text);
    save(text);
  };

  // Leaving the view (Back, Escape, another paper) or the page (the popup closing) saves too:
  // a field that is removed gets no blur.
  useEffect(() => {
    const away = () => commit(false);
    window.addEventListener('pagehide', away);
    return () => {
      window.removeEventListener('pagehide', away);
      away();
    };
  }, []);

  const value = draft ?? note;
  const saved = sent !== null && draft === null && note === sent;
  const fieldId = `${idPrefix}-note`;
  const hintId = `${idPrefix}-note-hint`;
  return (
    <div class="note-editor">
      <label for={fieldId} class="section-label">
        Note
      </label>
      <textarea
        id={fieldId}
        class="note-field"
        rows={rows}
        maxLength={MAX_NOTE_LENGTH}
        aria-describedby={hintId}
        value={value}
        onInput={(e) => {
          setDraft(e.currentTarget.value);
          if (sent !== null) setSent(null);
        }}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            commit();
          }
        }}
      />
      <p id={hintId} class="hint" aria-live="polite">
        {saved ? 'Note saved.' : 'Ctrl+Enter saves the note; so does leaving the field.'}
      </p>
    </div>
  );
}
