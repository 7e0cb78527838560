import { css } from '../shared/lite-element.js';

/** What every part of the review shares: the type scale, controls, focus and status colours. */
export const sharedReviewStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    --accent: var(--plaudit-accent, #b3411f);
    --accent-contrast: var(--plaudit-accent-contrast, #ffffff);
    --text: var(--plaudit-text, #1f2328);
    --muted: var(--plaudit-muted, #57606a);
    --border: var(--plaudit-border, #8c959f);
    --surface: var(--plaudit-surface, #ffffff);
    --rule: #d0d7de;
    --link: #0550ae;
    --active: #fff4e5;
    --mark: #ffe58f;
    --error: #a40e26;
    --ok: #0a5c36;
    --warn: #8a4600;
    color: var(--text);
    font: 400 var(--plaudit-font-size, 15px)/1.45 var(--plaudit-font, system-ui, sans-serif);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --accent: var(--plaudit-accent, #e0714f);
      --accent-contrast: var(--plaudit-accent-contrast, #111111);
      --text: var(--plaudit-text, #f0f3f6);
      --muted: var(--plaudit-muted, #9da7b3);
      --border: var(--plaudit-border, #6e7681);
      --surface: var(--plaudit-surface, #1f2328);
      --rule: #30363d;
      --link: #8ab4ff;
      --active: #3b2a18;
      --mark: #6b5a12;
      --error: #ff8a80;
      --ok: #7ee2a8;
      --warn: #f0b46c;
    }
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
  .error { color: var(--error); }
  .badge { border-radius: 999px; padding: 0 8px; font-size: 0.8em; border: 1px solid currentColor; }
  .badge.new { color: var(--ok); }
  .badge.reviewed { color: var(--muted); }
  .badge.hidden { color: var(--error); }
  .badge.orphan { color: var(--warn); }
  kbd { font: 0.8em ui-monospace, monospace; border: 1px solid var(--border); border-radius: 4px; padding: 0 4px; }
  .buttons { display: flex; flex-wrap: wrap; gap: 8px; margin-block: 8px; }
  @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
`;
