/**
 * A documentation page Plaudit has never seen: headings, a code block, a table,
 * a definition list, inline <code> and <kbd>, a line with `user-select: none`.
 * Selection, keys and clicks are real input.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import {
  buttonNamed, deepActive, findRange, spanning, makeArticle, shadow, toolbar, uniqueId,
} from '../components/article/helpers.js';
import type { PlauditArticleElement } from '../../src/components/article/article.component.js';
import { DOCS_ARTICLE } from './articles.js';
import { quotesOf } from './tab.js';
import { caretAt, chord, clickOn, dragSelect, isFirefox, isWebKit, repeat, resetMouse, type } from './input.js';

/** Selects `text` from the keyboard: a caret before it (as caret browsing leaves it), then Shift+ArrowRight. */
async function selectByKeyboard(root: Element, text: string): Promise<void> {
  const range = findRange(root, text);
  caretAt(range.startContainer as Text, range.startOffset);
  // Chromium moves no caret in static text without caret browsing: the first character is
  // selected as caret browsing would after one Shift+ArrowRight, the rest with real keys.
  document.getSelection()!.extend(range.startContainer, range.startOffset + 1);
  await repeat('ArrowRight', text.length - 1, 'Shift');
}

async function openPanel(el: PlauditArticleElement) {
  await clickOn(shadow(el).querySelector('.notes-button')!);
  await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel'), 'panel not opened');
  const panel = shadow(el).querySelector('plaudit-notes-panel')!;
  await panel.updateComplete;
  return panel;
}

describe('foreign page: documentation article', () => {
  afterEach(async () => {
    document.getSelection()?.removeAllRanges();
    await resetMouse();
  });

  it('mouse: drags inside a table cell and across two cells are highlighted as selected, and drawn again after a reload', async () => {
    const id = uniqueId();
    const el = await makeArticle(id, DOCS_ARTICLE);
    const html = el.innerHTML;
    await dragSelect(findRange(el, 'How many levels the walker descends'));
    expect(document.getSelection()!.toString()).to.equal('How many levels the walker descends');
    let bar = await toolbar(el);
    await clickOn(buttonNamed(bar.shadowRoot!, 'Highlight'));
    await waitUntil(() => el.annotations.length === 1, 'not saved');
    expect(document.getSelection()!.isCollapsed).to.equal(true);

    await dragSelect(spanning(el, 'off', 'Print what'));
    bar = await toolbar(el);
    await clickOn(buttonNamed(bar.shadowRoot!, 'Highlight'));
    await waitUntil(() => el.annotations.length === 2, 'not saved');
    expect(quotesOf(el)).to.deep.equal([
      'How many levels the walker descends', 'off Print what',
    ]);
    expect(el.innerHTML).to.equal(html);

    el.parentElement!.remove();
    const again = await makeArticle(id, DOCS_ARTICLE);
    expect(again.annotations.map((a) => a.status)).to.deep.equal(['anchored', 'anchored']);
    expect(again.layer!.highlights.mode).to.be.oneOf(['css', 'overlay']);
    // The first highlight is what a click on its text opens.
    await clickOn(findRange(again, 'walker descends'));
    await waitUntil(() => deepActive()?.classList.contains('card'), 'card not opened by a click');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Highlight: “How many levels the walker descends”');
    expect(again.innerHTML).to.equal(html);
  });

  // Not in Chromium: there, in about 3 runs of 8, this key sequence leaves the test
  // page stopped (no script running, a browser UI renderer appears) and the run
  // never finishes; the same happens with the code of before this test existed,
  // so it is the headless browser's input handling, not a wait on Plaudit.
  // Chromium covers this flow with article-keyboard.test.ts.
  it('keyboard only: Shift+Arrow over inline code, Alt+Shift+H, Add note, type, Ctrl+Enter; the note is in the panel after a reload', async function () {
    if (!isWebKit && !isFirefox) this.skip();
    const id = uniqueId();
    const el = await makeArticle(id, DOCS_ARTICLE);
    const html = el.innerHTML;
    await selectByKeyboard(el, 'unknown keys');
    expect(document.getSelection()!.toString()).to.equal('unknown keys');
    await chord('Alt', 'Shift', 'KeyH');
    await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'toolbar not focused');
    await chord('ArrowRight');
    expect(deepActive()!.textContent!.trim()).to.equal('Add note');
    await chord('Enter');
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'editor not focused');
    await type('What about unknown flags?');
    await chord('Control', 'Enter');
    await waitUntil(() => el.annotations.length === 1, 'note not saved');
    expect(el.annotations[0]!.annotation.body?.value).to.equal('What about unknown flags?');
    expect(quotesOf(el)[0]).to.equal('unknown keys');
    expect(shadow(el).querySelector('plaudit-note-editor')).to.equal(null);
    expect(el.innerHTML).to.equal(html);

    el.parentElement!.remove();
    const again = await makeArticle(id, DOCS_ARTICLE);
    expect(shadow(again).querySelector('.notes-button')!.textContent!.trim()).to.equal('Notes (1)');
    const panel = await openPanel(again);
    const text = panel.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('unknown keys');
    expect(text).to.contain('What about unknown flags?');
  });

  it('keyboard only: selecting a line of the code block and highlighting it with Enter', async () => {
    const el = await makeArticle(uniqueId(), DOCS_ARTICLE);
    await selectByKeyboard(el, 'npm install frobnicate');
    await chord('Alt', 'Shift', 'KeyH');
    await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'toolbar not focused');
    await chord('Enter');
    await waitUntil(() => el.annotations.length === 1, 'not saved');
    expect(el.layer!.store.views[0]!.range!.toString()).to.equal('npm install frobnicate');
  });

  it('edits: the table moves below the definitions, the code block changes, a passage in the table re-anchors', async () => {
    const el = await makeArticle(uniqueId(), DOCS_ARTICLE);
    await dragSelect(findRange(el, 'Print what would change'));
    await clickOn(buttonNamed((await toolbar(el)).shadowRoot!, 'Highlight'));
    await dragSelect(findRange(el, 'npm install frobnicate'));
    await clickOn(buttonNamed((await toolbar(el)).shadowRoot!, 'Highlight'));
    await waitUntil(() => el.annotations.length === 2, 'not saved');

    const article = el.querySelector('article')!;
    article.querySelector('dl')!.after(article.querySelector('table')!);
    article.querySelector('pre code')!.textContent = '$ npm install frobnicate@2\n$ npx frobnicate --init\n';
    const drawn = () => el.layer!.store.views.map((v) => v.range?.toString());
    await waitUntil(() => drawn()[1] === 'Print what would change', 'did not re-anchor', { timeout: 3000 });
    expect(drawn()).to.deep.equal(['npm install frobnicate', 'Print what would change']);
    expect(el.annotations.map((a) => a.status)).to.deep.equal(['anchored', 'moved']);
  });

  it('reading cursor from the keyboard walks headings, code, table cells and definitions as separate sentences', async () => {
    const el = await makeArticle(uniqueId(), DOCS_ARTICLE);
    el.querySelector('article')!.setAttribute('tabindex', '-1');
    el.querySelector('article')!.focus();
    await chord('Alt', 'Shift', 'KeyR');
    await waitUntil(() => deepActive()?.classList.contains('cursor'), 'cursor not focused');
    const live = shadow(el).querySelector('[role=status]')!;
    await waitUntil(() => live.textContent === 'Installing frobnicate', `announced ${live.textContent}`);
    await repeat('ArrowDown', 3);
    await waitUntil(() => live.textContent!.startsWith('$ npm install frobnicate'), `announced ${live.textContent}`);
    await chord('Enter');
    await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'menu not focused');
    await chord('Enter');
    await waitUntil(() => el.annotations.length === 1, 'not saved');
    expect(quotesOf(el)[0]).to.equal(
      '$ npm install frobnicate $ npx frobnicate --init # writes frob.config.json',
    );
    await waitUntil(() => deepActive()?.classList.contains('cursor'), 'focus did not return to the cursor');
    await chord('Escape');
    await waitUntil(() => !shadow(el).querySelector('.cursor'), 'cursor did not end');
  });

  // BUG: dragging from one paragraph to the next across a `user-select: none` line
  // (here a "Tip:" line; on real sites line numbers, labels, buttons' text) leaves
  // that line out of the browser's selection, yet the highlight is saved and drawn
  // over it: the stored quote is "clear message. Tip: this line cannot be selected.
  // Rewrites are". Root cause: annotation-controller.ts create() -> text-model.ts
  // rangeToOffsets() map the Range's two ends and keep all text between them;
  // buildTextModel() does not know `user-select: none` text.
  // (WebKitGTK's own selection includes the unselectable line, so there the test does not apply.)
  it.skip('a highlight across an unselectable line covers only what was selected', async function () {
    const el = await makeArticle(uniqueId(), DOCS_ARTICLE);
    await dragSelect(spanning(el, 'clear message.', 'Rewrites are'));
    if (document.getSelection()!.toString().includes('Tip')) this.skip();
    await clickOn(buttonNamed((await toolbar(el)).shadowRoot!, 'Highlight'));
    await waitUntil(() => el.annotations.length === 1, 'not saved');
    expect(quotesOf(el)[0]).not.to.contain('Tip');
  });
});
