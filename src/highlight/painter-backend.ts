/** What `HighlightPainter` needs from a way of drawing: the CSS Custom Highlight API or the overlay. */
import type { PaintLayer } from './highlight-styles.js';

export interface PainterBackend {
  add(layer: PaintLayer, range: AbstractRange): void;
  delete(layer: PaintLayer, range: AbstractRange): void;
  /** Removes everything this backend drew. */
  clear(): void;
  /** Removes everything and releases listeners and shared resources. */
  dispose(): void;
}
