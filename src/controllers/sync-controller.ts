import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PlauditSyncStatusEvent } from '../events/plaudit-sync-status.js';
import { acquireSyncEngine, type SyncEngine, type SyncEngineOptions } from '../sync/sync-engine.js';
import { LOCAL_STATUS, type SyncStatus } from '../sync/sync-status.js';

export interface SyncControllerOptions {
  /** Read on connect and after each update; empty or null means "stay on this device". */
  endpoint: () => string | null | undefined;
  /** Dispatch `plaudit-sync-status` on the host (default true; the status line sets false). */
  dispatch?: boolean;
  /** Engine options, used only if this controller creates the page's engine. */
  engineOptions?: SyncEngineOptions;
}

/**
 * Binds an element to the page's sync engine for its endpoint: acquires it when
 * the host connects with an endpoint (or gains one), releases it when the host
 * disconnects (or loses it), re-renders the host on status changes and
 * dispatches `plaudit-sync-status` from it. Without an endpoint nothing is
 * acquired and no request is ever made.
 */
export class SyncController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: SyncControllerOptions;
  #engine: SyncEngine | null = null;
  #endpoint: string | null = null;
  #unsubscribe: (() => void) | null = null;
  #status: SyncStatus = LOCAL_STATUS;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SyncControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The engine while connected with an endpoint; null otherwise. */
  get engine(): SyncEngine | null {
    return this.#engine;
  }

  get status(): SyncStatus {
    return this.#status;
  }

  hostConnected(): void {
    this.#sync();
  }

  /** Before each render, so a changed `endpoint` is reflected in the same render. */
  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#detach();
  }

  #sync(): void {
    if (!this.#host.isConnected) return;
    const endpoint = this.#options.endpoint()?.trim() || null;
    if (endpoint === this.#endpoint) return;
    this.#detach();
    if (!endpoint) return;
    this.#endpoint = endpoint;
    this.#engine = acquireSyncEngine(endpoint, this.#options.engineOptions);
    this.#unsubscribe = this.#engine.subscribe((status) => this.#update(status));
    this.#status = this.#engine.status;
    this.#dispatch();
  }

  #detach(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#engine?.release();
    this.#engine = null;
    this.#endpoint = null;
    this.#status = LOCAL_STATUS;
  }

  #update(status: SyncStatus): void {
    this.#status = status;
    this.#host.requestUpdate();
    this.#dispatch();
  }

  #dispatch(): void {
    const status = this.#status;
    if (this.#options.dispatch !== false && this.#endpoint) {
      this.#host.dispatchEvent(new PlauditSyncStatusEvent({ endpoint: this.#endpoint, status }));
    }
  }
}
