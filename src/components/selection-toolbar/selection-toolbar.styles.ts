import { css } from '../shared/lite-element.js';

// No display for the host: it is positioned (a popover, or fixed), so a block that fits its buttons.
export const selectionToolbarStyles = css`
  [part='base'] {
    display: flex;
    gap: 2px;
    padding: 4px;
    border-radius: var(--plaudit-radius, 8px);
    background: var(--plaudit-toolbar-background, #1f2328);
    color: var(--plaudit-toolbar-color, #ffffff);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.25);
    font: 500 calc(var(--plaudit-font-size, 15px) * 0.9333)/1.2 var(--plaudit-font, system-ui, sans-serif);
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 0;
    border-radius: calc(var(--plaudit-radius, 8px) - 3px);
    min-height: 36px;
    min-width: 44px;
    padding: 6px 10px;
    cursor: pointer;
  }
  button:hover {
    background: rgb(255 255 255 / 0.16);
  }
  button:focus-visible {
    outline: 2px solid var(--plaudit-focus-ring, #8ab4ff);
    outline-offset: 1px;
  }
  @media (pointer: coarse) {
    button {
      min-height: 44px;
    }
  }
`;
