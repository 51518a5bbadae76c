/** What the reading list shows instead of rows: an empty shelf, or a search that matches nothing. */
import { Fragment, type RefObject } from 'preact';
import { SITES } from '@/lib/sites/registry';
import type { ListFilters } from './filters';

/** First-run help: how to save the first paper. */
export function EmptyShelf() {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">Your shelf is empty</h2>
      <ol class="steps">
        <li>
          Open a paper feed:{' '}
          {SITES.map((s, i) => (
            <Fragment key={s.id}>
              {i > 0 && ', '}
              <a href={s.home} target="_blank" rel="noopener noreferrer">
                {s.label}
              </a>
            </Fragment>
          ))}
          .
        </li>
        <li>
          Click <strong>Save</strong> on a paper card.
        </li>
        <li>Add tags and notes from the same toolbar on the card.</li>
      </ol>
      <p class="hint">Saved papers show up here. They stay on this computer.</p>
    </section>
  );
}

/** Shown when a search or filter matches nothing. */
export function NoMatches({ filters, onClear, clearRef }: { filters: ListFilters; onClear(): void; clearRef: RefObject<HTMLButtonElement | null> }) {
  const text = filters.text.trim();
  const others = filters.tag !== '' || filters.status !== '' || !!filters.page;
  const message = text ? `No papers match “${text}”${others ? ' with these filters' : ''}.` : 'No papers match these filters.';
  return (
    <div class="empty">
      <p>{message}</p>
      <button type="button" class="button" ref={clearRef} onClick={onClear}>
        Clear filters
      </button>
    </div>
  );
}
