import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { acquireClapModel, type ClapModel, type ClapSnapshot } from './clap-model.js';

/**
 * Binds an element to the page's shared model of an article's claps: acquires it
 * on connect (and when the article changes), re-renders the host on every
 * change, and releases it on disconnect.
 */
export class ClapController implements ReactiveController {
  private model: ClapModel | null = null;
  private unsubscribe: (() => void) | null = null;
  private key = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly target: () => { articleId: string; max: number; sync: boolean },
  ) {
    host.addController(this);
  }

  get snapshot(): ClapSnapshot | null {
    return this.model?.snapshot ?? null;
  }

  /** The shared model, once connected. */
  get current(): ClapModel | null {
    return this.model;
  }

  hostConnected(): void {
    this.bind();
  }

  hostUpdate(): void {
    const { articleId, max } = this.target();
    if (`${articleId}\n${max}` !== this.key) this.bind();
  }

  hostDisconnected(): void {
    this.unbind();
  }

  private bind(): void {
    this.unbind();
    const { articleId, max, sync } = this.target();
    this.key = `${articleId}\n${max}`;
    this.model = acquireClapModel(articleId, max);
    this.model.max = max;
    if (sync) this.model.queueForSync = true;
    this.unsubscribe = this.model.subscribe(() => this.host.requestUpdate());
    void this.model.ready.then(() => this.host.requestUpdate());
  }

  private unbind(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.model?.release();
    this.model = null;
  }
}
