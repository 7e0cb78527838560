import { css } from '../shared/lite-element.js';

export const notesPanelStyles = css`
  :host {
    display: block;
  }
  [part='base'] {
    box-sizing: border-box;
    width: min(380px, 100vw);
    overflow: auto;
    padding: 12px 16px 16px;
    background: var(--_surface, #fff);
    color: var(--_text, #1f2328);
    border-inline-start: 1px solid var(--plaudit-border, #8c959f);
    box-shadow: -8px 0 24px rgb(0 0 0 / 0.15);
    /* The article's UI font (--_font, set on its host): custom properties reach into this shadow root. */
    font: var(--_font);
    height: 100%;
  }
  [dir='rtl'] {
    box-shadow: 8px 0 24px rgb(0 0 0 / 0.15);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
  }
  h2 {
    font-size: 1.2em;
    margin: 0;
  }
  h3 {
    font-size: 1.0667em;
    margin: 20px 0 4px;
  }
  ol,
  ul {
    list-style: none;
    margin: 8px 0 0;
    padding: 0;
    display: grid;
    gap: 10px;
  }
  li {
    border: 1px solid var(--plaudit-border, #8c959f);
    border-radius: var(--plaudit-radius, 8px);
    padding: 8px 10px;
    /* Off-screen items of a long list skip style, layout and paint; text stays findable. */
    content-visibility: auto;
    contain-intrinsic-size: auto 110px;
  }
  .passage {
    display: block;
    width: 100%;
    text-align: start;
    font: inherit;
    font-style: italic;
    color: inherit;
    background: none;
    border: 0;
    border-inline-start: 3px solid #b48a00;
    padding: 2px 0;
    padding-inline-start: 8px;
    cursor: pointer;
  }
  li.has-note .passage {
    border-inline-start-color: #1e78e6;
  }
  .note {
    margin: 6px 0 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .meta {
    margin: 4px 0 0;
    font-size: 0.8667em;
    opacity: 0.85;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 6px;
  }
  button {
    font: inherit;
    font-size: 0.9333em;
    color: inherit;
    min-height: 32px;
    padding: 2px 10px;
    border-radius: 4px;
    border: 1px solid var(--plaudit-border, #8c959f);
    background: transparent;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--_ring, #0b57d0);
    outline-offset: 2px;
  }
  a {
    color: var(--_link, #0b57d0);
  }
  .empty {
    margin: 12px 0;
  }
`;
