import { css } from '../shared/lite-element.js';

/**
 * What the annotation layer adds to `<plaudit-article>`'s shadow root: cards,
 * the chooser, the link field, the panel's place, the Undo bar, the storage-failure notice and the reading
 * cursor. Buttons, colours and the font come from the shell's styles.
 */
export const layerStyles = css`
  /*
   * Every floating part is a manual popover, shown in the top layer. The rules
   * after this one give each its box; this one undoes the user agent's (centred,
   * bordered, padded, on Canvas) and, without the Popover API, is the fallback.
   */
  [popover] {
    position: fixed;
    z-index: 2147483000;
    inset: auto;
    margin: 0;
    padding: 0;
    border: 0;
    background: none;
    height: auto;
  }
  .popover {
    box-sizing: border-box;
    width: min(320px, calc(100vw - 16px));
    padding: 10px 12px;
    border-radius: var(--plaudit-radius, 8px);
    background: var(--_surface, #fff);
    color: var(--_text, #1f2328);
    border: 1px solid var(--plaudit-border, #8c959f);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
    font: var(--_font);
  }
  .popover p {
    margin: 0 0 6px;
  }
  .quote {
    font-style: italic;
  }
  .note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  .chooser button {
    width: 100%;
    text-align: start;
  }
  input {
    display: block;
    width: 100%;
    box-sizing: border-box;
    margin: 6px 0;
    font: inherit;
  }
  /* At the end of the line: the right, or the left in a right-to-left language (its dir). */
  .panel {
    inset-block: 0;
    inset-inline: auto 0;
  }
  @media (max-width: 600px) {
    .panel {
      top: 45vh;
      inset-inline-start: 0;
    }
  }
  .undo,
  .notice,
  .cursor {
    left: 50%;
    bottom: 16px;
    transform: translateX(-50%);
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px 14px;
    border-radius: var(--plaudit-radius, 8px);
    background: var(--plaudit-toolbar-background, #1f2328);
    color: var(--plaudit-toolbar-color, #fff);
    font: var(--_font);
    max-width: calc(100vw - 32px);
  }
  /* Above the Undo bar, which can be shown at the same time. */
  .notice {
    bottom: 72px;
    flex-wrap: wrap;
    border-inline-start: 4px solid var(--plaudit-error-color, #f28b82);
  }
  .undo button,
  .notice button {
    background: transparent;
    border-color: currentColor;
  }
  /* An empty box over the reading cursor's sentence: what is scrolled into view (reading-cursor-actions.ts). */
  .mark {
    position: absolute;
  }
  .cursor:focus-visible,
  .popover:focus {
    outline: 2px solid var(--_ring, #0b57d0);
    outline-offset: 2px;
  }
  a {
    color: var(--_link, #0b57d0);
  }
`;
// Nothing here transitions or animates; the layer's only motion, scrolling, is
// smooth unless the reader prefers reduced motion (`scrollBehavior()`).
