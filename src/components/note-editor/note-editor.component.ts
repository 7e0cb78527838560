import { html, nothing } from 'lit-html';
import { NoteVisibility } from '../../core/annotation.js';
import { LiteElement } from '../shared/lite-element.js';
import { noteEditorStyles } from './note-editor.styles.js';

/** The longest note a reader may save, in characters (UTF-16 code units, as `maxlength` counts). */
export const NOTE_MAX_LENGTH = 10_000;

const count = new Intl.NumberFormat('en');

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
  static observedAttributes = ['heading'];

  #value = '';
  #quote = '';
  #visibility: NoteVisibility = NoteVisibility.Private;
  #error = '';
  /** The text box's length, for the counter. */
  #length = 0;
  #rendered = false;

  /** The note's text when the editor opens. */
  get value(): string {
    return this.#value;
  }
  set value(value: string) {
    this.#value = value;
    this.#length = value.length;
    this.requestUpdate();
  }

  /** The passage the note is about, shown above the text box. */
  get quote(): string {
    return this.#quote;
  }
  set quote(value: string) {
    this.#quote = value;
    this.requestUpdate();
  }

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

  get visibility(): NoteVisibility {
    return this.#visibility;
  }
  set visibility(value: NoteVisibility) {
    this.#visibility = value;
    this.requestUpdate();
  }

  /**
   * The dialog's title: "Add note" (the default) or "Edit note".
   * @attr heading
   */
  get heading(): string {
    return this.getAttribute('heading') ?? 'Add note';
  }
  set heading(value: string) {
    this.setAttr('heading', value);
  }

  private get textarea(): HTMLTextAreaElement {
    return this.renderRoot.querySelector('textarea') as HTMLTextAreaElement;
  }

  override focus(): void {
    this.textarea?.focus();
  }

  /** After the first render the text box gets the note and focus. */
  protected override updated(): void {
    if (this.#rendered) return;
    this.#rendered = true;
    this.textarea.value = this.value;
    this.textarea.focus();
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

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.dispatchEvent(new NoteCancelEvent());
    }
  }

  protected render() {
    const over = this.#length - NOTE_MAX_LENGTH;
    const error = over > 0
      ? `This note is too long. Notes can have at most ${count.format(NOTE_MAX_LENGTH)} characters; shorten it to save.`
      : this.#error;
    return html`<div
      part="base"
      role="dialog"
      aria-labelledby="title"
      @keydown=${this.onKeydown}
    >
      <h2 id="title">${this.heading}</h2>
      ${this.quote ? html`<blockquote>${this.quote}</blockquote>` : nothing}
      <label for="note">Note</label>
      <textarea
        id="note"
        aria-describedby="counter hint${error ? ' error' : ''}"
        aria-invalid=${over > 0 ? 'true' : 'false'}
        @input=${() => {
          this.#length = this.textarea.value.length;
          this.requestUpdate();
        }}
      ></textarea>
      <div id="counter" class="counter">
        ${count.format(this.#length)} / ${count.format(NOTE_MAX_LENGTH)} characters${over > 0
          ? ` (${count.format(over)} too many)`
          : nothing}
      </div>
      <p id="error" class="error" role="alert">${error || nothing}</p>
      <label class="share">
        <input type="checkbox" .checked=${this.visibility === NoteVisibility.Shared} />
        Share with the editors
      </label>
      <span id="hint" hidden>Ctrl+Enter or Command+Enter saves, Escape cancels.</span>
      <div class="actions">
        <button type="button" @click=${() => this.dispatchEvent(new NoteCancelEvent())}>Cancel</button>
        <button type="button" class="primary" @click=${() => this.save()}>Save</button>
      </div>
    </div>`;
  }
}
