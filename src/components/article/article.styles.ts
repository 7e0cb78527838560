import { css } from '../shared/lite-element.js';

/**
 * The shell's styles, loaded up front: the host, the bar and the buttons every
 * part of the widget shares. What only the annotation layer shows is styled in
 * `article-layer.styles.ts`, adopted when the layer loads.
 */
export const articleStyles = css`
  :host {
    display: block;
    position: relative;
  }
  /*
   * Pixels, not rem: a page's odd root font size must not resize the widget. On
   * every element of the shadow tree but the slot (a child of the shadow root,
   * so it inherits from the host), so the article's own text never sees it.
   */
  :not(slot) {
    --_font: 400 var(--plaudit-font-size, 15px)/1.4 var(--plaudit-font, system-ui, sans-serif);
    /* The colours every popup uses: the page's, or Plaudit's defaults for light and dark mode. */
    --_surface: var(--plaudit-surface, #fff);
    --_text: var(--plaudit-text, #1f2328);
    --_link: var(--plaudit-link-color, #0b57d0);
    --_ring: var(--plaudit-focus-ring, #0b57d0);
  }
  /* Text styles a page sets on the article's containers would reach the widget's own UI by inheritance. */
  .bar,
  [popover],
  plaudit-note-editor {
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    white-space: normal;
  }
  :host([hidden]) {
    display: none;
  }
  .overlay {
    position: absolute;
    inset: 0 auto auto 0;
    width: 0;
    height: 0;
    pointer-events: none;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 12px;
    margin: 16px 0;
    font: var(--_font);
  }
  button {
    font: inherit;
    color: inherit;
    min-height: 36px;
    padding: 4px 12px;
    border-radius: 4px;
    border: 1px solid var(--plaudit-border, #8c959f);
    background: var(--_surface, #fff);
    cursor: pointer;
  }
  .bar button {
    color: var(--_text, #1f2328);
  }
  .hint {
    font-size: 0.9333em;
  }
  button:focus-visible {
    outline: 2px solid var(--_ring, #0b57d0);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-color-scheme: dark) {
    :not(slot) {
      --_surface: var(--plaudit-surface, #1f2328);
      --_text: var(--plaudit-text, #f0f3f6);
      --_link: var(--plaudit-link-color, #8ab4ff);
      --_ring: var(--plaudit-focus-ring, #8ab4ff);
    }
  }
`;
