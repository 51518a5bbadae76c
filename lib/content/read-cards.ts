/**
 * Read papers step back: the card of a paper whose status is read is dimmed, hidden or left as is
 * (the readCards setting), through an attribute on the page's card that page.css styles (nothing
 * the page wrote is restyled inline). Hidden cards never vanish silently: each run of consecutive
 * hidden cards leaves one line, "3 read papers hidden · show", whose button brings them back
 * (dimmed). Follows status changes from this page, other tabs (the `changed` notice) and the
 * setting.
 */
import { make } from '@/components/dom';
import type { ReadCards as Mode } from '../settings';
import { HIDDEN_TAG, HOST_TAG } from './hosts';

export const READ_ATTR = 'data-papershelf-read';

/** consecutive hidden cards: their papers, and the first one's card (the line goes before it) */
interface Run {
  ids: string[];
  first: Element;
}

export class ReadCards {
  private mode: Mode = 'dim';
  /** papers on the page whose status is read */
  private readonly read = new Set<string>();
  /** read papers the user brought back with "show" */
  private readonly shown = new Set<string>();
  /** whether any card carries the attribute (else a pass with nothing read has nothing to undo) */
  private marked = false;
  private queued = false;

  constructor(
    private readonly doc: Document,
    /** the page's elements making up a toolbar host's card (outermost first; none: skip it) */
    private readonly cardsOf: (host: Element) => Element[],
  ) {}

  setMode(mode: Mode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.queue();
  }

  /** A paper's status as the background last told it (null: not saved). */
  set(id: string, status: string | null | undefined): void {
    const read = status === 'read';
    if (read === this.read.has(id)) return;
    if (read) this.read.add(id);
    else {
      this.read.delete(id);
      this.shown.delete(id);
    }
    this.queue();
  }

  /** The page's cards changed (new toolbars placed): their read state is applied with the next pass. */
  refresh(): void {
    if (this.read.size) this.queue();
  }

  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      try {
        this.apply();
      } catch {
        // a page that broke under us keeps its cards as they are
      }
    });
  }

  /** One pass over the page's toolbars, in page order: each card's look, then the hidden lines. */
  apply(): void {
    for (const line of this.doc.querySelectorAll(HIDDEN_TAG)) line.remove();
    if (!this.read.size && !this.marked) return;
    this.marked = false;
    let run: Run | null = null;
    const runs: Run[] = [];
    for (const host of this.doc.querySelectorAll(HOST_TAG)) {
      const id = host.getAttribute('data-papershelf-id') ?? '';
      const cards = this.cardsOf(host);
      const look = this.lookOf(id);
      for (const card of cards) {
        if (look) card.setAttribute(READ_ATTR, look);
        else card.removeAttribute(READ_ATTR);
      }
      if (look) this.marked = true;
      if (look === 'hide' && cards[0]) {
        if (run) run.ids.push(id);
        else runs.push((run = { ids: [id], first: cards[0] }));
      } else if (cards.length) run = null;
    }
    for (const r of runs) r.first.before(this.line(r.ids));
  }

  private lookOf(id: string): 'dim' | 'hide' | null {
    if (!this.read.has(id) || this.mode === 'show') return null;
    return this.mode === 'hide' && !this.shown.has(id) ? 'hide' : 'dim';
  }

  /** "N read papers hidden · show", in a shadow root: the page's CSS does not reach it. */
  private line(ids: readonly string[]): Element {
    const doc = this.doc;
    const host = doc.createElement(HIDDEN_TAG);
    const n = new Set(ids).size;
    const text = `${n} read ${n === 1 ? 'paper' : 'papers'} hidden · `;
    const button = make(doc, 'button', { type: 'button', 'aria-label': `Show ${n} hidden read ${n === 1 ? 'paper' : 'papers'}` }, 'show');
    button.addEventListener('click', (e) => {
      e.stopPropagation();
      for (const id of ids) this.shown.add(id);
      this.apply();
    });
    const p = make(doc, 'p', { role: 'status' }, text);
    p.append(button);
    host.attachShadow({ mode: 'open' }).append(make(doc, 'style', {}, LINE_CSS), p);
    return host;
  }
}

const LINE_CSS = `
p { margin: 6px 0; font: 13px/1.4 system-ui, sans-serif; color: #6b7280; }
button { font: inherit; color: #2563eb; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { p { color: #9ca3af; } button { color: #60a5fa; } }
`;
