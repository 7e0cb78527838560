import type { StyleProps } from '../shared/style-props.js';
import type { ArticleLayer } from './article-layer.js';
import { scrollBehavior } from './article-actions.js';

/** Room kept between the current sentence and the top of the viewport or the cursor's bar, in px. */
const GAP = 8;

/**
 * The reading cursor's side of `<plaudit-article>`: focus, keys, announcements,
 * scrolling, and the Highlight / Add note menu for the current sentence.
 */
export class ReadingCursorActions {
  /**
   * Where the current sentence lies in the host (which is `position: relative`):
   * an empty marker box in the shadow root is scrolled into view over it, since
   * a Range cannot be, and the article itself is never changed.
   */
  mark: StyleProps = {};

  constructor(private readonly layer: ArticleLayer) {}

  cursorStarted(): void {
    const { actions, selection, host } = this.layer;
    actions.remember();
    selection.clear();
    host.requestUpdate();
    void host.updateComplete.then(() => this.focusCursor());
  }

  /**
   * Draws and announces the new sentence, and keeps it clear of the bar: when
   * it is not wholly between the top of the viewport and the bar, the marker
   * over it is scrolled to the middle of the viewport, through every scrolling
   * ancestor (a sentence too tall to be clear there is rare; its middle shows).
   */
  cursorMoved(range: Range): void {
    const { highlights, actions, host } = this.layer;
    highlights.cursor(range);
    actions.announce(range.toString());
    const box = range.getBoundingClientRect();
    this.mark = { top: `${box.top - host.getBoundingClientRect().top}px`, height: `${box.height}px` };
    // After the render that places the marker (and, at the start, shows the bar).
    void host.updateComplete.then(() => {
      const bar = host.renderRoot.querySelector('.cursor')?.getBoundingClientRect().top ?? innerHeight;
      if (box.top < GAP || box.bottom > bar - GAP) {
        host.renderRoot.querySelector('.mark')?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
      }
    });
  }

  focusCursor(): void {
    this.layer.host.renderRoot.querySelector<HTMLElement>('.cursor')?.focus();
  }

  stopCursor(): void {
    const { cursor, highlights, ui, actions } = this.layer;
    cursor.stop();
    highlights.cursor(null);
    if (ui.kind === 'cursor-menu') actions.setUi({ kind: 'idle' });
    actions.announce(this.layer.host.t('readingCursorOff'));
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
