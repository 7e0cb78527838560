import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { ARTICLE_HTML, deepActive, highlightSelection, makeArticle, pressKey, shadow, uniqueId } from './helpers.js';

/** An article element, connected, without waiting for its annotation layer. */
async function bareArticle(id = uniqueId()): Promise<PlauditArticleElement> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<plaudit-article article-id="${id}" no-claps>${ARTICLE_HTML}</plaudit-article>`;
  return wrapper.querySelector('plaudit-article')!;
}

const readingShortcut = () => pressKey(document.body, '‰', { code: 'KeyR', altKey: true, shiftKey: true });

describe('<plaudit-article> lazy annotation layer', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('renders the shell first; a shortcut pressed before the layer loaded still works', async () => {
    const el = await bareArticle();
    expect(el.layer).to.equal(null);
    expect(shadow(el).querySelector('.notes-button')!.textContent!.trim()).to.equal('Notes');
    const start = document.createElement('button');
    document.body.prepend(start);
    start.focus();
    readingShortcut();
    await waitUntil(() => deepActive()?.classList.contains('cursor'), 'cursor not focused');
    expect(el.layer).to.not.equal(null);
    pressKey(deepActive()!, 'Escape');
    await el.updateComplete;
    expect(deepActive()).to.equal(start);
    start.remove();
  });

  it('the methods wait for the layer: focusAnnotation opens a stored annotation', async () => {
    const id = uniqueId();
    const first = await makeArticle(id);
    await highlightSelection(first, 'Stable sorts');
    const annotationId = first.annotations[0]!.annotation.id;
    first.parentElement!.remove();
    const el = await bareArticle(id);
    await el.focusAnnotation(annotationId);
    await waitUntil(() => deepActive()?.classList.contains('card'), 'card not focused');
    expect(deepActive()!.getAttribute('aria-label')).to.equal('Highlight: “Stable sorts”');
    expect(shadow(el).querySelector('.notes-button')!.textContent!.trim()).to.equal('Notes (1)');
  });

  it('disconnected while the layer loads: nothing starts; connected again, it works', async () => {
    const el = await bareArticle();
    const parent = el.parentElement!;
    el.remove();
    const layer = await el.load();
    readingShortcut();
    await new Promise((r) => setTimeout(r, 50));
    expect(layer.cursor.active).to.equal(false);
    expect(layer.store.model).to.equal(null);
    parent.append(el);
    await el.loaded;
    expect(layer.store.model).to.not.equal(null);
    await highlightSelection(el, 'Merge sort');
    expect(el.annotations).to.have.length(1);
  });
});
