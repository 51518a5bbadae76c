/**
 * The Seen view's copy of the seen history (the popup and the side panel): the newest rows and
 * the count first, then every record in the list's in-memory search index (lib/list
 * SearchIndex over lib/seen/list-seen SeenRow), its words indexed in short tasks afterwards, so
 * a keystroke is answered from memory as in the saved list. Loaded when the view first shows;
 * read again when the window regains focus and the history grew or shrank (the feed records
 * papers meanwhile; seen records send no change notices: nothing else shows them).
 *
 * A plain class: the popup reports what it says (SeenView); no UI here.
 */
import { errorMessage } from '../errors';
import { PREVIEW_ROWS } from '../list/list-store';
import { prepareSteps } from '../list/prepare-steps';
import { SearchIndex } from '../list/search-index';
import type { SeenPaper } from './record';
import { seenRow, type SeenHistory, type SeenRow } from './list-seen';

/** What the store tells the view; each call is a change to show. */
export interface SeenView {
  /** the index changed; its new version */
  indexed(version: number): void;
  /** the newest rows and the count, until every record is indexed (then null) */
  previewed(preview: { rows: SeenPaper[]; total: number } | null): void;
  /** a load failed (the message), or one went well after a failure (null) */
  loadFailed(message: string | null): void;
}

export type SeenReader = Pick<SeenHistory, 'all' | 'newest' | 'count' | 'newestTime'>;

export class SeenStore {
  readonly index = new SearchIndex<SeenRow>();
  /** indexes the index's words in short tasks after a load (as the saved list does) */
  private readonly prep = prepareSteps(this.index, () => this.alive);
  private view: SeenView | null = null;
  private alive = false;
  private loaded = false;
  private ticket = 0;
  /** what the last load saw: a reload on focus happens only when either changed */
  private stamp = '';

  constructor(private readonly history: SeenReader) {}

  start(view: SeenView): void {
    this.view = view;
    this.alive = true;
    Promise.all([this.history.newest(PREVIEW_ROWS), this.history.count()]).then(
      ([rows, total]) => {
        if (this.alive && !this.loaded) view.previewed({ rows, total });
      },
      () => {}, // the full load reports failures
    );
    this.load();
    window.addEventListener('focus', this.regainedFocus);
  }

  stop(): void {
    this.alive = false;
    window.removeEventListener('focus', this.regainedFocus);
    this.prep.cancel();
  }

  private readonly regainedFocus = () => {
    if (!this.loaded) return;
    this.stampNow().then(
      (s) => {
        if (this.alive && s !== this.stamp) this.load();
      },
      () => {},
    );
  };

  private async stampNow(): Promise<string> {
    const [n, newest] = await Promise.all([this.history.count(), this.history.newestTime()]);
    return `${n}:${newest ?? ''}`;
  }

  /** Read every record into the index (a newer load wins over an older one still running). */
  load(): void {
    const mine = ++this.ticket;
    Promise.all([this.stampNow(), this.history.all()]).then(
      ([stamp, records]) => {
        if (!this.alive || mine !== this.ticket) return;
        this.loaded = true;
        this.stamp = stamp;
        this.index.reset(records.map(seenRow));
        this.view?.previewed(null);
        this.view?.indexed(this.index.version);
        this.view?.loadFailed(null);
        this.prep.schedule();
      },
      (err: unknown) => {
        if (this.alive && mine === this.ticket) this.view?.loadFailed(`Could not load the seen history: ${errorMessage(err)}`);
      },
    );
  }
}
