import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HighlightPainter } from '../highlight/highlight-painter.js';
import { annotationsAtPoint } from '../highlight/hit-test.js';
import type { AnnotationView } from './annotation-controller.js';

/**
 * Keeps the painter in step with the annotations: draws what is anchored,
 * removes what is gone, marks the focused one and the reading cursor.
 * The painter (and its shared stylesheet or overlay) is made on the first draw (the overlay
 * container exists after the first render) and released on disconnect.
 */
export class HighlightController implements ReactiveController {
  private painter: HighlightPainter | null = null;
  private drawn = new Map<string, AnnotationView>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Where the overlay fallback draws: an element in the host's shadow root. */
    private readonly overlay: () => Element | null,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.painter?.dispose();
    this.painter = null;
    this.drawn.clear();
  }

  private ensure(): HighlightPainter | null {
    if (this.painter) return this.painter;
    const container = this.overlay();
    if (!container) return null;
    this.painter = new HighlightPainter({ overlayContainer: container, document: this.host.ownerDocument });
    return this.painter;
  }

  /** How highlights are drawn: 'css', 'overlay', or 'none' before the first draw. */
  get mode(): string {
    return this.painter?.mode ?? 'none';
  }

  /** Draws `views`, changing only what differs from the last call. */
  draw(views: readonly AnnotationView[]): void {
    const painter = this.ensure();
    if (!painter) return;
    const next = new Map<string, AnnotationView>();
    for (const view of views) if (view.range) next.set(view.id, view);
    for (const id of this.drawn.keys()) if (!next.has(id)) painter.delete(id);
    for (const [id, view] of next) {
      if (this.drawn.get(id) !== view) painter.set(id, view.range!, view.note ? 'note' : 'highlight');
    }
    this.drawn = next;
  }

  focus(id: string | null): void {
    this.ensure()?.setFocused(id);
  }

  cursor(range: Range | null): void {
    this.ensure()?.setCursor(range);
  }

  /** Ids of the drawn annotations under a viewport point, in document order. */
  at(x: number, y: number): string[] {
    if (!this.painter) return [];
    return annotationsAtPoint(this.host.ownerDocument, x, y, this.painter.ranges);
  }
}
