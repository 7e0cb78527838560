/**
 * Draws annotations over the article without changing it: with the CSS Custom
 * Highlight API where available, else with boxes in an overlay inside a
 * container the caller owns (the widget's shadow root). Without either, it
 * keeps track of ranges (for hit-testing) but draws nothing.
 *
 * Layers (see `highlight-styles.ts` for colours and custom properties):
 * `plaudit-highlight`, `plaudit-note` (also underlined), `plaudit-focus` (the
 * focused annotation) and `plaudit-cursor` (the passage being annotated now).
 */
import { cssHighlightBackend, supportsCssHighlights } from './css-highlight-backend.js';
import { overlayBackend } from './overlay-backend.js';
import type { PainterBackend } from './painter-backend.js';

export type HighlightKind = 'highlight' | 'note';

export interface HighlightPainterOptions {
  /** Where the overlay fallback draws; required for it, never the article. */
  overlayContainer?: Element | ShadowRoot;
  /** 'auto' (default) prefers the CSS Custom Highlight API. */
  mode?: 'auto' | 'css' | 'overlay';
  document?: Document;
}

export type PainterMode = 'css' | 'overlay' | 'none';

export class HighlightPainter {
  /** How this painter draws. */
  readonly mode: PainterMode;
  // Private names (#) are mangled by the minifier; TypeScript's `private` ones are not.
  readonly #backend: PainterBackend | null;
  readonly #entries = new Map<string, { range: Range; kind: HighlightKind }>();
  readonly #ranges = new Map<string, Range>();
  #focused: string | null = null;
  #cursor: Range | null = null;

  constructor(options: HighlightPainterOptions = {}) {
    const doc = options.document ?? document;
    const mode = options.mode ?? 'auto';
    if (mode !== 'overlay' && supportsCssHighlights(doc)) {
      this.mode = 'css';
      this.#backend = cssHighlightBackend(doc);
    } else if (mode !== 'css' && options.overlayContainer !== undefined) {
      this.mode = 'overlay';
      this.#backend = overlayBackend(options.overlayContainer);
    } else {
      this.mode = 'none';
      this.#backend = null;
    }
  }

  /** The drawn ranges by annotation id, for hit-testing. Do not mutate. */
  get ranges(): ReadonlyMap<string, Range> {
    return this.#ranges;
  }

  /** Draws (or redraws) annotation `id` over `range`. */
  set(id: string, range: Range, kind: HighlightKind): void {
    const old = this.#entries.get(id);
    if (old !== undefined) {
      if (old.range === range && old.kind === kind) return;
      this.#backend?.delete(old.kind, old.range);
      if (this.#focused === id) this.#backend?.delete('focus', old.range);
    }
    this.#entries.set(id, { range, kind });
    this.#ranges.set(id, range);
    this.#backend?.add(kind, range);
    if (this.#focused === id) this.#backend?.add('focus', range);
  }

  delete(id: string): void {
    const entry = this.#entries.get(id);
    if (entry === undefined) return;
    this.#backend?.delete(entry.kind, entry.range);
    if (this.#focused === id) {
      this.#backend?.delete('focus', entry.range);
      this.#focused = null;
    }
    this.#entries.delete(id);
    this.#ranges.delete(id);
  }

  /** Marks one annotation as focused (e.g. its note is open), or none. */
  setFocused(id: string | null): void {
    if (this.#focused !== null) {
      const previous = this.#entries.get(this.#focused);
      if (previous !== undefined) this.#backend?.delete('focus', previous.range);
    }
    this.#focused = id;
    const entry = id === null ? undefined : this.#entries.get(id);
    if (entry !== undefined) this.#backend?.add('focus', entry.range);
  }

  /** Shows the passage a reader is about to annotate, or none. */
  setCursor(range: Range | null): void {
    if (this.#cursor !== null) this.#backend?.delete('cursor', this.#cursor);
    this.#cursor = range;
    if (range !== null) this.#backend?.add('cursor', range);
  }

  /** Removes every drawn annotation; the painter stays usable. */
  clear(): void {
    this.#backend?.clear();
    this.#entries.clear();
    this.#ranges.clear();
    this.#focused = null;
    this.#cursor = null;
  }

  /** Removes everything and releases the shared highlights, stylesheet and listeners. */
  dispose(): void {
    this.clear();
    this.#backend?.dispose();
  }
}
