import type { SyncClock, VisibilitySource } from '../../src/sync/sync-clock.js';

/** A wall clock and timers that move only when told, for the sync engine (no sleeps). */
export class ManualSyncClock implements SyncClock {
  #now: number;
  #nextId = 1;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  /** Starts at `start` ms since the epoch (default: now, rounded down to a second, as HTTP dates are). */
  constructor(start = Math.floor(Date.now() / 1000) * 1000) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** How many timers are set. */
  get pending(): number {
    return this.#timers.size;
  }

  /** When each set timer falls due, earliest first. */
  get dueTimes(): number[] {
    return [...this.#timers.values()].map((t) => t.at).sort((a, b) => a - b);
  }

  /** Moves time forward, running each timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = due[1].at;
      due[1].callback();
    }
    this.#now = end;
  }
}

/** A tab's visibility that a test flips; counts the listeners still attached. */
export class ManualVisibility extends EventTarget implements VisibilitySource {
  visibilityState: DocumentVisibilityState = 'visible';
  readonly #live = new Set<object>();

  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: AddEventListenerOptions | boolean): void {
    super.addEventListener(type, listener, options);
    if (!listener) return;
    const token = {};
    this.#live.add(token);
    const signal = typeof options === 'object' ? options.signal : undefined;
    signal?.addEventListener('abort', () => this.#live.delete(token), { once: true });
  }

  /** Listeners added without a signal, or whose signal has not aborted. */
  get listeners(): number {
    return this.#live.size;
  }

  /** Sets the state and fires `visibilitychange`, as the browser does on switching tabs. */
  set(state: DocumentVisibilityState): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}
