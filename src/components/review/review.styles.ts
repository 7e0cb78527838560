import { css } from '../shared/lite-element.js';
import { sharedReviewStyles } from './review-shared.styles.js';

export const reviewStyles = sharedReviewStyles + css`
  /* Its own surface: the text stays readable whatever the page's background and colour scheme. */
  [part='base'] { max-inline-size: 72em; margin-inline: auto; background: var(--surface); color: var(--text); padding: 12px 16px; border-radius: 10px; }
  .bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; border-block-end: 1px solid var(--border); padding-block-end: 8px; }
  .bar .title { font-size: 1.3em; margin: 0 auto 0 0; }
  nav { display: flex; gap: 4px; }
  nav button[aria-current='page'] { background: var(--accent); color: var(--accent-contrast); border-color: var(--accent); }
  .source { color: var(--muted); margin-block: 8px; font-size: 0.9em; }
  .section-head { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; justify-content: space-between; }
  .search { display: grid; gap: 2px; font-size: 0.9em; }
  h3 { font-size: 1.2em; }
  h4 { font-size: 1.05em; margin-block: 24px 8px; }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; inline-size: 100%; font-variant-numeric: tabular-nums; }
  th, td { text-align: end; padding: 6px 8px; border-block-end: 1px solid var(--rule); white-space: nowrap; }
  th:first-child, td:first-child { text-align: start; white-space: normal; }
  thead th { padding: 0; }
  button.sort { border: 0; background: none; inline-size: 100%; text-align: inherit; font-weight: 600; padding: 6px 8px; border-radius: 0; }
  button.link { border: 0; background: none; padding: 0; color: var(--link); text-decoration: underline; text-align: start; min-block-size: 0; }
  .story-url { margin-inline-start: 6px; text-decoration: none; }
  .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(8em, 1fr)); gap: 8px; margin: 0; }
  .stats div { border: 1px solid var(--border); border-radius: 8px; padding: 6px 10px; }
  .stats dt { font-size: 0.85em; color: var(--muted); }
  .stats dd { margin: 0; font-size: 1.3em; font-variant-numeric: tabular-nums; }
  .chart { margin: 0; }
  .chart svg { inline-size: 100%; block-size: auto; max-block-size: 220px; }
  .chart .bar { fill: var(--accent); }
  .chart .line { stroke: var(--link); stroke-width: 2; }
  .chart .axis { stroke: var(--border); }
  .chart .tick { font-size: 11px; fill: var(--muted); }
  .chart .line-tick { fill: var(--link); }
  .chart figcaption { font-size: 0.85em; color: var(--muted); }
  .key { display: inline-block; inline-size: 12px; block-size: 12px; vertical-align: middle; }
  .bar-key { background: var(--accent); }
  .line-key { border-block-start: 2px solid var(--link); block-size: 0; }
  .chart table { inline-size: auto; }
  .heat { max-block-size: 32em; overflow: auto; border: 1px solid var(--border); border-radius: 8px; padding: 0 16px; }
  .heat p { max-inline-size: 40em; line-height: 1.7; }
  .heat mark, .swatch { color: #1f2328; border-radius: 2px; }
  .h1 { background: #fff3c4; } .h2 { background: #ffe08a; } .h3 { background: #ffc857; }
  .h4 { background: #ff9f43; } .h5 { background: #f0652f; }
  .heat-legend { display: flex; gap: 4px; align-items: center; font-size: 0.85em; color: var(--muted); }
  .swatch { display: inline-block; inline-size: 18px; block-size: 12px; }
  .passages li { margin-block: 6px; }
  .passages .counts { color: var(--muted); font-size: 0.9em; margin-inline-start: 6px; }
  form.sign-in { display: grid; gap: 8px; max-inline-size: 24em; margin-block: 24px; }
  form.sign-in label { display: grid; gap: 4px; }
  dialog { border: 1px solid var(--border); border-radius: 10px; max-inline-size: min(32em, 92vw); color: inherit; background: var(--surface); }
  dialog h3 { margin-block-start: 0; }
  dialog table th, dialog table td { white-space: normal; }
`;
