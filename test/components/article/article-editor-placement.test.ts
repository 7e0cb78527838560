/**
 * The note editor opens next to the passage it is about, in all three engines:
 * below it, or above it when there is no room below, never over it, inside the
 * viewport; it follows the passage when the page scrolls; the passage stays
 * marked while it is open. Real geometry, and the highlights the page draws.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { addNote, buttonNamed, findRange, makeArticle, openNoteEditor, shadow } from './helpers.js';
import { clickRect, expectInViewport, expectNextTo } from './geometry.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

// Room above and below the paragraphs, so a passage can be scrolled to any height in the viewport.
const SPACER = '<div style="height: 120vh"></div>';
const BODY = `<article>${SPACER}
  <p>Quicksort picks a pivot, partitions the rest, and recurses.</p>
  <p>Stable sorts keep equal items in order.</p>
${SPACER}</article>`;

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Scrolls the page so that the top of `range` is `y` px from the viewport's top. */
async function scrollPassageTo(range: Range, y: number): Promise<void> {
  window.scrollBy(0, range.getBoundingClientRect().top - y);
  await frame();
}

/** Add note on `text`'s passage: the editor's dialog. */
async function openEditor(el: PlauditArticleElement, text: string): Promise<HTMLDialogElement> {
  return (await openNoteEditor(el, text)).shadowRoot!.querySelector('dialog')!;
}

function expectClearOf(dialog: Element, passage: DOMRect, what: string): void {
  const box = dialog.getBoundingClientRect();
  const covers = box.top < passage.bottom && passage.top < box.bottom && box.left < passage.right && passage.left < box.right;
  expect(covers, `${what}: the editor (${Math.round(box.top)}–${Math.round(box.bottom)}) covers the passage (${Math.round(passage.top)}–${Math.round(passage.bottom)})`).to.equal(false);
}

describe('<plaudit-article> note editor placement', () => {
  let el: PlauditArticleElement;

  beforeEach(async () => {
    el = await makeArticle(undefined, BODY);
  });

  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    window.scrollTo(0, 0);
  });

  for (const { where, text, at, side } of [
    { where: 'near the top of the viewport', text: 'Quicksort picks a pivot', at: () => 80, side: 'below' },
    { where: 'near the bottom of the viewport', text: 'Stable sorts keep equal items', at: () => innerHeight - 60, side: 'above' },
  ]) {
    it(`opens ${side} a passage ${where}, next to it and clear of it`, async () => {
      const passage = findRange(el, text);
      await scrollPassageTo(passage, at());
      const dialog = await openEditor(el, passage.toString());
      const rect = passage.getBoundingClientRect();
      const box = dialog.getBoundingClientRect();
      expectInViewport(dialog, 'the editor');
      expectNextTo(dialog, rect, 'the editor');
      expectClearOf(dialog, rect, `a passage ${where}`);
      expect(side === 'below' ? box.top >= rect.bottom : box.bottom <= rect.top, `${side} the passage`).to.equal(true);
    });
  }

  it('follows its passage when the page scrolls while it is open', async () => {
    const passage = findRange(el, 'Quicksort picks a pivot');
    await scrollPassageTo(passage, 60);
    const dialog = await openEditor(el, passage.toString());
    const before = dialog.getBoundingClientRect().top;
    window.scrollBy(0, -120);
    await waitUntil(() => Math.abs(dialog.getBoundingClientRect().top - before - 120) < 2, 'the editor stayed put while its passage moved');
    expectNextTo(dialog, passage.getBoundingClientRect(), 'the editor after scrolling');
    expectInViewport(dialog, 'the editor after scrolling');
  });

  it('with its passage scrolled out of view, is centred in the viewport, no taller than its content', async () => {
    const passage = findRange(el, 'Quicksort picks a pivot');
    await scrollPassageTo(passage, 100);
    const dialog = await openEditor(el, passage.toString());
    const content = dialog.getBoundingClientRect().height;
    window.scrollBy(0, innerHeight * 1.5);
    const centred = () => {
      const box = dialog.getBoundingClientRect();
      // The viewport less any scrollbar (Firefox draws one here).
      const { clientWidth, clientHeight } = document.documentElement;
      return Math.abs(box.top + box.height / 2 - clientHeight / 2) < 2 && Math.abs(box.left + box.width / 2 - clientWidth / 2) < 2;
    };
    await waitUntil(centred, 'the editor was not centred once its passage left the viewport');
    expect(dialog.getBoundingClientRect().height, 'its height').to.be.closeTo(content, 1);
    expectInViewport(dialog, 'the centred editor');
  });

  it('marks the passage of a new note while it is open (the selection is gone), and no longer after Cancel', async () => {
    const passage = findRange(el, 'Quicksort picks a pivot');
    await scrollPassageTo(passage, 100);
    const dialog = await openEditor(el, passage.toString());
    const marked = () => [...CSS.highlights.get('plaudit-cursor') ?? []].map((r) => r.toString());
    expect(dialog.open).to.equal(true);
    expect(marked()).to.deep.equal(['Quicksort picks a pivot']);
    buttonNamed(shadow(el).querySelector('plaudit-note-editor')!.shadowRoot!, 'Cancel').click();
    await waitUntil(() => !shadow(el).querySelector('plaudit-note-editor'), 'Cancel did not close the editor');
    expect(marked()).to.deep.equal([]);
  });

  it('editing a note from its card opens the editor next to that note\'s passage', async () => {
    const passage = findRange(el, 'Stable sorts keep equal items');
    await scrollPassageTo(passage, 120);
    await addNote(el, 'Stable sorts keep equal items', 'Stability matters');
    const editor = () => shadow(el).querySelector('plaudit-note-editor');

    await clickRect(passage.getClientRects()[0]!);
    await waitUntil(() => shadow(el).querySelector('.card'), 'the card did not open');
    buttonNamed(shadow(el).querySelector('.card')!, /^Edit/).click();
    await waitUntil(() => editor(), 'Edit did not open the editor');
    await editor()!.updateComplete;
    const dialog = editor()!.shadowRoot!.querySelector('dialog')!;
    expect(editor()!.shadowRoot!.querySelector('textarea')!.value).to.equal('Stability matters');
    // The note being edited is drawn focused.
    expect([...CSS.highlights.get('plaudit-focus') ?? []].map((r) => r.toString())).to.deep.equal(['Stable sorts keep equal items']);
    const rect = passage.getBoundingClientRect();
    expectInViewport(dialog, 'the editor');
    expectNextTo(dialog, rect, 'the editor, editing');
    expectClearOf(dialog, rect, 'editing a note');
  });
});
