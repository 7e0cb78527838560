/**
 * A switch that makes the mock say it is busy, with either form of
 * `Retry-After` (delta-seconds or an HTTP date), so tests and the demo can
 * check that clients wait as long as they are told, across reloads too.
 */
export interface BusyAnswer {
  status: 429 | 503;
  /** The `Retry-After` header's value. */
  retryAfter: string;
}

export interface BusyOptions {
  status?: 429 | 503;
  /** How long the client must wait. */
  seconds: number;
  /** `'date'` writes an HTTP date `seconds` after `now()` (default: delta-seconds). */
  form?: 'seconds' | 'date';
  now?: () => number;
}

export class Busy {
  #left = 0;
  #options: BusyOptions = { seconds: 0 };

  /** The next `count` requests are refused as `options` says. */
  answer(count: number, options: BusyOptions): void {
    this.#left = count;
    this.#options = options;
  }

  /** Back to normal. */
  clear(): void {
    this.#left = 0;
  }

  /** Counts one request; what to answer it with while busy, else null. */
  take(): BusyAnswer | null {
    if (this.#left <= 0) return null;
    this.#left--;
    const { status = 503, seconds, form = 'seconds', now = Date.now } = this.#options;
    const retryAfter = form === 'date' ? new Date(now() + seconds * 1000).toUTCString() : String(seconds);
    return { status, retryAfter };
  }
}
