import type { PlauditArticleElement } from './article.component.js';
import type { ArticleActions } from './article-actions.js';

const reducedMotion = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The reading cursor's side of `<plaudit-article>`: focus, keys, announcements
 * and the Highlight / Add note menu for the current sentence.
 */
export class ReadingCursorActions {
  constructor(
    private readonly host: PlauditArticleElement,
    private readonly actions: ArticleActions,
  ) {}

  cursorStarted(): void {
    this.actions.remember();
    this.host.selection.clear();
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.focusCursor());
  }

  cursorMoved(range: Range): void {
    this.host.highlights.cursor(range);
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
    this.actions.announce(range.toString());
  }

  focusCursor(): void {
    this.host.renderRoot.querySelector<HTMLElement>('.cursor')?.focus();
  }

  stopCursor(): void {
    this.host.cursor.stop();
    this.host.highlights.cursor(null);
    if (this.host.ui.kind === 'cursor-menu') this.actions.setUi({ kind: 'idle' });
    this.actions.announce('Reading cursor off');
    this.actions.restoreFocus();
  }

  cursorKey(event: KeyboardEvent): void {
    const { cursor } = this.host;
    const paragraph = event.ctrlKey || event.metaKey;
    const handled = new Map<string, () => void>([
      ['ArrowDown', () => (paragraph ? cursor.moveBlock(1) : cursor.move(1))],
      ['ArrowRight', () => cursor.move(1)],
      ['ArrowUp', () => (paragraph ? cursor.moveBlock(-1) : cursor.move(-1))],
      ['ArrowLeft', () => cursor.move(-1)],
      ['PageDown', () => cursor.moveBlock(1)],
      ['PageUp', () => cursor.moveBlock(-1)],
      ['Home', () => cursor.goTo(0)],
      ['End', () => cursor.goTo(cursor.sentences.length - 1)],
      ['Enter', () => this.openCursorMenu()],
      ['Escape', () => this.stopCursor()],
    ]).get(event.key);
    if (!handled) return;
    event.preventDefault();
    handled();
  }

  private openCursorMenu(): void {
    const range = this.host.cursor.range();
    if (!range) return;
    this.actions.setUi({ kind: 'cursor-menu', range });
    void this.host.updateComplete.then(() => this.host.toolbar?.focus());
  }
}
