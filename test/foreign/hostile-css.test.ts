/**
 * A page whose global stylesheet is hostile to embedded widgets: a reset, an odd
 * root font size, loud button and mark styles, `::selection` colours, and
 * `[hidden] { display: block }`. Selection and clicks are real input.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import {
  buttonNamed, deepActive, findRange, makeArticle, shadow, toolbar, uniqueId,
} from '../components/article/helpers.js';
import type { PlauditArticleElement } from '../../src/components/article/article.component.js';
import { ESSAY_ARTICLE, HOSTILE_CSS } from './articles.js';
import { chord, clickOn, dragSelect, resetMouse, type } from './input.js';

/** Adds a page stylesheet for the test; returns its remover. */
function pageStyle(css: string): () => void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return () => style.remove();
}

async function highlightByMouse(el: PlauditArticleElement, text: string): Promise<void> {
  const count = el.annotations.length;
  await dragSelect(findRange(el, text));
  await clickOn(buttonNamed((await toolbar(el)).shadowRoot!, 'Highlight'));
  await waitUntil(() => el.annotations.length === count + 1, 'highlight not saved');
}

/** The computed font size (px) of the toolbar's first button and of the Notes button, for a selection of `text`. */
async function uiFontSizes(el: PlauditArticleElement, text: string): Promise<number[]> {
  await dragSelect(findRange(el, text));
  const bar = await toolbar(el);
  const sizes = [bar.shadowRoot!.querySelector('button')!, shadow(el).querySelector('.notes-button')!]
    .map((b) => parseFloat(getComputedStyle(b).fontSize));
  document.getSelection()!.removeAllRanges();
  await waitUntil(() => !shadow(el).querySelector('plaudit-selection-toolbar'), 'toolbar stayed');
  return sizes;
}

describe('foreign page: hostile global CSS', () => {
  let unstyle = () => {};
  afterEach(async () => {
    unstyle();
    document.getSelection()?.removeAllRanges();
    await resetMouse();
  });

  it('highlights and notes work, and the page restyles neither the toolbar nor the editor', async () => {
    unstyle = pageStyle(HOSTILE_CSS);
    const id = uniqueId();
    const el = await makeArticle(id, ESSAY_ARTICLE);
    const html = el.innerHTML;
    await highlightByMouse(el, 'painted the lighthouse red');
    await highlightByMouse(el, 'Marked text');

    await dragSelect(findRange(el, 'small grey judges'));
    const bar = await toolbar(el);
    const button = buttonNamed(bar.shadowRoot!, 'Add note');
    const style = getComputedStyle(button);
    expect(style.backgroundColor).not.to.equal('rgb(255, 0, 0)');
    expect(style.paddingTop).not.to.equal('30px');
    await clickOn(button);
    await waitUntil(() => deepActive()?.tagName === 'TEXTAREA', 'editor not focused');
    await type('Lovely');
    await chord('Control', 'Enter');
    await waitUntil(() => el.annotations.length === 3, 'note not saved');
    expect(el.innerHTML).to.equal(html);

    el.parentElement!.remove();
    const again = await makeArticle(id, ESSAY_ARTICLE);
    expect(again.layer!.store.views.map((v) => [v.status, v.range!.toString()])).to.deep.equal([
      ['anchored', 'painted the lighthouse red'], ['anchored', 'small grey judges'], ['anchored', 'Marked text'],
    ]);
  });

  it('a page that resets every element with `all: unset` still gets a toolbar and highlights', async () => {
    unstyle = pageStyle('.reset, .reset * { all: unset; }');
    const id = uniqueId();
    const el = await makeArticle(id, ESSAY_ARTICLE);
    el.parentElement!.classList.add('reset');
    await highlightByMouse(el, 'the gulls stand on the ice');
    expect(el.layer!.store.views[0]!.range!.toString()).to.equal('the gulls stand on the ice');
    // With every block made inline, paragraphs still do not run into each other.
    expect(el.layer!.store.model!.text).to.contain('by noon. Nobody remembers');
  });

  // Text the page shows despite a `hidden` attribute (a reset such as
  // `[hidden] { display: block }`) is text the reader can select and highlight:
  // the text model judges `hidden` by the computed style.
  it('text shown by the page despite a hidden attribute can be highlighted', async () => {
    unstyle = pageStyle(HOSTILE_CSS);
    const el = await makeArticle(uniqueId(), ESSAY_ARTICLE);
    await dragSelect(findRange(el, 'marked hidden, but'));
    await clickOn(buttonNamed((await toolbar(el)).shadowRoot!, 'Highlight'));
    await waitUntil(() => el.annotations.length === 1, 'no highlight was saved');
    expect(el.layer!.store.views[0]!.range!.toString()).to.equal('marked hidden, but');
  });

  // A page's "62.5%" root font size (html { font-size: 10px }) must not shrink the
  // widget: its sizes are px and em, never rem.
  it("the toolbar and Notes button keep their size on a page with an odd root font size", async () => {
    const el = await makeArticle(uniqueId(), ESSAY_ARTICLE);
    const normal = await uiFontSizes(el, 'lighthouse red');
    unstyle = pageStyle('html { font-size: 10px; }');
    const odd = await uiFontSizes(el, 'lighthouse red');
    expect(odd).to.deep.equal(normal);
  });
});
