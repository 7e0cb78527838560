import { html } from 'lit-html';
import { ARTICLE_EN } from '../../core/strings-en/article.js';
import { LiteElement } from '../shared/lite-element.js';
import { selectionToolbarStyles } from './selection-toolbar.styles.js';

/** What the reader chose in the toolbar. */
export type ToolbarAction = 'highlight' | 'note' | 'link';

/** Fired inside `<plaudit-article>`'s shadow root when a toolbar button is pressed. */
export class ToolbarActionEvent extends Event {
  static readonly eventName = 'plaudit-toolbar-action';
  constructor(readonly action: ToolbarAction) {
    super(ToolbarActionEvent.eventName, { bubbles: true, composed: false });
  }
}

/** Fired when the reader presses Escape in the toolbar. */
export class ToolbarDismissEvent extends Event {
  static readonly eventName = 'plaudit-toolbar-dismiss';
  constructor() {
    super(ToolbarDismissEvent.eventName, { bubbles: true, composed: false });
  }
}

/** The buttons, in order, with their labels' names in the strings table. */
const BUTTONS: readonly [ToolbarAction, 'highlight' | 'addNote' | 'copyLink'][] = [
  ['highlight', 'highlight'],
  ['note', 'addNote'],
  ['link', 'copyLink'],
];

/**
 * The small toolbar shown next to a selection (or the reading cursor's sentence).
 * A WAI-ARIA toolbar: one tab stop, arrow keys move between buttons.
 * `<plaudit-article>` positions it; this element only renders and reports.
 *
 * Not public API: it lives in `<plaudit-article>`'s shadow root, so it has no
 * `@tag` and is left out of custom-elements.json.
 *
 * @internal
 * @event plaudit-toolbar-action - A button was pressed; `action` says which.
 * @event plaudit-toolbar-dismiss - Escape was pressed.
 * @csspart base - The toolbar.
 */
export class PlauditSelectionToolbar extends LiteElement {
  static override styles = selectionToolbarStyles;
  static observedAttributes = ['label'];
  static override english = ARTICLE_EN;

  /**
   * Accessible name of the toolbar, "Annotate selection" (in the element's language) unless set.
   * @attr label
   */
  get label(): string {
    return this.getAttribute('label') ?? this.t('toolbarSelection');
  }
  set label(value: string) {
    this.setAttr('label', value);
  }

  private active = 0;

  /** Moves focus to the first (or the last used) button. */
  override focus(): void {
    this.buttons()[this.active]?.focus();
  }

  /** Moves focus to one action's button (e.g. back to "Add note" when its editor is cancelled). */
  async focusAction(action: ToolbarAction): Promise<void> {
    this.active = BUTTONS.findIndex(([a]) => a === action);
    this.requestUpdate();
    await this.updateComplete;
    this.focus();
  }

  private buttons(): HTMLButtonElement[] {
    return [...(this.renderRoot.querySelectorAll('button') ?? [])];
  }

  private onKeydown(event: KeyboardEvent): void {
    const { key } = event;
    const buttons = this.buttons();
    const last = buttons.length - 1;
    const index = buttons.indexOf(event.composedPath()[0] as HTMLButtonElement);
    // Right to left, the buttons' order is mirrored: Right goes back.
    const forward = this.locale.dir === 'rtl' ? /^Arrow(Left|Down)$/ : /^Arrow(Right|Down)$/;
    const back = this.locale.dir === 'rtl' ? /^Arrow(Right|Up)$/ : /^Arrow(Left|Up)$/;
    const next = forward.test(key) ? (index < last ? index + 1 : 0)
      : back.test(key) ? (index > 0 ? index - 1 : last)
      : key === 'Home' ? 0
      : key === 'End' ? last
      : -1;
    if (next < 0 && key !== 'Escape') return;
    event.preventDefault();
    if (next < 0) return void this.dispatchEvent(new ToolbarDismissEvent());
    this.active = next;
    this.requestUpdate();
    buttons[next]?.focus();
  }

  protected render() {
    return html`<div part="base" role="toolbar" dir=${this.locale.dir} aria-label=${this.label} @keydown=${this.onKeydown}>
      ${BUTTONS.map(
        ([action, label], i) => html`<button
          type="button"
          tabindex=${i === this.active ? 0 : -1}
          @pointerdown=${(e: PointerEvent) => e.preventDefault()}
          @click=${() => {
            this.active = i;
            this.dispatchEvent(new ToolbarActionEvent(action));
          }}
        >
          ${this.t(label)}
        </button>`,
      )}
    </div>`;
  }
}
