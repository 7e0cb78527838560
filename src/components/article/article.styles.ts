import { css } from 'lit';

export const articleStyles = css`
  :host {
    display: block;
    position: relative;
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
    font: var(--plaudit-font, 400 0.9375rem/1.4 system-ui, sans-serif);
  }
  .bar button,
  .popover button,
  .undo button {
    font: inherit;
    color: inherit;
    min-height: 36px;
    padding: 4px 12px;
    border-radius: 4px;
    border: 1px solid var(--plaudit-border, #8c959f);
    background: var(--plaudit-surface, #ffffff);
    cursor: pointer;
  }
  .bar button {
    color: var(--plaudit-text, #1f2328);
  }
  .hint {
    font-size: 0.875rem;
  }
  .floating,
  .popover,
  .undo,
  .cursor {
    position: fixed;
    z-index: 2147483000;
  }
  .popover {
    box-sizing: border-box;
    width: min(320px, calc(100vw - 16px));
    padding: 10px 12px;
    border-radius: var(--plaudit-radius, 8px);
    background: var(--plaudit-surface, #ffffff);
    color: var(--plaudit-text, #1f2328);
    border: 1px solid var(--plaudit-border, #8c959f);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
    font: var(--plaudit-font, 400 0.9375rem/1.4 system-ui, sans-serif);
  }
  .popover p {
    margin: 0 0 6px;
  }
  .popover .quote {
    font-style: italic;
  }
  .popover .note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .popover .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .chooser ul {
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
  .link input {
    display: block;
    width: 100%;
    box-sizing: border-box;
    margin: 6px 0;
    font: inherit;
  }
  .panel {
    position: fixed;
    z-index: 2147483000;
    top: 0;
    right: 0;
    bottom: 0;
  }
  @media (max-width: 600px) {
    .panel {
      top: 45vh;
      left: 0;
    }
  }
  .undo,
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
    color: var(--plaudit-toolbar-color, #ffffff);
    font: var(--plaudit-font, 400 0.9375rem/1.4 system-ui, sans-serif);
    max-width: calc(100vw - 32px);
  }
  .undo button {
    background: transparent;
    border-color: currentColor;
  }
  .cursor:focus-visible,
  .popover:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--plaudit-focus-ring, #0b57d0);
    outline-offset: 2px;
  }
  .popover:focus {
    outline: 2px solid var(--plaudit-focus-ring, #0b57d0);
  }
  a {
    color: var(--plaudit-link-color, #0b57d0);
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
    :host {
      --plaudit-surface: var(--plaudit-surface-dark, #1f2328);
      --plaudit-text: var(--plaudit-text-dark, #f0f3f6);
      --plaudit-link-color: #8ab4ff;
      --plaudit-focus-ring: #8ab4ff;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
