/**
 * Undo after a deletion, by real key presses (and one mouse click): the
 * announcement says how to reach it, it has no time limit (it goes on Undo,
 * Dismiss or the reader's next change), and focus goes to the note that came back.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { deepActive, makeArticle, shadow } from './helpers.js';
import { chord, focusedName, highlightByKeys, tabUntil } from './keys.js';
import { clickOn, resetMouse } from '../../foreign/input.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

const panelOf = (el: PlauditArticleElement) => shadow(el).querySelector('plaudit-notes-panel');
const undoBar = (el: PlauditArticleElement) => shadow(el).querySelector<HTMLElement>('.undo');
const announced = (el: PlauditArticleElement) => shadow(el).querySelector('[role=status]')!.textContent ?? '';
const quotes = (el: PlauditArticleElement) => el.layer!.store.views.map((v) => v.quote);

/** Two highlights, and the panel open with focus in it (Alt+Shift+N). */
async function panelWithTwo(): Promise<PlauditArticleElement> {
  const el = await makeArticle();
  await highlightByKeys(el, 'Stable sorts');
  await highlightByKeys(el, 'picks a pivot');
  await chord('Alt', 'Shift', 'KeyN');
  await waitUntil(() => panelOf(el)?.shadowRoot?.activeElement, 'panel not focused');
  return el;
}

/** Deletes the first item from the panel: Tab to its Delete, Enter. */
async function deleteFirstFromPanel(el: PlauditArticleElement): Promise<void> {
  await tabUntil(() => focusedName() === 'Delete', 6);
  await chord('Enter');
  await waitUntil(() => el.annotations.length === 1 && undoBar(el), 'not deleted, or no Undo');
}

describe('<plaudit-article> undo, keyboard only', () => {
  afterEach(async () => {
    document.getSelection()?.removeAllRanges();
    window.focus();
    await resetMouse();
  });

  it('from the panel: the announcement names Alt+Shift+U, which restores the note and focuses its item', async () => {
    const el = await panelWithTwo();
    await deleteFirstFromPanel(el);
    await waitUntil(() => announced(el).includes('Alt+Shift+U'), `announced "${announced(el)}"`);
    expect(announced(el)).to.equal('Highlight deleted. Press Alt+Shift+U to undo.');
    await expect(el).to.be.accessible();
    // Focus moved on to the next item, and the reader works on: opening and closing a card is no change.
    expect(focusedName()).to.equal('Highlight: Stable sorts');
    await chord('Enter');
    await waitUntil(() => deepActive()?.classList.contains('card'), 'card not opened');
    await chord('Escape');
    await waitUntil(() => focusedName() === 'Highlight: Stable sorts', `focus went to ${focusedName()}`);
    expect(undoBar(el), 'the offer stays').to.not.equal(null);

    await chord('Alt', 'Shift', 'KeyU');
    await waitUntil(() => el.annotations.length === 2, 'not restored');
    await waitUntil(() => focusedName() === 'Highlight: picks a pivot', `focus went to ${focusedName()}`);
    expect(quotes(el)).to.deep.equal(['picks a pivot', 'Stable sorts']);
    expect(undoBar(el)).to.equal(null);
  });

  it('the Undo button, reached with Tab after the panel, restores the note and focuses its item', async () => {
    const el = await panelWithTwo();
    await deleteFirstFromPanel(el);
    const path = await tabUntil(() => focusedName() === 'Undo', 8);
    expect(panelOf(el), 'Tab left the open panel').to.not.equal(null);
    expect(path).to.include('Copy link');
    await chord('Enter');
    await waitUntil(() => el.annotations.length === 2, 'not restored');
    await waitUntil(() => focusedName() === 'Highlight: picks a pivot', `focus went to ${focusedName()}`);
    expect(panelOf(el)!.shadowRoot!.contains(deepActive())).to.equal(true);
  });

  it('from a card with the panel closed: Alt+Shift+U opens the restored note, and closing it returns focus', async () => {
    const el = await panelWithTwo();
    // The first item's passage opens its card; Delete there; Escape then closes the panel.
    await tabUntil(() => focusedName() === 'Highlight: picks a pivot', 4);
    await chord('Enter');
    await waitUntil(() => deepActive()?.classList.contains('card'), 'card not opened');
    await tabUntil(() => focusedName() === 'Delete', 3);
    await chord('Enter');
    await waitUntil(() => el.annotations.length === 1 && undoBar(el), 'not deleted');
    await waitUntil(() => panelOf(el)?.shadowRoot?.activeElement, `focus went to ${focusedName()}, not back to the panel`);
    await chord('Escape');
    await waitUntil(() => !panelOf(el), 'panel stayed');
    const notes = deepActive();
    expect(focusedName()).to.equal('Notes (1)');

    await chord('Alt', 'Shift', 'KeyU');
    await waitUntil(() => el.annotations.length === 2, 'not restored');
    await waitUntil(() => deepActive()?.classList.contains('card'), `focus went to ${focusedName()}, not the card`);
    expect(focusedName()).to.equal('Highlight: “picks a pivot”');
    await chord('Escape');
    await waitUntil(() => !shadow(el).querySelector('.card'), 'card stayed');
    await waitUntil(() => deepActive() === notes, `focus went to ${focusedName()}`);
  });

  it('Dismiss withdraws the offer and keeps focus near; so does the next change, and a mouse click on Undo works', async () => {
    const el = await panelWithTwo();
    await deleteFirstFromPanel(el);
    await tabUntil(() => focusedName() === 'Dismiss', 9);
    await chord('Enter');
    await waitUntil(() => !undoBar(el), 'the Undo bar stayed');
    expect(panelOf(el)!.shadowRoot!.contains(deepActive()), `focus went to ${focusedName()}`).to.equal(true);
    expect(el.annotations).to.have.length(1);

    // A new deletion offers Undo again; the reader's next change (a highlight) withdraws it.
    await tabUntil(() => focusedName() === 'Delete', 6, true);
    await chord('Enter');
    await waitUntil(() => el.annotations.length === 0 && undoBar(el), 'not deleted');
    await highlightByKeys(el, 'Merge sort splits');
    await waitUntil(() => !undoBar(el), 'the offer outlived the next change');

    // By mouse: delete from the panel, click Undo.
    const panel = panelOf(el)!;
    await clickOn([...panel.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Delete')!);
    await waitUntil(() => el.annotations.length === 0 && undoBar(el), 'not deleted by mouse');
    await clickOn([...undoBar(el)!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Undo')!);
    await waitUntil(() => el.annotations.length === 1 && !undoBar(el), 'not restored by mouse');
    expect(quotes(el)).to.deep.equal(['Merge sort splits']);
  });
});
