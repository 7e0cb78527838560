/**
 * Fallback painter for browsers without the CSS Custom Highlight API: draws
 * absolutely positioned boxes from `range.getClientRects()` in a layer inside a
 * container the caller owns (the widget's shadow root), never inside the
 * article, so the article's DOM is never touched. Boxes are redrawn at most
 * once a frame, after changes and on resize and scroll.
 *
 * Nothing here is inline style, which a Content Security Policy without
 * 'unsafe-inline' in `style-src` refuses: the layer's rules are a constructed
 * stylesheet adopted by the container's root (shared by every overlay in that
 * root, dropped with the last), and each box is placed through the CSSOM.
 */
import { layerBackground, NOTE_UNDERLINE, PAINT_LAYERS, type PaintLayer } from './highlight-styles.js';
import type { PainterBackend } from './painter-backend.js';

const LAYER_CSS = `
.plaudit-overlay { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: visible; pointer-events: none; }
.plaudit-overlay > div { position: absolute; pointer-events: none; }
${PAINT_LAYERS.map((layer) => `.plaudit-overlay > .${layer} { background-color: ${layerBackground(layer)}; }`).join('\n')}
.plaudit-overlay > .note { box-shadow: inset 0 -2px 0 ${NOTE_UNDERLINE}; }
`;

type StyleScope = Document | ShadowRoot;

/** One sheet per document (a constructed sheet is only adopted in its own document). */
const sheets = new WeakMap<Document, CSSStyleSheet>();
/** How many overlays use the sheet in each root. */
const users = new WeakMap<StyleScope, number>();

/** Where the layer's rules go: the container's root, or its document while it is detached. */
function scopeOf(container: Element | ShadowRoot, doc: Document): StyleScope {
  const root = container.getRootNode();
  // Not `instanceof`: the container may come from another window than this module.
  return root === doc || (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root) ? (root as StyleScope) : doc;
}

function adopt(scope: StyleScope, doc: Document): void {
  let sheet = sheets.get(doc);
  if (sheet === undefined) {
    // The constructor of the document's own window, so the sheet belongs to that document.
    sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(LAYER_CSS);
    sheets.set(doc, sheet);
  }
  const count = users.get(scope) ?? 0;
  if (count === 0) scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  users.set(scope, count + 1);
}

function release(scope: StyleScope, doc: Document): void {
  const count = (users.get(scope) ?? 1) - 1;
  if (count > 0) return void users.set(scope, count);
  users.delete(scope);
  const sheet = sheets.get(doc);
  scope.adoptedStyleSheets = scope.adoptedStyleSheets.filter((s) => s !== sheet);
}

export class OverlayBackend implements PainterBackend {
  private readonly layers = new Map<PaintLayer, Set<AbstractRange>>(PAINT_LAYERS.map((l) => [l, new Set()]));
  private readonly root: HTMLDivElement;
  private readonly boxes: HTMLDivElement;
  private readonly view: Window;
  private readonly scope: StyleScope;
  private frame = 0;
  private disposed = false;
  private readonly schedule = (): void => {
    if (this.frame === 0) this.frame = this.view.requestAnimationFrame(() => this.draw());
  };

  constructor(container: Element | ShadowRoot) {
    const doc = container.ownerDocument ?? (container as ShadowRoot).host.ownerDocument;
    this.view = doc.defaultView!;
    this.root = doc.createElement('div');
    this.root.setAttribute('aria-hidden', 'true');
    this.root.dataset.plauditIgnore = '';
    this.boxes = doc.createElement('div');
    this.boxes.className = 'plaudit-overlay';
    this.root.append(this.boxes);
    container.append(this.root);
    this.scope = scopeOf(container, doc);
    adopt(this.scope, doc);
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
          const { style } = box;
          style.left = `${rect.left - origin.left}px`;
          style.top = `${rect.top - origin.top}px`;
          style.width = `${rect.width}px`;
          style.height = `${rect.height}px`;
          fragment.append(box);
        }
      }
    }
    this.boxes.replaceChildren(fragment);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.frame !== 0) this.view.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.view.removeEventListener('resize', this.schedule);
    this.view.removeEventListener('scroll', this.schedule, { capture: true });
    this.root.remove();
    release(this.scope, this.root.ownerDocument);
  }
}
