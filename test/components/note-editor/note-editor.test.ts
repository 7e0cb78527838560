import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/note-editor/note-editor.js';
import {
  NOTE_MAX_LENGTH, type NoteSaveEvent, type PlauditNoteEditor,
} from '../../../src/components/note-editor/note-editor.component.js';

async function editor(value = ''): Promise<PlauditNoteEditor> {
  const el = await fixture<PlauditNoteEditor>(html`<plaudit-note-editor .value=${value} .quote=${'a passage'}></plaudit-note-editor>`);
  await el.updateComplete;
  return el;
}

const textarea = (el: PlauditNoteEditor) => el.shadowRoot!.querySelector('textarea')!;

function type(el: PlauditNoteEditor, text: string): Promise<unknown> {
  const box = textarea(el);
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return el.updateComplete;
}

describe('<plaudit-note-editor>', () => {
  it('is accessible', async () => {
    const el = await editor();
    await expect(el).to.be.accessible();
  });

  it('has a text box labelled "Note", Save, Cancel and a "Share with the editors" choice', async () => {
    const el = await editor();
    const root = el.shadowRoot!;
    const label = root.querySelector(`label[for="${textarea(el).id}"]`);
    expect(label?.textContent?.trim()).to.equal('Note');
    const names = [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(names).to.include.members(['Save', 'Cancel']);
    expect(root.querySelector('label.share')?.textContent).to.contain('Share with the editors');
    expect(root.activeElement).to.equal(textarea(el));
  });

  it('counts characters and refuses more than 10,000 with a clear message', async () => {
    const el = await editor();
    await type(el, 'hello');
    expect(el.shadowRoot!.querySelector('#counter')!.textContent).to.match(/5 \/ 10,000 characters/);
    let saved = false;
    el.addEventListener('plaudit-note-save', () => (saved = true));
    await type(el, 'x'.repeat(NOTE_MAX_LENGTH + 3));
    const error = el.shadowRoot!.querySelector('#error')!;
    expect(error.textContent).to.match(/too long.*10,000 characters/);
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
    el.save();
    expect(saved).to.equal(false);
    await type(el, 'x'.repeat(NOTE_MAX_LENGTH));
    expect(error.textContent?.trim()).to.equal('');
  });

  it('saves with Ctrl+Enter and Cmd+Enter, with the chosen visibility', async () => {
    const el = await editor();
    await type(el, 'My note');
    (el.shadowRoot!.querySelector('input[type=checkbox]') as HTMLInputElement).checked = true;
    let event = oneEvent(el, 'plaudit-note-save') as Promise<NoteSaveEvent>;
    textarea(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }));
    const saved = await event;
    expect(saved.text).to.equal('My note');
    expect(saved.visibility).to.equal('shared');
    event = oneEvent(el, 'plaudit-note-save') as Promise<NoteSaveEvent>;
    textarea(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true, composed: true }));
    expect((await event).text).to.equal('My note');
  });

  it('is a modal dialog, open, with the text box focused', async () => {
    const el = await editor('old');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(el.shadowRoot!.activeElement).to.equal(textarea(el));
    expect(textarea(el).value).to.equal('old');
  });

  it('cancels with Escape (a real key press) and with Cancel', async () => {
    const el = await editor('old');
    let event = oneEvent(el, 'plaudit-note-cancel');
    await sendKeys({ press: 'Escape' });
    await event;
    event = oneEvent(el, 'plaudit-note-cancel');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Cancel')!.click();
    await event;
  });
});
