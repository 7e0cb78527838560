import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { NoteVisibility, type Annotation } from '../../core/annotation.js';
import { resolveArticleId } from '../../core/article-id.js';
import { readDeepLink } from '../../core/deep-link.js';
import { AnnotationController, type ArticleAnnotation } from '../../controllers/annotation-controller.js';
import { ArticleMutationController } from '../../controllers/article-mutation-controller.js';
import { HighlightController } from '../../controllers/highlight-controller.js';
import { ReadingCursorController } from '../../controllers/reading-cursor-controller.js';
import { SelectionController } from '../../controllers/selection-controller.js';
import { SyncController } from '../../controllers/sync-controller.js';
import { UndoController } from '../../controllers/undo-controller.js';
import '../selection-toolbar/selection-toolbar.js';
import '../notes-panel/notes-panel.js';
import '../claps/claps.js';
import type { PlauditSelectionToolbar } from '../selection-toolbar/selection-toolbar.component.js';
import type { PlauditNotesPanel } from '../notes-panel/notes-panel.component.js';
import { ArticleActions } from './article-actions.js';
import { ReadingCursorActions } from './reading-cursor-actions.js';
import { renderArticleOverlays } from './article-overlays.js';
import { articleStyles } from './article.styles.js';

/**
 * Highlights and notes on an article. Wrap the article in this element: it stays
 * in the light DOM and is never modified (no wrappers, attributes or text
 * changes); highlights are drawn with the CSS Custom Highlight API, or an
 * overlay in this element's shadow root where that API is missing.
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
 * @csspart bar - The row after the article with the Notes button.
 * @csspart notes-button - The "Notes (n)" button.
 * @csspart toolbar - The selection toolbar.
 * @csspart card - The opened annotation.
 * @csspart chooser - The chooser shown when annotations overlap.
 * @csspart panel - The notes panel.
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
 * @cssproperty --plaudit-font - Font shorthand of the widget's own UI.
 */
export class PlauditArticleElement extends LitElement {
  static override styles = articleStyles;

  @property({ attribute: 'article-id', reflect: true }) accessor articleId: string | null = null;
  @property() accessor endpoint: string | null = null;
  @property({ attribute: 'note-visibility' }) accessor noteVisibility: NoteVisibility = NoteVisibility.Private;
  @property({ attribute: 'max-claps' }) accessor maxClaps: string | null = null;
  @property({ attribute: 'no-claps', type: Boolean }) accessor noClaps = false;

  /** @internal UI state, driven by `ArticleActions`. */
  @state() accessor ui: import('./article-actions.js').ArticleUi = { kind: 'idle' };
  @state() accessor panelOpen = false;
  @state() accessor announcement = '';

  @query('plaudit-selection-toolbar') accessor toolbar!: PlauditSelectionToolbar | null;
  @query('plaudit-notes-panel') accessor panel!: PlauditNotesPanel | null;
  @query('.overlay') private accessor overlay!: HTMLElement | null;

  /** @internal */
  readonly store = new AnnotationController(this, {
    articleId: () => this.resolvedArticleId,
    sync: () => Boolean(this.endpoint),
    changed: () => this.sync.engine?.notifyChanged(),
  });
  /** @internal */
  readonly selection = new SelectionController(this, {
    paused: () => this.ui.kind === 'editor' || this.cursor.active,
    focusToolbar: () => this.actions.focusToolbar(),
  });
  /** @internal */
  readonly highlights = new HighlightController(this, () => this.overlay);
  /** @internal */
  readonly cursor = new ReadingCursorController(this, {
    model: () => this.store.model,
    ownsShortcut: () => this.ownsShortcut(),
    started: () => this.cursorActions.cursorStarted(),
    moved: (_s, range) => this.cursorActions.cursorMoved(range),
  });
  /** @internal */
  readonly undo = new UndoController<Annotation>(this);
  /** @internal */
  readonly actions = new ArticleActions(this);
  /** @internal */
  readonly cursorActions = new ReadingCursorActions(this, this.actions);
  /** Binds to the page's sync engine while `endpoint` is set; status events come from `<plaudit-claps>`. */
  private readonly sync = new SyncController(this, { endpoint: () => this.endpoint, dispatch: false });

  private deepLinkDone = false;

  constructor() {
    super();
    new ArticleMutationController(this, () => void this.store.reanchor().then(() => this.actions.afterReanchor()));
  }

  /** The id annotations are filed under: `article-id`, else the canonical URL, else the page address. */
  get resolvedArticleId(): string {
    return resolveArticleId(this.articleId, this.ownerDocument);
  }

  /** The reader's annotations for this article, each with its W3C JSON and anchoring status. */
  get annotations(): readonly ArticleAnnotation[] {
    return this.store.views.map(({ annotation, status }) => ({ annotation, status }));
  }

  /** Resolves once stored annotations are loaded, anchored and drawn. */
  get loaded(): Promise<void> {
    return this.store.ready.then(() => this.updateComplete).then(() => undefined);
  }

  /** Opens the notes panel. */
  openNotes(): void {
    this.actions.openPanel();
  }

  /** Starts reading-cursor mode (the same as Alt+Shift+R). */
  startReadingCursor(): void {
    this.cursor.start();
  }

  /** Scrolls to an annotation, marks it and opens it with focus. */
  focusAnnotation(id: string): void {
    this.actions.openCard(id, null);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this.onArticleClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.onArticleClick);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('articleId') && changed.get('articleId') !== undefined) void this.store.reload();
  }

  protected override updated(): void {
    this.highlights.draw(this.store.views);
    if (!this.deepLinkDone && this.store.model) {
      this.deepLinkDone = true;
      const id = readDeepLink(this.ownerDocument.defaultView?.location.href ?? '');
      // After this update, not inside it: opening the card changes state.
      if (id && this.store.get(id)) void this.updateComplete.then(() => this.actions.openCard(id, null));
    }
  }

  private readonly onArticleClick = (event: MouseEvent): void => {
    // Only clicks on the article itself (light DOM), not on the widget's own UI.
    const origin = event.composedPath()[0];
    if (!(origin instanceof Node) || !this.contains(origin)) return;
    const selection = this.ownerDocument.getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim()) return;
    this.actions.openAt(event.clientX, event.clientY);
  };

  /** Whether this element answers the document-wide reading-cursor shortcut. */
  private ownsShortcut(): boolean {
    const doc = this.ownerDocument;
    const active = doc.activeElement;
    if (active && (active === this || this.contains(active))) return true;
    const selection = doc.getSelection();
    const anchor = selection?.rangeCount ? selection.getRangeAt(0).startContainer : null;
    if (anchor && this.contains(anchor)) return true;
    const inOther = [...doc.querySelectorAll('plaudit-article')].some(
      (el) => el !== this && ((active && el.contains(active)) || (anchor && el.contains(anchor))),
    );
    return !inOther && doc.querySelector('plaudit-article') === this;
  }

  override render() {
    const count = this.store.views.length;
    return html`<div class="overlay" data-plaudit-ignore></div>
      <slot></slot>
      <div class="bar" part="bar">
        <button
          type="button"
          class="notes-button"
          part="notes-button"
          aria-expanded=${this.panelOpen ? 'true' : 'false'}
          @click=${() => (this.panelOpen ? this.actions.closePanel() : this.actions.openPanel())}
        >
          Notes (${count})
        </button>
        ${this.store.persistent ? nothing : html`<span class="hint">Not saved on this device</span>`}
      </div>
      ${this.noClaps
        ? nothing
        : html`<plaudit-claps
            part="claps"
            article-id=${this.resolvedArticleId}
            max-claps=${this.maxClaps ?? nothing}
            endpoint=${this.endpoint ?? nothing}
          ></plaudit-claps>`}
      ${renderArticleOverlays(this)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
