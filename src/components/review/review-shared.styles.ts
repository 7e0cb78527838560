import { css } from '../shared/lite-element.js';

/** What every part of the review shares: the type scale, controls, focus and status colours. */
export const sharedReviewStyles = css`
  :host {
    display: block;
    color: var(--plaudit-text, #1f2328);
    font: 400 var(--plaudit-font-size, 15px)/1.45 var(--plaudit-font, system-ui, sans-serif);
    --accent: var(--plaudit-accent, #b3411f);
    --muted: var(--plaudit-muted, #57606a);
    --border: var(--plaudit-border, #8c959f);
    --surface: var(--plaudit-surface, #ffffff);
  }
  * { box-sizing: border-box; }
  button, select, input, .button {
    font: inherit;
    color: inherit;
    background: var(--surface);
    border: 1px solid var(--border);
    border-radius: 6px;
    padding: 4px 10px;
    min-block-size: 32px;
  }
  button, .button { cursor: pointer; }
  button:disabled { cursor: default; opacity: 0.55; }
  :focus-visible { outline: 3px solid var(--plaudit-focus-ring, #0969da); outline-offset: 2px; }
  .visually-hidden {
    position: absolute !important; inline-size: 1px; block-size: 1px; overflow: hidden;
    clip-path: inset(50%); white-space: nowrap; margin: -1px; padding: 0; border: 0;
  }
  .empty, .note, .footnote, .keys, .count { color: var(--muted); }
  .error { color: #a40e26; }
  .badge { border-radius: 999px; padding: 0 8px; font-size: 0.8em; border: 1px solid currentColor; }
  .badge.new { color: #0a5c36; }
  .badge.reviewed { color: var(--muted); }
  .badge.hidden { color: #a40e26; }
  .badge.orphan { color: #8a4600; }
  kbd { font: 0.8em ui-monospace, monospace; border: 1px solid var(--border); border-radius: 4px; padding: 0 4px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-block: 8px; }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
`;
