import { html } from 'lit-html';

/** The keyboard shortcuts, as the "?" key and the Shortcuts button show them. */
export const SHORTCUTS: ReadonlyArray<readonly [string, string]> = [
  ['j or ↓', 'Next annotation'],
  ['k or ↑', 'Previous annotation'],
  ['Home / End', 'First / last annotation'],
  ['r', 'Mark reviewed'],
  ['h', 'Hide (or unhide)'],
  ['n', 'Mark new again'],
  ['u', 'Undo the last action'],
  ['o or Enter', 'Open the passage in the story'],
  ['/', 'Search'],
  ['?', 'This list'],
];

export function shortcutsDialog() {
  return html`<dialog class="help" aria-labelledby="help-title">
    <h3 id="help-title">Keyboard shortcuts</h3>
    <table>
      <thead><tr><th scope="col">Key</th><th scope="col">Action</th></tr></thead>
      <tbody>${SHORTCUTS.map(([key, action]) => html`<tr><td><kbd>${key}</kbd></td><td>${action}</td></tr>`)}</tbody>
    </table>
    <form method="dialog"><button>Close</button></form>
  </dialog>`;
}
