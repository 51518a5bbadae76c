/**
 * What a feed remembers, wired between the toolbars and the background: the seen history's
 * recording (seen-watch), the New / seen marks from the page's lookups (seen-marks), and read
 * papers stepping back (read-cards). It wraps the toolbars' Backend, so every saved state the
 * page learns (lookups, its own saves and edits) also reaches the read cards, and a lookup asks
 * whether its papers were seen before the page loaded.
 */
import type { ChangedMessage } from '../messages';
import type { Settings } from '../settings';
import type { Sighting } from '../seen/record';
import { ReadCards } from './read-cards';
import type { CardHandle } from './scanner';
import { clearMarks, markSeen } from './seen-marks';
import { SeenWatch } from './seen-watch';
import type { Backend } from './toolbars';

export class FeedMemory {
  private readonly watcher: SeenWatch;
  private readonly readCards: ReadCards;
  /** the page's load (or its last SPA navigation): "seen before" means before this */
  private since = Date.now();
  private history = true;
  /** some lookup said there was history before `since` */
  private hadHistory = false;

  constructor(
    private readonly doc: Document,
    /** the toolbar hosts of a paper's cards on the page */
    private readonly hostsOf: (id: string) => Iterable<Element>,
    cardsOf: (host: Element) => Element[],
    record: (papers: Sighting[]) => void,
    signal: AbortSignal,
  ) {
    this.watcher = new SeenWatch(doc, record, signal);
    this.readCards = new ReadCards(doc, cardsOf);
  }

  /** The settings as read at load, and whenever they change. */
  settings(s: Settings): void {
    this.readCards.setMode(s.readCards);
    if (this.history && !s.seenHistory) clearMarks(this.doc);
    this.history = s.seenHistory;
    this.watcher.enabled = s.seenHistory;
  }

  /** The toolbars' backend, with the seen question added to lookups and every answer read. */
  backend(b: Backend): Backend {
    const send = b.sendToZotero?.bind(b);
    return {
      tags: () => b.tags(),
      ...(send ? { sendToZotero: send } : {}),
      lookup: async (req) => {
        const ask = this.history && !!req.ids?.length;
        const res = await b.lookup(ask ? { ...req, seenBefore: this.since } : req);
        if (res.ok) {
          for (const id of req.ids ?? []) this.readCards.set(id, res.papers[id]?.status);
          for (const [id, p] of Object.entries(res.papers)) this.readCards.set(id, p.status);
          if (ask && this.history && res.seen) {
            // Once the page's load had history, it had (the background answers from the table as
            // it is now, where this page's own sightings may have moved every older one past it).
            this.hadHistory ||= res.seen.history;
            try {
              markSeen(req.ids!, { papers: res.papers, seen: { ids: res.seen.ids, history: this.hadHistory } }, this.hostsOf);
            } catch {
              // no marks rather than a toolbar that says it could not look its paper up
            }
          }
        }
        return res;
      },
      save: async (draft, patch) => this.follow(await b.save(draft, patch)),
      patch: async (id, patch) => this.follow(await b.patch(id, patch)),
      remove: async (id) => {
        const res = await b.remove(id);
        if (res.ok) this.readCards.set(id, null);
        return res;
      },
    };
  }

  private follow<R extends Awaited<ReturnType<Backend['save']>>>(res: R): R {
    if (res.ok) this.readCards.set(res.paper.id, res.paper.status);
    return res;
  }

  /** Toolbars were placed on these cards. */
  mounted(handles: readonly CardHandle[]): void {
    this.watcher.watch(handles);
    this.readCards.refresh();
  }

  unmounted(h: CardHandle): void {
    this.watcher.forget(h.card);
  }

  /** The background's notice: papers saved, edited or removed elsewhere. */
  changed(msg: ChangedMessage): void {
    for (const [id, p] of Object.entries(msg.papers)) this.readCards.set(id, p?.status ?? null);
  }

  /** SPA navigation: what the user saw until now counts as seen for the cards to come. */
  navigated(): void {
    this.since = Date.now();
    this.hadHistory = false;
    this.watcher.navigated();
  }
}
