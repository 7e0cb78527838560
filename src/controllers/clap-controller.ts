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
  #key = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => { articleId: string; max: number; sync: boolean },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdate();
  }

  hostUpdate(): void {
    const { articleId, max, sync } = this.target();
    const key = `${articleId}\n${max}`;
    if (this.model && key === this.#key) return;
    this.hostDisconnected();
    this.#key = key;
    const model = (this.model = acquireClapModel(articleId, max));
    model.max = max;
    model.queueForSync ||= sync;
    this.#unsubscribe = model.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.model?.release();
    this.model = null;
  }
}
