/**
 * Feed keyboard shortcuts: j / k move between cards, N to the next new one, s save, t tag,
 * n note, r cycle status, o open, ? help. Only when focus is not in a text field, no modifier is held, and the user
 * has not turned shortcuts off. Keys we do not handle are left to the page.
 */
import { make } from '@/components/dom';
import { HOST_TAG } from './hosts';
import { READ_ATTR } from './read-cards';
import { NEW_ATTR } from './seen-marks';

export interface FeedKeyActions {
  toggleSave(host: Element): void;
  cycleStatus(host: Element): void;
  focusTag(host: Element): void;
  openNote(host: Element): void;
  open(host: Element): void;
  /** the element outlined as the current card (its site says which) */
  cardOf(host: Element): Element | null;
}

export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['j', 'Next paper'],
  ['k', 'Previous paper'],
  ['N', 'Next new paper (not seen before)'],
  ['s', 'Save / remove'],
  ['t', 'Add a tag'],
  ['n', 'Write a note'],
  ['r', 'Cycle status: unread, reading, read'],
  ['o', 'Open the paper in a new tab'],
  ['?', 'Show or hide this help'],
];

const ACTIVE_OUTLINE = '2px solid #2563eb';

export class FeedKeys {
  private active: Element | null = null;
  private activeCard: HTMLElement | null = null;
  private help: HTMLElement | null = null;
  enabled = true;

  constructor(
    private readonly doc: Document,
    private readonly actions: FeedKeyActions,
    signal: AbortSignal,
  ) {
    // Capture on window: we see the key before the page, and before our own hosts stop it.
    doc.defaultView?.addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    signal.addEventListener('abort', () => {
      this.setActive(null);
      this.help?.remove();
    });
  }

  /** The toolbars the keys move between: not those of hidden read cards. */
  private hosts(): Element[] {
    return [...this.doc.querySelectorAll(HOST_TAG)].filter((h) => !h.closest(`[${READ_ATTR}="hide"]`));
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.enabled || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (isTyping(e)) return;
    const key = e.key;
    if (!SHORTCUTS.some(([k]) => k === key) && key !== 'Escape') return;
    if (key === 'Escape') {
      if (this.help) {
        this.toggleHelp();
        e.preventDefault();
      }
      return;
    }
    if (key === '?') return this.consume(e, () => this.toggleHelp());
    const hosts = this.hosts();
    if (hosts.length === 0) return;
    if (key === 'j' || key === 'k') {
      return this.consume(e, () => {
        const i = this.active ? hosts.indexOf(this.active) : -1;
        const next = key === 'j' ? Math.min(i + 1, hosts.length - 1) : i < 0 ? 0 : Math.max(i - 1, 0);
        this.setActive(hosts[next] ?? null);
      });
    }
    if (key === 'N') {
      return this.consume(e, () => {
        // The first new card after the current one (from the top when none is current).
        const i = this.active ? hosts.indexOf(this.active) : -1;
        const next = hosts.find((h, k) => k > i && h.getAttribute(NEW_ATTR) === 'true');
        if (next) this.setActive(next);
      });
    }
    const host = this.active && this.active.isConnected ? this.active : null;
    if (!host) return;
    this.consume(e, () => {
      if (key === 's') this.actions.toggleSave(host);
      else if (key === 'r') this.actions.cycleStatus(host);
      else if (key === 'o') this.actions.open(host);
      else if (key === 't') this.actions.focusTag(host);
      else if (key === 'n') this.actions.openNote(host);
    });
  }

  private consume(e: KeyboardEvent, run: () => void): void {
    e.preventDefault();
    e.stopPropagation();
    run();
  }

  /** Mark a card as the keyboard's current one: an outline (no layout change) and scroll. */
  private setActive(host: Element | null): void {
    if (this.activeCard) {
      this.activeCard.style.removeProperty('outline');
      this.activeCard.style.removeProperty('outline-offset');
    }
    this.active?.removeAttribute('data-papershelf-active');
    this.active = host;
    this.activeCard = null;
    if (!host) return;
    host.setAttribute('data-papershelf-active', 'true');
    const card = (this.actions.cardOf(host) ?? host) as HTMLElement;
    this.activeCard = card;
    card.style.setProperty('outline', ACTIVE_OUTLINE);
    card.style.setProperty('outline-offset', '2px');
    card.scrollIntoView?.({ block: 'nearest' });
  }

  private toggleHelp(): void {
    if (this.help) {
      this.help.remove();
      this.help = null;
      return;
    }
    const doc = this.doc;
    const host = doc.createElement('papershelf-help');
    const title = 'PaperShelf keyboard shortcuts';
    const box = make(doc, 'div', { class: 'box', role: 'dialog', 'aria-label': title });
    const dl = make(doc, 'dl');
    for (const [k, what] of SHORTCUTS) {
      const dt = make(doc, 'dt');
      dt.append(make(doc, 'kbd', {}, k));
      dl.append(dt, make(doc, 'dd', {}, what));
    }
    box.append(make(doc, 'h2', {}, title), dl, make(doc, 'p', {}, 'Press ? or Esc to close. Shortcuts can be turned off in the PaperShelf options.'));
    host.attachShadow({ mode: 'open' }).append(make(doc, 'style', {}, HELP_CSS), box);
    doc.body.append(host);
    this.help = host;
  }
}

function isTyping(e: KeyboardEvent): boolean {
  const t = (e.composedPath()[0] ?? e.target) as HTMLElement | null;
  if (!t || !(t instanceof Element)) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    return !/^(checkbox|radio|button|submit|reset|range|color|file)$/.test((t as HTMLInputElement).type);
  }
  return false;
}

const HELP_CSS = `
:host { all: initial; position: fixed; inset: auto 16px 16px auto; z-index: 2147483647; }
.box { font: 13px/1.4 system-ui, sans-serif; color: #111827; background: #fff; border: 1px solid #d1d5db;
  border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.2); padding: 12px 16px; min-width: 260px; }
h2 { font-size: 14px; margin: 0 0 8px; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0; }
dd { margin: 0; }
kbd { display: inline-block; min-width: 18px; text-align: center; padding: 0 4px; border: 1px solid #d1d5db;
  border-bottom-width: 2px; border-radius: 4px; background: #f9fafb; font-family: ui-monospace, monospace; }
p { margin: 8px 0 0; color: #4b5563; font-size: 12px; }
@media (prefers-color-scheme: dark) { .box { background: #111827; color: #e5e7eb; border-color: #374151; }
  kbd { background: #1f2937; border-color: #4b5563; } p { color: #9ca3af; } }
`;
