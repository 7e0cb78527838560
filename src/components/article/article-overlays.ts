import { html, nothing } from 'lit';
import { NoteVisibility } from '../../core/annotation.js';
import type { AnnotationView } from '../../controllers/annotation-controller.js';
import type { NoteSaveEvent } from '../note-editor/note-editor.component.js';
import type { PanelActionEvent } from '../notes-panel/notes-panel.component.js';
import type { ToolbarActionEvent } from '../selection-toolbar/selection-toolbar.component.js';
import { renderAnnotationCard, renderChooser, renderLinkFallback } from './annotation-card.js';
import type { PlauditArticleElement } from './article.component.js';

const MARGIN = 8;

/**
 * Fixed-position style next to a passage: above it, or below when `below`
 * (touch: the platform's own selection menu appears above) or when there is no
 * room above. Horizontally centred on the passage, kept inside the viewport.
 */
export function placeNear(rect: DOMRect, below: boolean, width = 300): string {
  const vw = innerWidth;
  const half = Math.min(width, vw - 2 * MARGIN) / 2;
  const x = Math.max(MARGIN + half, Math.min(vw - MARGIN - half, rect.left + rect.width / 2));
  const under = below || rect.top < 64;
  const top = under ? Math.min(rect.bottom + (below ? 28 : MARGIN), innerHeight - 56) : rect.top - MARGIN;
  return `left:${x}px;top:${Math.max(MARGIN, top)}px;transform:translate(-50%, ${under ? '0' : '-100%'})`;
}

/** Below a passage, left-aligned with it, kept inside the viewport (cards and the editor). */
function placeUnder(rect: DOMRect, width: number, height: number): string {
  const left = Math.max(MARGIN, Math.min(innerWidth - width - MARGIN, rect.left));
  const fitsBelow = rect.bottom + MARGIN + height < innerHeight;
  const top = fitsBelow ? rect.bottom + MARGIN : Math.max(MARGIN, rect.top - height - MARGIN);
  return `left:${left}px;top:${Math.max(MARGIN, Math.min(top, innerHeight - height - MARGIN))}px`;
}

function renderToolbar(host: PlauditArticleElement) {
  const { ui } = host;
  const selection = host.selection.current;
  let style: string | null = null;
  let label = 'Annotate selection';
  if (ui.kind === 'cursor-menu') {
    style = placeNear(ui.range.getBoundingClientRect(), false);
    label = 'Annotate sentence';
  } else if (ui.kind === 'idle' && selection && !host.cursor.active) {
    style = placeNear(selection.rect, selection.touch);
  }
  if (style === null) return nothing;
  return html`<plaudit-selection-toolbar
    class="floating"
    part="toolbar"
    style=${style}
    label=${label}
    @plaudit-toolbar-action=${(e: ToolbarActionEvent) => void host.actions.toolbar(e.action)}
    @plaudit-toolbar-dismiss=${() => host.actions.dismissToolbar()}
  ></plaudit-selection-toolbar>`;
}

function renderEditor(host: PlauditArticleElement) {
  const { ui } = host;
  if (ui.kind !== 'editor') return nothing;
  const range = ui.range ?? host.store.get(ui.id ?? '')?.range ?? null;
  const style = range ? placeUnder(range.getBoundingClientRect(), 360, 340) : 'left:50%;top:20%;transform:translateX(-50%)';
  return html`<plaudit-note-editor
    class="floating"
    style=${style}
    heading=${ui.id && host.store.get(ui.id)?.note ? 'Edit note' : 'Add note'}
    .value=${ui.note}
    .quote=${ui.quote}
    .visibility=${ui.visibility ?? NoteVisibility.Private}
    @plaudit-note-save=${(e: NoteSaveEvent) => void host.actions.saveNote(e.text, e.visibility)}
    @plaudit-note-cancel=${() => host.actions.cancelEditor()}
  ></plaudit-note-editor>`;
}

function renderPopup(host: PlauditArticleElement) {
  const { ui, actions } = host;
  const close = () => actions.closePopup();
  if (ui.kind === 'card') {
    const view = host.store.get(ui.id);
    if (!view?.range) return nothing;
    return renderAnnotationCard(view, placeUnder(view.range.getBoundingClientRect(), 320, 180), {
      edit: (id) => void actions.editNote(id),
      remove: (id) => void actions.remove(id),
      copy: (id) => void actions.copyAnnotationLink(id),
      close,
    });
  }
  if (ui.kind === 'chooser') {
    const views = ui.ids.map((id) => host.store.get(id)).filter((v): v is AnnotationView => Boolean(v));
    const style = placeUnder(new DOMRect(ui.x, ui.y, 0, 16), 320, 60 + 44 * views.length);
    return renderChooser(views, style, (id) => void actions.openCard(id, null), close);
  }
  if (ui.kind === 'link') return renderLinkFallback(ui.url, 'left:50%;top:30%;transform:translateX(-50%)', close);
  return nothing;
}

function renderPanel(host: PlauditArticleElement) {
  if (!host.panelOpen) return nothing;
  const { actions } = host;
  const onAction = (e: PanelActionEvent) => {
    const from = e.source;
    if (e.action === 'close') actions.closePanel();
    else if (e.action === 'read') {
      actions.closePanel();
      host.startReadingCursor();
    } else if (e.id === null) return;
    else if (e.action === 'select') void actions.openCard(e.id, from);
    else if (e.action === 'edit') void actions.editNote(e.id, from);
    else if (e.action === 'delete') {
      // The item goes away: focus moves to the next one (or the previous, or the panel).
      const views = host.store.views;
      const index = views.findIndex((v) => v.id === e.id);
      const next = views[index + 1] ?? views[index - 1] ?? null;
      void actions.remove(e.id).then(() => host.panel?.updateComplete).then(() => host.panel?.focusItem(next?.id ?? null));
    }
    else if (e.action === 'copy') void actions.copyAnnotationLink(e.id);
  };
  return html`<plaudit-notes-panel
    class="panel"
    part="panel"
    .views=${host.store.views}
    @plaudit-panel-action=${onAction}
  ></plaudit-notes-panel>`;
}

function renderUndo(host: PlauditArticleElement) {
  const pending = host.undo.pending;
  if (!pending) return nothing;
  return html`<div class="undo" part="undo">
    <span>${pending.message}.</span>
    <button type="button" @click=${() => void host.actions.undoDelete()}>Undo</button>
  </div>`;
}

function renderCursor(host: PlauditArticleElement) {
  if (!host.cursor.active) return nothing;
  return html`<div
      class="cursor"
      part="cursor"
      role="application"
      tabindex="0"
      aria-roledescription="reading cursor"
      aria-label="Reading cursor"
      aria-describedby="cursor-help"
      @keydown=${(e: KeyboardEvent) => host.cursorActions.cursorKey(e)}
    >
      <span id="cursor-help"
        >Reading cursor: arrow keys move by sentence, Ctrl+arrows by paragraph, Enter to highlight or add a
        note, Escape to leave.</span
      >
    </div>`;
}

/** Everything that floats over the article, in the element's shadow root. */
export function renderArticleOverlays(host: PlauditArticleElement) {
  return html`${renderToolbar(host)}${renderEditor(host)}${renderPopup(host)}${renderPanel(host)}${renderUndo(
    host,
  )}${renderCursor(host)}`;
}
