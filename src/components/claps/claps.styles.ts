import { css } from '../shared/lite-element.js';

// Lean on purpose: this sheet ships in the 10 KB claps-only bundle.
export const clapsStyles = css`
  :host {
    /* The host page's resets and odd root font sizes stop here. */
    all: initial;
    display: inline-block;
    visibility: inherit;
    color: var(--plaudit-text-color, inherit);
    font: var(--plaudit-font-size, 15px) / 1.4 var(--plaudit-font, system-ui, sans-serif);
    --a: var(--plaudit-accent, #b3411f);
    --c: var(--plaudit-accent-contrast, #fff);
  }
  :host([hidden]) {
    display: none;
  }
  button {
    all: unset;
    cursor: pointer;
  }
  .base,
  button {
    display: flex;
    align-items: center;
    gap: 0.9em;
  }
  .stage {
    position: relative;
  }
  button:focus-visible {
    outline: 3px solid var(--a);
    outline-offset: 2px;
  }
  .clap {
    justify-content: center;
    width: var(--plaudit-clap-size, 56px);
    height: var(--plaudit-clap-size, 56px);
    border: 1.5px solid var(--a);
    border-radius: 50%;
    color: var(--a);
    touch-action: manipulation;
    user-select: none;
    -webkit-user-select: none;
    transition: scale 0.12s;
  }
  .clapped,
  .bubble {
    background: var(--a);
    color: var(--c);
  }
  .active {
    scale: 1.08;
  }
  svg {
    width: 58%;
  }
  .bubble {
    position: absolute;
    bottom: calc(100% + 6px);
    left: 50%;
    translate: -50% 8px;
    padding: 0.3em 0.6em;
    border-radius: 1em;
    font-weight: 700;
    opacity: 0;
    transition: 0.3s;
  }
  .shown {
    opacity: 1;
    translate: -50%;
  }
  .tally {
    display: grid;
    font-variant-numeric: tabular-nums;
  }
  strong {
    font-size: 1.25em;
  }
  .mine,
  .undo {
    opacity: 0.75;
    font-size: 0.87em;
  }
  .undo {
    text-decoration: underline;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
