import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { AnchorStatus } from '../../../src/core/annotation.js';
import type { PlauditAnnotationCreateEvent } from '../../../src/events/plaudit-annotation-create.js';
import {
  buttonNamed, findRange, highlightSelection, makeArticle, select, shadow, toolbar, uniqueId,
} from './helpers.js';
import { highlightSheetCount } from '../../helpers/highlight-sheets.js';

describe('<plaudit-article>', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('is accessible', async () => {
    const el = await makeArticle();
    await expect(el).to.be.accessible();
  });

  it('shows a toolbar with Highlight, Add note and Copy link for a selection in the article', async () => {
    const el = await makeArticle();
    select(findRange(el, 'picks a pivot'));
    const bar = await toolbar(el);
    const root = bar.shadowRoot!;
    expect(root.querySelector('[role="toolbar"]')).to.exist;
    for (const name of ['Highlight', 'Add note', 'Copy link']) expect(buttonNamed(root, name)).to.exist;
    await expect(bar).to.be.accessible();
  });

  it('ignores whitespace-only selections and selections that reach outside the article', async () => {
    const outside = document.createElement('p');
    outside.textContent = 'Outside text';
    document.body.append(outside);
    const el = await makeArticle();
    const p = el.querySelector('p')!;
    const ws = document.createRange();
    // The whitespace text node between </h1> and <p>.
    ws.selectNode(p.previousSibling!);
    select(ws);
    const across = document.createRange();
    across.setStart(el.querySelector('p')!.firstChild!, 3);
    across.setEnd(outside.firstChild!, 4);
    el.layer!.selection.update();
    await el.updateComplete;
    expect(shadow(el).querySelector('plaudit-selection-toolbar')).to.equal(null);
    select(across);
    el.layer!.selection.update();
    await el.updateComplete;
    expect(shadow(el).querySelector('plaudit-selection-toolbar')).to.equal(null);
    outside.remove();
  });

  it('holds the document highlight stylesheet while connected, and removes it when gone', async function () {
    if (!('highlights' in CSS)) this.skip(); // The overlay fallback adds no document stylesheet.
    const el = await makeArticle();
    expect(highlightSheetCount()).to.equal(1);
    el.parentElement!.remove();
    expect(highlightSheetCount()).to.equal(0);
  });

  it('highlights the selection as it is when Highlight is pressed, even one made a moment before', async () => {
    const el = await makeArticle();
    select(findRange(el, 'picks a pivot'));
    const bar = await toolbar(el);
    // A new selection, and the toolbar pressed before the selection has settled.
    select(findRange(el, 'Stable sorts'));
    buttonNamed(bar.shadowRoot!, 'Highlight').click();
    await waitUntil(() => el.annotations.length === 1, 'nothing was saved');
    expect(el.layer!.store.views[0]!.range!.toString()).to.equal('Stable sorts');
  });

  it('saves a highlight at once, with W3C JSON, and fires a typed create event', async () => {
    const el = await makeArticle();
    select(findRange(el, 'picks a pivot'));
    const bar = await toolbar(el);
    const event = oneEvent(el, 'plaudit-annotation-create') as Promise<PlauditAnnotationCreateEvent>;
    buttonNamed(bar.shadowRoot!, 'Highlight').click();
    const { detail } = await event;
    const a = detail.annotation;
    expect(a['@context']).to.equal('http://www.w3.org/ns/anno.jsonld');
    expect(a.id).to.match(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(a.type).to.equal('Annotation');
    expect(a.motivation).to.equal('highlighting');
    expect(a.target.source).to.equal(el.articleId);
    const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
    expect(quote).to.include({ exact: 'picks a pivot' });
    expect(quote && 'prefix' in quote ? quote.prefix : '').to.have.length(32);
    expect(position).to.exist;
    expect(a['plaudit:textHash']).to.be.a('string');
    // The visibility choice is a note's; a highlight alone is an anonymous signal when synced.
    expect(a).not.to.have.property('plaudit:visibility');
    expect(a.creator).to.be.a('string').and.not.empty;
    expect(el.annotations).to.have.length(1);
    expect(el.annotations[0]!.status).to.equal(AnchorStatus.Anchored);
  });

  it('keeps highlights when the element is removed and added again', async () => {
    const id = uniqueId();
    const el = await makeArticle(id);
    await highlightSelection(el, 'Stable sorts');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.loaded;
    await waitUntil(() => el.annotations.length === 1);
    const again = await makeArticle(id);
    expect(again.annotations).to.have.length(1);
    expect(again.annotations[0]!.annotation.target.selector[0]).to.include({ exact: 'Stable sorts' });
  });

  it('never modifies the article while creating, drawing, editing and deleting', async () => {
    const el = await makeArticle();
    const before = el.innerHTML;
    await highlightSelection(el, 'picks a pivot');
    await highlightSelection(el, 'Merge sort');
    await el.layer!.actions.editNote(el.annotations[0]!.annotation.id);
    await el.updateComplete;
    const editor = shadow(el).querySelector('plaudit-note-editor')!;
    await editor.updateComplete;
    editor.shadowRoot!.querySelector('textarea')!.value = 'A note';
    buttonNamed(editor.shadowRoot!, 'Save').click();
    await waitUntil(() => el.annotations[0]!.annotation.body?.value === 'A note');
    await el.layer!.actions.remove(el.annotations[1]!.annotation.id);
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(el.innerHTML).to.equal(before);
  });

  it('draws highlights with the CSS Custom Highlight API or the overlay', async () => {
    const el = await makeArticle();
    await highlightSelection(el, 'picks a pivot');
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
      const highlight = CSS.highlights.get('plaudit-highlight');
      expect(highlight?.size ?? 0).to.be.greaterThan(0);
    } else {
      await waitUntil(() => shadow(el).querySelector('.overlay .highlight'));
    }
  });
});
