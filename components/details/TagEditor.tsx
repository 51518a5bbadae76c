/**
 * A saved paper's tags (the details view, and "This page" in the popup): each with a × button
 * ("Remove tag x"), and a field named "Add tag" (Enter adds) suggesting the user's other tags (a
 * datalist, as the card's tag field does). After a × focus moves to the next tag's ×, else to the
 * field. `idPrefix` keeps its element ids apart from another editor's in the same page.
 */
import { useRef, useState } from 'preact/hooks';
import { cleanTag, MAX_TAG_LENGTH, tagKey } from '@/lib/paper';

interface TagEditorProps {
  tags: readonly string[];
  /** every tag in use (the field suggests the ones this paper lacks) */
  suggestions: readonly string[];
  onAdd(tag: string): void;
  onRemove(tag: string): void;
  /** starts its element ids (default "details") */
  idPrefix?: string;
}

export function TagEditor({ tags, suggestions, onAdd, onRemove, idPrefix = 'details' }: TagEditorProps) {
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const have = new Set(tags.map(tagKey));
  const offered = suggestions.filter((t) => !have.has(tagKey(t)));
  const titleId = `${idPrefix}-tags-title`;
  const listId = `${idPrefix}-tag-suggestions`;

  const add = () => {
    const tag = cleanTag(text);
    if (!tag) return;
    setText('');
    if (!have.has(tagKey(tag))) onAdd(tag);
  };
  const remove = (tag: string, i: number) => {
    // The next tag's × (or the previous one, or the field) takes focus: the chip goes away.
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    const next = buttons[i + 1] ?? buttons[i - 1] ?? input.current;
    next?.focus();
    onRemove(tag);
  };

  return (
    <div class="tag-editor">
      <h3 class="section-label" id={titleId}>
        Tags
      </h3>
      {tags.length > 0 ? (
        <ul class="chips editable" aria-labelledby={titleId} ref={list}>
          {tags.map((t, i) => (
            <li class="chip" key={t}>
              <span>{t}</span>
              <button type="button" class="chip-remove" aria-label={`Remove tag ${t}`} title={`Remove tag ${t}`} onClick={() => remove(t, i)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">No tags yet.</p>
      )}
      <input
        ref={input}
        type="text"
        class="tag-field"
        aria-label="Add tag"
        placeholder="Add tag"
        list={listId}
        maxLength={MAX_TAG_LENGTH}
        autocomplete="off"
        spellcheck={false}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Escape' && text !== '') {
            // Clears the field first; the next Escape goes back to the list.
            e.preventDefault();
            setText('');
          }
        }}
      />
      <datalist id={listId}>
        {offered.map((t) => (
          <option value={t} key={t} />
        ))}
      </datalist>
    </div>
  );
}
