import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
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

const BUTTONS: readonly { action: ToolbarAction; label: string }[] = [
  { action: 'highlight', label: 'Highlight' },
  { action: 'note', label: 'Add note' },
  { action: 'link', label: 'Copy link' },
];

/**
 * The small toolbar shown next to a selection (or the reading cursor's sentence).
 * A WAI-ARIA toolbar: one tab stop, arrow keys move between buttons.
 * `<plaudit-article>` positions it; this element only renders and reports.
 *
 * @event plaudit-toolbar-action - A button was pressed; `action` says which.
 * @event plaudit-toolbar-dismiss - Escape was pressed.
 * @csspart base - The toolbar.
 */
export class PlauditSelectionToolbar extends LitElement {
  static override styles = selectionToolbarStyles;

  /** Accessible name of the toolbar. */
  @property() accessor label = 'Annotate selection';

  /** Which actions to offer, in a fixed order. */
  @property({ attribute: false }) accessor actions: readonly ToolbarAction[] = ['highlight', 'note', 'link'];

  private active = 0;

  /** Moves focus to the first (or the last used) button. */
  override focus(): void {
    this.buttons()[this.active]?.focus();
  }

  /** Moves focus to one action's button (e.g. back to "Add note" when its editor is cancelled). */
  async focusAction(action: ToolbarAction): Promise<void> {
    const index = BUTTONS.filter((b) => this.actions.includes(b.action)).findIndex((b) => b.action === action);
    if (index >= 0) this.active = index;
    this.requestUpdate();
    await this.updateComplete;
    this.focus();
  }

  private buttons(): HTMLButtonElement[] {
    return [...(this.renderRoot.querySelectorAll('button') ?? [])];
  }

  private onKeydown(event: KeyboardEvent): void {
    const buttons = this.buttons();
    const index = buttons.indexOf(event.composedPath()[0] as HTMLButtonElement);
    let next = -1;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % buttons.length;
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + buttons.length) % buttons.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      this.dispatchEvent(new ToolbarDismissEvent());
      return;
    }
    if (next < 0) return;
    event.preventDefault();
    this.active = next;
    this.requestUpdate();
    buttons[next]?.focus();
  }

  override render() {
    const shown = BUTTONS.filter((b) => this.actions.includes(b.action));
    return html`<div part="base" role="toolbar" aria-label=${this.label} @keydown=${this.onKeydown}>
      ${shown.map(
        (b, i) => html`<button
          type="button"
          tabindex=${i === this.active ? 0 : -1}
          @pointerdown=${(e: PointerEvent) => e.preventDefault()}
          @click=${() => {
            this.active = i;
            this.dispatchEvent(new ToolbarActionEvent(b.action));
          }}
        >
          ${b.label}
        </button>`,
      )}
    </div>`;
  }
}
