/**
 * A list's search box and the line under it: examples of the filter syntax, or why part of the
 * search text was ignored. The saved list (FilterBar) and the Seen view (seen/SeenList) each give
 * theirs a name, a hint id and the examples that mean something there.
 */
import type { RefObject } from 'preact';

interface SearchFieldProps {
  searchRef: RefObject<HTMLInputElement | null>;
  /** the box's accessible name */
  label: string;
  placeholder: string;
  /** the id of the hint line (the box is described by it) */
  hintId: string;
  /** filters shown as examples in the hint */
  examples: readonly string[];
  /** parts of the search text that were ignored, and why (lib/list/query problems); shown instead of the examples */
  problems: readonly string[];
  text: string;
  onText(text: string): void;
  onKeyDown?(e: KeyboardEvent): void;
}

export function SearchField({ searchRef, label, placeholder, hintId, examples, problems, text, onText, onKeyDown }: SearchFieldProps) {
  return (
    <>
      <input
        ref={searchRef}
        type="search"
        class="search"
        aria-label={label}
        aria-describedby={hintId}
        placeholder={placeholder}
        autocomplete="off"
        spellcheck={false}
        value={text}
        onInput={(e) => onText((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={onKeyDown}
      />
      <p id={hintId} class={problems.length ? 'search-hint problem' : 'search-hint'}>
        {problems.length ? problems.join(' ') : ['Filters: ', ...examples.flatMap((x, i) => [i > 0 ? ' ' : '', <code key={x}>{x}</code>])]}
      </p>
    </>
  );
}
