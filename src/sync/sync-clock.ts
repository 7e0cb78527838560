/**
 * Time and visibility as the sync layer sees them, injectable so tests move
 * time by hand and flip visibility without touching the real document.
 */

/** The wall clock and timers the engine and the totals refresh use. */
export interface SyncClock {
  /** Milliseconds since the epoch (`Retry-After` dates are compared with it). */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Where the tab's visibility comes from: the document unless a test passes its own. */
export interface VisibilitySource {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void, options?: AddEventListenerOptions): void;
}

/** The page's own clock. */
export const systemClock: SyncClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
