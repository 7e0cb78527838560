import type { Annotation } from '../../core/annotation.js';
import { buildDeepLink } from '../../core/deep-link.js';
import { describeQuote } from '../../core/describe.js';
import { buildTextModel, rangeToOffsets } from '../../core/text-model.js';
import { quoteOf } from '../../controllers/annotation-controller.js';
import { PlauditAnnotationCreateEvent } from '../../events/plaudit-annotation-create.js';
import { PlauditAnnotationDeleteEvent } from '../../events/plaudit-annotation-delete.js';
import { PlauditAnnotationUpdateEvent } from '../../events/plaudit-annotation-update.js';
import type { ToolbarAction } from '../selection-toolbar/selection-toolbar.component.js';
import { describeView, excerpt } from './annotation-card.js';
import type { PlauditArticleElement } from './article.component.js';
import { copyText } from './clipboard.js';
import { blockLocalQuote } from './link-context.js';

/** What floats over the article besides the selection toolbar. */
export type ArticleUi =
  | { kind: 'idle' }
  | { kind: 'cursor-menu'; range: Range }
  | { kind: 'editor'; range: Range | null; id: string | null; quote: string; note: string; visibility: Annotation['plaudit:visibility'] }
  | { kind: 'card'; id: string }
  | { kind: 'chooser'; ids: string[]; x: number; y: number }
  | { kind: 'link'; url: string };

const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The element that has focus, looking into shadow roots. */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/**
 * The reader's flows on `<plaudit-article>`: toolbar actions, the editor, the
 * panel, opening annotations, deep links and the reading cursor's menu. It
 * changes the element's UI state and remembers where focus must return.
 */
export class ArticleActions {
  /** Where focus goes back to when the current popup closes. */
  private origin: HTMLElement | null = null;
  /** Where focus goes back to when the panel closes. */
  private panelOrigin: HTMLElement | null = null;

  constructor(private readonly host: PlauditArticleElement) {}

  announce(message: string): void {
    // Clearing first makes a repeated message heard again.
    this.host.announcement = '';
    requestAnimationFrame(() => (this.host.announcement = message));
  }

  /** Remembers the focused element, to return to when the popup about to open closes. */
  remember(): void {
    const active = deepActiveElement(this.host.ownerDocument);
    if (active && !this.host.renderRoot.contains(active)) this.origin = active;
    else if (active && this.host.panel?.shadowRoot?.contains(active)) this.origin = active;
    else if (!this.origin) this.origin = active;
  }

  restoreFocus(): void {
    const target = this.origin;
    this.origin = null;
    if (target?.isConnected) target.focus();
  }

  setUi(ui: ArticleUi): void {
    this.host.ui = ui;
    this.host.highlights.focus(ui.kind === 'card' ? ui.id : null);
  }

  async focusToolbar(): Promise<void> {
    this.remember();
    await this.host.updateComplete;
    this.host.toolbar?.focus();
  }

  /** The range the toolbar acts on: the reading cursor's sentence or the selection. */
  private toolbarRange(): Range | null {
    const ui = this.host.ui;
    if (ui.kind === 'cursor-menu') return ui.range;
    return this.host.selection.current?.range.cloneRange() ?? null;
  }

  async toolbar(action: ToolbarAction): Promise<void> {
    const range = this.toolbarRange();
    if (!range) return;
    const fromCursor = this.host.ui.kind === 'cursor-menu';
    if (action === 'highlight') {
      // Done with the selection before the write, so a second press cannot save it twice.
      this.finishSelection(fromCursor);
      const annotation = await this.host.store.create(range, '', this.host.noteVisibility);
      if (annotation) {
        this.host.dispatchEvent(new PlauditAnnotationCreateEvent({ annotation }));
        this.announce(`Highlighted: ${excerpt(range.toString())}`);
      }
    } else if (action === 'note') {
      await import('../note-editor/note-editor.js');
      this.remember();
      this.setUi({ kind: 'editor', range, id: null, quote: range.toString(), note: '', visibility: this.host.noteVisibility });
    } else {
      const model = this.host.store.model ?? buildTextModel(this.host);
      const offsets = rangeToOffsets(model, range);
      if (!offsets) return;
      const quote = blockLocalQuote(describeQuote(model, offsets.start, offsets.end), range, this.host);
      await this.copyLink(buildDeepLink(this.pageUrl(), quote));
    }
  }

  private finishSelection(fromCursor: boolean): void {
    this.host.selection.clear();
    if (fromCursor) {
      this.setUi({ kind: 'idle' });
      void this.host.updateComplete.then(() => this.host.cursorActions.focusCursor());
      return;
    }
    this.host.ownerDocument.getSelection()?.removeAllRanges();
    this.setUi({ kind: 'idle' });
    this.restoreFocus();
  }

  dismissToolbar(): void {
    if (this.host.ui.kind === 'cursor-menu') {
      this.setUi({ kind: 'idle' });
      void this.host.updateComplete.then(() => this.host.cursorActions.focusCursor());
      return;
    }
    this.host.selection.clear();
    this.restoreFocus();
  }

  async editNote(id: string, from: HTMLElement | null = null): Promise<void> {
    const view = this.host.store.get(id);
    if (!view) return;
    await import('../note-editor/note-editor.js');
    if (from) this.origin = from;
    else this.remember();
    const visibility = view.annotation['plaudit:visibility'] ?? this.host.noteVisibility;
    this.setUi({ kind: 'editor', range: null, id, quote: view.quote, note: view.note, visibility });
  }

  async saveNote(text: string, visibility: NonNullable<Annotation['plaudit:visibility']>): Promise<void> {
    const ui = this.host.ui;
    if (ui.kind !== 'editor') return;
    if (ui.id) {
      const annotation = await this.host.store.update(ui.id, text, visibility);
      if (annotation) this.host.dispatchEvent(new PlauditAnnotationUpdateEvent({ annotation }));
      this.announce('Note saved');
      this.setUi({ kind: 'idle' });
      this.restoreFocus();
      return;
    }
    const fromCursor = this.host.cursor.active;
    const annotation = ui.range ? await this.host.store.create(ui.range, text, visibility) : null;
    if (annotation) this.host.dispatchEvent(new PlauditAnnotationCreateEvent({ annotation }));
    this.announce(text ? 'Note saved' : 'Highlighted');
    this.finishSelection(fromCursor);
  }

  cancelEditor(): void {
    const ui = this.host.ui;
    this.setUi({ kind: 'idle' });
    if (ui.kind === 'editor' && ui.range && !ui.id) {
      // Back to the toolbar the editor came from, while the passage is still selected.
      if (this.host.cursor.active) {
        this.setUi({ kind: 'cursor-menu', range: ui.range });
        void this.host.updateComplete.then(() => this.host.toolbar?.focusAction('note'));
        return;
      }
      // Focusing the editor moved the document's selection; put the reader's back.
      const selection = this.host.ownerDocument.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(ui.range);
      this.host.selection.update();
      if (this.host.selection.current) {
        void this.host.updateComplete.then(() => this.host.toolbar?.focusAction('note'));
        return;
      }
    }
    this.restoreFocus();
  }

  async remove(id: string): Promise<void> {
    const wasFocused = this.host.ui.kind === 'card';
    const annotation = await this.host.store.remove(id);
    if (!annotation) return;
    this.host.dispatchEvent(new PlauditAnnotationDeleteEvent({ annotation }));
    this.host.undo.offer(annotation, annotation.body ? 'Note deleted' : 'Highlight deleted');
    this.announce(`${annotation.body ? 'Note' : 'Highlight'} deleted. Undo is available for a few seconds.`);
    if (wasFocused) {
      this.setUi({ kind: 'idle' });
      this.restoreFocus();
    }
  }

  async undoDelete(): Promise<void> {
    const annotation = this.host.undo.take();
    if (!annotation) return;
    await this.host.store.restore(annotation);
    this.host.dispatchEvent(new PlauditAnnotationCreateEvent({ annotation }));
    this.announce('Restored');
  }

  async copyAnnotationLink(id: string): Promise<void> {
    const view = this.host.store.get(id);
    const stored = view ? quoteOf(view.annotation) : null;
    if (!view || !stored) return;
    const quote = view.range ? blockLocalQuote({ ...stored, exact: view.range.toString() }, view.range, this.host) : stored;
    await this.copyLink(buildDeepLink(this.pageUrl(), quote, id));
  }

  private pageUrl(): string {
    return this.host.ownerDocument.defaultView?.location.href ?? this.host.resolvedArticleId;
  }

  private async copyLink(url: string): Promise<void> {
    if (await copyText(url)) {
      this.announce('Link copied');
      return;
    }
    this.remember();
    this.setUi({ kind: 'link', url });
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('#link-field')?.focus();
  }

  closePopup(): void {
    this.setUi({ kind: 'idle' });
    this.restoreFocus();
  }

  /** Opens what lies under a click on the article: one annotation, or a chooser. */
  openAt(x: number, y: number): void {
    const order = new Map(this.host.store.views.map((v, i) => [v.id, i]));
    const ids = this.host.highlights.at(x, y).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (ids.length === 0) {
      if (this.host.ui.kind === 'card' || this.host.ui.kind === 'chooser') this.setUi({ kind: 'idle' });
      return;
    }
    this.remember();
    if (ids.length === 1) {
      void this.openCard(ids[0]!, null);
      return;
    }
    this.setUi({ kind: 'chooser', ids, x, y });
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('.chooser button')?.focus());
  }

  /** Scrolls to an annotation, marks it as focused and opens it with focus; `from` gets focus back. */
  async openCard(id: string, from: HTMLElement | null): Promise<void> {
    const view = this.host.store.get(id);
    if (!view?.range) return;
    if (from) this.origin = from;
    else this.remember();
    const block = view.range.startContainer.parentElement;
    block?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    this.setUi({ kind: 'card', id });
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
    this.announce(describeView(view));
  }

  openPanel(): void {
    this.panelOrigin = deepActiveElement(this.host.ownerDocument);
    this.host.panelOpen = true;
    void this.host.updateComplete.then(() => this.host.panel?.updateComplete).then(() => this.host.panel?.focusItem(null));
  }

  closePanel(): void {
    this.host.panelOpen = false;
    const target = this.panelOrigin;
    this.panelOrigin = null;
    const button = this.host.renderRoot.querySelector<HTMLElement>('.notes-button');
    (target?.isConnected && target !== this.host ? target : button)?.focus();
  }

  /** After the article changed: close what refers to annotations that are gone. */
  afterReanchor(): void {
    const ui = this.host.ui;
    if (ui.kind === 'card' && !this.host.store.get(ui.id)?.range) this.setUi({ kind: 'idle' });
  }
}
