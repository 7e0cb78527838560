import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditAnnotationUpdateEvent } from '../../../src/events/plaudit-annotation-update.js';
import type { PlauditAnnotationDeleteEvent } from '../../../src/events/plaudit-annotation-delete.js';
import {
  buttonNamed, deepActive, highlightSelection, makeArticle, pressKey, shadow,
} from './helpers.js';

describe('<plaudit-article> notes panel', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  async function typeNote(editor: HTMLElement, text: string) {
    const box = editor.shadowRoot!.querySelector('textarea')!;
    box.value = text;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    return box;
  }

  it('panel: document order, Edit, Delete with Undo, focus returns to the Notes button', async () => {
    const el = await makeArticle();
    await highlightSelection(el, 'Stable sorts');
    await highlightSelection(el, 'Sorting is the first');
    await highlightSelection(el, 'picks a pivot');
    const notes = buttonNamed(shadow(el), /^Notes/);
    expect(notes.textContent?.trim()).to.equal('Notes (3)');
    notes.focus();
    notes.click();
    await el.updateComplete;
    const panel = shadow(el).querySelector('plaudit-notes-panel')!;
    await panel.updateComplete;
    const proot = panel.shadowRoot!;
    expect(proot.querySelector('ol')).to.exist;
    const quotes = () => [...proot.querySelectorAll('ol > li .passage')].map((b) => b.textContent?.trim());
    expect(quotes()).to.deep.equal(['“Sorting is the first”', '“picks a pivot”', '“Stable sorts”']);

    // Edit the second.
    const second = proot.querySelectorAll('ol > li')[1]!;
    buttonNamed(second, 'Edit').click();
    await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'));
    const editor = shadow(el).querySelector('plaudit-note-editor')!;
    await editor.updateComplete;
    await typeNote(editor, 'pivot note');
    const updated = oneEvent(el, 'plaudit-annotation-update') as Promise<PlauditAnnotationUpdateEvent>;
    buttonNamed(editor.shadowRoot!, 'Save').click();
    expect((await updated).detail.annotation.body?.value).to.equal('pivot note');
    await panel.updateComplete;
    expect(proot.querySelectorAll('ol > li')[1]!.querySelector('.note')!.textContent).to.equal('pivot note');

    // Delete the first, then Undo.
    const deleted = oneEvent(el, 'plaudit-annotation-delete') as Promise<PlauditAnnotationDeleteEvent>;
    buttonNamed(proot.querySelectorAll('ol > li')[0]!, 'Delete').click();
    const gone = (await deleted).detail.annotation;
    await panel.updateComplete;
    expect(quotes()).to.deep.equal(['“picks a pivot”', '“Stable sorts”']);
    await el.updateComplete;
    buttonNamed(shadow(el).querySelector('.undo')!, 'Undo').click();
    await waitUntil(() => el.annotations.length === 3, 'undo did not restore');
    expect(el.annotations[0]!.annotation.id).to.equal(gone.id);
    await panel.updateComplete;
    expect(quotes()[0]).to.equal('“Sorting is the first”');

    // Escape closes the panel; focus goes back to the Notes button.
    pressKey(proot.querySelector('.passage')!, 'Escape');
    await el.updateComplete;
    expect(shadow(el).querySelector('plaudit-notes-panel')).to.equal(null);
    expect(deepActive() === notes, 'focus back on Notes').to.equal(true);
  });

  it('selecting a panel item focuses the passage, which announces itself', async () => {
    const el = await makeArticle();
    await highlightSelection(el, 'picks a pivot');
    el.openNotes();
    await el.updateComplete;
    const panel = shadow(el).querySelector('plaudit-notes-panel')!;
    await panel.updateComplete;
    (panel.shadowRoot!.querySelector('.passage') as HTMLButtonElement).click();
    await waitUntil(() => deepActive()?.classList.contains('card'), 'card not focused');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Highlight: “picks a pivot”');
    pressKey(deepActive()!, 'Escape');
    await el.updateComplete;
    expect(deepActive() === panel.shadowRoot!.querySelector('.passage'), 'focus back on the item').to.equal(true);
  });
});
