import { css } from '../shared/lite-element.js';

export const styles = css`
  /* Defaults as fallbacks, not set on the host: a page's value on :root or an ancestor must reach here. */
  :host {
    --_error: var(--plaudit-sync-status-error-color, #a4161a);
    display: block;
    color: var(--plaudit-sync-status-color, currentColor);
    font-size: var(--plaudit-sync-status-font-size, 13px);
    line-height: 1.4;
  }
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .error {
    color: var(--_error);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_error: var(--plaudit-sync-status-error-color, #ff8a80);
    }
  }
  ul {
    margin: 0.25em 0 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  button {
    font: inherit;
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
    border-radius: 0.3em;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid Highlight;
    outline-offset: 2px;
  }
`;
