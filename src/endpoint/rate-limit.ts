/**
 * A token bucket per caller: `burst` requests at once, refilled at
 * `perMinute`. Kept in the process's memory: with several server processes
 * each holds its own buckets, so a caller's limit is per process (put the
 * load balancer's own limit in front for a hard global one). Nothing else in
 * the endpoint lives in memory beyond caches that the database validates.
 */

export interface RateLimitOptions {
  /** Sustained requests per minute per token. */
  perMinute: number;
  /** Requests allowed at once before the rate applies. */
  burst: number;
}

/** Buckets idle longer than this are forgotten (they would be full again anyway). */
const IDLE_MS = 10 * 60_000;
const SWEEP_EVERY = 1_000;

export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  #calls = 0;

  constructor(private readonly options: RateLimitOptions, private readonly clock: () => number = Date.now) {}

  /** Takes one request for `key`: 0 when allowed, else the whole seconds to wait (for `Retry-After`). */
  take(key: string): number {
    const now = this.clock();
    if (++this.#calls % SWEEP_EVERY === 0) this.#sweep(now);
    const perMs = this.options.perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.options.burst, at: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  #sweep(now: number): void {
    for (const [key, bucket] of this.#buckets) if (now - bucket.at > IDLE_MS) this.#buckets.delete(key);
  }
}
