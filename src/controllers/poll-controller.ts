import type { LiteController } from '../components/shared/lite-element.js';

interface Host {
  addController(controller: LiteController): void;
}

/**
 * Calls `tick` every `intervalMs` while the page is visible, and at once when
 * it becomes visible again; nothing runs in a hidden tab or after disconnect.
 * The review uses it so a second editor sees moderation without a reload:
 * with ETags an unchanged answer is a 304 and no render.
 */
export class PollController implements LiteController {
  #timer: ReturnType<typeof setInterval> | undefined;
  #abort: AbortController | undefined;

  constructor(
    host: Host,
    private readonly tick: () => void,
    readonly intervalMs = 5000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    document.addEventListener('visibilitychange', () => this.#schedule(true), { signal: this.#abort.signal });
    this.#schedule(false);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #schedule(now: boolean): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    if (document.visibilityState !== 'visible') return;
    if (now) this.tick();
    this.#timer = setInterval(() => this.tick(), this.intervalMs);
  }
}
