/**
 * README's `<plaudit-article>` parts, styled as a host page would with
 * `plaudit-article::part(name) { ... }`: each in the state that shows it, with
 * no page rule first, then with one. Read from the box that paints the part,
 * which for the toolbar and the panel is inside their own shadow roots.
 */
import { expect } from '@open-wc/testing';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { CLAPS_PARTS, drawnClapsParts, partColour } from '../../helpers/claps.js';
import { drawn, pageStyles } from '../../helpers/page-style.js';
import { silenceWarnings } from '../../helpers/storage-failure.js';
import { waitUntil } from '../../helpers/wait.js';
import {
  articleOnPage, buttonNamed, clickText, failAnnotationWrites, findRange, highlightSelection, select, shadow, toolbar,
} from './helpers.js';

const NONE = 'rgba(0, 0, 0, 0)';
const SURFACE = 'rgb(255, 255, 255)';
const TOOLBAR = 'rgb(31, 35, 40)';

/** Waits for an element of the article's shadow root. */
async function shown(el: PlauditArticleElement, selector: string, what: string): Promise<Element> {
  await waitUntil(() => shadow(el).querySelector(selector), `${what} did not show`);
  return shadow(el).querySelector(selector)!;
}

async function openCard(el: PlauditArticleElement): Promise<Element> {
  await highlightSelection(el, 'Quicksort picks a pivot');
  clickText(el, 'pivot');
  return shown(el, '.card', 'the card');
}

/** Runs `show` with `name` (a property of `navigator` or `window`) replaced by `value`, then puts it back. */
async function without<T>(owner: object, name: string, show: () => Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(owner, name);
  Object.defineProperty(owner, name, { value: undefined, configurable: true });
  try {
    return await show();
  } finally {
    if (original) Object.defineProperty(owner, name, original);
    else delete (owner as Record<string, unknown>)[name];
  }
}

/** Each part: what shows it, resolving with the box that paints it, and the background drawn with no page rule. */
const PARTS: [part: string, show: (el: PlauditArticleElement) => Promise<Element>, ownBackground: string][] = [
  ['bar', (el) => shown(el, '.bar', 'the bar'), NONE],
  ['notes-button', (el) => shown(el, '.notes-button', 'the Notes button'), SURFACE],
  ['toolbar', async (el) => {
    select(findRange(el, 'Merge sort splits'));
    return (await toolbar(el)).shadowRoot!.querySelector('[part=base]')!;
  }, TOOLBAR],
  ['card', openCard, SURFACE],
  ['chooser', async (el) => {
    await highlightSelection(el, 'Quicksort picks a pivot');
    await highlightSelection(el, 'picks a');
    clickText(el, 'picks');
    return shown(el, '.chooser', 'the chooser');
  }, SURFACE],
  ['link', async (el) => {
    select(findRange(el, 'Merge sort splits'));
    const bar = await toolbar(el);
    return without(navigator, 'clipboard', async () => {
      buttonNamed(bar.shadowRoot!, 'Copy link').click();
      return shown(el, 'dialog.link', 'the link to copy by hand');
    });
  }, SURFACE],
  ['panel', async (el) => {
    await el.openNotes();
    const panel = await shown(el, 'plaudit-notes-panel', 'the panel');
    await (panel as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    return panel.shadowRoot!.querySelector('[part=base]')!;
  }, SURFACE],
  // Its own base paints nothing: the element's box is what shows.
  ['claps', (el) => shown(el, 'plaudit-claps', 'the claps'), NONE],
  ['undo', async (el) => {
    const card = await openCard(el);
    buttonNamed(card, 'Delete').click();
    return shown(el, '.undo', 'the Undo bar');
  }, TOOLBAR],
  ['cursor', async (el) => {
    await el.startReadingCursor();
    return shown(el, '.cursor', 'the reading cursor\'s bar');
  }, TOOLBAR],
  ['notice', async (el) => {
    const restoreWrites = failAnnotationWrites('throw');
    const spy = silenceWarnings();
    try {
      select(findRange(el, 'Stable sorts'));
      buttonNamed((await toolbar(el)).shadowRoot!, 'Highlight').click();
      return await shown(el, '.notice', 'the storage notice');
    } finally {
      restoreWrites();
      spy.restore();
    }
  }, TOOLBAR],
];

describe('<plaudit-article> parts, as a page styles them', () => {
  const addPageStyle = pageStyles();

  PARTS.forEach(([part, show, ownBackground], i) => {
    it(`::part(${part}): draws its own background with no page rule, then the page's`, async () => {
      const painter = await show(await articleOnPage());
      expect(drawn(painter, 'backgroundColor', `part ${part}`), `part ${part} with no page rule`).to.equal(ownBackground);
      const page = `rgb(${10 + i}, 200, 100)`;
      addPageStyle(`plaudit-article::part(${part}) { background-color: ${page}; }`);
      expect(drawn(painter, 'backgroundColor', `part ${part}`), `plaudit-article::part(${part}) { background-color }`).to.equal(page);
    });
  });

  it('::part(claps-button), (claps-bubble), (claps-total), (claps-count), (claps-undo), (claps-hint): the clap button\'s own parts, forwarded', async () => {
    // The claps' base is the article's part claps itself: not forwarded again.
    const forwarded = CLAPS_PARTS.filter((part) => part !== 'base');
    // Before the element exists, as a page's stylesheet is (a later change would be animated by the bubble's transition).
    addPageStyle(forwarded.map((part, i) => `plaudit-article::part(claps-${part}) { background-color: ${partColour(i)}; }`).join('\n'));
    const claps = shadow(await articleOnPage()).querySelector('plaudit-claps')!;
    await claps.ready;
    await claps.updateComplete;
    const drawnParts = await drawnClapsParts(claps);
    expect(Object.fromEntries(forwarded.map((part) => [part, drawnParts[part]]))).to.deep.equal(
      Object.fromEntries(forwarded.map((part, i) => [part, partColour(i)])),
    );
  });
});
