import { html, nothing } from 'lit-html';
import { NoteVisibility } from '../../core/annotation.js';
import { resolveArticleId } from '../../core/article-id.js';
import type { ArticleAnnotation } from '../../controllers/annotation-controller.js';
import { holdHighlightStyles } from '../../highlight/css-highlight-backend.js';
import '../claps/claps.js';
import type { ArticleLayer } from './article-layer.js';
import { articleStyles } from './article.styles.js';
import { LiteElement } from '../shared/lite-element.js';

/** Alt+Shift+H (toolbar) and Alt+Shift+R (reading cursor), matched on `code`: Alt changes `key` on macOS. */
const SHORTCUT = /^Key[HR]$/;
/** Runs `fn` when the browser is idle (at the latest after 2 s); soon where that API is missing (Safari). */
const idle = (fn: () => void): unknown => (window.requestIdleCallback ?? setTimeout)(fn, { timeout: 2000 } as never);

/**
 * Highlights and notes on an article. Wrap the article in this element: it stays
 * in the light DOM and is never modified (no wrappers, attributes or text
 * changes); highlights are drawn with the CSS Custom Highlight API, or an
 * overlay in this element's shadow root where that API is missing.
 *
 * Up front this is a thin shell: the slot, the Notes bar and `<plaudit-claps>`.
 * The annotation layer (`article-layer.ts`: storage, toolbar, highlights, panel,
 * reading cursor, deep links) is imported when the browser is idle after the
 * first render, or at once when the reader points at, selects in or uses a
 * shortcut on the article; the methods below wait for it. Sync code loads only
 * with an `endpoint`.
 *
 * Keyboard: select text (e.g. with caret browsing, F7), then **Alt+Shift+H**
 * moves focus to the toolbar. **Alt+Shift+R** starts the reading cursor: arrow
 * keys move by sentence, Ctrl+arrows (or Page Up/Down) by paragraph, Home/End to
 * the first/last sentence, Enter offers Highlight / Add note, Escape leaves.
 * Neither shortcut is used by Chrome, Firefox, Safari, NVDA, JAWS or VoiceOver
 * (they use Alt+Shift only with an `accesskey` the page defines).
 *
 * @summary Reader highlights and notes for the wrapped article.
 * @tag plaudit-article
 *
 * @attr article-id - The article's id. Defaults to the canonical URL, else the page address.
 * @attr endpoint - Where to sync; without it nothing leaves the reader's device.
 * @attr note-visibility - Default visibility of new notes: "private" (default) or "shared".
 * @attr max-claps - Passed to `<plaudit-claps>`.
 * @attr no-claps - Do not render `<plaudit-claps>` after the article.
 *
 * @slot - The article.
 *
 * @event {PlauditAnnotationCreateEvent} plaudit-annotation-create - A highlight or note was saved (or restored by Undo).
 * @event {PlauditAnnotationUpdateEvent} plaudit-annotation-update - A note was edited.
 * @event {PlauditAnnotationDeleteEvent} plaudit-annotation-delete - An annotation was deleted.
 *
 * @csspart bar - The row after the article with the Notes button (and the sync status with an endpoint).
 * @csspart notes-button - The "Notes (n)" button.
 * @csspart toolbar - The selection toolbar.
 * @csspart card - The opened annotation.
 * @csspart chooser - The chooser shown when annotations overlap.
 * @csspart panel - The notes panel.
 * @csspart undo - The "Undo" bar after a deletion.
 * @csspart cursor - The reading cursor's key target.
 * @csspart claps - The `<plaudit-claps>` element.
 *
 * @cssproperty --plaudit-highlight-color - Background of a highlight.
 * @cssproperty --plaudit-note-color - Background of a passage with a note.
 * @cssproperty --plaudit-note-underline-color - Underline of a passage with a note.
 * @cssproperty --plaudit-focus-color - Background of the focused annotation.
 * @cssproperty --plaudit-cursor-color - Background of the reading cursor's sentence.
 * @cssproperty --plaudit-surface - Background of the panel, editor and cards.
 * @cssproperty --plaudit-text - Text colour of the panel, editor and cards.
 * @cssproperty --plaudit-border - Border colour.
 * @cssproperty --plaudit-accent - Primary buttons.
 * @cssproperty --plaudit-focus-ring - Focus outline.
 * @cssproperty --plaudit-toolbar-background - The selection toolbar's background.
 * @cssproperty --plaudit-toolbar-color - The selection toolbar's text.
 * @cssproperty --plaudit-font - Font family of the widget's own UI (the clap button's too).
 * @cssproperty --plaudit-font-size - Base font size of the widget's own UI, in px (15px): not rem, so a page's root size does not matter.
 */
export class PlauditArticleElement extends LiteElement {
  static override styles = articleStyles;
  static observedAttributes = ['article-id', 'endpoint', 'note-visibility', 'max-claps', 'no-claps'];

  /**
   * The article's id.
   * @attr article-id
   */
  get articleId(): string | null {
    return this.getAttribute('article-id');
  }
  set articleId(value: string | null) {
    this.setAttr('article-id', value);
  }

  /**
   * Where to sync.
   * @attr endpoint
   */
  get endpoint(): string | null {
    return this.getAttribute('endpoint');
  }
  set endpoint(value: string | null) {
    this.setAttr('endpoint', value);
  }

  /**
   * Default visibility of new notes: "shared" only when the author says so; any
   * other value is "private", with one console warning.
   * @attr note-visibility
   */
  get noteVisibility(): NoteVisibility {
    const value = this.getAttribute('note-visibility');
    if (value === NoteVisibility.Shared) return value;
    if (value !== null && value !== NoteVisibility.Private && this.#warnedVisibility !== value) {
      this.#warnedVisibility = value;
      console.warn(`<plaudit-article>: note-visibility="${value}" is not "private" or "shared"; notes stay private.`);
    }
    return NoteVisibility.Private;
  }
  #warnedVisibility?: string;
  set noteVisibility(value: NoteVisibility) {
    this.setAttr('note-visibility', value);
  }

  /**
   * Passed to `<plaudit-claps>`.
   * @attr max-claps
   */
  get maxClaps(): string | null {
    return this.getAttribute('max-claps');
  }
  set maxClaps(value: string | null) {
    this.setAttr('max-claps', value);
  }

  /**
   * Whether `<plaudit-claps>` is left out (a boolean attribute).
   * @attr no-claps
   */
  get noClaps(): boolean {
    return this.hasAttribute('no-claps');
  }
  set noClaps(value: boolean) {
    this.toggleAttribute('no-claps', Boolean(value));
  }

  /** @internal The annotation layer, once loaded. */
  layer: ArticleLayer | null = null;
  #loading?: Promise<ArticleLayer>;
  #listeners?: AbortController;
  /** Releases the document highlight stylesheet this element holds while connected. */
  #releaseStyles?: () => void;

  /** The id annotations are filed under: `article-id`, else the canonical URL, else the page address. */
  get resolvedArticleId(): string {
    return resolveArticleId(this.articleId, this.ownerDocument);
  }

  /** The reader's annotations for this article, each with its W3C JSON and anchoring status. */
  get annotations(): readonly ArticleAnnotation[] {
    return this.layer?.store.views.map(({ annotation, status }) => ({ annotation, status })) ?? [];
  }

  /** Resolves once the annotation layer is loaded and stored annotations are anchored and drawn. */
  get loaded(): Promise<void> {
    return this.load().then((layer) => layer.store.ready).then(() => this.updateComplete).then(() => undefined);
  }

  /** Opens the notes panel (at once when the layer is loaded, else as soon as it is). */
  openNotes(): Promise<void> {
    return this.#use((layer) => layer.actions.openPanel());
  }

  /** Starts reading-cursor mode (the same as Alt+Shift+R). */
  startReadingCursor(): Promise<void> {
    return this.#use((layer) => layer.cursor.start());
  }

  /** Scrolls to an annotation, marks it and opens it with focus. */
  focusAnnotation(id: string): Promise<void> {
    return this.#use((layer) => layer.store.ready.then(() => layer.actions.openCard(id, null)));
  }

  /** Runs `fn` with the layer: in this task when it is loaded, so focus moves within the reader's gesture. */
  async #use(fn: (layer: ArticleLayer) => unknown): Promise<void> {
    await fn(this.layer ?? (await this.load()));
  }

  /** @internal Loads the annotation layer (once); it starts working while the element is connected. */
  load(): Promise<ArticleLayer> {
    return (this.#loading ??= import('./article-layer.js').then(({ ArticleLayer }) => {
      this.#listeners?.abort();
      return (this.layer = new ArticleLayer(this));
    }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#releaseStyles = holdHighlightStyles(this.ownerDocument);
    if (this.#loading) return;
    // Until the layer is here, the reader's first gesture on the article loads it at once.
    const listeners = (this.#listeners = new AbortController());
    const options = { signal: listeners.signal, capture: true };
    const doc = this.ownerDocument;
    const load = () => void this.load();
    this.addEventListener('pointerdown', load, options);
    this.addEventListener('focusin', load, options);
    doc.addEventListener('selectionchange', () => this.contains(doc.getSelection()?.anchorNode ?? null) && load(), options);
    doc.addEventListener('keydown', (e) => {
      // The layer was not listening yet: it handles the key as soon as it is.
      if (e.altKey && e.shiftKey && SHORTCUT.test(e.code)) void this.load().then((layer) => layer.keydown(e));
    }, options);
    idle(() => this.isConnected && load());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#releaseStyles?.();
    this.#listeners?.abort();
  }

  protected render() {
    const layer = this.layer;
    return html`<div class="overlay" data-plaudit-ignore></div>
      <slot></slot>
      <div class="bar" part="bar">
        <button
          type="button"
          class="notes-button"
          part="notes-button"
          aria-expanded=${layer?.panelOpen ? 'true' : 'false'}
          @click=${() => (layer?.panelOpen ? layer.actions.closePanel() : this.openNotes())}
        >
          Notes${layer ? ` (${layer.store.views.length})` : ''}
        </button>
        ${layer?.store.persistent === false ? html`<span class="hint">Not saved on this device</span>` : nothing}
        ${this.endpoint ? html`<plaudit-sync-status endpoint=${this.endpoint}></plaudit-sync-status>` : nothing}
      </div>
      ${this.noClaps
        ? nothing
        : html`<plaudit-claps
            part="claps"
            article-id=${this.resolvedArticleId}
            max-claps=${this.maxClaps ?? nothing}
            endpoint=${this.endpoint ?? nothing}
          ></plaudit-claps>`}
      ${layer?.render()}
      <div class="visually-hidden" role="status" aria-live="polite">${layer?.announcement}</div>`;
  }
}
