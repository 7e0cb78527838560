import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HOLD_DELAY_MS, holdInterval } from '../core/clap-rules.js';

/** The timers a hold runs on; tests swap in a manual clock instead of sleeping. */
export interface HoldClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: HoldClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as number),
};

/**
 * Press-and-hold repetition: `step` once at once, then, while still held, again
 * and again, faster the longer the hold lasts (see `holdInterval`). `step`
 * returning false (cap reached, vetoed) ends the hold; `end` runs once however
 * the hold ended. Timers are cleared when the host disconnects.
 */
export class HoldController implements ReactiveController {
  /** Shared by every hold; replace in tests to drive time by hand. */
  static clock: HoldClock = systemClock;
  holding = false;
  #timer: unknown;

  constructor(
    host: ReactiveControllerHost,
    private readonly step: () => boolean,
    private readonly end: () => void,
  ) {
    host.addController(this);
  }

  start(): void {
    if (this.holding) return;
    this.holding = true;
    if (this.step()) this.#next(0, HOLD_DELAY_MS);
    else this.stop();
  }

  stop(): void {
    if (!this.holding) return;
    this.holding = false;
    HoldController.clock.clearTimeout(this.#timer);
    this.end();
  }

  hostDisconnected(): void {
    this.stop();
  }

  #next(n: number, wait: number): void {
    this.#timer = HoldController.clock.setTimeout(() => {
      if (!this.step()) return this.stop();
      this.#next(n + 1, holdInterval(n));
    }, wait);
  }
}
