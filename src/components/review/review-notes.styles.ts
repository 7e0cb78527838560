import { css } from '../shared/lite-element.js';
import { sharedReviewStyles } from './review-shared.styles.js';

export const reviewNotesStyles = sharedReviewStyles + css`
  .filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: end; }
  .filters label { display: grid; gap: 2px; font-size: 0.9em; }
  .filters .grow { flex: 1 1 14em; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-block: 12px 8px; }
  .actions .count { margin: 0 auto 0 0; }
  .split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; align-items: start; }
  @media (max-width: 760px) { .split { grid-template-columns: 1fr; } }
  .scroller {
    position: relative; overflow: auto; block-size: min(70vh, 620px);
    border: 1px solid var(--border); border-radius: 8px; contain: strict;
  }
  .spacer { position: relative; inline-size: 100%; }
  .row {
    position: absolute; inset-inline: 0; inset-block-start: 0; block-size: 96px; overflow: hidden;
    display: grid; align-content: start; gap: 2px; padding: 8px 12px; border-block-end: 1px solid var(--rule); cursor: default;
  }
  .row[aria-selected='true'] { background: var(--active); box-shadow: inset 4px 0 0 var(--accent); }
  .row.hidden .row-note, .row.hidden .row-quote { text-decoration: line-through; color: var(--muted); }
  .row-head { display: flex; gap: 8px; align-items: center; font-size: 0.85em; min-inline-size: 0; }
  .row-head .story { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .row-quote, .row-note { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .row-quote { font-style: italic; }
  .row-meta { font-size: 0.8em; color: var(--muted); }
  .detail { border: 1px solid var(--border); border-radius: 8px; padding: 12px 16px; position: sticky; inset-block-start: 8px; }
  .detail-story { margin: 0; font-weight: 600; }
  .context { margin: 8px 0; padding-inline-start: 12px; border-inline-start: 3px solid var(--border); }
  .context .ctx { color: var(--muted); }
  .context mark { background: var(--mark); color: inherit; }
  .note-text { white-space: pre-wrap; overflow-wrap: anywhere; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; font-size: 0.9em; }
  dt { color: var(--muted); }
  dd { margin: 0; }
  .import { border: 1px solid var(--border); border-radius: 8px; padding: 8px 16px; margin-block: 8px; }
  .import h4 { margin: 4px 0; font-size: 1em; }
  .import progress { inline-size: 100%; }
  .rejected { max-block-size: 12em; overflow: auto; font-size: 0.9em; }
  .rejected code { overflow-wrap: anywhere; }
  dialog { border: 1px solid var(--border); border-radius: 10px; max-inline-size: min(32em, 92vw); color: inherit; background: var(--surface); }
  dialog h3 { font-size: 1.1em; margin-block-start: 0; }
`;
