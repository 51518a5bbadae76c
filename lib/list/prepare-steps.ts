/**
 * Indexing a SearchIndex's words in short tasks of their own after a load, for both lists that
 * keep one (lib/list/list-store ListStore, the saved papers; lib/seen/list-seen-store SeenStore,
 * the seen history): no task runs long, and the first keystroke usually finds the words ready.
 */
import type { SearchIndex } from './search-index';
import type { Searchable } from './searchable';

/** Time per step for indexing words after the first rows show (keeps every task short), ms. */
const PREPARE_BUDGET_MS = 12;

/** The Prioritized Task Scheduling API, where the browser has it (Chromium, recent Firefox). */
interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'user-visible'; signal: AbortSignal }): Promise<unknown>;
}

/**
 * Run `fn` in a task of its own (input still goes first); returns a cancel. Not setTimeout(0):
 * chained timers are held back 4 ms each after the fifth, a quarter of the time of 12 ms steps,
 * so the word index was ready later than it had to be and the first keystroke more often had to
 * finish it. Not 'background' priority either: Chromium leaves such tasks waiting for idle time.
 */
function nextTask(fn: () => void): () => void {
  const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    const abort = new AbortController();
    scheduler.postTask(fn, { priority: 'user-visible', signal: abort.signal }).catch(() => {}); // rejects when cancelled
    return () => abort.abort();
  }
  const id = window.setTimeout(fn, 0);
  return () => clearTimeout(id);
}

/** A store's word indexing: at most one step scheduled at a time. */
export interface PrepareSteps {
  /** Index the words in short tasks of their own, unless that is done or under way. */
  schedule(): void;
  /** Drop the step scheduled, if any. */
  cancel(): void;
}

/** Word indexing for `index`, in steps that stop once `alive()` is false. */
export function prepareSteps<T extends Searchable>(index: SearchIndex<T>, alive: () => boolean): PrepareSteps {
  /** cancels the scheduled step (null: none scheduled) */
  let cancelStep: (() => void) | null = null;
  const step = () => {
    cancelStep = null;
    if (!alive() || index.prepareStep(PREPARE_BUDGET_MS)) return;
    cancelStep = nextTask(step);
  };
  return {
    schedule() {
      if (cancelStep || index.prepared) return;
      cancelStep = nextTask(step);
    },
    cancel() {
      cancelStep?.();
      cancelStep = null;
    },
  };
}
