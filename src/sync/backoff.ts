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
export function fullJitter(attempt: number, { baseMs, capMs, random }: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1)));
}

/**
 * Reads `Retry-After` (seconds or an HTTP date) as ms from `now`; null when the
 * header is absent or unreadable. Never negative.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return +text * 1000;
  const date = Date.parse(text);
  return date === date ? Math.max(0, date - now) : null;
}

/**
 * The wait after a failed attempt: the jittered backoff, but never less than the
 * server asked for with `Retry-After` (null or 0: no wish).
 */
export function nextDelay(attempt: number, retryAfterMs: number | null, options?: BackoffOptions): number {
  return Math.max(retryAfterMs ?? 0, fullJitter(attempt, options));
}
