import { html, noChange, nothing } from 'lit-html';
import { AnchorStatus } from '../../core/annotation.js';
import { yieldToMain } from '../../core/yield-to-main.js';
import type { AnnotationView } from '../../controllers/annotation-controller.js';
import { renderNoteText } from './note-text.js';
import { dateFormat } from '../../core/strings.js';
import { ARTICLE_EN } from '../../core/strings-en/article.js';
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
const ITEM_ACTIONS: readonly [PanelAction, 'edit' | 'delete' | 'copyLink'][] = [
  ['edit', 'edit'],
  ['delete', 'delete'],
  ['copy', 'copyLink'],
];
const ORPHAN_ACTIONS = [ITEM_ACTIONS[1]!];

/**
 * Items rendered per task. A panel of a thousand notes would block the click that
 * opens it for a second or more; it shows the first `FIRST` at once and the rest a
 * chunk per task after yielding, complete a moment later.
 */
const CHUNK = 16;
/**
 * Items in the first render: about a screenful (the panel is as tall as the
 * viewport, an item about 110px). Each item more is style, layout and paint in
 * the frame that answers the click; on a taller screen the next chunk fills the
 * rest a frame later.
 */
const FIRST = 8;

/**
 * When a note was last changed, written the way readers of `lang` write dates.
 * The formatter is made on the first call, with or without a time: `ArticleLayer`
 * makes it while the browser is idle, since the page's first Intl object costs
 * ICU's start-up (about 100 ms at 4x CPU), which would otherwise fall in the
 * click that opens the panel.
 */
export function formatTime(iso: unknown, lang: string): string {
  const format = dateFormat(lang);
  const date = new Date(typeof iso === 'string' ? iso : NaN);
  return isNaN(+date) ? '' : format.format(date);
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
  static override english = ARTICLE_EN;

  #views: readonly AnnotationView[] = [];
  /** The control that last had focus here, to come back to. */
  #last: HTMLElement | null = null;
  /** How many of the views are listed so far; `updated` adds a chunk per task. */
  #shown = FIRST;
  /** The anchored and orphaned views last rendered, by position: those still in place are not rebuilt. */
  #rendered: AnnotationView[][] = [];

  /** The annotations, anchored ones in document order first, then orphans. */
  get views(): readonly AnnotationView[] {
    return this.#views;
  }
  set views(value: readonly AnnotationView[]) {
    this.#views = value;
    this.requestUpdate();
  }

  private emit(action: PanelAction, id: string | null = null, event?: Event): void {
    // The button the listener is on.
    this.dispatchEvent(new PanelActionEvent(action, id, (event?.currentTarget as HTMLElement | undefined) ?? null));
  }

  /**
   * Focuses the item for `id` (its first button: the passage, or an orphan's
   * Delete); without one, the control that last had focus here if it is still
   * shown; else the heading's Close button. An item not rendered yet is
   * rendered first: then focus moves after that render, when this resolves.
   */
  async focusItem(id: string | null): Promise<void> {
    const at = this.#views.findIndex((v) => v.id === id);
    if (at >= this.#shown) {
      this.#shown = at + 1;
      this.requestUpdate();
      await this.updateComplete;
    }
    const target = id
      ? this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] button`)
      : this.#last?.isConnected ? this.#last : null;
    (target ?? this.renderRoot.querySelector('button'))?.focus();
  }

  protected override updated(): void {
    const next = this.#shown + CHUNK;
    // Several renders may schedule the same chunk; only the first grows the list.
    if (this.#shown < this.#views.length) void yieldToMain().then(() => next > this.#shown && ((this.#shown = next), this.requestUpdate()));
  }

  private item(view: AnnotationView) {
    const orphan = view.status === AnchorStatus.Orphan;
    // By id, not position, so an item left in place keeps ids that are still unique.
    const quoteId = `q${view.id}`;
    const time = formatTime(view.annotation?.modified, this.locale.lang);
    return html`<li data-id=${view.id} class=${view.note ? 'has-note' : ''}>
      ${orphan
        ? html`<blockquote id=${quoteId} class="passage">${view.quote || this.t('noStoredQuote')}</blockquote>`
        : html`<button
            type="button"
            id=${quoteId}
            class="passage"
            aria-label=${this.t(view.note ? 'itemNote' : 'itemHighlight', { quote: view.quote })}
            aria-describedby=${view.note ? `n${view.id}` : nothing}
            @click=${(e: Event) => this.emit('select', view.id, e)}
          >
            “${view.quote}”
          </button>`}
      ${view.note ? html`<p class="note" id="n${view.id}">${renderNoteText(view.note)}</p>` : nothing}
      <p class="meta">
        ${time ? html`<time datetime=${view.annotation.modified}>${time}</time>` : nothing}
        ${view.status === AnchorStatus.Moved ? ` · ${this.t('passageChanged')}` : nothing}
        ${view.annotation?.['plaudit:visibility'] === 'shared' && view.note ? ` · ${this.t('sharedWithEditors')}` : nothing}
      </p>
      <div class="actions">
        ${(orphan ? ORPHAN_ACTIONS : ITEM_ACTIONS).map(
          ([action, label]) =>
            html`<button type="button" aria-describedby=${quoteId} @click=${(e: Event) => this.emit(action, view.id, e)}>
              ${this.t(label)}
            </button>`,
        )}
      </div>
    </li>`;
  }

  protected render() {
    const shown = this.#views.slice(0, this.#shown);
    const lists = [shown.filter((v) => v.status !== AnchorStatus.Orphan), shown.filter((v) => v.status === AnchorStatus.Orphan)];
    // A chunk's render leaves the items before it alone (lit skips `noChange`).
    const [found, orphans] = lists.map((list, l) => list.map((v, i) => (this.#rendered[l]?.[i] === v ? noChange : this.item(v))));
    this.#rendered = lists;
    return html`<section
      part="base"
      dir=${this.locale.dir}
      aria-labelledby="title"
      @focusin=${(e: FocusEvent) => (this.#last = e.target as HTMLElement)}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        this.emit('close');
      }}
    >
      <header>
        <h2 id="title">${this.t('panelTitle')}</h2>
        <button type="button" @click=${() => this.emit('close')}>${this.t('close')}</button>
      </header>
      <p id="hint" class="meta">${this.t('panelHint')}</p>
      <button type="button" @click=${() => this.emit('read')}>${this.t('panelRead')}</button>
      ${found.length === 0
        ? html`<p class="empty">${this.t('panelEmpty')}</p>`
        : html`<ol>${found}</ol>`}
      ${orphans.length === 0
        ? nothing
        : html`<h3 id="orphans">${this.t('panelOrphans')}</h3>
            <ul aria-labelledby="orphans">${orphans}</ul>`}
    </section>`;
  }
}
