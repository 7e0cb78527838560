/**
 * The note editor is a modal dialog, driven by real key presses only: Tab and
 * Shift+Tab never leave it for the page behind, Escape closes it and focus
 * returns to where the reader was.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { deepActive, findRange, makeArticle, select, shadow } from './helpers.js';
import { chord, focusedName, tabUntil, type } from './keys.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

/** A button on the page itself, outside the article (what a focus leak would land on). */
function pageButton(text: string, where: 'before' | 'after', el: Element): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = text;
  el.parentElement![where](button);
  return button;
}

/** Alt+Shift+H on a selection (as caret browsing leaves one), then Add note, all from the keyboard. */
async function openEditorByKeys(el: PlauditArticleElement, text: string) {
  select(findRange(el, text));
  await chord('Alt', 'Shift', 'KeyH');
  await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'toolbar not focused');
  await chord('ArrowRight');
  expect(focusedName()).to.equal('Add note');
  await chord('Enter');
  await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'editor not focused');
  return shadow(el).querySelector('plaudit-note-editor')!.shadowRoot!.querySelector('dialog')!;
}

/** Where focus is: in the editor's dialog, on no element (the browser's own UI, outside the page), or on the page. */
function focusIn(dialog: HTMLDialogElement): 'editor' | 'outside the page' | 'the page' {
  const active = deepActive();
  if (!document.hasFocus() || !active || active === document.body) return 'outside the page';
  return dialog === active || dialog.contains(active) ? 'editor' : 'the page';
}

describe('<plaudit-article> note editor, keyboard only', () => {
  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    // Firefox lets Tab out of a modal dialog reach its own toolbar: the next test starts in the page.
    window.focus();
  });

  it('is modal: Tab past Save and Shift+Tab past the text box never reach the page; Escape returns focus to Add note', async () => {
    const el = await makeArticle();
    const before = pageButton('Before the article', 'before', el);
    const after = pageButton('Page footer', 'after', el);
    try {
      const dialog = await openEditorByKeys(el, 'Merge sort splits');
      expect(dialog.matches(':modal'), 'shown with showModal()').to.equal(true);
      expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
      await type('Keep this');

      // Forward through every control and past Save, then back past the text box.
      const places: string[] = [];
      const names: string[] = [];
      for (const back of [false, true]) {
        for (let i = 0; i < 7; i++) {
          await (back ? chord('Shift', 'Tab') : chord('Tab'));
          places.push(focusIn(dialog));
          names.push(focusedName());
        }
      }
      expect(places, names.join(' → ')).not.to.include('the page');
      expect(names).to.include.members(['Share with the editors', 'Cancel', 'Save']);
      // Past Save the next Tab stop is the editor again, or the browser's own UI and then the editor: never the page.
      const afterSave = names.indexOf('Save') + 1;
      const next = places[afterSave] === 'outside the page' ? places[afterSave + 1] : places[afterSave];
      expect(next, names.join(' → ')).to.equal('editor');
      expect(document.activeElement).not.to.equal(before);
      expect(document.activeElement).not.to.equal(after);

      // Back in the editor (the browser's own UI may hold focus for a stop), Escape closes it.
      await tabUntil(() => focusIn(dialog) === 'editor', 6);
      await chord('Escape');
      await waitUntil(() => !shadow(el).querySelector('plaudit-note-editor'), 'Escape did not close the editor');
      await waitUntil(() => focusedName() === 'Add note', `focus went to ${focusedName()}, not back to Add note`);
      expect(el.annotations).to.have.length(0);
    } finally {
      before.remove();
      after.remove();
    }
  });

  it('saves with Ctrl+Enter and gives focus back; the dialog is accessible while open', async () => {
    const el = await makeArticle();
    const dialog = await openEditorByKeys(el, 'Stable sorts');
    await expect(el).to.be.accessible();
    await type('A note');
    await chord('Control', 'Enter');
    await waitUntil(() => !dialog.isConnected, 'editor stayed');
    // The toolbar it came from went with the selection: focus goes to the Notes button, not the page's start.
    await waitUntil(() => focusedName() === 'Notes (1)', `focus went to ${focusedName()}`);
    expect(el.annotations).to.have.length(1);
    expect(el.annotations[0]!.annotation.body?.value).to.equal('A note');
  });

  it('opened from the panel with Edit, Escape returns focus to Edit', async () => {
    const el = await makeArticle();
    const dialogOf = () => shadow(el).querySelector('plaudit-note-editor')?.shadowRoot?.querySelector('dialog');
    select(findRange(el, 'picks a pivot'));
    await chord('Alt', 'Shift', 'KeyH');
    await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'toolbar not focused');
    await chord('Enter');
    await waitUntil(() => el.annotations.length === 1, 'highlight not saved');
    await chord('Alt', 'Shift', 'KeyN');
    await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel'), 'panel not opened');
    await tabUntil(() => focusedName() === 'Edit', 6);
    await chord('Enter');
    await waitUntil(() => dialogOf()?.matches(':modal'), 'editor not opened');
    expect(shadow(el).querySelector('plaudit-note-editor')!.shadowRoot!.querySelector('h2')!.textContent).to.equal('Add note');
    await chord('Escape');
    await waitUntil(() => !dialogOf(), 'editor stayed');
    await waitUntil(() => focusedName() === 'Edit', `focus went to ${focusedName()}`);
  });
});
