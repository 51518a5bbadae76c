/**
 * The background's part of the rolling snapshots: today's is taken when the background starts
 * (the shelf as the day began) and, if the day had none yet, a minute after a change. A browser
 * without the private folder (or a failing write) only misses that snapshot.
 */
import { onChanged } from '../changes';
import type { Library } from '../library';
import { snapshotFolder, takeDailySnapshot } from './snapshots';

const AFTER_CHANGE_MS = 60_000;

export function setupSnapshots(lib: Library): void {
  const take = () =>
    snapshotFolder()
      .then((dir) => dir && takeDailySnapshot(lib, dir, new Date()))
      .catch((err: unknown) => console.warn('PaperShelf: no snapshot today:', err));
  void take();
  let timer: ReturnType<typeof setTimeout> | undefined;
  onChanged(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void take(), AFTER_CHANGE_MS);
  });
}
