import { html, nothing } from 'lit';
import type { AnnotationView } from '../../controllers/annotation-controller.js';
import { renderNoteText } from '../notes-panel/note-text.js';

export interface CardHandlers {
  edit(id: string): void;
  remove(id: string): void;
  copy(id: string): void;
  close(): void;
}

/** A short form of a passage for names and announcements. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What a screen reader hears when an annotation gets focus. */
export function describeView(view: AnnotationView): string {
  const kind = view.note ? 'Note' : 'Highlight';
  return view.note ? `${kind} on “${excerpt(view.quote)}”: ${excerpt(view.note, 160)}` : `${kind}: “${excerpt(view.quote)}”`;
}

/**
 * The opened annotation, next to its passage: the note (links made safe) and
 * its actions. It takes focus and announces the passage through its name.
 */
export function renderAnnotationCard(view: AnnotationView, style: string, on: CardHandlers) {
  return html`<div
    class="popover card"
    part="card"
    role="dialog"
    tabindex="-1"
    style=${style}
    aria-label=${describeView(view)}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      on.close();
    }}
  >
    <p class="quote">“${excerpt(view.quote, 140)}”</p>
    ${view.note ? html`<p class="note">${renderNoteText(view.note)}</p>` : nothing}
    <div class="actions">
      <button type="button" @click=${() => on.edit(view.id)}>${view.note ? 'Edit' : 'Add note'}</button>
      <button type="button" @click=${() => on.remove(view.id)}>Delete</button>
      <button type="button" @click=${() => on.copy(view.id)}>Copy link</button>
      <button type="button" @click=${on.close}>Close</button>
    </div>
  </div>`;
}

/** Several annotations under one click: the reader picks one. */
export function renderChooser(views: readonly AnnotationView[], style: string, pick: (id: string) => void, close: () => void) {
  return html`<div
    class="popover chooser"
    part="chooser"
    role="dialog"
    aria-label="Choose an annotation"
    style=${style}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    }}
  >
    <p class="title">These annotations overlap here:</p>
    <ul>
      ${views.map(
        (v) => html`<li><button type="button" @click=${() => pick(v.id)}>${describeView(v)}</button></li>`,
      )}
    </ul>
  </div>`;
}

/** Shown when the clipboard cannot be written: the link in a field the reader can copy. */
export function renderLinkFallback(link: string, style: string, close: () => void) {
  return html`<div
    class="popover link"
    role="dialog"
    aria-labelledby="link-label"
    style=${style}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    }}
  >
    <label id="link-label" for="link-field">The link could not be copied automatically. Copy it from here:</label>
    <input id="link-field" type="text" readonly .value=${link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
    <button type="button" @click=${close}>Done</button>
  </div>`;
}
