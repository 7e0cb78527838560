import { html, nothing } from 'lit-html';
import { quoteText } from '../../core/anchor-selectors.js';
import type { ModerationStatus, ReviewItem } from '../../sync/protocol.js';
import { formatTime } from './review-format.js';

export const STATUS_LABEL: Record<ModerationStatus, string> = { new: 'New', reviewed: 'Reviewed', hidden: 'Hidden' };

const ANCHOR_LABEL = {
  anchored: 'Anchored in the current text',
  moved: 'Found again after the text changed',
  orphan: 'Orphan: no longer found in the current text',
  unchecked: 'Not checked: no registered text',
} as const;

export const kindOf = (item: ReviewItem): 'note' | 'highlight' => (item.annotation.body?.value ? 'note' : 'highlight');

export const quoteOf = (item: ReviewItem): string => quoteText(item.annotation);

/** One row of the list: status, kind, story, the quote and the note (clamped), reader and time. */
export function itemRow(item: ReviewItem, showStory: boolean) {
  const kind = kindOf(item);
  return html`<span class="row-head">
      <span class="badge ${item.status}">${STATUS_LABEL[item.status]}</span>
      <span class="kind">${kind === 'note' ? 'Note' : 'Highlight'}</span>
      ${showStory ? html`<span class="story">${item.storyTitle}</span>` : nothing}
      ${item.anchor.status === 'orphan' ? html`<span class="badge orphan">Orphan</span>` : nothing}
    </span>
    <q class="row-quote">${quoteOf(item)}</q>
    ${kind === 'note' ? html`<span class="row-note">${item.annotation.body!.value}</span>` : nothing}
    <span class="row-meta">${item.reader} · ${formatTime(item.annotation.created)}</span>`;
}

/** The active item in full: quote in its context, the whole note, who, when, anchoring and status. */
export function itemDetail(item: ReviewItem) {
  const a = item.annotation;
  const edited = a.modified && a.modified !== a.created;
  return html`<p class="detail-story">${item.storyTitle}</p>
    <blockquote class="context">${item.anchor.before ? html`<span class="ctx">…${item.anchor.before}</span>` : nothing}<mark>${quoteOf(item)}</mark>${
      item.anchor.after ? html`<span class="ctx">${item.anchor.after}…</span>` : nothing}</blockquote>
    ${kindOf(item) === 'note' ? html`<p class="note-text">${a.body!.value}</p>` : html`<p class="empty">A highlight, without a note.</p>`}
    <dl>
      <dt>Reader</dt><dd>${item.reader}</dd>
      <dt>Created</dt><dd>${formatTime(a.created)}${edited ? html`, edited ${formatTime(a.modified)}` : nothing}</dd>
      <dt>Anchoring</dt><dd>${ANCHOR_LABEL[item.anchor.status]}</dd>
      <dt>Status</dt><dd>${STATUS_LABEL[item.status]}</dd>
    </dl>`;
}
