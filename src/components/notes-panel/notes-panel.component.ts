import { html, nothing } from 'lit-html';
import { AnchorStatus } from '../../core/annotation.js';
import type { AnnotationView } from '../../controllers/annotation-controller.js';
import { renderNoteText } from './note-text.js';
import { LiteElement } from '../shared/lite-element.js';
import { notesPanelStyles } from './notes-panel.styles.js';

/** What the reader asked for in the panel. */
export type PanelAction = 'select' | 'edit' | 'delete' | 'copy' | 'close' | 'read';

/** Fired inside `<plaudit-article>`'s shadow root for every panel button. */
export class PanelActionEvent extends Event {
  static readonly eventName = 'plaudit-panel-action';
  constructor(
    readonly action: PanelAction,
    readonly id: string | null = null,
    /** The button pressed: focus returns to it when what it opened closes. */
    readonly source: HTMLElement | null = null,
  ) {
    super(PanelActionEvent.eventName, { bubbles: true, composed: false });
  }
}

/** An item's buttons; a passage no longer found can only be deleted. */
const ITEM_ACTIONS: readonly [PanelAction, string][] = [
  ['edit', 'Edit'],
  ['delete', 'Delete'],
  ['copy', 'Copy link'],
];
const ORPHAN_ACTIONS = [ITEM_ACTIONS[1]!];

/** Made on first use: the first `Intl` object costs tens of milliseconds, and this module loads at idle. */
let when: Intl.DateTimeFormat | undefined;

function formatTime(iso: unknown): string {
  const date = new Date(typeof iso === 'string' ? iso : NaN);
  return Number.isNaN(date.getTime()) ? '' : (when ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

/**
 * The reader's annotations for the article, as a list in document order:
 * quoted passage, note, time, and Edit / Delete / Copy link. Passages that can
 * no longer be found are listed apart with their stored quote; only the reader
 * deletes them. Escape asks to close.
 *
 * Deliberately not modal: a named region beside the article, which the reader
 * works with and the article at once (a passage's card opens by its text, the
 * Undo bar and the live announcements stay reachable). Tab past its last item
 * goes on to the page; Alt+Shift+N (handled by `<plaudit-article>`) comes back
 * to the control last used here (`focusItem(null)`), as the panel's hint says.
 *
 * Not public API: it lives in `<plaudit-article>`'s shadow root, so it has no
 * `@tag` and is left out of custom-elements.json.
 *
 * @internal
 * @event plaudit-panel-action - A button was pressed; `action` and `id` say which.
 * @csspart base - The panel.
 */
export class PlauditNotesPanel extends LiteElement {
  static override styles = notesPanelStyles;

  #views: readonly AnnotationView[] = [];
  /** The control that last had focus here, to come back to. */
  #last: HTMLElement | null = null;

  /** The annotations, anchored ones in document order first, then orphans. */
  get views(): readonly AnnotationView[] {
    return this.#views;
  }
  set views(value: readonly AnnotationView[]) {
    this.#views = value;
    this.requestUpdate();
  }

  private emit(action: PanelAction, id: string | null = null, event?: Event): void {
    const source = event?.currentTarget instanceof HTMLElement ? event.currentTarget : null;
    this.dispatchEvent(new PanelActionEvent(action, id, source));
  }

  /**
   * Focuses the item for `id` (its first button: the passage, or an orphan's
   * Delete); without one, the control that last had focus here if it is still
   * shown; else the heading's Close button.
   */
  focusItem(id: string | null): void {
    const target = id
      ? this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] button`)
      : this.#last?.isConnected ? this.#last : null;
    (target ?? this.renderRoot.querySelector('button'))?.focus();
  }

  private item(view: AnnotationView, index: number) {
    const orphan = view.status === AnchorStatus.Orphan;
    const quoteId = `q${index}`;
    const time = formatTime(view.annotation?.modified);
    return html`<li data-id=${view.id} class=${view.note ? 'has-note' : ''}>
      ${orphan
        ? html`<blockquote id=${quoteId} class="passage">${view.quote || '(no stored quote)'}</blockquote>`
        : html`<button
            type="button"
            id=${quoteId}
            class="passage"
            aria-label=${`${view.note ? 'Note on' : 'Highlight'}: ${view.quote}`}
            aria-describedby=${view.note ? `n${index}` : nothing}
            @click=${(e: Event) => this.emit('select', view.id, e)}
          >
            “${view.quote}”
          </button>`}
      ${view.note ? html`<p class="note" id="n${index}">${renderNoteText(view.note)}</p>` : nothing}
      <p class="meta">
        ${time ? html`<time datetime=${view.annotation.modified}>${time}</time>` : nothing}
        ${view.status === AnchorStatus.Moved ? ' · the passage has changed' : nothing}
        ${view.annotation?.['plaudit:visibility'] === 'shared' && view.note ? ' · shared with the editors' : nothing}
      </p>
      <div class="actions">
        ${(orphan ? ORPHAN_ACTIONS : ITEM_ACTIONS).map(
          ([action, label]) =>
            html`<button type="button" aria-describedby=${quoteId} @click=${(e: Event) => this.emit(action, view.id, e)}>
              ${label}
            </button>`,
        )}
      </div>
    </li>`;
  }

  protected render() {
    const found = this.views.filter((v) => v.status !== AnchorStatus.Orphan);
    const orphans = this.views.filter((v) => v.status === AnchorStatus.Orphan);
    return html`<section
      part="base"
      aria-labelledby="title"
      @focusin=${(e: FocusEvent) => (this.#last = e.target as HTMLElement)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        this.emit('close');
      }}
    >
      <header>
        <h2 id="title">Your highlights and notes</h2>
        <button type="button" @click=${() => this.emit('close')}>Close</button>
      </header>
      <p id="hint" class="meta">Alt+Shift+N returns here.</p>
      <button type="button" @click=${() => this.emit('read')}>Read by sentence (Alt+Shift+R)</button>
      ${found.length === 0
        ? html`<p class="empty">Select text in the article to highlight it or add a note.</p>`
        : html`<ol>${found.map((v, i) => this.item(v, i))}</ol>`}
      ${orphans.length === 0
        ? nothing
        : html`<h3 id="orphans">Passages no longer found</h3>
            <ul aria-labelledby="orphans">${orphans.map((v, i) => this.item(v, found.length + i))}</ul>`}
    </section>`;
  }
}
