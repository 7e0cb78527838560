import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HOLD_DELAY_MS, holdInterval } from '../core/clap-rules.js';

/** The timers a hold runs on; tests swap in a manual clock instead of sleeping. */
export interface HoldClock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: HoldClock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface HoldOptions {
  /** Takes one step (a clap). Returning false ends the hold (cap reached, vetoed). */
  step(): boolean;
  /** Called once when a hold ends, however it ended. */
  end(): void;
}

/**
 * Press-and-hold repetition: one step at once, then, while still held, steps that
 * come faster the longer the hold lasts (see `holdInterval`). Timers are cleared
 * when the host disconnects.
 */
export class HoldController implements ReactiveController {
  /** Shared by every hold; replace in tests to drive time by hand. */
  static clock: HoldClock = systemClock;
  private timer: unknown = null;
  private steps = 0;
  private active = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: HoldOptions,
  ) {
    host.addController(this);
  }

  get holding(): boolean {
    return this.active;
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.steps = 0;
    if (!this.options.step()) return this.stop();
    this.schedule(HOLD_DELAY_MS);
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    if (this.timer !== null) HoldController.clock.clearTimeout(this.timer);
    this.timer = null;
    this.options.end();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private schedule(ms: number): void {
    this.timer = HoldController.clock.setTimeout(() => {
      this.timer = null;
      if (!this.active) return;
      if (!this.options.step()) return this.stop();
      this.schedule(holdInterval(this.steps++));
    }, ms);
  }
}
