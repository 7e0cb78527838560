import type { ReactiveController } from 'lit';
import type { Annotation } from '../../core/annotation.js';
import { readDeepLink } from '../../core/deep-link.js';
import { ARTICLE_EN } from '../../core/strings-en/article.js';
import type { LiteElement } from '../shared/lite-element.js';
import { AnnotationController } from '../../controllers/annotation-controller.js';
import { ArticleMutationController } from '../../controllers/article-mutation-controller.js';
import { HighlightController } from '../../controllers/highlight-controller.js';
import { ReadingCursorController } from '../../controllers/reading-cursor-controller.js';
import { SelectionController } from '../../controllers/selection-controller.js';
import { selectionRangeIn } from '../../controllers/selection-range.js';
import { isAltShift } from '../../controllers/shortcut-keys.js';
import type { SyncController } from '../../controllers/sync-controller.js';
import { UndoController } from '../../controllers/undo-controller.js';
import '../selection-toolbar/selection-toolbar.js';
import '../notes-panel/notes-panel.js';
import { formatTime } from '../notes-panel/notes-panel.component.js';
import { idle } from '../shared/idle.js';
import '../note-editor/note-editor.js';
import { ArticleActions, type ArticleNotice, type ArticleUi } from './article-actions.js';
import { renderArticleOverlays } from './article-overlays.js';
import { layerStyles } from './article-layer.styles.js';
import type { PlauditArticleElement } from './article.component.js';
import { ReadingCursorActions } from './reading-cursor-actions.js';

/** The layer's stylesheet, made once and adopted by every article's shadow root after the shell's. */
let layerSheet: CSSStyleSheet | undefined;

/**
 * Everything `<plaudit-article>` does beyond its shell, loaded after the first
 * render: it stores and anchors the reader's annotations, draws them, shows the
 * toolbar, cards, editor, panel and reading cursor, opens deep links, and, with
 * an `endpoint`, loads the sync wiring. Its controllers join the element's, so
 * they start on connect and release everything on disconnect like the element's
 * own; created while the element is disconnected, nothing starts until it connects.
 */
export class ArticleLayer implements ReactiveController {
  /** What floats over the article besides the toolbar. */
  ui: ArticleUi = { kind: 'idle' };
  panelOpen = false;
  /** The live region's text. */
  announcement = '';
  /** A write the browser refused, shown until dismissed or retried successfully (an alert). */
  notice: ArticleNotice | null = null;

  readonly store: AnnotationController;
  readonly selection: SelectionController;
  readonly highlights: HighlightController;
  readonly cursor: ReadingCursorController;
  readonly undo: UndoController<Annotation>;
  readonly actions: ArticleActions;
  readonly cursorActions: ReadingCursorActions;
  /** The sync wiring, loaded the first time the element has an endpoint. */
  sync: SyncController | null = null;

  #syncLoading = false;
  #deepLinkDone = false;
  #styled = false;

  constructor(readonly host: PlauditArticleElement) {
    // The article shows the layer's strings from now on; before, only the claps' few.
    Object.assign((host.constructor as typeof LiteElement).english, ARTICLE_EN);
    this.actions = new ArticleActions(this);
    this.cursorActions = new ReadingCursorActions(this);
    this.store = new AnnotationController(host, {
      articleId: () => host.resolvedArticleId,
      sync: () => Boolean(host.endpoint),
      changed: () => {
        // The reader's next change ends the Undo offer (a deletion then makes a new one).
        this.undo.dismiss();
        this.sync?.engine?.notifyChanged();
      },
      lost: (writeBack) => this.actions.storeAgain(writeBack),
    });
    this.selection = new SelectionController(host, {
      paused: () => this.ui.kind === 'editor' || this.cursor.active,
      focusToolbar: () => this.actions.focusToolbar(),
    });
    this.highlights = new HighlightController(host, () => host.renderRoot.querySelector('.overlay'));
    this.cursor = new ReadingCursorController(host, {
      model: () => this.store.model,
      ownsShortcut: () => this.ownsShortcut(),
      started: () => this.cursorActions.cursorStarted(),
      moved: (_s, range) => this.cursorActions.cursorMoved(range),
    });
    this.undo = new UndoController<Annotation>(host);
    new ArticleMutationController(host, () => void this.store.reanchor().then(() => this.actions.afterReanchor()));
    host.addController(this);
  }

  /** The selection toolbar, while shown. */
  get toolbar() {
    return this.host.renderRoot.querySelector('plaudit-selection-toolbar');
  }

  /** The notes panel, while open. */
  get panel() {
    return this.host.renderRoot.querySelector('plaudit-notes-panel');
  }

  /** Changes what the layer shows and re-renders the element. */
  set(state: Partial<Pick<ArticleLayer, 'ui' | 'panelOpen' | 'announcement' | 'notice'>>): void {
    Object.assign(this, state);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    const { host } = this;
    if (!this.#styled) {
      this.#styled = true;
      if (!layerSheet) (layerSheet = new CSSStyleSheet()).replaceSync(layerStyles);
      const root = host.renderRoot;
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, layerSheet];
    }
    host.addEventListener('click', this.onClick);
    host.ownerDocument.addEventListener('keydown', this.keydown);
    host.requestUpdate();
  }

  hostDisconnected(): void {
    this.host.removeEventListener('click', this.onClick);
    this.host.ownerDocument.removeEventListener('keydown', this.keydown);
  }

  hostUpdate(): void {
    if (this.host.endpoint && !this.#syncLoading) {
      this.#syncLoading = true;
      void import('./article-sync.js').then(({ ArticleSync }) => {
        this.sync = new ArticleSync(this);
        this.host.requestUpdate();
      });
    }
  }

  hostUpdated(): void {
    // What floats goes to the top layer once rendered (`article-overlays.ts`); showing an open one does nothing.
    for (const p of this.host.renderRoot.querySelectorAll<HTMLElement>('[popover]')) p.showPopover?.();
    this.highlights.draw(this.store.views);
    if (!this.#deepLinkDone && this.store.model) {
      this.#deepLinkDone = true;
      // With stored annotations, the panel's date formatter (the page's first Intl object: ICU's
      // start-up, ~100 ms at 4x CPU) is made when idle after the frame that draws them, not in the
      // click that opens the panel. Not on a reader's first annotation: that idle time falls
      // between the Save and its write, so the editor would close later.
      if (this.store.views.length) requestAnimationFrame(() => idle(() => formatTime(0, this.host.locale.lang)));
      const id = readDeepLink(this.host.ownerDocument.defaultView?.location.href ?? '');
      // After this update, not inside it: opening the card changes state.
      if (id && this.store.get(id)) void this.host.updateComplete.then(() => this.actions.openCard(id, null));
    }
  }

  render() {
    return renderArticleOverlays(this);
  }

  private readonly onClick = (event: MouseEvent): void => {
    // Only clicks on the article itself (light DOM), not on the widget's own UI.
    const origin = event.composedPath()[0];
    if (!(origin instanceof Node) || !this.host.contains(origin)) return;
    if (selectionRangeIn(this.host)?.toString().trim()) return;
    this.actions.openAt(event.clientX, event.clientY);
  };

  /**
   * The document's keydown, for every controller that answers keys (and the
   * shell's, for a shortcut pressed before the layer was loaded): Alt+Shift+H
   * focuses the selection toolbar, Alt+Shift+R starts the reading cursor,
   * Alt+Shift+N goes into the notes panel (it is not modal, so this is the way
   * back to it), Alt+Shift+U undoes a deletion on offer. None while the modal
   * note editor is open (its keys are its own); N and U are left to a field the
   * reader types in on the page (a text input or area, or an editable element).
   */
  readonly keydown = (event: KeyboardEvent): void => {
    if (this.ui.kind === 'editor') return;
    this.selection.keydown(event);
    this.cursor.keydown(event);
    const { actions } = this;
    const run = isAltShift(event, 'KeyN')
      ? () => actions.openPanel()
      : isAltShift(event, 'KeyU') && this.undo.pending && (() => void actions.undoDelete());
    const target = event.composedPath()[0] as HTMLElement;
    if (!run || target.isContentEditable || 'selectionStart' in target || !this.ownsShortcut()) return;
    event.preventDefault();
    run();
  };

  /** Whether this element answers the document-wide reading-cursor shortcut. */
  private ownsShortcut(): boolean {
    const { host } = this;
    const doc = host.ownerDocument;
    const active = doc.activeElement;
    if (active && (active === host || host.contains(active))) return true;
    const anchor = selectionRangeIn(host)?.startContainer ?? null;
    if (anchor && host.contains(anchor)) return true;
    const inOther = [...doc.querySelectorAll('plaudit-article')].some(
      (el) => el !== host && ((active && el.contains(active)) || (anchor && el.contains(anchor))),
    );
    return !inOther && doc.querySelector('plaudit-article') === host;
  }
}
