/** The switches on the demo's fault panel, and the same ones for tests. */
export interface FaultSettings {
  /** Added to every request, in ms. */
  latencyMs: number;
  /** Chance that a request fails before the server handles it: a network error, 500 or 503. */
  errorRate: number;
  /** Every request fails as if the network were down. */
  offline: boolean;
  /** The server commits, then the response is lost on the way back. */
  loseResponseRate: number;
  /** The network delivers the request twice; the client sees the second answer. */
  duplicateRate: number;
  /** The server commits, then answers after `stallMs` (past the client's timeout). */
  timeoutRate: number;
  stallMs: number;
  /** Seconds sent in `Retry-After` with 429 and 503. */
  retryAfterSeconds: number;
}

export const NO_FAULTS: FaultSettings = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  offline: false,
  loseResponseRate: 0,
  duplicateRate: 0,
  timeoutRate: 0,
  stallMs: 20_000,
  retryAfterSeconds: 2,
});

/** What the fault layer decided for one request, before the server sees it. */
export type Early = { type: 'network' } | { type: 'status'; status: 429 | 500 | 503; retryAfter?: number } | null;

/**
 * The faults the mock applies. Deterministic when built with a seeded `random`
 * (see `mulberry32`), as far as the order of requests is.
 */
export class Faults {
  settings: FaultSettings = { ...NO_FAULTS };
  /** Requests left in the current 429 burst. */
  burstRemaining = 0;
  readonly #listeners = new Set<() => void>();

  constructor(public random: () => number = Math.random) {}

  /** Changes some switches. */
  set(partial: Partial<FaultSettings>): void {
    this.settings = { ...this.settings, ...partial };
    this.#changed();
  }

  /** The next `count` requests get 429 with `Retry-After`. */
  burst(count: number): void {
    this.burstRemaining = count;
    this.#changed();
  }

  /** The network heals: every switch off. */
  heal(): void {
    this.settings = { ...NO_FAULTS, stallMs: this.settings.stallMs, retryAfterSeconds: this.settings.retryAfterSeconds };
    this.burstRemaining = 0;
    this.#changed();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Decides the failures that happen before the server commits anything. */
  early(): Early {
    const s = this.settings;
    if (s.offline) return { type: 'network' };
    if (this.burstRemaining > 0) {
      this.burstRemaining--;
      this.#changed();
      return { type: 'status', status: 429, retryAfter: s.retryAfterSeconds };
    }
    if (s.errorRate > 0 && this.random() < s.errorRate) {
      const pick = Math.floor(this.random() * 3);
      if (pick === 0) return { type: 'network' };
      if (pick === 1) return { type: 'status', status: 500 };
      return { type: 'status', status: 503, retryAfter: s.retryAfterSeconds };
    }
    return null;
  }

  /** Whether to run the committed request a second time. */
  duplicate(): boolean {
    return this.settings.duplicateRate > 0 && this.random() < this.settings.duplicateRate;
  }

  /** What happens to the response after the server committed. */
  late(): 'lose' | 'stall' | null {
    const s = this.settings;
    if (s.loseResponseRate > 0 && this.random() < s.loseResponseRate) return 'lose';
    if (s.timeoutRate > 0 && this.random() < s.timeoutRate) return 'stall';
    return null;
  }

  #changed(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** A small seeded random generator (mulberry32): same seed, same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
