import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { acquireClapModel, type ClapModel } from './clap-model.js';

/**
 * Binds an element to the page's shared model of an article's claps: acquires it
 * on connect (and again when the article or cap changes), re-renders the host on
 * every change, and releases it on disconnect.
 */
export class ClapController implements ReactiveController {
  /** The shared model while connected. */
  model: ClapModel | null = null;
  #unsubscribe?: () => void;
  #disconnectSync?: () => void;
  #key = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => { articleId: string; max: number; endpoint: string | null },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdate();
  }

  hostUpdate(): void {
    const { articleId, max, endpoint } = this.target();
    const key = `${articleId}\n${max}\n${endpoint ?? ''}`;
    if (this.model && key === this.#key) return;
    this.hostDisconnected();
    this.#key = key;
    const model = (this.model = acquireClapModel(articleId, max));
    model.max = max;
    this.#unsubscribe = model.subscribe(() => this.host.requestUpdate());
    // The sync layer loads only for elements with an endpoint: without one, nothing leaves the device.
    if (endpoint) {
      let disconnect: (() => void) | undefined;
      let live = true;
      this.#disconnectSync = () => ((live = false), disconnect?.());
      void import('./clap-sync.js').then(({ connectClapSync }) => {
        if (live) disconnect = connectClapSync(model, endpoint);
      });
    }
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#disconnectSync?.();
    this.#disconnectSync = undefined;
    this.model?.release();
    this.model = null;
  }
}
