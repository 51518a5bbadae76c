/**
 * Runs folder sync while the options page is open: at start, a moment after every change to the
 * shelf (debounced), and when asked ("Sync now"). One run at a time; a change during a run makes
 * one more run after it.
 */
import { onChanged } from '../changes';
import type { DeviceInfo } from '../exchange/backup';
import { errorMessage } from '../errors';
import type { Library } from '../library';
import type { DirLike } from './dir';
import { syncOnce, type SyncReport } from './folder-sync';

/** Quiet time after the last change before this device's file is written again. */
export const SYNC_DEBOUNCE_MS = 2000;

export type SyncEvent = { kind: 'synced'; at: Date; report: SyncReport } | { kind: 'error'; at: Date; error: string };

export class SyncRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly lib: Library,
    private readonly dir: DirLike,
    private readonly device: DeviceInfo,
    private readonly onEvent: (e: SyncEvent) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sync now, then after every change. */
  start(): Promise<void> {
    this.stopListening = onChanged(() => this.schedule());
    return this.syncNow();
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (!this.stopListening) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncNow();
    }, SYNC_DEBOUNCE_MS);
  }

  /** One run (or, when one is under way, one more after it); resolves when done. */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          const report = await syncOnce(this.lib, this.dir, this.device, this.now());
          this.onEvent({ kind: 'synced', at: this.now(), report });
        } catch (err) {
          this.onEvent({ kind: 'error', at: this.now(), error: errorMessage(err) });
        }
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
