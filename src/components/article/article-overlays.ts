import { html, nothing } from 'lit-html';
import { styleProps } from '../shared/style-props.js';
import { MARGIN, placeNear } from '../shared/place-near.js';
import type { AnnotationView } from '../../controllers/annotation-controller.js';
import type { NoteSaveEvent } from '../note-editor/note-editor.component.js';
import type { PanelActionEvent } from '../notes-panel/notes-panel.component.js';
import type { ToolbarActionEvent } from '../selection-toolbar/selection-toolbar.component.js';
import { renderAnnotationCard, renderChooser, renderLinkFallback } from './annotation-card.js';
import type { ArticleLayer } from './article-layer.js';

// Everything here that floats is a `popover="manual"`, which the layer shows
// (`showPopover()`) after each render: in the top layer, `position: fixed` is
// relative to the viewport whatever the page's transformed, filtered, contained
// or clipping ancestors, and no `z-index` or stacking context of the page covers
// it. Without the Popover API it stays `position: fixed` with a high `z-index`.
// Positions are style properties set through the CSSOM (`styleProps`), never a
// `style` attribute: a page whose Content Security Policy has no 'unsafe-inline'
// in `style-src` refuses style attributes, and the popups would be left wherever
// their stylesheet alone puts them.

function renderToolbar({ ui, selection, cursor, actions, host }: ArticleLayer) {
  const current = selection.current;
  const menu = ui.kind === 'cursor-menu';
  if (!menu && (ui.kind !== 'idle' || !current || cursor.active)) return nothing;
  // The page's ::part(toolbar) styles the toolbar's own box, which paints it (its host paints nothing).
  return html`<plaudit-selection-toolbar
    exportparts="base: toolbar"
    popover="manual"
    ${styleProps(menu ? placeNear(ui.range.getBoundingClientRect(), 0) : placeNear(current!.rect, current!.touch ? 28 : 0))}
    label=${host.t(menu ? 'toolbarSentence' : 'toolbarSelection')}
    @plaudit-toolbar-action=${(e: ToolbarActionEvent) => void actions.toolbar(e.action)}
    @plaudit-toolbar-dismiss=${() => actions.dismissToolbar()}
  ></plaudit-selection-toolbar>`;
}

function renderPopup({ ui, store, actions, host }: ArticleLayer) {
  const close = () => actions.closePopup();
  if (ui.kind === 'editor') {
    // A modal dialog in the top layer, which places itself next to its passage.
    return html`<plaudit-note-editor
      .passage=${ui.range ?? (ui.id ? store.get(ui.id)?.range : null) ?? null}
      .heading=${host.t(ui.id && store.get(ui.id)?.note ? 'editNote' : 'addNote')}
      .value=${ui.note}
      .quote=${ui.quote}
      .visibility=${ui.visibility}
      .error=${ui.error ?? ''}
      @plaudit-note-save=${(e: NoteSaveEvent) => void actions.saveNote(e.text, e.visibility)}
      @plaudit-note-cancel=${() => actions.cancelEditor()}
    ></plaudit-note-editor>`;
  }
  if (ui.kind === 'card') {
    const view = store.get(ui.id);
    if (!view?.range) return nothing;
    return renderAnnotationCard(view, placeNear(view.range.getBoundingClientRect(), MARGIN, 320, 180), {
      edit: (id) => void actions.editNote(id),
      remove: (id) => void actions.remove(id),
      copy: (id) => void actions.copyAnnotationLink(id),
      close,
    }, host);
  }
  if (ui.kind === 'chooser') {
    const views = ui.ids.map((id) => store.get(id)).filter((v): v is AnnotationView => !!v);
    const style = placeNear(new DOMRect(ui.x, ui.y, 0, 16), MARGIN, 320, 60 + 44 * views.length);
    return renderChooser(views, style, (id) => void actions.openCard(id, null), close, host);
  }
  return ui.kind === 'link' ? renderLinkFallback(ui.url, close, host) : nothing;
}

function renderPanel(layer: ArticleLayer) {
  const { actions, store } = layer;
  const onAction = ({ action, id, source }: PanelActionEvent) => {
    if (action === 'close' || action === 'read') {
      actions.closePanel();
      if (action === 'read') layer.cursor.start();
    } else if (id === null) return;
    else if (action === 'select') void actions.openCard(id, source);
    else if (action === 'edit') void actions.editNote(id, source);
    else if (action === 'copy') void actions.copyAnnotationLink(id);
    else {
      // The item goes away: focus moves to the next one (or the previous, or the panel).
      const views = store.views;
      const index = views.findIndex((v) => v.id === id);
      const next = views[index + 1] ?? views[index - 1];
      // Not deleted (storage refused): focus stays where it is, on the item.
      void actions.remove(id).then(async (deleted) => {
        if (!deleted) return;
        await layer.panel?.updateComplete;
        layer.panel?.focusItem(next?.id ?? null);
      });
    }
  };
  return html`<plaudit-notes-panel
    class="panel"
    exportparts="base: panel"
    popover="manual"
    dir=${layer.host.locale.dir}
    .views=${store.views}
    @plaudit-panel-action=${onAction}
  ></plaudit-notes-panel>`;
}

/**
 * A bar at the foot of the viewport, until the reader acts or dismisses it:
 * a write the browser refused (an alert, heard at once, with Try again), or a
 * deletion with Undo. Dismiss leaves focus near, not at the page's start.
 */
function renderBar(kind: 'notice' | 'undo', message: string, label: string, run: () => unknown, dismiss: () => void, layer: ArticleLayer) {
  const { host } = layer;
  return html`<div class=${kind} part=${kind} popover="manual" dir=${host.locale.dir} role=${kind === 'notice' ? 'alert' : nothing}>
    <span>${message}</span>
    <button type="button" @click=${run}>${label}</button>
    <button
      type="button"
      @click=${() => {
        dismiss();
        layer.actions.focusNear();
      }}
    >
      ${host.t('dismiss')}
    </button>
  </div>`;
}

/** Everything that floats over the article, in the element's shadow root. */
export function renderArticleOverlays(layer: ArticleLayer) {
  const { undo, cursor, actions, notice, host } = layer;
  return html`${renderToolbar(layer)}${renderPopup(layer)}${layer.panelOpen ? renderPanel(layer) : nothing}
    ${notice ? renderBar('notice', notice.message, host.t('tryAgain'), () => actions.retryNotice(), () => actions.dismissNotice(), layer) : nothing}
    ${undo.pending ? renderBar('undo', `${undo.pending.message}.`, host.t('undo'), () => actions.undoDelete(), () => undo.dismiss(), layer) : nothing}
    ${cursor.active
      ? html`<div
          class="cursor"
          part="cursor"
          popover="manual"
          dir=${host.locale.dir}
          role="application"
          tabindex="0"
          aria-roledescription=${host.t('readingCursorRole')}
          aria-label=${host.t('readingCursor')}
          aria-describedby="cursor-help"
          @keydown=${(e: KeyboardEvent) => layer.cursorActions.cursorKey(e)}
        >
          <span id="cursor-help">${host.t('readingCursorHelp')}</span>
        </div>
        <i class="mark" ${styleProps(layer.cursorActions.mark)}></i>`
      : nothing}`;
}
