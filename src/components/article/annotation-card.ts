import { html, nothing, type TemplateResult } from 'lit-html';
import { styleProps, type StyleProps } from '../shared/style-props.js';
import type { AnnotationView } from '../../controllers/annotation-controller.js';
import type { LiteElement } from '../shared/lite-element.js';
import { renderNoteText } from '../notes-panel/note-text.js';

/** Where the strings and the UI's direction come from: the article element. */
export type Localized = Pick<LiteElement, 't' | 'locale'>;

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
export function describeView(view: AnnotationView, l: Localized): string {
  const quote = excerpt(view.quote);
  return view.note ? l.t('cardNote', { quote, note: excerpt(view.note, 160) }) : l.t('cardHighlight', { quote });
}

/**
 * A dialog floating over the article, in the top layer (a manual popover the
 * layer shows); Escape closes it. `kind` is its class and part. `style` (its position) is set through the CSSOM, never as a style
 * attribute, which a strict Content Security Policy refuses.
 */
function popover(kind: string, style: StyleProps, label: string, close: () => void, content: TemplateResult, l: Localized) {
  return html`<div
    class="popover ${kind}"
    part=${kind}
    popover="manual"
    dir=${l.locale.dir}
    role="dialog"
    tabindex="-1"
    ${styleProps(style)}
    aria-label=${label}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    }}
  >
    ${content}
  </div>`;
}

/**
 * The opened annotation, next to its passage: the note (links made safe) and
 * its actions. It takes focus and announces the passage through its name.
 */
export function renderAnnotationCard(view: AnnotationView, style: StyleProps, on: CardHandlers, l: Localized) {
  const { id, note } = view;
  return popover(
    'card',
    style,
    describeView(view, l),
    on.close,
    html`<p class="quote">“${excerpt(view.quote, 140)}”</p>
      ${note ? html`<p class="note">${renderNoteText(note)}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${() => on.edit(id)}>${l.t(note ? 'edit' : 'addNote')}</button>
        <button type="button" @click=${() => on.remove(id)}>${l.t('delete')}</button>
        <button type="button" @click=${() => on.copy(id)}>${l.t('copyLink')}</button>
        <button type="button" @click=${on.close}>${l.t('close')}</button>
      </div>`,
    l,
  );
}

/** Several annotations under one click: the reader picks one. */
export function renderChooser(views: readonly AnnotationView[], style: StyleProps, pick: (id: string) => void, close: () => void, l: Localized) {
  return popover(
    'chooser',
    style,
    l.t('chooseAnnotation'),
    close,
    html`<p>${l.t('overlapHere')}</p>
      <ul>
        ${views.map((v) => html`<li><button type="button" @click=${() => pick(v.id)}>${describeView(v, l)}</button></li>`)}
      </ul>`,
    l,
  );
}

/**
 * Shown when the clipboard cannot be written: the link in a field the reader
 * can copy. A modal `<dialog>`, which the owner opens with `showModal()`: the
 * user agent centres it in the top layer (no stacking context or transform of
 * the page misplaces it), the page behind is inert, and Escape closes it.
 */
export function renderLinkFallback(link: string, close: () => void, l: Localized) {
  return html`<dialog
    class="popover link"
    part="link"
    dir=${l.locale.dir}
    aria-labelledby="link-label"
    @cancel=${(e: Event) => {
      e.preventDefault();
      close();
    }}
  >
    <label id="link-label" for="link-field">${l.t('linkField')}</label>
    <input id="link-field" type="text" readonly autofocus .value=${link} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
    <button type="button" @click=${close}>${l.t('done')}</button>
  </dialog>`;
}
