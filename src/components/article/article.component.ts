import type { StringTable } from '../../core/strings.js';
import { CLAPS_EN } from '../../core/strings-en/claps.js';
import { html, nothing } from 'lit-html';
import { NoteVisibility } from '../../core/annotation.js';
import { resolveArticleId } from '../../core/article-id.js';
import type { ArticleAnnotation } from '../../controllers/annotation-controller.js';
import { holdHighlightStyles } from '../../highlight/css-highlight-backend.js';
import '../claps/claps.js';
import type { ArticleLayer } from './article-layer.js';
import { articleStyles } from './article.styles.js';
import { idle } from '../shared/idle.js';
import { LiteElement } from '../shared/lite-element.js';
import '../shared/built-in-languages.js';

/** Alt+Shift+H (toolbar), N (notes panel) and R (reading cursor), matched on `code`: Alt changes `key` on macOS. */
const SHORTCUT = /^Key[HNR]$/;
/** The clap button's parts, forwarded as the article's `claps-*` parts. */
const CLAPS_PARTS = ['button', 'bubble', 'total', 'count', 'undo', 'hint'].map((p) => `${p}:claps-${p}`).join();

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
 * keys move by sentence, Ctrl+Up/Down (or Page Up/Down) by paragraph, Home/End to
 * the first/last sentence, Enter offers Highlight / Add note, Escape leaves.
 * The note editor is modal; the notes panel is not, and **Alt+Shift+N** opens
 * it or brings focus back into it from the page. After a deletion,
 * **Alt+Shift+U** undoes it (the offer has no time limit). None of these
 * shortcuts is used by Chrome, Firefox, Safari, NVDA, JAWS or VoiceOver (they
 * use Alt+Shift only with an `accesskey` the page defines).
 *
 * @summary Reader highlights and notes for the wrapped article.
 * @tag plaudit-article
 *
 * @attr article-id - The story's id: annotations are filed under it, and it is passed down to `<plaudit-claps>`. Default: the page's `<link rel="canonical">`, else `location.origin + location.pathname`.
 * @attr endpoint - Sync annotations and claps there; registers the article (title, URL, text hash, paragraphs) with the server. Without it, no request is ever made.
 * @attr note-visibility - Default for new notes: `private` (default: never leaves the device) or `shared` (with the editors). The note editor shows the choice. Anything else: `private`, with one console warning.
 * @attr max-claps - Passed to `<plaudit-claps>`.
 * @attr no-claps - Do not render a `<plaudit-claps>` after the article.
 *
 * @slot - The article.
 *
 * @event {PlauditAnnotationCreateEvent} plaudit-annotation-create - A highlight or note was saved (also when Undo restores a deleted one). `detail: { annotation }` (`PlauditAnnotationCreateDetail`), W3C Web Annotation JSON. Bubbles, composed.
 * @event {PlauditAnnotationUpdateEvent} plaudit-annotation-update - The reader edited a note (its text or visibility) and it was saved. `detail: { annotation }` (`PlauditAnnotationUpdateDetail`). Bubbles, composed.
 * @event {PlauditAnnotationDeleteEvent} plaudit-annotation-delete - The reader deleted an annotation. `detail: { annotation }` (`PlauditAnnotationDeleteDetail`), as it was. Bubbles, composed.
 * @event {PlauditSyncStatusEvent} plaudit-sync-status - With an `endpoint`: sync started, or its state changed. `detail: { endpoint, status }` (`PlauditSyncStatusDetail`): `status.state` is `syncing`, `synced`, `offline` or `error`, with `pending` (changes waiting), `failed` (changes the server refused) and `reason`. Bubbles, composed.
 *
 * @csspart bar - The row after the article: the Notes button, and the sync status with an endpoint.
 * @csspart notes-button - The "Notes (n)" button.
 * @csspart toolbar - The selection toolbar (Highlight, Add note, Copy link).
 * @csspart card - An opened annotation.
 * @csspart chooser - The chooser shown when a click falls on overlapping annotations.
 * @csspart link - The link to copy by hand, shown when "Copy link" cannot use the clipboard.
 * @csspart panel - The notes panel.
 * @csspart claps - The `<plaudit-claps>` element.
 * @csspart claps-button - The clap button (`<plaudit-claps>`'s part `button`; the five below likewise).
 * @csspart claps-bubble - The floating "+N" shown while clapping.
 * @csspart claps-total - The story's total.
 * @csspart claps-count - The reader's own claps.
 * @csspart claps-undo - The "Undo claps" button.
 * @csspart claps-hint - "Not saved on this device", when the browser cannot store the claps.
 * @csspart undo - The "Undo" toast after a deletion.
 * @csspart cursor - The reading cursor's bar (it holds the focus while the cursor is on).
 * @csspart notice - The alert shown when the browser could not store a change, with Try again and Dismiss.
 * @csspart sync-status - With an `endpoint`, the sync status line in the bar (`<plaudit-sync-status>`'s `base`).
 *
 * @cssproperty --plaudit-highlight-color - Background of a highlight (default `rgb(255 204 0 / 0.4)`). The highlight colours are translucent, so the page's text colour shows through on light and dark pages.
 * @cssproperty --plaudit-note-color - Background of a passage with a note (default `rgb(64 156 255 / 0.28)`).
 * @cssproperty --plaudit-note-underline-color - Underline of a passage with a note (default `rgb(30 120 230 / 0.9)`): notes are also underlined, so they differ by more than colour.
 * @cssproperty --plaudit-focus-color - Background of the focused annotation: the one whose card is open, or whose note is being edited (default `rgb(255 128 0 / 0.45)`).
 * @cssproperty --plaudit-cursor-color - Background of the reading cursor's sentence, and of the passage a new note is for while the note editor is open (default `rgb(128 128 255 / 0.35)`).
 * @cssproperty --plaudit-surface - Background of cards, the note editor and the notes panel (default white; `#1f2328` in dark mode). A colour a page sets applies in both modes: set it inside a `prefers-color-scheme` rule for one.
 * @cssproperty --plaudit-text - Their text (default `#1f2328`; `#f0f3f6` in dark mode).
 * @cssproperty --plaudit-link-color - Links in notes (default `#0b57d0`; `#8ab4ff` in dark mode).
 * @cssproperty --plaudit-border - Their borders (default `#8c959f`).
 * @cssproperty --plaudit-accent - Primary buttons: the note editor's Save (default `#0b57d0`) and, inherited, the clap button (default `#b3411f`).
 * @cssproperty --plaudit-accent-contrast - Text on the accent: the note editor's Save (default white).
 * @cssproperty --plaudit-focus-ring - Focus outlines (default `#0b57d0`; `#8ab4ff` in dark mode and on the dark toolbar).
 * @cssproperty --plaudit-toolbar-background - The selection toolbar's background, and the Undo, notice and reading-cursor bars' (default `#1f2328`).
 * @cssproperty --plaudit-toolbar-color - Their text (default white).
 * @cssproperty --plaudit-radius - Corners of the toolbar, cards, the note editor, the panel and the bars (default `8px`).
 * @cssproperty --plaudit-error-color - Errors: the note editor's message (default `#b3261e`; `#ff8a80` in dark mode), and the edge of the storage notice on its dark bar (default `#f28b82`).
 * @cssproperty --plaudit-font - Font family of the widget's own UI, the clap button's too (default: the system UI font).
 * @cssproperty --plaudit-font-size - Base size of the widget's own UI, in px (default 15px; not `rem`, so a page's odd root size does not matter).
 */
export class PlauditArticleElement extends LiteElement {
  static override styles = articleStyles;
  static observedAttributes = ['article-id', 'endpoint', 'note-visibility', 'max-claps', 'no-claps'];
  /** Its own copy: the annotation layer adds its strings when it loads. */
  static override english: StringTable = { ...CLAPS_EN };

  /**
   * The story's id.
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

  /** @internal The id annotations are filed under: `article-id`, else the canonical URL, else the page address. */
  get resolvedArticleId(): string {
    return resolveArticleId(this.articleId, this.ownerDocument);
  }

  /**
   * The reader's annotations for this article: `{ annotation, status }`, `annotation` being W3C Web
   * Annotation JSON and `status` one of `anchored`, `moved`, `orphan`. Empty until the annotation layer is loaded.
   */
  get annotations(): readonly ArticleAnnotation[] {
    return this.layer?.store.views.map(({ annotation, status }) => ({ annotation, status })) ?? [];
  }

  /** A promise: the annotation layer is loaded, and stored annotations are loaded, anchored and drawn. */
  get loaded(): Promise<void> {
    return this.load().then((layer) => layer.store.ready).then(() => this.updateComplete).then(() => undefined);
  }

  /** Opens the notes panel. Returns a promise (the annotation layer may still be loading). */
  openNotes(): Promise<void> {
    return this.#use((layer) => layer.actions.openPanel());
  }

  /** Starts the reading cursor, as Alt+Shift+R does. Returns a promise (the annotation layer may still be loading). */
  startReadingCursor(): Promise<void> {
    return this.#use((layer) => layer.cursor.start());
  }

  /** Scrolls to the annotation with this id, marks it and opens it with focus. Returns a promise (the annotation layer may still be loading). */
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
    this.#releaseStyles = holdHighlightStyles(this.ownerDocument, this.getRootNode());
    if (this.#loading) return;
    // Until the layer is here, the reader's first gesture on the article loads it at once.
    const listeners = (this.#listeners = new AbortController());
    const options = { signal: listeners.signal, capture: true };
    const doc = this.ownerDocument;
    const load = () => void this.load();
    this.addEventListener('pointerdown', load, options);
    this.addEventListener('focusin', load, options);
    // Inside another component's shadow root the page's selection names that root's host, so any
    // selection change there loads the layer (which then reads the selection properly).
    doc.addEventListener('selectionchange', () =>
      (this.getRootNode() !== doc || this.contains(doc.getSelection()?.anchorNode ?? null)) && load(), options);
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
      <div class="bar" part="bar" dir=${this.locale.dir}>
        <button
          type="button"
          class="notes-button"
          part="notes-button"
          aria-expanded=${layer?.panelOpen ? 'true' : 'false'}
          @click=${() => (layer?.panelOpen ? layer.actions.closePanel() : this.openNotes())}
        >
          ${layer ? this.t('notesButton', { n: layer.store.views.length }) : this.t('notes')}
        </button>
        ${layer?.store.persistent === false ? html`<span class="hint">${this.t('notSavedHere')}</span>` : nothing}
        ${this.endpoint ? html`<plaudit-sync-status exportparts="base: sync-status" endpoint=${this.endpoint}></plaudit-sync-status>` : nothing}
      </div>
      ${this.noClaps
        ? nothing
        : html`<plaudit-claps
            part="claps"
            exportparts=${CLAPS_PARTS}
            article-id=${this.resolvedArticleId}
            max-claps=${this.maxClaps ?? nothing}
            endpoint=${this.endpoint ?? nothing}
          ></plaudit-claps>`}
      ${layer?.render()}
      <div class="visually-hidden" role="status" aria-live="polite">${layer?.announcement}</div>`;
  }
}
