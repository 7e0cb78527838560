/**
 * A reader with a thousand notes on one article (real IndexedDB, real article):
 * the panel opens with its first items at once and lists the rest a chunk at a
 * time (see `FIRST` and `CHUNK` in notes-panel.component.ts). What the reader notices is
 * checked, never how long it takes: the first items are there when it opens,
 * the list becomes complete, in order and with the right count, the last note
 * is reached from the page by the keyboard, and a note far down the list can
 * be focused before its chunk has been rendered.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { openPlauditDatabase } from '../../../src/storage/open-database.js';
import { makeAnnotation } from '../../sync/helpers.js';
import { deepActive, makeArticle, shadow, uniqueId } from '../article/helpers.js';
import { chord, focusedName } from '../article/keys.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

const NOTES = 1_000;
const QUOTES = ['Sorting is the first algorithm', 'picks a pivot', 'Merge sort splits', 'Stable sorts keep equal items'];

/** Stores NOTES notes on the article's passages in one transaction, as earlier visits would have. */
async function seed(articleId: string): Promise<void> {
  const db = await openPlauditDatabase();
  const tx = db.transaction('annotations', 'readwrite');
  for (let i = 0; i < NOTES; i++) {
    const annotation = makeAnnotation({ creator: 'reader', articleId, note: `Note ${i}` });
    annotation.target.selector = [{ type: 'TextQuoteSelector', exact: QUOTES[i % QUOTES.length]! }];
    void tx.store.put({ id: annotation.id, articleId, modified: annotation.modified, annotation });
  }
  await tx.done;
}

const panelOf = (el: PlauditArticleElement) => shadow(el).querySelector('plaudit-notes-panel');
const items = (el: PlauditArticleElement) => [...panelOf(el)!.shadowRoot!.querySelectorAll('ol > li')];

describe('<plaudit-notes-panel> with 1,000 notes', function () {
  // Seeding and anchoring a thousand notes takes a while on a slow shared machine.
  this.timeout(60_000);
  let el: PlauditArticleElement;
  const added: HTMLElement[] = [];

  beforeEach(async () => {
    const id = uniqueId();
    await seed(id);
    el = await makeArticle(id);
    expect(el.annotations).to.have.length(NOTES);
  });
  afterEach(() => {
    added.splice(0).forEach((node) => node.remove());
    window.focus();
  });

  it('opens with its first items, then lists all of them in order; the last is reached from the page with Shift+Tab', async () => {
    await el.openNotes();
    await el.updateComplete;
    const panel = panelOf(el)!;
    await panel.updateComplete;
    // The first render is the first chunk: the reader sees the first notes, in document order.
    const views = el.layer!.store.views;
    const first = items(el);
    expect(first.length).to.be.greaterThan(0).and.lessThan(NOTES);
    expect(first.map((li) => li.getAttribute('data-id'))).to.deep.equal(views.slice(0, first.length).map((v) => v.id));
    expect(first[0]!.querySelector('.note')!.textContent).to.match(/^Note \d+$/);
    await waitUntil(() => panel.shadowRoot!.activeElement, 'focus did not move into the panel');

    await waitUntil(() => items(el).length === NOTES, `only ${items(el).length} of ${NOTES} items listed`, { timeout: 30_000 });
    // A complete list for a screen reader: one list of NOTES items, each once, in the store's order.
    const list = panel.shadowRoot!.querySelector('ol')!;
    expect(list.children).to.have.length(NOTES);
    expect(items(el).map((li) => li.getAttribute('data-id'))).to.deep.equal(views.map((v) => v.id));
    expect(shadow(el).querySelector('.notes-button')!.textContent!.trim()).to.equal(`Notes (${NOTES.toLocaleString("en")})`);

    // From a control after the article, Shift+Tab goes back into the panel: its last item.
    const footer = document.createElement('button');
    footer.textContent = 'Page footer';
    el.parentElement!.append(footer);
    added.push(footer);
    footer.focus();
    await chord('Shift', 'Tab');
    await waitUntil(() => panel.shadowRoot!.activeElement, `focus went to ${focusedName()}`);
    expect(focusedName()).to.equal('Copy link');
    expect(deepActive()!.closest('li')!.getAttribute('data-id')).to.equal(views[NOTES - 1]!.id);
    await chord('Shift', 'Tab');
    await chord('Shift', 'Tab');
    await chord('Shift', 'Tab');
    expect(focusedName()).to.equal(`Note on: ${views[NOTES - 1]!.quote}`);
  });

  it('focuses a note far down the list before its chunk was rendered', async () => {
    await el.openNotes();
    await el.updateComplete;
    const panel = panelOf(el)!;
    await panel.updateComplete;
    const views = el.layer!.store.views;
    const far = views[NOTES - 2]!;
    // Nothing has yielded since the first render, so the far item is not rendered yet.
    expect(items(el).length).to.be.lessThan(NOTES - 1);
    await panel.focusItem(far.id);
    expect(deepActive()!.closest('li')!.getAttribute('data-id')).to.equal(far.id);
    expect(focusedName()).to.equal(`Note on: ${far.quote}`);
    // The rest still follows.
    await waitUntil(() => items(el).length === NOTES, `only ${items(el).length} of ${NOTES} items listed`, { timeout: 30_000 });
    expect(deepActive()!.closest('li')!.getAttribute('data-id')).to.equal(far.id);
  });
});
