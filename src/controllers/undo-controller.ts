import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long an Undo stays on offer, in ms. */
export const UNDO_MS = 8000;

/**
 * Holds the last undoable change for a few seconds. The timer ends on
 * disconnect; what was on offer is then simply dropped (the change stands).
 */
export class UndoController<T> implements ReactiveController {
  pending: { value: T; message: string } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly duration = UNDO_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.dismiss();
  }

  offer(value: T, message: string): void {
    clearTimeout(this.timer);
    this.pending = { value, message };
    this.timer = setTimeout(() => this.dismiss(), this.duration);
    this.host.requestUpdate();
  }

  /** Returns what was on offer and withdraws it. */
  take(): T | null {
    const value = this.pending?.value ?? null;
    this.dismiss();
    return value;
  }

  dismiss(): void {
    clearTimeout(this.timer);
    if (this.pending === null) return;
    this.pending = null;
    this.host.requestUpdate();
  }
}
