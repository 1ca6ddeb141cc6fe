/**
 * Live status for shares in transition. While any visible share is ACTIVATING or DELETING, `StatusPoller`
 * re-fetches ONLY those shares (one GetShare each) on a bounded back-off, reports every change, and forgets a
 * share once it settles. No timers are hard-wired: a `Scheduler` is injected (tests drive a fake clock).
 *
 * Rules:
 * - one poll round per tick: every tracked share that has no fetch in flight is fetched (never two fetches of
 *   the same share at once; a slow one simply skips a round);
 * - tick delays follow `delays` (default 2, 4, 8, 16, 30 s, then 30 s forever); the back-off restarts from the
 *   first delay whenever a new transitional share appears (setVisible / watch) and on resume();
 * - a fetched share that differs from the known one (status, message, update time) fires `onDidChange`; one no
 *   longer ACTIVATING/DELETING is dropped (`settled: true`);
 * - a failed fetch fires `onDidFail`; the share stays tracked and is retried on the back-off, except a
 *   ResourceNotFound (the share is gone) which drops it (`dropped: true`);
 * - no timer runs while nothing is tracked, while paused (view hidden) or after dispose().
 *
 * UI use: call `setVisible(allVisibleShares)` after each tree render; `watch({...share, status})` right after
 * Accept/Delete returned ACTIVATING/DELETING; `pause()`/`resume()` on view visibility; apply `onDidChange` to the
 * model and refresh that row only.
 */
import type { ErrorContext, ErrorDescription } from './errors';
import { describeError } from './errors';
import type { Disposable } from './events';
import { Emitter } from './events';
import type { Share } from './model';
import type { Scheduler } from './scheduler';
import { realScheduler } from './scheduler';

export type { Scheduler } from './scheduler';

export const DEFAULT_POLL_DELAYS: readonly number[] = [2000, 4000, 8000, 16000, 30000];

/** ACTIVATING and DELETING move on by themselves; every other status stays until someone acts. */
export function isTransitional(share: Pick<Share, 'status'>): boolean {
  return share.status === 'ACTIVATING' || share.status === 'DELETING';
}

export interface StatusChange {
  share: Share;
  previous: Share;
  /** True when the share left ACTIVATING/DELETING and is no longer polled. */
  settled: boolean;
}

export interface PollFailure {
  shareId: string;
  error: ErrorDescription;
  cause: unknown;
  /** True when the share was dropped (not found); otherwise it is retried. */
  dropped: boolean;
}

export interface StatusPollerOptions {
  /** Usually `ops.getShare.bind(ops)`. */
  fetch: (shareId: string, signal: AbortSignal) => Promise<Share>;
  scheduler?: Scheduler;
  delays?: readonly number[];
  /** Profile and region for error descriptions (the operation is always GetShare). */
  errorContext?: Omit<ErrorContext, 'operation'>;
}

export class StatusPoller implements Disposable {
  /** Tracked shares by share id, with what we last knew about them. */
  private readonly tracked = new Map<string, Share>();
  private readonly inFlight = new Map<string, AbortController>();
  private readonly scheduler: Scheduler;
  private readonly delays: readonly number[];
  private readonly changes = new Emitter<StatusChange>();
  private readonly failures = new Emitter<PollFailure>();
  private timer: unknown;
  private step = 0;
  private paused = false;
  private disposed = false;

  readonly onDidChange: (listener: (change: StatusChange) => void) => Disposable = this.changes.event;
  readonly onDidFail: (listener: (failure: PollFailure) => void) => Disposable = this.failures.event;

  constructor(private readonly options: StatusPollerOptions) {
    this.scheduler = options.scheduler ?? realScheduler;
    this.delays = options.delays && options.delays.length > 0 ? options.delays : DEFAULT_POLL_DELAYS;
  }

  /** The share ids being polled. */
  get shareIds(): string[] {
    return [...this.tracked.keys()];
  }

  /** True while a next round is scheduled. */
  get isScheduled(): boolean {
    return this.timer !== undefined;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /**
   * Replaces the set with the transitional shares among `shares` (the rows now visible). Shares no longer
   * visible are forgotten (a fetch in flight for them is aborted); a new one restarts the back-off.
   */
  setVisible(shares: Iterable<Share>): void {
    const next = new Map<string, Share>();
    for (const s of shares) {
      if (s.shareId !== undefined && isTransitional(s)) {
        next.set(s.shareId, s); // what the row shows: changes are reported relative to it
      }
    }
    for (const id of this.tracked.keys()) {
      if (!next.has(id)) {
        this.forget(id);
      }
    }
    const added = [...next.keys()].some((id) => !this.tracked.has(id));
    next.forEach((s, id) => this.tracked.set(id, s));
    this.stopIfIdle();
    this.reschedule(added);
  }

  /** Adds (or updates) one share, e.g. right after AcceptShare returned ACTIVATING. Non-transitional: ignored. */
  watch(share: Share): void {
    if (share.shareId === undefined || !isTransitional(share)) {
      return;
    }
    const added = !this.tracked.has(share.shareId);
    this.tracked.set(share.shareId, share);
    this.reschedule(added);
  }

  /** Stops scheduling rounds (fetches in flight still report). */
  pause(): void {
    this.paused = true;
    this.cancelTimer();
  }

  /** Resumes with the back-off restarted. */
  resume(): void {
    this.paused = false;
    this.reschedule(true);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    [...this.tracked.keys()].forEach((id) => this.forget(id));
    this.changes.dispose();
    this.failures.dispose();
  }

  private reschedule(restart: boolean): void {
    if (restart) {
      this.step = 0;
      this.cancelTimer();
    }
    if (this.timer !== undefined || this.paused || this.disposed || this.tracked.size === 0) {
      return;
    }
    const delay = this.delays[Math.min(this.step, this.delays.length - 1)] ?? 0;
    this.timer = this.scheduler.setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    this.timer = undefined;
    this.step++;
    for (const id of this.tracked.keys()) {
      if (!this.inFlight.has(id)) {
        void this.poll(id);
      }
    }
    this.reschedule(false);
  }

  private async poll(id: string): Promise<void> {
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    try {
      const share = await this.options.fetch(id, controller.signal);
      if (this.inFlight.get(id) !== controller) {
        return; // forgotten (or disposed) meanwhile
      }
      this.inFlight.delete(id);
      this.applyFetched(id, share);
    } catch (cause) {
      if (this.inFlight.get(id) !== controller) {
        return;
      }
      this.inFlight.delete(id);
      const error = describeError(cause, { ...this.options.errorContext, operation: 'GetShare' });
      const dropped = error.kind === 'notFound';
      if (dropped) {
        this.tracked.delete(id);
        this.stopIfIdle();
      }
      this.failures.fire({ shareId: id, error, cause, dropped });
    }
  }

  private applyFetched(id: string, share: Share): void {
    const previous = this.tracked.get(id);
    if (previous === undefined) {
      return;
    }
    const settled = !isTransitional(share);
    if (settled) {
      this.tracked.delete(id);
      this.stopIfIdle();
    } else {
      this.tracked.set(id, share);
    }
    if (settled || changed(previous, share)) {
      this.changes.fire({ share, previous, settled });
    }
  }

  private stopIfIdle(): void {
    if (this.tracked.size === 0) {
      this.cancelTimer();
    }
  }

  private forget(id: string): void {
    this.tracked.delete(id);
    this.inFlight.get(id)?.abort();
    this.inFlight.delete(id);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) {
      this.scheduler.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }
}

function changed(a: Share, b: Share): boolean {
  return (
    a.status !== b.status ||
    a.rawStatus !== b.rawStatus ||
    a.statusMessage !== b.statusMessage ||
    a.updateTime?.getTime() !== b.updateTime?.getTime()
  );
}
