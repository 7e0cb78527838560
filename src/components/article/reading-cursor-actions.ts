import type { ArticleLayer } from './article-layer.js';
import { scrollBehavior } from './article-actions.js';

/**
 * The reading cursor's side of `<plaudit-article>`: focus, keys, announcements
 * and the Highlight / Add note menu for the current sentence.
 */
export class ReadingCursorActions {
  constructor(private readonly layer: ArticleLayer) {}

  cursorStarted(): void {
    const { actions, selection, host } = this.layer;
    actions.remember();
    selection.clear();
    host.requestUpdate();
    void host.updateComplete.then(() => this.focusCursor());
  }

  cursorMoved(range: Range): void {
    this.layer.highlights.cursor(range);
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
    this.layer.actions.announce(range.toString());
  }

  focusCursor(): void {
    this.layer.host.renderRoot.querySelector<HTMLElement>('.cursor')?.focus();
  }

  stopCursor(): void {
    const { cursor, highlights, ui, actions } = this.layer;
    cursor.stop();
    highlights.cursor(null);
    if (ui.kind === 'cursor-menu') actions.setUi({ kind: 'idle' });
    actions.announce('Reading cursor off');
    actions.restoreFocus();
  }

  cursorKey(event: KeyboardEvent): void {
    const { cursor } = this.layer;
    const paragraph = event.ctrlKey || event.metaKey;
    const handled = {
      ArrowDown: () => (paragraph ? cursor.moveBlock(1) : cursor.move(1)),
      ArrowRight: () => cursor.move(1),
      ArrowUp: () => (paragraph ? cursor.moveBlock(-1) : cursor.move(-1)),
      ArrowLeft: () => cursor.move(-1),
      PageDown: () => cursor.moveBlock(1),
      PageUp: () => cursor.moveBlock(-1),
      Home: () => cursor.goTo(0),
      End: () => cursor.goTo(cursor.sentences.length - 1),
      Enter: () => this.openCursorMenu(),
      Escape: () => this.stopCursor(),
    }[event.key];
    if (!handled) return;
    event.preventDefault();
    handled();
  }

  private openCursorMenu(): void {
    const range = this.layer.cursor.range();
    if (!range) return;
    this.layer.actions.setUi({ kind: 'cursor-menu', range });
    void this.layer.host.updateComplete.then(() => this.layer.toolbar?.focus());
  }
}
