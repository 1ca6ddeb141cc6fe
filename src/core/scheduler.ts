/**
 * The timer seam: code that waits (the status poller) takes a `Scheduler` instead of calling setTimeout, so unit
 * tests can drive it with a fake clock and production passes `realScheduler`.
 */

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
