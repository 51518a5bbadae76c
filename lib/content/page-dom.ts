/**
 * What the scanner and the toolbars read of the page's DOM: whether the page skips rendering its
 * off-screen cards, whether a mutation is only our own, and the link that names a card's paper.
 */
import { HIDDEN_TAG, HOST_NAME } from './hosts';

const HIDDEN_NAME = HIDDEN_TAG.toUpperCase();
const ours = (n: Node) => n.nodeName === HOST_NAME || n.nodeName === HIDDEN_NAME;

/** The link naming the card's paper (checked on later scans); the card itself when none does. */
export function titleLink(card: Element, arxiv: string | undefined): Element {
  if (arxiv) for (const a of card.querySelectorAll('a[href]')) if ((a.getAttribute('href') ?? '').includes(arxiv)) return a;
  return card;
}

/**
 * Whether the page skips rendering its off-screen cards (content-visibility: auto on the card, as
 * a feed's grid may set): then what we add to an off-screen card costs little.
 */
export function skipsOffscreen(card: Element): boolean {
  const win = card.ownerDocument.defaultView;
  return !!win && win.getComputedStyle(card).getPropertyValue('content-visibility') === 'auto';
}

export function isOwnMutation(r: MutationRecord): boolean {
  if (r.target.nodeName === HOST_NAME) return true;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every(ours);
}
