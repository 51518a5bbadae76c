/**
 * The reading list's header: the name, how many papers are saved, and buttons for the keyboard
 * help, the side panel (from the popup) and the options page (export, import, settings).
 */
import { useState } from 'preact/hooks';
import { papersCount } from './counts';

/** The list's keys, as the help lists them (README.md "Keyboard" says the same). */
export const LIST_KEYS: ReadonlyArray<readonly [keys: string, what: string]> = [
  ['/', 'search'],
  ['↑ ↓ Home End', 'move between papers'],
  ['Enter or →', 'open the paper’s details'],
  ['Esc or ←', 'back from the details to the list'],
  ['o', 'open the paper in a new tab'],
  ['Space', 'tick the paper (Shift: a range)'],
  ['Delete', 'remove it (with Undo)'],
  ['Esc', 'clear the search, then the ticks'],
  ['Ctrl+Enter', 'save the note (so does leaving the field)'],
  ['Enter', 'in “Add tag”: add the tag'],
];

/** The keyboard help, shown under the header while its button is pressed. */
export function KeysHelp({ keys = LIST_KEYS }: { keys?: ReadonlyArray<readonly [keys: string, what: string]> }) {
  return (
    <section id="keys-help" class="keys-help" aria-label="Keyboard shortcuts">
      <dl>
        {keys.map(([keys, what]) => (
          <div key={`${keys} ${what}`}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export interface ShelfHeaderProps {
  /** how many papers are saved; null until known */
  total: number | null;
  /** what the header says instead of "N papers" (the Seen view: "N seen") */
  countText?: string;
  /** open the options page (no button without it) */
  onOptions?(): void;
  /** open the list in the browser's side panel (no button without it) */
  onSidePanel?(): void;
  /** the keys the Keys button lists (default: the saved list's) */
  keys?: ReadonlyArray<readonly [keys: string, what: string]>;
}

/** The header: name, count, Keys, Side panel and Options. */
export function ShelfHeader({ total, countText, onOptions, onSidePanel, keys }: ShelfHeaderProps) {
  const [help, setHelp] = useState(false);
  return (
    <>
      <header class="shelf-header">
        <h1>PaperShelf</h1>
        <p class="shelf-count">{countText ?? (total === null ? '' : papersCount(total))}</p>
        <div class="header-actions">
          <button type="button" class="link-button" aria-expanded={help} aria-controls={help ? 'keys-help' : undefined} onClick={() => setHelp(!help)}>
            Keys
          </button>
          {onSidePanel && (
            <button type="button" class="link-button" title="Keep the list open beside the page" onClick={onSidePanel}>
              Side panel
            </button>
          )}
          {onOptions && (
            <button type="button" class="link-button" title="Export, import and settings" onClick={onOptions}>
              Options
            </button>
          )}
        </div>
      </header>
      {help && <KeysHelp keys={keys} />}
    </>
  );
}
