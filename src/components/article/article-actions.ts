import type { Annotation, NoteVisibility } from '../../core/annotation.js';
import { buildDeepLink } from '../../core/deep-link.js';
import { buildTextModel, rangeToOffsets } from '../../core/text-model.js';
import { quoteOf } from '../../controllers/annotation-controller.js';
import { PlauditAnnotationCreateEvent } from '../../events/plaudit-annotation-create.js';
import { PlauditAnnotationDeleteEvent } from '../../events/plaudit-annotation-delete.js';
import { PlauditAnnotationUpdateEvent } from '../../events/plaudit-annotation-update.js';
import type { ToolbarAction } from '../selection-toolbar/selection-toolbar.component.js';
import { excerpt } from './annotation-card.js';
import type { ArticleLayer } from './article-layer.js';
import { copyText } from './clipboard.js';
import { blockLocalQuote } from './link-context.js';
import { lostMessage, noteFailureMessage, writeFailureMessage } from './storage-failure.js';

/**
 * Unfolds what hides a passage the reader asked to go to: a closed <details>, or
 * `hidden="until-found"`. This is the one change Plaudit ever makes to the
 * article, and only on the reader's request, as the browser itself does for
 * find-in-page and text fragments.
 */
function revealPassage(node: Node, host: Element): void {
  for (let el = node.parentElement; el && el !== host; el = el.parentElement) {
    if (el instanceof HTMLDetailsElement && !el.open) el.open = true;
    if (el.getAttribute('hidden') === 'until-found') el.removeAttribute('hidden');
  }
}

/** What floats over the article besides the selection toolbar. */
export type ArticleUi =
  | { kind: 'idle' }
  | { kind: 'cursor-menu'; range: Range }
  | {
      kind: 'editor';
      range: Range | null;
      id: string | null;
      quote: string;
      note: string;
      visibility: NoteVisibility;
      /** Why the last save failed; the editor stays open with the reader's text. */
      error?: string;
    }
  | { kind: 'card'; id: string }
  | { kind: 'chooser'; ids: string[]; x: number; y: number }
  | { kind: 'link'; url: string };

const IDLE: ArticleUi = { kind: 'idle' };

/** A write the browser refused: what to tell the reader, and how to try again. */
export interface ArticleNotice {
  message: string;
  retry: () => unknown;
}

/** Smooth scrolling, unless the reader asked for less motion. */
export const scrollBehavior = (): ScrollBehavior =>
  matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';

/** The element that has focus, looking into shadow roots. */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement as HTMLElement;
  return active;
}

/**
 * The reader's flows on `<plaudit-article>`: toolbar actions, the editor, the
 * panel, opening annotations, deep links and the reading cursor's menu. It
 * changes the layer's UI state and remembers where focus must return.
 */
export class ArticleActions {
  /** Where focus goes back to when the current popup closes. */
  private origin: HTMLElement | null = null;
  /** Where focus goes back to when the panel closes. */
  private panelOrigin: HTMLElement | null = null;
  /** The passage marked while the editor is open for a new note. */
  private marked: Range | null = null;

  constructor(private readonly layer: ArticleLayer) {}

  /** Runs `then` after the element's next render. */
  private later(then: () => unknown): void {
    void this.layer.host.updateComplete.then(then);
  }

  announce(message: string): void {
    // Clearing first makes a repeated message heard again.
    this.layer.set({ announcement: '' });
    requestAnimationFrame(() => this.layer.set({ announcement: message }));
  }

  /** Remembers the focused element, to return to when the popup about to open closes. */
  remember(from: HTMLElement | null = null): void {
    const active = from ?? deepActiveElement(this.layer.host.ownerDocument);
    // Inside the shadow root (a card, the chooser) only when nothing outside was remembered.
    if (from || (active && !this.layer.host.renderRoot.contains(active))) this.origin = active;
    else this.origin ??= active;
  }

  /** Gives focus back once what closed has gone: a modal editor still shown would keep the page inert. */
  restoreFocus(): void {
    const target = this.origin;
    this.origin = null;
    this.later(() => (target?.isConnected ? target.focus() : target && this.focusNear()));
  }

  /**
   * Where focus goes when what had it is gone (a deleted note's item, the Undo
   * bar): the notes panel when it is open, else the Notes button; never the page's start.
   */
  focusNear(): void {
    const { panel, host } = this.layer;
    if (panel) panel.focusItem(null);
    else host.renderRoot.querySelector<HTMLElement>('.notes-button')?.focus();
  }

  setUi(ui: ArticleUi): void {
    const { highlights, cursor } = this.layer;
    this.layer.set({ ui });
    // A card's annotation, or the note being edited, is drawn focused.
    highlights.focus(ui.kind === 'card' || ui.kind === 'editor' ? ui.id : null);
    // The passage a new note is for stays marked while the editor is open (the
    // selection goes when focus moves to the text box); then the reading cursor's sentence again.
    const marked = ui.kind === 'editor' && !ui.id ? ui.range : null;
    if (marked || this.marked) highlights.cursor(marked ?? (cursor.active ? cursor.range() : null));
    this.marked = marked;
  }

  /** Closes what is open and gives focus back. */
  closePopup(): void {
    this.setUi(IDLE);
    this.restoreFocus();
  }

  /** Leaves the reading cursor's menu for the cursor itself. */
  private backToCursor(): void {
    this.setUi(IDLE);
    this.later(() => this.layer.cursorActions.focusCursor());
  }

  focusToolbar(): void {
    this.remember();
    this.later(() => this.layer.toolbar?.focus());
  }

  async toolbar(action: ToolbarAction): Promise<void> {
    const { layer } = this;
    const { ui, host } = layer;
    // The selection as it is now: the published one can lag a fresh drag by the settle delay.
    const range = ui.kind === 'cursor-menu' ? ui.range : (layer.selection.read() ?? layer.selection.current)?.range.cloneRange();
    if (!range) return;
    if (action === 'highlight') {
      // Done with the selection before the write, so a second press cannot save it twice.
      this.finishSelection(ui.kind === 'cursor-menu');
      return this.highlight(range);
    }
    // What the reader sees of the selection: the text model's text, as stored
    // (an inline icon's SVG label or hidden text in the range is not part of it).
    const model = layer.store.model ?? buildTextModel(host);
    const offsets = rangeToOffsets(model, range);
    if (!offsets) return;
    if (action === 'note') {
      this.remember();
      const quote = model.text.slice(offsets.start, offsets.end);
      this.setUi({ kind: 'editor', range, id: null, quote, note: '', visibility: host.noteVisibility });
    } else {
      await this.copyLink(blockLocalQuote(model, offsets.start, offsets.end, range, host));
    }
  }

  /** Saves a highlight of `range`; when storage refuses, says so and offers to try again. */
  private async highlight(range: Range): Promise<void> {
    const { store, host } = this.layer;
    try {
      const annotation = await store.create(range, '', host.noteVisibility);
      this.dismissNotice();
      if (!annotation) return;
      host.dispatchEvent(new PlauditAnnotationCreateEvent({ annotation }));
      this.announce(host.t('highlightedQuote', { quote: excerpt(quoteOf(annotation)?.exact ?? '') }));
    } catch (error) {
      this.failed(writeFailureMessage(host, 'highlight', error), () => this.highlight(range), error);
    }
  }

  /** Shows a refused write as an alert with Try again; the error goes to the console too. */
  private failed(message: string, retry: () => unknown, error: unknown): void {
    console.warn(`Plaudit: ${message}`, error);
    this.layer.set({ notice: { message, retry } });
  }

  /**
   * After the browser deleted its stored data under the page: writes back what
   * the page holds, and says so either way; Try again writes it again.
   */
  storeAgain(writeBack: () => Promise<void>): Promise<void> {
    const retry = (): Promise<void> => writeBack().then(
      () => this.layer.set({ notice: { message: lostMessage(this.layer.host), retry } }),
      (error) => this.failed(lostMessage(this.layer.host, error), retry, error),
    );
    return retry();
  }

  dismissNotice(): void {
    if (this.layer.notice) this.layer.set({ notice: null });
  }

  /** The notice's Try again. */
  async retryNotice(): Promise<void> {
    await this.layer.notice?.retry();
  }

  private finishSelection(fromCursor: boolean): void {
    this.layer.selection.clear();
    if (fromCursor) return this.backToCursor();
    this.layer.host.ownerDocument.getSelection()?.removeAllRanges();
    this.closePopup();
  }

  dismissToolbar(): void {
    if (this.layer.ui.kind === 'cursor-menu') return this.backToCursor();
    this.layer.selection.clear();
    this.restoreFocus();
  }

  async editNote(id: string, from: HTMLElement | null = null): Promise<void> {
    const view = this.layer.store.get(id);
    if (!view) return;
    this.remember(from);
    const visibility = view.annotation['plaudit:visibility'] ?? this.layer.host.noteVisibility;
    this.setUi({ kind: 'editor', range: null, id, quote: view.quote, note: view.note, visibility });
  }

  /**
   * Saves the editor's note. When storage refuses, the editor stays open with
   * the reader's text and says why; Save tries again.
   */
  async saveNote(text: string, visibility: NonNullable<Annotation['plaudit:visibility']>): Promise<void> {
    const { ui, store, host, cursor } = this.layer;
    if (ui.kind !== 'editor') return;
    // Kept in the state too, so the text survives whatever re-renders the editor.
    const editing = { ...ui, note: text, visibility, error: '' };
    this.setUi(editing);
    const fromCursor = cursor.active;
    let annotation: Annotation | null;
    try {
      annotation = ui.id ? await store.update(ui.id, text, visibility) : ui.range && (await store.create(ui.range, text, visibility));
    } catch (error) {
      console.warn('Plaudit: the note was not saved', error);
      // Only if the reader is still in this editor.
      if (this.layer.ui === editing) this.setUi({ ...editing, error: noteFailureMessage(host, error) });
      return;
    }
    if (annotation) {
      const Saved = ui.id ? PlauditAnnotationUpdateEvent : PlauditAnnotationCreateEvent;
      host.dispatchEvent(new Saved({ annotation }));
    }
    this.announce(host.t(text || ui.id ? 'noteSaved' : 'highlighted'));
    // An edit goes back where it came from; a new note is done with its selection.
    if (ui.id) this.closePopup();
    else this.finishSelection(fromCursor);
  }

  cancelEditor(): void {
    const { ui, host, selection } = this.layer;
    this.setUi(IDLE);
    if (ui.kind === 'editor' && ui.range && !ui.id) {
      // Back to the toolbar the editor came from, while the passage is still selected.
      const toNote = () => this.later(() => this.layer.toolbar?.focusAction('note'));
      if (this.layer.cursor.active) {
        this.setUi({ kind: 'cursor-menu', range: ui.range });
        return toNote();
      }
      // Focusing the editor moved the document's selection; put the reader's back.
      const docSelection = host.ownerDocument.getSelection();
      docSelection?.removeAllRanges();
      docSelection?.addRange(ui.range);
      selection.update();
      if (selection.current) return toNote();
    }
    this.restoreFocus();
  }

  /**
   * Deletes an annotation and offers Undo. Resolves true when it was deleted;
   * when storage refuses, it stays, and the notice says so and offers to try again.
   */
  async remove(id: string): Promise<boolean> {
    const { ui, store, host, undo } = this.layer;
    const note = Boolean(store.get(id)?.note);
    let annotation: Annotation | null;
    try {
      annotation = await store.remove(id);
    } catch (error) {
      this.failed(writeFailureMessage(host, 'delete', error, note), () => this.remove(id), error);
      return false;
    }
    if (!annotation) return false;
    this.dismissNotice();
    host.dispatchEvent(new PlauditAnnotationDeleteEvent({ annotation }));
    // On offer until Undo, Dismiss or the reader's next change: no time limit.
    const deleted = host.t(note ? 'noteDeleted' : 'highlightDeleted');
    undo.offer(annotation, deleted);
    this.announce(`${deleted}. ${host.t('undoHint')}`);
    if (ui.kind === 'card') this.closePopup();
    return true;
  }

  /** Undo (the button, or Alt+Shift+U): the note comes back with focus, on its item in the panel or in its card. */
  async undoDelete(): Promise<void> {
    const { host, undo } = this.layer;
    // Where the reader was (the Undo button goes): the card gives focus back there.
    const from = deepActiveElement(host.ownerDocument);
    const annotation = undo.take();
    if (!annotation || !(await this.restore(annotation))) return;
    await host.updateComplete;
    const { panel } = this.layer;
    await panel?.updateComplete;
    if (panel) panel.focusItem(annotation.id);
    else await this.openCard(annotation.id, from);
  }

  /** Puts a deleted annotation back; resolves true when it was stored. */
  private async restore(annotation: Annotation): Promise<boolean> {
    try {
      await this.layer.store.restore(annotation);
    } catch (error) {
      this.failed(writeFailureMessage(this.layer.host, 'restore', error, Boolean(annotation.body)), () => this.restore(annotation), error);
      return false;
    }
    this.dismissNotice();
    this.layer.host.dispatchEvent(new PlauditAnnotationCreateEvent({ annotation }));
    this.announce(this.layer.host.t('restored'));
    return true;
  }

  async copyAnnotationLink(id: string): Promise<void> {
    const view = this.layer.store.get(id);
    const stored = view && quoteOf(view.annotation);
    if (!stored) return;
    const { range, start, end } = view!;
    const { model } = this.layer.store;
    await this.copyLink(range && model ? blockLocalQuote(model, start, end, range, this.layer.host) : stored, id);
  }

  /** Copies the link to `quote` (and annotation `id`); where the clipboard refuses, shows it in a field. */
  private async copyLink(quote: Parameters<typeof buildDeepLink>[1], id?: string): Promise<void> {
    const { host } = this.layer;
    const url = buildDeepLink(host.ownerDocument.defaultView?.location.href ?? host.resolvedArticleId, quote, id);
    if (await copyText(url)) return this.announce(host.t('linkCopied'));
    this.remember();
    this.setUi({ kind: 'link', url });
    await host.updateComplete;
    // A modal dialog: showModal() gives the field (`autofocus`) focus.
    host.renderRoot.querySelector('dialog')?.showModal();
  }

  /** Opens what lies under a click on the article: one annotation, or a chooser. */
  openAt(x: number, y: number): void {
    const { store, highlights, ui, host } = this.layer;
    const order = new Map(store.views.map((v, i) => [v.id, i]));
    const ids = highlights.at(x, y).sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    if (!ids[0]) {
      if (ui.kind === 'card' || ui.kind === 'chooser') this.setUi(IDLE);
      return;
    }
    this.remember();
    if (!ids[1]) return void this.openCard(ids[0], null);
    this.setUi({ kind: 'chooser', ids, x, y });
    this.later(() => host.renderRoot.querySelector<HTMLElement>('.chooser button')?.focus());
  }

  /** Scrolls to an annotation, marks it as focused and opens it with focus; `from` gets focus back. */
  async openCard(id: string, from: HTMLElement | null): Promise<void> {
    const { store, host } = this.layer;
    const view = store.get(id);
    if (!view?.range) return;
    this.remember(from);
    revealPassage(view.range.startContainer, host);
    view.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
    this.setUi({ kind: 'card', id });
    await host.updateComplete;
    // Its name says what it is (`describeView`), read as it gets focus.
    host.renderRoot.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
  }

  /**
   * Opens the panel, or (Alt+Shift+N, from the page) moves focus back into it,
   * to the control last used there; Escape or Close then returns focus here.
   */
  openPanel(): void {
    this.panelOrigin = deepActiveElement(this.layer.host.ownerDocument);
    this.layer.set({ panelOpen: true });
    this.later(() => this.layer.panel?.updateComplete.then(() => this.layer.panel?.focusItem(null)));
  }

  closePanel(): void {
    this.layer.set({ panelOpen: false });
    const target = this.panelOrigin;
    this.panelOrigin = null;
    const { host } = this.layer;
    // Not back to the page's body (where a screen reader would start over): the Notes button, then.
    const back = target?.isConnected && target !== host && target !== host.ownerDocument.body;
    (back ? target : host.renderRoot.querySelector<HTMLElement>('.notes-button'))?.focus();
  }

  /** After the article changed: close what refers to annotations that are gone. */
  afterReanchor(): void {
    const { ui, store } = this.layer;
    if (ui.kind === 'card' && !store.get(ui.id)?.range) this.setUi(IDLE);
  }
}
