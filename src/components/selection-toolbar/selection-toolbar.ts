import { PlauditSelectionToolbar } from './selection-toolbar.component.js';

export { PlauditSelectionToolbar };
export * from './selection-toolbar.component.js';

const name = 'plaudit-selection-toolbar';
customElements.get(name) ?? customElements.define(name, PlauditSelectionToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'plaudit-selection-toolbar': PlauditSelectionToolbar;
  }
}
