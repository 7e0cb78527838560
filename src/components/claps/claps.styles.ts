import { css } from 'lit';

export const clapsStyles = css`
  :host {
    /* The host page's resets and odd root font sizes stop here. */
    all: initial;
    display: inline-block;
    visibility: inherit;
    direction: inherit;
    color: var(--plaudit-text-color, inherit);
    font-family: var(--plaudit-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--plaudit-font-size, 15px);
    line-height: 1.4;
    --plaudit-accent: #b3411f;
    --plaudit-accent-contrast: #ffffff;
    --plaudit-clap-size: 56px;
    --plaudit-muted-color: color-mix(in srgb, currentColor 68%, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    display: flex;
    align-items: center;
    gap: 0.9em;
    flex-wrap: wrap;
  }
  .stage {
    position: relative;
    flex: none;
  }
  .clap {
    all: unset;
    box-sizing: border-box;
    display: grid;
    place-items: center;
    inline-size: var(--plaudit-clap-size);
    block-size: var(--plaudit-clap-size);
    border-radius: 50%;
    border: 1.5px solid color-mix(in srgb, var(--plaudit-accent) 55%, transparent);
    color: var(--plaudit-accent);
    background: transparent;
    cursor: pointer;
    touch-action: manipulation;
    user-select: none;
    -webkit-user-select: none;
    -webkit-touch-callout: none;
    transition: transform 120ms ease, background-color 120ms ease, border-color 120ms ease;
  }
  .clap:hover {
    border-color: var(--plaudit-accent);
  }
  .clap:focus-visible {
    outline: 3px solid var(--plaudit-accent);
    outline-offset: 3px;
  }
  .clap.active {
    transform: scale(1.08);
  }
  .clap.clapped {
    background: var(--plaudit-accent);
    color: var(--plaudit-accent-contrast);
    border-color: var(--plaudit-accent);
  }
  .clap[aria-disabled='true'] {
    cursor: default;
  }
  .icon {
    inline-size: 58%;
    block-size: 58%;
    pointer-events: none;
  }
  .bubble {
    position: absolute;
    inset-block-end: calc(100% + 6px);
    inset-inline-start: 50%;
    translate: -50% 0;
    min-inline-size: 2.6em;
    padding: 0.35em 0.6em;
    border-radius: 999px;
    background: var(--plaudit-accent);
    color: var(--plaudit-accent-contrast);
    font-weight: 700;
    font-size: 0.9em;
    text-align: center;
    opacity: 0;
    pointer-events: none;
  }
  .bubble.shown {
    opacity: 1;
    animation: rise 380ms ease-out;
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(10px) scale(0.8);
    }
  }
  .tally {
    display: grid;
    gap: 0.1em;
  }
  .total strong {
    font-size: 1.25em;
    font-variant-numeric: tabular-nums;
  }
  .mine,
  .hint {
    color: var(--plaudit-muted-color);
    font-size: 0.87em;
    font-variant-numeric: tabular-nums;
  }
  .hint {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
  }
  .undo {
    all: unset;
    box-sizing: border-box;
    padding: 0.35em 0.7em;
    border-radius: 6px;
    font-size: 0.87em;
    color: var(--plaudit-muted-color);
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  .undo:hover {
    color: inherit;
  }
  .undo:focus-visible {
    outline: 2px solid var(--plaudit-accent);
    outline-offset: 1px;
  }
  .sr-only {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    .clap,
    .bubble.shown {
      transition: none;
      animation: none;
    }
    .clap.active {
      transform: none;
    }
  }
  @media (forced-colors: active) {
    .clap.clapped {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .bubble {
      border: 1px solid CanvasText;
    }
  }
`;
