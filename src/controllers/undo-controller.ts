import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Holds the last undoable change until the reader takes it (Undo), dismisses
 * it, or makes another change: no timer, so a reader who needs longer to reach
 * the Undo button, or to hear it, still finds it there (WCAG 2.2.1). On
 * disconnect what was on offer is simply dropped (the change stands).
 */
export class UndoController<T> implements ReactiveController {
  pending: { value: T; message: string } | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.dismiss();
  }

  /** Offers `value` for undo, in place of what was on offer. */
  offer(value: T, message: string): void {
    this.pending = { value, message };
    this.host.requestUpdate();
  }

  /** Returns what was on offer and withdraws it. */
  take(): T | null {
    const value = this.pending?.value ?? null;
    this.dismiss();
    return value;
  }

  /** Withdraws the offer. */
  dismiss(): void {
    if (this.pending === null) return;
    this.pending = null;
    this.host.requestUpdate();
  }
}
