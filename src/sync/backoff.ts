/** How long to wait before the next attempt after failures. */
export interface BackoffOptions {
  /** The first ceiling, in ms. */
  baseMs: number;
  /** The largest ceiling, in ms. */
  capMs: number;
  /** A number in [0, 1); `Math.random` unless a test seeds it. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 5 * 60_000, random: Math.random };

/**
 * "Full jitter" (AWS architecture blog): a uniform wait between 0 and an
 * exponentially growing ceiling, so tabs and readers that failed together do not
 * retry together. `attempt` counts failures so far, from 1.
 */
export function fullJitter(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(options.random() * ceiling);
}

/**
 * Reads `Retry-After` (seconds or an HTTP date) as ms from `now`; null when the
 * header is absent or unreadable. Never negative.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * The wait after a failed attempt: the jittered backoff, but never less than the
 * server asked for with `Retry-After`.
 */
export function nextDelay(
  attempt: number,
  retryAfterMs: number | null,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const jittered = fullJitter(attempt, options);
  return retryAfterMs === null ? jittered : Math.max(retryAfterMs, jittered);
}
