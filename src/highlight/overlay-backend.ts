/**
 * Fallback painter for browsers without the CSS Custom Highlight API: draws
 * absolutely positioned boxes from `range.getClientRects()` in a layer inside a
 * container the caller owns (the widget's shadow root), never inside the
 * article, so the article's DOM is never touched. Boxes are redrawn at most
 * once a frame, after changes and on resize and scroll.
 */
import { layerBackground, NOTE_UNDERLINE, PAINT_LAYERS, type PaintLayer } from './highlight-styles.js';
import type { PainterBackend } from './painter-backend.js';

const LAYER_CSS = `
.plaudit-overlay { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; pointer-events: none; }
.plaudit-overlay > div { position: absolute; pointer-events: none; }
${PAINT_LAYERS.map((layer) => `.plaudit-overlay > .${layer} { background-color: ${layerBackground(layer)}; }`).join('\n')}
.plaudit-overlay > .note { box-shadow: inset 0 -2px 0 ${NOTE_UNDERLINE}; }
`;

export class OverlayBackend implements PainterBackend {
  private readonly layers = new Map<PaintLayer, Set<AbstractRange>>(PAINT_LAYERS.map((l) => [l, new Set()]));
  private readonly root: HTMLDivElement;
  private readonly boxes: HTMLDivElement;
  private readonly view: Window;
  private frame = 0;
  private readonly schedule = (): void => {
    if (this.frame === 0) this.frame = this.view.requestAnimationFrame(() => this.draw());
  };

  constructor(container: Element | ShadowRoot) {
    const doc = container.ownerDocument ?? (container as ShadowRoot).host.ownerDocument;
    this.view = doc.defaultView!;
    this.root = doc.createElement('div');
    this.root.setAttribute('aria-hidden', 'true');
    this.root.dataset.plauditIgnore = '';
    const style = doc.createElement('style');
    style.textContent = LAYER_CSS;
    this.boxes = doc.createElement('div');
    this.boxes.className = 'plaudit-overlay';
    this.root.append(style, this.boxes);
    container.append(this.root);
    this.view.addEventListener('resize', this.schedule, { passive: true });
    this.view.addEventListener('scroll', this.schedule, { passive: true, capture: true });
  }

  add(layer: PaintLayer, range: AbstractRange): void {
    this.layers.get(layer)!.add(range);
    this.schedule();
  }

  delete(layer: PaintLayer, range: AbstractRange): void {
    if (this.layers.get(layer)!.delete(range)) this.schedule();
  }

  clear(): void {
    for (const set of this.layers.values()) set.clear();
    this.schedule();
  }

  /** Redraws now (normally done on the next frame). */
  draw(): void {
    if (this.frame !== 0) this.view.cancelAnimationFrame(this.frame);
    this.frame = 0;
    const origin = this.boxes.getBoundingClientRect();
    const fragment = this.boxes.ownerDocument.createDocumentFragment();
    for (const [layer, ranges] of this.layers) {
      for (const range of ranges) {
        // A StaticRange has no geometry; the painter only passes live Ranges.
        if (!('getClientRects' in range)) continue;
        for (const rect of (range as Range).getClientRects()) {
          if (rect.width === 0 || rect.height === 0) continue;
          const box = this.boxes.ownerDocument.createElement('div');
          box.className = layer;
          box.style.cssText = `left:${rect.left - origin.left}px;top:${rect.top - origin.top}px;` +
            `width:${rect.width}px;height:${rect.height}px`;
          fragment.append(box);
        }
      }
    }
    this.boxes.replaceChildren(fragment);
  }

  dispose(): void {
    if (this.frame !== 0) this.view.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.view.removeEventListener('resize', this.schedule);
    this.view.removeEventListener('scroll', this.schedule, { capture: true });
    this.root.remove();
  }
}
