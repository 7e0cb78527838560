import { css } from '../shared/lite-element.js';

export const noteEditorStyles = css`
  :host {
    display: block;
    --_error: var(--plaudit-error-color, #b3261e);
  }
  /* On the dark surface: the light-mode red would be 2.4:1. */
  @media (prefers-color-scheme: dark) {
    :host {
      --_error: var(--plaudit-error-color, #ff8a80);
    }
  }
  /* A modal <dialog>, in the top layer. Centred here, not by the user agent's insets (which
     stretch it to the viewport's height in WebKit); beside its passage, the element sets left,
     top and transform. */
  [open] {
    display: grid;
    gap: 8px;
    margin: 0;
    inset: auto;
    height: auto;
    left: 50%;
    top: 50%;
    transform: translate(-50%, -50%);
  }
  [part='base'] {
    width: min(360px, calc(100vw - 24px));
    box-sizing: border-box;
    padding: 12px;
    border-radius: var(--plaudit-radius, 8px);
    background: var(--_surface, #fff);
    color: var(--_text, #1f2328);
    border: 1px solid var(--plaudit-border, #8c959f);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
    /* The article's UI font (--_font, set on its host): custom properties reach into this shadow root. */
    font: var(--_font);
  }
  h2 {
    font-size: 1.0667em;
    margin: 0;
  }
  blockquote {
    margin: 0;
    padding-inline-start: 8px;
    border-inline-start: 3px solid #b48a00;
    max-height: 4.2em;
    overflow: hidden;
    font-style: italic;
  }
  label {
    font-weight: 600;
  }
  textarea {
    font: inherit;
    min-height: 6em;
    resize: vertical;
    padding: 6px;
    color: inherit;
    background: transparent;
    border: 1px solid var(--plaudit-border, #8c959f);
    border-radius: 4px;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .counter {
    font-size: 0.8667em;
    text-align: end;
  }
  .error {
    color: var(--_error);
    font-size: 0.9333em;
    margin: 0;
  }
  .share {
    display: flex;
    gap: 6px;
    align-items: center;
  }
  .actions {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
  }
  button {
    font: inherit;
    min-height: 36px;
    padding: 4px 14px;
    border-radius: 4px;
    border: 1px solid var(--plaudit-border, #8c959f);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button.primary {
    background: var(--plaudit-accent, #0b57d0);
    border-color: var(--plaudit-accent, #0b57d0);
    color: var(--plaudit-accent-contrast, #ffffff);
  }
  :focus-visible {
    outline: 2px solid var(--_ring, #0b57d0);
    outline-offset: 2px;
  }
`;
