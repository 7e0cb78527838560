import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { selectionRangeIn } from './selection-range.js';
import { isAltShift } from './shortcut-keys.js';

/** A usable selection in the article: inside it, not collapsed, not only whitespace. */
export interface ArticleSelection {
  range: Range;
  rect: DOMRect;
  /** Made with touch: the platform's own menu sits above it, so the toolbar goes below. */
  touch: boolean;
}

export interface SelectionControllerOptions {
  /** Whether selection changes are ignored right now (the note editor is open). */
  paused(): boolean;
  /** The reader pressed the toolbar shortcut (Alt+Shift+H) with a selection in the article. */
  focusToolbar(): void;
}

/** Waits for keyboard selection to settle before showing the toolbar. */
const SETTLE_MS = 120;

/**
 * Tracks the document selection and publishes it (`current`) when it lies
 * wholly inside the host's light DOM and holds visible text (also when the host
 * sits inside another component's shadow root: see `selectionRangeIn`). While a pointer is
 * down nothing is published, so a drag shows the toolbar once, at its end.
 * Listeners are added on connect and removed on disconnect.
 */
export class SelectionController implements ReactiveController {
  current: ArticleSelection | null = null;

  private listeners: AbortController | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pointerDown = false;
  private lastPointer = 'mouse';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SelectionControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    const doc = this.host.ownerDocument;
    doc.addEventListener('selectionchange', () => this.schedule(), { signal });
    doc.addEventListener('pointerdown', (e) => {
      this.pointerDown = true;
      this.lastPointer = e.pointerType;
    }, { signal, capture: true });
    doc.addEventListener('pointerup', () => {
      this.pointerDown = false;
      this.schedule();
    }, { signal, capture: true });
    doc.addEventListener('pointercancel', () => (this.pointerDown = false), { signal, capture: true });
    doc.defaultView?.addEventListener('scroll', () => this.reposition(), { signal, passive: true, capture: true });
    doc.defaultView?.addEventListener('resize', () => this.reposition(), { signal, passive: true });
    // A selection made before the controller connected (the layer loads lazily) counts too.
    this.schedule();
  }

  hostDisconnected(): void {
    this.listeners?.abort();
    this.listeners = null;
    clearTimeout(this.timer);
    this.current = null;
  }

  /** Forgets the selection (after an action) without touching the document's selection. */
  clear(): void {
    clearTimeout(this.timer);
    if (this.current === null) return;
    this.current = null;
    this.host.requestUpdate();
  }

  /**
   * The document's keydown, which the host forwards (it listens for all its
   * controllers' keys at once): a key press means the next selection is the
   * keyboard's; Alt+Shift+H with a selection in the article focuses the toolbar.
   */
  keydown(event: KeyboardEvent): void {
    if (event.key === 'Shift' || event.key === 'Alt') return;
    this.lastPointer = 'keyboard';
    if (!isAltShift(event, 'KeyH')) return;
    this.update();
    if (this.current === null) return;
    event.preventDefault();
    this.options.focusToolbar();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), SETTLE_MS);
  }

  /** Reads the selection now. */
  update(): void {
    clearTimeout(this.timer);
    if (this.pointerDown || this.options.paused()) return;
    const next = this.read();
    if (next === null && this.current === null) return;
    this.current = next;
    this.host.requestUpdate();
  }

  /** The selection in the article right now, without publishing it; null when there is none. */
  read(): ArticleSelection | null {
    const range = selectionRangeIn(this.host);
    if (!range) return null;
    if (!this.host.contains(range.startContainer) || !this.host.contains(range.endContainer)) return null;
    if (range.toString().trim() === '') return null;
    const coarse = this.host.ownerDocument.defaultView?.matchMedia?.('(pointer: coarse)').matches ?? false;
    return { range, rect: range.getBoundingClientRect(), touch: this.lastPointer === 'touch' || coarse };
  }

  private reposition(): void {
    if (!this.current) return;
    this.current = { ...this.current, rect: this.current.range.getBoundingClientRect() };
    this.host.requestUpdate();
  }
}
