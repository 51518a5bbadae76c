/**
 * The two lists of the popup and the side panel: Saved (the reading list) and Seen (the papers
 * the feeds showed). Two toggle buttons (aria-pressed) in a labelled group, under the header;
 * each list renders the same switch, so it stays in place when the list changes.
 */
import { useEffect, useRef } from 'preact/hooks';

export type ListView = 'saved' | 'seen';

export interface ViewSwitchProps {
  view: ListView;
  onView(view: ListView): void;
  /**
   * Focus the pressed button once shown: the list that was switched to renders a switch of its
   * own, and keyboard focus must not fall back to the page.
   */
  focusOnMount?: boolean;
}

const VIEWS: ReadonlyArray<readonly [ListView, string, string]> = [
  ['saved', 'Saved', 'Your saved papers'],
  ['seen', 'Seen', 'Papers you scrolled past on the feeds'],
];

export function ViewSwitch({ view, onView, focusOnMount = false }: ViewSwitchProps) {
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnMount) group.current?.querySelector<HTMLButtonElement>('[aria-pressed="true"]')?.focus();
  }, []);
  return (
    <div class="view-switch" role="group" aria-label="List" ref={group}>
      {VIEWS.map(([id, label, title]) => (
        <button type="button" key={id} class="view-button" aria-pressed={view === id} title={title} onClick={() => view !== id && onView(id)}>
          {label}
        </button>
      ))}
    </div>
  );
}
