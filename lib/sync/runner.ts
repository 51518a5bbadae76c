/**
 * Runs folder sync: at start (the background's: see lib/sync/background), a moment after every
 * change to the shelf (debounced), and when asked ("Sync now", the background's periodic alarm).
 * One run at a time; a change during a run makes one more run after it.
 *
 * The runner asks for its folder and device at every run (`target`), so the background's runner
 * follows a folder picked, allowed again or forgotten on the options page, and does nothing while
 * there is no folder or the browser has dropped its permission.
 */
import { onChanged } from '../changes';
import type { DeviceInfo } from '../exchange/backup';
import { errorMessage } from '../errors';
import type { Library } from '../library';
import type { DirLike } from './dir';
import { syncOnce, type SyncReport } from './folder-sync';

/** Quiet time after the last change before this device's file is written again. */
export const SYNC_DEBOUNCE_MS = 2000;
/** How often the background syncs when nothing else made it (lib/sync/background: other devices' edits come in). */
export const SYNC_PERIOD_MINUTES = 15;

export type SyncEvent = { kind: 'synced'; at: Date; report: SyncReport } | { kind: 'error'; at: Date; error: string };

/** Why a run did nothing: no folder kept, or the browser asks for its permission again. */
export type Idle = 'no-folder' | 'needs-permission';

/** What a run ended with: a sync (or its error), or why nothing ran. */
export type SyncOutcome = SyncEvent | { kind: 'idle'; why: Idle };

/** The folder to sync and this device. */
export interface SyncTarget {
  dir: DirLike;
  device: DeviceInfo;
}

export class SyncRunner {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<SyncOutcome> | null = null;
  private again = false;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly lib: Library,
    /** the folder and device for this run, or why there is none (asked at every run) */
    private readonly target: () => Promise<SyncTarget | Idle>,
    /** each sync's outcome (not the idle runs) */
    private readonly onEvent: (e: SyncEvent) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A runner of one fixed folder and device (the options page's, for a folder that cannot be kept). */
  static of(lib: Library, dir: DirLike, device: DeviceInfo, onEvent: (e: SyncEvent) => void, now?: () => Date): SyncRunner {
    return new SyncRunner(lib, () => Promise.resolve({ dir, device }), onEvent, now);
  }

  /** Sync a debounce after every change to the shelf, from now on. */
  listen(): void {
    this.stopListening ??= onChanged(() => this.schedule());
  }

  /** Sync now, then after every change. */
  start(): Promise<SyncOutcome> {
    this.listen();
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

  /** One run (or, when one is under way, one more after it); resolves with the last run's outcome. */
  syncNow(): Promise<SyncOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let out: SyncOutcome;
      do {
        this.again = false;
        out = await this.once();
      } while (this.again);
      return out;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async once(): Promise<SyncOutcome> {
    let event: SyncEvent;
    try {
      const target = await this.target();
      if (typeof target === 'string') return { kind: 'idle', why: target };
      const report = await syncOnce(this.lib, target.dir, target.device, this.now());
      event = { kind: 'synced', at: this.now(), report };
    } catch (err) {
      event = { kind: 'error', at: this.now(), error: errorMessage(err) };
    }
    this.onEvent(event);
    return event;
  }
}
