import { PlauditNoteEditor } from './note-editor.component.js';

export { PlauditNoteEditor };
export * from './note-editor.component.js';

const name = 'plaudit-note-editor';
customElements.get(name) ?? customElements.define(name, PlauditNoteEditor);

declare global {
  interface HTMLElementTagNameMap {
    'plaudit-note-editor': PlauditNoteEditor;
  }
}
