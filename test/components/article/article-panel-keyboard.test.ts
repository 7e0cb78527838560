/**
 * The notes panel by real key presses only. It is deliberately not modal (see
 * the README): Tab past its last item goes on to the page and the panel stays
 * open; Alt+Shift+N brings focus back to where the reader left it; Escape
 * closes it and returns focus. Each item's first tab stop carries its note.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { deepActive, findRange, makeArticle, select, shadow } from './helpers.js';
import { chord, focusedName, highlightByKeys, tabUntil, type } from './keys.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

/** A note on `text` from the keyboard: Alt+Shift+H, Add note, type, Ctrl+Enter. */
async function noteByKeys(el: PlauditArticleElement, text: string, note: string): Promise<void> {
  const count = el.annotations.length;
  select(findRange(el, text));
  await chord('Alt', 'Shift', 'KeyH');
  await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'toolbar not focused');
  await chord('ArrowRight');
  await chord('Enter');
  await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'editor not focused');
  await type(note);
  await chord('Control', 'Enter');
  await waitUntil(() => el.annotations.length === count + 1 && !shadow(el).querySelector('plaudit-note-editor'), 'note not saved');
}

const panelOf = (el: PlauditArticleElement) => shadow(el).querySelector('plaudit-notes-panel');

describe('<plaudit-article> notes panel, keyboard only', () => {
  const added: HTMLElement[] = [];
  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    added.splice(0).forEach((node) => node.remove());
    // Firefox can leave focus in its own toolbar after a test: the next one starts in the page.
    window.focus();
  });

  /** A button on the page, before or after the article's fixture. */
  function pageButton(el: Element, text: string, where: 'before' | 'after'): HTMLButtonElement {
    const button = document.createElement('button');
    button.textContent = text;
    el.parentElement![where](button);
    added.push(button);
    return button;
  }

  it('is not modal: Tab past the last item reaches the page, Alt+Shift+N comes back there, Escape returns to the page', async () => {
    const el = await makeArticle();
    const before = pageButton(el, 'Before the article', 'before');
    const footer = pageButton(el, 'Page footer', 'after');
    await highlightByKeys(el, 'Stable sorts');
    await highlightByKeys(el, 'picks a pivot');
    // The reader is on the link before the article; Tab reaches the Notes button after its text.
    before.focus();
    await tabUntil(() => focusedName() === 'Notes (2)', 4);
    await chord('Enter');
    await waitUntil(() => panelOf(el)?.shadowRoot?.activeElement, 'focus did not move into the panel');
    const panel = panelOf(el)!;
    expect(panel.shadowRoot!.querySelector('[part=base]')!.getAttribute('aria-modal')).to.equal(null);
    expect(panel.shadowRoot!.textContent).to.contain('Alt+Shift+N');

    // Through both items, then out: the page's footer, and the panel stays open.
    const path = await tabUntil(() => deepActive() === footer, 14);
    expect(path.slice(-2)).to.deep.equal(['Copy link', 'Page footer']);
    expect(path.filter((name) => name === 'Copy link')).to.have.length(2);
    expect(panelOf(el), 'the panel stays open').to.equal(panel);

    // Back to the control last used in the panel: the second item's Copy link.
    await chord('Alt', 'Shift', 'KeyN');
    await waitUntil(() => panel.shadowRoot!.activeElement, 'Alt+Shift+N did not return to the panel');
    const items = panel.shadowRoot!.querySelectorAll('ol > li');
    expect(items[1]!.contains(panel.shadowRoot!.activeElement)).to.equal(true);
    expect(focusedName()).to.equal('Copy link');

    // Escape closes it; focus goes back to where the reader pressed Alt+Shift+N.
    await chord('Escape');
    await waitUntil(() => !panelOf(el), 'Escape did not close the panel');
    expect(deepActive()).to.equal(footer);

    // Alt+Shift+N also opens it.
    await chord('Alt', 'Shift', 'KeyN');
    await waitUntil(() => panelOf(el)?.shadowRoot?.activeElement, 'Alt+Shift+N did not open the panel');
    await chord('Escape');
    await waitUntil(() => !panelOf(el), 'Escape did not close the panel');
    expect(deepActive()).to.equal(footer);
  });

  it("a Tab stop names the passage and is described by the note's text, rendered as text", async () => {
    const el = await makeArticle();
    const note = 'Quicksort <b>is</b> not stable & that matters';
    await noteByKeys(el, 'picks a pivot', note);
    await chord('Alt', 'Shift', 'KeyN');
    const panel = await (async () => {
      await waitUntil(() => panelOf(el)?.shadowRoot?.activeElement, 'panel not focused');
      return panelOf(el)!;
    })();
    await tabUntil(() => focusedName().startsWith('Note on'), 4);
    const passage = deepActive()!;
    expect(passage.getAttribute('aria-label')).to.equal('Note on: picks a pivot');
    const description = (passage.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => panel.shadowRoot!.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(description).to.equal(note);
    expect(panel.shadowRoot!.querySelector('.note b')).to.equal(null);
    await expect(el).to.be.accessible();
    await chord('Escape');
  });
});
