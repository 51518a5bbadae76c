/**
 * New since the last visit: a card's toolbar host says whether its paper was seen before this
 * page loaded (`data-papershelf-seen`) or never anywhere (`data-papershelf-new`, with a "New" label
 * in the toolbar). Decided once per card from the lookup's answer, which tells it as of the page's
 * load: a card does not turn from New to seen while the user reads it. Without any history before
 * the page (the first feed read, or right after clearing it) nothing is marked.
 */
import { make } from '@/components/dom';

export const NEW_ATTR = 'data-papershelf-new';
export const SEEN_ATTR = 'data-papershelf-seen';

/** What the lookup said of the page's papers (lib/messages Responses['lookup']). */
export interface SeenAnswer {
  papers: Record<string, unknown>;
  seen?: { ids: string[]; history: boolean };
}

/**
 * Mark the toolbar hosts of the asked papers: seen before (or saved: the user had it on screen
 * once) or new. `hostsOf` gives the hosts of a paper's cards on the page.
 */
export function markSeen(ids: readonly string[], answer: SeenAnswer, hostsOf: (id: string) => Iterable<Element>): void {
  const seen = answer.seen;
  if (!seen?.history) return;
  const before = new Set(seen.ids);
  for (const id of ids) {
    const isNew = !before.has(id) && !answer.papers[id];
    for (const host of hostsOf(id)) setMark(host, isNew);
  }
}

function setMark(host: Element, isNew: boolean): void {
  host.setAttribute(isNew ? NEW_ATTR : SEEN_ATTR, 'true');
  host.removeAttribute(isNew ? SEEN_ATTR : NEW_ATTR);
  const bar = host.shadowRoot?.querySelector('.bar');
  const label = bar?.querySelector('.new');
  if (!isNew) label?.remove();
  else if (bar && !label) {
    const doc = host.ownerDocument;
    // Styled from the page (page.css, through its part): the toolbar's own sheet is not there yet.
    bar.prepend(make(doc, 'span', { class: 'new', part: 'ps-new', title: 'New: not seen before on any site' }, 'New'));
  }
}

/** The history was turned off: no marks anywhere on the page. */
export function clearMarks(doc: Document): void {
  for (const host of doc.querySelectorAll(`[${NEW_ATTR}], [${SEEN_ATTR}]`)) {
    host.removeAttribute(NEW_ATTR);
    host.removeAttribute(SEEN_ATTR);
    host.shadowRoot?.querySelector('.bar > .new')?.remove();
  }
}
