/**
 * The popup's copy of the library: loads every saved paper once (Library.all()) into the
 * in-memory search index, shows the first rows and the count meanwhile (Library.firstPage), and
 * follows changes from any extension context (lib/changes) by re-reading only the changed ids
 * (Library.lookup). The whole library is read again when the popup window regains focus and the
 * count differs (a write that did not notify). After a load, the index's words are indexed in
 * short tasks, so no task runs long and the first keystroke usually finds them ready.
 *
 * A plain class: the popup's App renders what it reports (ListView); no UI here.
 */
import { onChanged } from '../changes';
import { errorMessage } from '../errors';
import type { Library } from '../library';
import type { SavedPaper } from '../paper';
import { PREVIEW_ROWS, type ListPreview } from './first-rows';
import { prepareSteps } from './prepare-steps';
import { SearchIndex } from './search-index';

export { PREVIEW_ROWS, type ListPreview } from './first-rows';

/** What the store tells the view; each call is a change to show. */
export interface ListView {
  /** the index changed; its new version */
  indexed(version: number): void;
  /** the first rows and the count arrived; null once the full load landed */
  previewed(preview: ListPreview | null): void;
  /** a load failed (the message to show), or a load went well after one failed (null) */
  loadFailed(message: string | null): void;
}

/** The library as ListStore reads it. */
export type LibraryReader = Pick<Library, 'all' | 'firstPage' | 'count' | 'lookup'>;

const loadFailure = (err: unknown) => `Could not load your papers: ${errorMessage(err)}`;

export class ListStore {
  /** every saved paper, searched on each keystroke */
  readonly index = new SearchIndex();
  /** indexes the index's words in short tasks after a load or a big batch */
  private readonly prep = prepareSteps(this.index, () => this.alive);
  private view: ListView | null = null;
  // A full load takes a ticket (only the newest one lands); changed ids wait in `pending` while
  // a load runs and are re-read after it, one lookup at a time, in order.
  private ticket = 0;
  private loading = false;
  private loaded = false;
  private draining = false;
  private alive = false;
  private readonly pending = new Set<string>();
  private stopChanges: (() => void) | null = null;

  /** `firstRows`: the first rows read before the store was made (first-rows.ts), if any */
  constructor(
    private readonly library: LibraryReader,
    private readonly firstRows: Promise<ListPreview | null> | null = null,
  ) {}

  /** Start loading and following changes, telling `view` what to show. */
  start(view: ListView): void {
    this.view = view;
    this.alive = true;
    // Rows to show while all() reads every record (a large library takes a while): the ones the
    // entry module read early, else the library's. The full read waits for them, so the first
    // rows do not share the database with a 10,000-record getAll.
    (this.firstRows ?? Promise.resolve(null))
      .then((early) => early ?? this.readPreview())
      .then(
        (preview) => {
          if (this.alive && !this.loaded) view.previewed(preview);
        },
        () => {}, // the full load reports failures
      )
      .finally(() => {
        if (this.alive) this.load();
      });
    this.stopChanges = onChanged((e) => {
      for (const id of e.ids) this.pending.add(id);
      void this.drain();
    });
    window.addEventListener('focus', this.regainedFocus);
  }

  private async readPreview(): Promise<ListPreview> {
    const [papers, total] = await Promise.all([this.library.firstPage('savedAt', PREVIEW_ROWS), this.library.count()]);
    return { papers, total };
  }

  /** Stop: nothing is reported after this, and no work is left scheduled. */
  stop(): void {
    this.alive = false;
    this.stopChanges?.();
    this.stopChanges = null;
    window.removeEventListener('focus', this.regainedFocus);
    this.prep.cancel();
  }

  // Writes made without a notification (none should be) show up when the popup regains focus.
  // A count is cheap; re-reading 10,000 records on every focus is not.
  private readonly regainedFocus = () => {
    if (!this.loaded || this.loading) return;
    this.library.count().then(
      (n) => {
        if (this.alive && n !== this.index.size) this.load();
      },
      () => {},
    );
  };

  /** Read every record into the index. */
  private load(): void {
    const mine = ++this.ticket;
    this.loading = true;
    this.library.all().then(
      (records) => {
        if (!this.alive || mine !== this.ticket) return;
        this.loading = false;
        this.loaded = true;
        this.index.reset(records);
        this.view?.previewed(null);
        this.view?.indexed(this.index.version);
        this.view?.loadFailed(null);
        this.prep.schedule();
        void this.drain();
      },
      (err: unknown) => {
        if (!this.alive || mine !== this.ticket) return;
        this.loading = false;
        this.view?.loadFailed(loadFailure(err));
        void this.drain(); // a reload failed: the index loaded before still follows changes
      },
    );
  }

  /** Re-read the changed ids waiting in `pending`, one lookup at a time, once a load has landed. */
  private async drain(): Promise<void> {
    if (this.draining || this.loading || !this.loaded) return;
    this.draining = true;
    let again = false;
    try {
      while (this.pending.size > 0 && this.alive && !this.loading) {
        const ids = [...this.pending];
        this.pending.clear();
        const ticket = this.ticket;
        let found: Map<string, SavedPaper>;
        try {
          found = await this.library.lookup(ids);
        } catch (err) {
          for (const id of ids) this.pending.add(id); // tried again on the next change
          this.view?.loadFailed(loadFailure(err));
          return;
        }
        if (!this.alive) return;
        if (ticket !== this.ticket) {
          // A full load started meanwhile and may have read older data: re-read these after it
          // (its own drain may have come and gone while this lookup was running).
          for (const id of ids) this.pending.add(id);
          again = true;
          return;
        }
        this.index.sync(ids, found);
        this.view?.indexed(this.index.version);
        this.view?.loadFailed(null);
        this.prep.schedule(); // a big batch rebuilds the index, whose words are then indexed in steps
      }
    } finally {
      this.draining = false;
      if (again) void this.drain();
    }
  }
}
