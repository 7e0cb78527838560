import { html, nothing } from 'lit-html';
import { NoteVisibility } from '../../core/annotation.js';
import { ARTICLE_EN } from '../../core/strings-en/article.js';
import { LiteElement } from '../shared/lite-element.js';
import { MARGIN, placeNear } from '../shared/place-near.js';
import { noteEditorStyles } from './note-editor.styles.js';

/** The longest note a reader may save, in characters (UTF-16 code units, as `maxlength` counts). */
export const NOTE_MAX_LENGTH = 10_000;

/** Fired when the reader saves a note that fits the limit. */
export class NoteSaveEvent extends Event {
  static readonly eventName = 'plaudit-note-save';
  constructor(
    readonly text: string,
    readonly visibility: NoteVisibility,
  ) {
    super(NoteSaveEvent.eventName, { bubbles: true, composed: false });
  }
}

/** Fired when the reader cancels (button or Escape). */
export class NoteCancelEvent extends Event {
  static readonly eventName = 'plaudit-note-cancel';
  constructor() {
    super(NoteCancelEvent.eventName, { bubbles: true, composed: false });
  }
}

/**
 * The note editor: a labelled text box with a character counter, a choice to
 * share the note with the editors, Save and Cancel. Ctrl+Enter (Cmd+Enter on a
 * Mac) saves, Escape cancels. Notes are plain text; the limit is shown, never
 * enforced by silently cutting a paste short.
 *
 * It is a modal `<dialog>`, opened with `showModal()` when it is first rendered:
 * the page behind is inert while it is open (Tab stays in it, screen readers
 * read only it), and it sits in the top layer, so no stacking context,
 * `overflow` or `transform` of the host page can cover or misplace it. It
 * opens next to its passage (below it, or above where it does not fit) and
 * follows it as the page scrolls or the viewport changes, always inside the
 * viewport; without a passage on screen it is centred. Its owner
 * removes it to close it, and returns focus.
 *
 * Not public API: it lives in `<plaudit-article>`'s shadow root, so it has no
 * `@tag` and is left out of custom-elements.json.
 *
 * @internal
 * @event plaudit-note-save - The reader saved; `text` and `visibility` say what.
 * @event plaudit-note-cancel - The reader cancelled.
 * @csspart base - The editor's box.
 */
export class PlauditNoteEditor extends LiteElement {
  static override styles = noteEditorStyles;
  static override english = ARTICLE_EN;

  // Read when the editor opens: after that the text box and the checkbox hold the reader's text and choice.
  /** The dialog's title: "Add note" (the default) or "Edit note". */
  heading = '';
  /** The note's text when the editor opens. */
  value = '';
  /** The passage the note is about, shown above the text box. */
  quote = '';
  /** Whether the note is shared with the editors when the editor opens. */
  visibility: NoteVisibility = NoteVisibility.Private;
  /** The passage in the article, which the editor opens next to. */
  passage: Range | null = null;
  #error = '';
  /** Scroll and resize listeners while open. */
  #follow: AbortController | null = null;
  /** The text box's length, for the counter, once the reader has typed. */
  #length?: number;
  #rendered = false;

  /**
   * Why the last save did not work (storage refused it), shown in the editor's
   * alert; empty when there is nothing to say. The text box keeps the reader's text.
   */
  get error(): string {
    return this.#error;
  }
  set error(value: string) {
    this.#error = value;
    this.requestUpdate();
  }

  private get textarea(): HTMLTextAreaElement {
    return this.renderRoot.querySelector('textarea') as HTMLTextAreaElement;
  }

  /** After the first render the dialog opens, modal, next to its passage, and the text box (`autofocus`) gets the note. */
  protected override updated(): void {
    if (this.#rendered) return;
    this.#rendered = true;
    const dialog = this.renderRoot.querySelector('dialog')!;
    dialog.showModal();
    this.textarea.value = this.value;
    const place = () => this.#place(dialog);
    place();
    // The passage moves as the page scrolls (scroll events come at most once a frame), and with the viewport.
    const options = { signal: (this.#follow = new AbortController()).signal, passive: true };
    addEventListener('scroll', place, { ...options, capture: true });
    addEventListener('resize', place, options);
    visualViewport?.addEventListener('resize', place, options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#follow?.abort();
    this.#follow = null;
  }

  /** Puts the dialog beside its passage while any of the passage is in the viewport; else its stylesheet centres it. */
  #place(dialog: HTMLDialogElement): void {
    const rect = this.passage?.getBoundingClientRect();
    // An empty rectangle (a range no longer in the page) is at 0,0: not shown.
    const shown = rect && rect.bottom > 0 && rect.top < innerHeight;
    // Through the CSSOM, never a style attribute (a strict page's policy refuses those); '' removes one.
    Object.assign(dialog.style, shown ? placeNear(rect, MARGIN, dialog.offsetWidth, dialog.offsetHeight) : { left: '', top: '', transform: '' });
  }

  /** Saves when the text fits; otherwise keeps the editor open, with the message shown. */
  save(): void {
    const text = this.textarea.value;
    if (text.length > NOTE_MAX_LENGTH) {
      this.textarea.focus();
      return;
    }
    const visibility = this.renderRoot.querySelector('input')!.checked ? NoteVisibility.Shared : NoteVisibility.Private;
    this.dispatchEvent(new NoteSaveEvent(text.trim(), visibility));
  }

  /** Cancel, and the dialog's own `cancel` (Escape, or the platform's back gesture): the owner closes it. */
  private cancel(event: Event): void {
    event.preventDefault();
    this.dispatchEvent(new NoteCancelEvent());
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.save();
    }
  }

  protected render() {
    const length = this.#length ?? this.value.length;
    const over = length - NOTE_MAX_LENGTH;
    const numbers = { count: length, max: NOTE_MAX_LENGTH, n: over };
    const error = over > 0 ? this.t('noteTooLong', numbers) : this.#error;
    // Listeners are called with the element as `this` (LiteElement renders with `host`).
    return html`<dialog part="base" dir=${this.locale.dir} aria-labelledby="title" @keydown=${this.onKeydown} @cancel=${this.cancel}>
      <h2 id="title">${this.heading || this.t('addNote')}</h2>
      ${this.quote ? html`<blockquote>${this.quote}</blockquote>` : nothing}
      <label for="note">${this.t('noteLabel')}</label>
      <textarea
        id="note"
        autofocus
        aria-describedby="counter hint${error ? ' error' : ''}"
        aria-invalid=${over > 0}
        @input=${() => {
          this.#length = this.textarea.value.length;
          this.requestUpdate();
        }}
      ></textarea>
      <div id="counter" class="counter">${this.t(over > 0 ? 'noteCounterOver' : 'noteCounter', numbers)}</div>
      <p id="error" class="error" role="alert">${error || nothing}</p>
      <label class="share">
        <input type="checkbox" .checked=${this.visibility === NoteVisibility.Shared} />
        ${this.t('shareWithEditors')}
      </label>
      <span id="hint" hidden>${this.t('editorHint')}</span>
      <div class="actions">
        <button type="button" @click=${this.cancel}>${this.t('cancel')}</button>
        <button type="button" class="primary" @click=${() => this.save()}>${this.t('save')}</button>
      </div>
    </dialog>`;
  }
}
