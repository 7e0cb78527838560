import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../helpers/wait.js';
import {
  buttonNamed, deepActive, findRange, makeArticle, pressKey, select, shadow, toolbar,
} from './helpers.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

async function openEditor(el: PlauditArticleElement, text: string) {
  select(findRange(el, text));
  const bar = await toolbar(el);
  bar.focus();
  buttonNamed(bar.shadowRoot!, 'Add note').click();
  await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'), 'editor did not open');
  const editor = shadow(el).querySelector('plaudit-note-editor')!;
  await editor.updateComplete;
  return editor;
}

async function typeNote(editor: HTMLElement, text: string) {
  const box = editor.shadowRoot!.querySelector('textarea')!;
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return box;
}

describe('<plaudit-article> notes', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('Add note: Ctrl+Enter saves a commenting annotation with the default visibility', async () => {
    const el = await makeArticle(undefined, undefined, 'note-visibility="shared"');
    const editor = await openEditor(el, 'Merge sort splits');
    const box = await typeNote(editor, 'Nice summary');
    pressKey(box, 'Enter', { ctrlKey: true });
    await waitUntil(() => el.annotations.length === 1, 'note not saved');
    const a = el.annotations[0]!.annotation;
    expect(a.motivation).to.equal('commenting');
    expect(a.body).to.deep.equal({ type: 'TextualBody', value: 'Nice summary', format: 'text/plain', purpose: 'commenting' });
    expect(a['plaudit:visibility']).to.equal('shared');
    await el.updateComplete;
    expect(shadow(el).querySelector('plaudit-note-editor')).to.equal(null);
  });

  it('Escape cancels and focus returns to the toolbar', async () => {
    const el = await makeArticle();
    const editor = await openEditor(el, 'Merge sort splits');
    await typeNote(editor, 'never mind');
    // A real key press: the modal dialog's own Escape handling (its cancel event) closes it.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('plaudit-note-editor'), 'editor stayed');
    expect(shadow(el).querySelector('plaudit-note-editor')).to.equal(null);
    expect(el.annotations).to.have.length(0);
    await waitUntil(() => deepActive()?.closest?.('[role=toolbar]') || deepActive()?.tagName === 'BUTTON');
    expect(deepActive()?.textContent?.trim()).to.equal('Add note');
  });

  it('renders hostile note text as text', async () => {
    const el = await makeArticle();
    const hostile = '<img src=x onerror="window.__pwned=1"> <b>bold</b> javascript:alert(1)';
    const editor = await openEditor(el, 'Stable sorts');
    await typeNote(editor, hostile);
    buttonNamed(editor.shadowRoot!, 'Save').click();
    await waitUntil(() => el.annotations.length === 1);
    el.openNotes();
    await el.updateComplete;
    const panel = shadow(el).querySelector('plaudit-notes-panel')!;
    await panel.updateComplete;
    const note = panel.shadowRoot!.querySelector('.note')!;
    expect(note.textContent).to.equal(hostile);
    expect(note.querySelector('img, b, a')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
