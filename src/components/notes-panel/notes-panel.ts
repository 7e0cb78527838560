import { PlauditNotesPanel } from './notes-panel.component.js';

export { PlauditNotesPanel };
export * from './notes-panel.component.js';

const name = 'plaudit-notes-panel';
customElements.get(name) ?? customElements.define(name, PlauditNotesPanel);

declare global {
  interface HTMLElementTagNameMap {
    'plaudit-notes-panel': PlauditNotesPanel;
  }
}
