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

/** A backend drawing boxes in a layer appended to `container`; boxes are redrawn at most once a frame. */
export function overlayBackend(container: Element | ShadowRoot): PainterBackend {
  const layers = new Map<PaintLayer, Set<AbstractRange>>(PAINT_LAYERS.map((l) => [l, new Set()]));
  const doc = container.ownerDocument ?? (container as ShadowRoot).host.ownerDocument;
  const view = doc.defaultView!;
  const root = doc.createElement('div');
  const boxes = doc.createElement('div');
  let frame = 0;
  let disposed = false;
  const cancel = () => {
    if (frame !== 0) view.cancelAnimationFrame(frame);
    frame = 0;
  };
  const draw = () => {
    cancel();
    const origin = boxes.getBoundingClientRect();
    const fragment = doc.createDocumentFragment();
    for (const [layer, ranges] of layers) {
      for (const range of ranges) {
        // A StaticRange has no geometry; the painter only passes live Ranges.
        if (!('getClientRects' in range)) continue;
        for (const rect of (range as Range).getClientRects()) {
          if (rect.width === 0 || rect.height === 0) continue;
          const box = doc.createElement('div');
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
    boxes.replaceChildren(fragment);
  };
  const schedule = () => {
    if (frame === 0) frame = view.requestAnimationFrame(draw);
  };
  root.setAttribute('aria-hidden', 'true');
  root.dataset.plauditIgnore = '';
  boxes.className = 'plaudit-overlay';
  root.append(boxes);
  container.append(root);
  const scope = scopeOf(container, doc);
  adopt(scope, doc);
  view.addEventListener('resize', schedule, { passive: true });
  view.addEventListener('scroll', schedule, { passive: true, capture: true });
  return {
    add(layer, range) {
      layers.get(layer)!.add(range);
      schedule();
    },
    delete(layer, range) {
      if (layers.get(layer)!.delete(range)) schedule();
    },
    clear() {
      for (const set of layers.values()) set.clear();
      schedule();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      cancel();
      view.removeEventListener('resize', schedule);
      view.removeEventListener('scroll', schedule, { capture: true });
      root.remove();
      release(scope, doc);
    },
  };
}
