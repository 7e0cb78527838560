/**
 * Paints with the CSS Custom Highlight API: one `Highlight` per layer, shared by
 * every painter of the document, each holding many ranges, so drawing 1,000
 * annotations is 1,000 set insertions and one paint, with no DOM change.
 * The `::highlight()` rules live in ONE adopted stylesheet per document, added
 * by the first painter (or `holdHighlightStyles`) and removed when the last one
 * lets go.
 */
import { HIGHLIGHT_CSS, highlightName, PAINT_LAYERS, type PaintLayer } from './highlight-styles.js';
import type { PainterBackend } from './painter-backend.js';

interface SharedState {
  highlights: Record<PaintLayer, Highlight>;
  sheet: CSSStyleSheet;
  users: number;
}

const shared = new WeakMap<Document, SharedState>();

/** True where the CSS Custom Highlight API can be used. */
export function supportsCssHighlights(doc: Document = document): boolean {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  return view !== null && typeof view.Highlight === 'function' && view.CSS?.highlights !== undefined &&
    'adoptedStyleSheets' in doc;
}

function acquire(doc: Document): SharedState {
  let state = shared.get(doc);
  if (state === undefined) {
    const view = doc.defaultView as Window & typeof globalThis;
    const highlights = {} as Record<PaintLayer, Highlight>;
    PAINT_LAYERS.forEach((layer, priority) => {
      const name = highlightName(layer);
      // Reuse one left by another copy of Plaudit on the page.
      const highlight = view.CSS.highlights.get(name) ?? new view.Highlight();
      highlight.priority = priority;
      view.CSS.highlights.set(name, highlight);
      highlights[layer] = highlight;
    });
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    state = { highlights, sheet, users: 0 };
    shared.set(doc, state);
  }
  state.users++;
  return state;
}

function release(doc: Document, state: SharedState): void {
  state.users--;
  if (state.users > 0) return;
  const view = doc.defaultView as Window & typeof globalThis;
  for (const layer of PAINT_LAYERS) {
    const name = highlightName(layer);
    if (view.CSS.highlights.get(name) === state.highlights[layer]) view.CSS.highlights.delete(name);
  }
  doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== state.sheet);
  shared.delete(doc);
}

/** The `::highlight()` rules adopted into a shadow root that holds articles, with how many hold them. */
const scoped = new WeakMap<ShadowRoot, { sheet: CSSStyleSheet; users: number }>();

/**
 * Adopts the highlight rules into `root` too: text inside another component's
 * shadow root is styled by that root's stylesheets, not the document's, so the
 * document's `::highlight()` rules do not reach it.
 */
function holdIn(root: ShadowRoot, doc: Document): () => void {
  let entry = scoped.get(root);
  if (entry === undefined) {
    const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    scoped.set(root, (entry = { sheet, users: 0 }));
  }
  entry.users++;
  const held = entry;
  return () => {
    if (--held.users > 0) return;
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== held.sheet);
    scoped.delete(root);
  };
}

/**
 * Holds the document's highlight stylesheet from now until the returned function
 * is called, and `root`'s when the article sits inside a shadow root.
 * `<plaudit-article>` holds it from connection, while the page is
 * still loading: adding a stylesheet makes the browser restyle the whole page,
 * which on a long article is a long task, and it belongs with the page's own
 * first styling, not with the first highlights drawn later.
 */
export function holdHighlightStyles(doc: Document, root: Node = doc): () => void {
  if (!supportsCssHighlights(doc)) return () => {};
  const state = acquire(doc);
  const releaseRoot = root instanceof ShadowRoot ? holdIn(root, doc) : () => {};
  let held = true;
  return () => {
    if (held) release(doc, state), releaseRoot();
    held = false;
  };
}

/** A backend drawing into the document's shared highlights; `clear` removes only its own ranges while others share them. */
export function cssHighlightBackend(doc: Document): PainterBackend {
  const state = acquire(doc);
  const own = new Set<AbstractRange>();
  let disposed = false;
  const backend: PainterBackend = {
    add(layer, range) {
      state.highlights[layer].add(range);
      own.add(range);
    },
    delete(layer, range) {
      state.highlights[layer].delete(range);
    },
    clear() {
      for (const layer of PAINT_LAYERS) {
        if (state.users === 1) state.highlights[layer].clear();
        else for (const range of own) state.highlights[layer].delete(range);
      }
      own.clear();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      backend.clear();
      release(doc, state);
    },
  };
  return backend;
}
