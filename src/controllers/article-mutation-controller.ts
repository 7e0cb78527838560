import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Edits often come in bursts (a framework re-rendering, a live editor): wait for quiet. */
export const MUTATION_DEBOUNCE_MS = 200;

/**
 * Watches the article (the host's light DOM) for changes to its text and
 * calls `changed` once they settle. Plaudit never modifies the article, so
 * every observed change comes from the page. The observer and timer end on disconnect.
 */
export class ArticleMutationController implements ReactiveController {
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly changed: () => void,
    private readonly delay = MUTATION_DEBOUNCE_MS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(this.changed, this.delay);
    });
    this.observer.observe(this.host, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'style', 'class'],
    });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.timer);
  }
}
