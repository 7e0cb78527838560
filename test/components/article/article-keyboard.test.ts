import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { buttonNamed, deepActive, findRange, makeArticle, pressKey, select, shadow } from './helpers.js';

const shortcut = (code: 'KeyH' | 'KeyR') =>
  pressKey(document.body, code === 'KeyH' ? 'Ó' : '‰', { code, altKey: true, shiftKey: true });

describe('<plaudit-article> keyboard', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('Alt+Shift+H after a keyboard selection moves focus to the toolbar', async () => {
    const el = await makeArticle();
    select(findRange(el, 'Merge sort splits'));
    shortcut('KeyH');
    await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'toolbar not focused');
    expect(deepActive()!.textContent!.trim()).to.equal('Highlight');
    pressKey(deepActive()!, 'ArrowRight');
    expect(deepActive()!.textContent!.trim()).to.equal('Add note');
    pressKey(deepActive()!, 'ArrowLeft');
    (deepActive() as HTMLButtonElement).click();
    await waitUntil(() => el.annotations.length === 1);
    expect(el.annotations[0]!.annotation.target.selector[0]).to.include({ exact: 'Merge sort splits' });
  });

  it('reading cursor: arrows move by sentence and paragraph, Enter offers Highlight, Escape leaves', async () => {
    const el = await makeArticle();
    const start = document.createElement('button');
    start.textContent = 'before';
    document.body.prepend(start);
    start.focus();
    shortcut('KeyR');
    await waitUntil(() => deepActive()?.classList.contains('cursor'), 'cursor not focused');
    const cursor = deepActive() as HTMLElement;
    expect(cursor.getAttribute('role')).to.equal('application');
    const live = shadow(el).querySelector('[role=status]')!;
    await waitUntil(() => live.textContent === 'On sorting', `announced ${live.textContent}`);
    pressKey(cursor, 'ArrowDown');
    await waitUntil(() => live.textContent === 'Sorting is the first algorithm many of us meet.');
    pressKey(cursor, 'ArrowRight');
    await waitUntil(() => live.textContent === 'It hides a surprising amount of design.');
    pressKey(cursor, 'ArrowDown', { ctrlKey: true });
    await waitUntil(() => live.textContent!.startsWith('Quicksort picks a pivot'));
    pressKey(cursor, 'ArrowUp', { ctrlKey: true });
    await waitUntil(() => live.textContent!.startsWith('Sorting is the first'));
    pressKey(cursor, 'ArrowDown');
    await waitUntil(() => live.textContent!.startsWith('It hides'));
    pressKey(cursor, 'Enter');
    await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'menu not focused');
    const menu = deepActive()!.closest('[role=toolbar]')!;
    expect(menu.getAttribute('aria-label')).to.equal('Annotate sentence');
    buttonNamed(menu, 'Highlight').click();
    await waitUntil(() => el.annotations.length === 1);
    expect(el.annotations[0]!.annotation.target.selector[0]).to.include({
      exact: 'It hides a surprising amount of design.',
    });
    await waitUntil(() => deepActive()?.classList.contains('cursor'), 'focus did not return to the cursor');
    pressKey(deepActive()!, 'Escape');
    await el.updateComplete;
    expect(shadow(el).querySelector('.cursor')).to.equal(null);
    expect(deepActive()).to.equal(start);
    start.remove();
  });

  it('the notes panel has a button that starts the reading cursor', async () => {
    const el = await makeArticle();
    el.openNotes();
    await el.updateComplete;
    const panel = shadow(el).querySelector('plaudit-notes-panel')!;
    await panel.updateComplete;
    buttonNamed(panel.shadowRoot!, /^Read by sentence/).click();
    await waitUntil(() => deepActive()?.classList.contains('cursor'), 'cursor not focused');
    pressKey(deepActive()!, 'Escape');
  });
});
