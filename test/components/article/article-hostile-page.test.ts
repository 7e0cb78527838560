/**
 * Plaudit on a page whose CSS does what real themes do: a reset that unsets
 * every element (`all: unset; display: revert`, the "new CSS reset"), block
 * full-width buttons, `content-box` sizing, a 10 px root font size, `::selection`
 * and `mark` rules, a dark background, a sticky header at `z-index: 9999`, and
 * the article inside a transformed ancestor with `overflow: hidden` (which makes
 * `position: fixed` relative to it, and clips it). Every assertion is on real
 * geometry: the toolbar, the note editor, a card, the chooser and the panel are
 * wholly inside the viewport, next to their passage, on top of the page
 * (`elementFromPoint` at each control's centre finds it), and a real mouse click
 * there reaches them. And Plaudit leaks no style into the page: every page
 * element's computed style is the same with and without it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, resetMouse } from '@web/test-runner-commands';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { ARTICLE_HTML, findRange, select, shadow, toolbar, uniqueId } from './helpers.js';
import { button, clickCentre, clickRect, expectInViewport, expectNextTo, expectOnTop } from './geometry.js';

const THEME = `
  *:where(:not(html, iframe, canvas, img, svg, video, audio):not(svg *, symbol *)) { all: unset; display: revert; }
  * { box-sizing: content-box; }
  html { font-size: 10px; }
  body { background: #121212; color: #e8e8e8; font: 1.8rem/1.6 Georgia, serif; }
  button { display: block; width: 100%; padding: 1rem; background: #333; color: #fff; }
  ::selection { background: #ff00aa; color: #000; }
  mark { background: #ffe600; color: #000; padding: 0 0.4rem; }
  .h-header { position: sticky; top: 0; z-index: 9999; display: block; height: 60px; background: #000; }
  .h-frame { display: block; transform: translateX(24px) scale(0.98); overflow: hidden; height: 420px; margin-top: 40px; }
  p { display: block; margin: 0 0 1.6rem; }
  .h-content.h-text { letter-spacing: 0.3em; word-spacing: 1em; text-transform: uppercase; text-indent: 3em; text-align: justify; text-shadow: 0 0 2px #f0f; white-space: pre-line; }
`;

/** The inherited text properties of the page's `.h-content.h-text` that must not reach Plaudit's own UI. */
function pageTextStyle(el: Element): string[] {
  const s = getComputedStyle(el);
  return [
    s.letterSpacing !== 'normal' && `letter-spacing ${s.letterSpacing}`,
    s.wordSpacing !== '0px' && `word-spacing ${s.wordSpacing}`,
    s.textTransform !== 'none' && `text-transform ${s.textTransform}`,
    s.textIndent !== '0px' && `text-indent ${s.textIndent}`,
    s.textAlign === 'justify' && 'text-align justify',
    s.textShadow !== 'none' && `text-shadow ${s.textShadow}`,
    s.whiteSpace === 'pre-line' && 'white-space pre-line',
  ].filter((x): x is string => !!x);
}

let sheet: HTMLStyleElement | null = null;

/** Every CSS property of an element's computed style (custom properties included where the engine lists them), as `name:value;...`. */
function computed(el: Element): string {
  const style = getComputedStyle(el);
  return [...style].map((name) => `${name}:${style.getPropertyValue(name)}`).join(';');
}

describe('<plaudit-article> on a hostile host page', () => {
  let page: HTMLElement;
  let content: HTMLElement;

  beforeEach(async () => {
    sheet = document.createElement('style');
    sheet.textContent = THEME;
    document.head.append(sheet);
    page = await fixture<HTMLElement>(html`<div class="h-page">
      <header class="h-header"><button type="button">Menu</button></header>
      <p>Before the story, a <mark>marked</mark> word and <a href="#x">a link</a>.</p>
      <div class="h-frame"><div class="h-content"></div></div>
    </div>`);
    content = page.querySelector('.h-content')!;
    content.innerHTML = ARTICLE_HTML;
  });

  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' }).catch(() => {});
    await resetMouse();
    document.getSelection()?.removeAllRanges();
    sheet?.remove();
    sheet = null;
  });

  /** Wraps the page's article in `<plaudit-article>`, as an author's template does. */
  async function mount(): Promise<PlauditArticleElement> {
    const el = document.createElement('plaudit-article');
    el.setAttribute('article-id', uniqueId());
    el.toggleAttribute('no-claps', true);
    el.append(...content.childNodes);
    content.append(el);
    await el.loaded;
    await el.load();
    return el;
  }

  it('toolbar, editor, card, chooser and panel: inside the viewport, on top, next to the passage, clickable', async () => {
    const el = await mount();
    // The container is transformed and clips: a fixed popup would be placed relative to it.
    expect(getComputedStyle(page.querySelector('.h-frame')!).transform).to.not.equal('none');

    // The toolbar, next to the selection; its Highlight clicked with the mouse.
    const first = findRange(el, 'Quicksort picks a pivot');
    select(first);
    let bar = await toolbar(el);
    expectInViewport(bar, 'the toolbar');
    expectNextTo(bar, first.getBoundingClientRect(), 'the toolbar');
    for (const name of ['Highlight', 'Add note', 'Copy link']) expectOnTop(button(bar.shadowRoot!, name), `the toolbar's ${name}`);
    // Its own font, not the page's 10 px root.
    expect(parseFloat(getComputedStyle(button(bar.shadowRoot!, 'Highlight')).fontSize)).to.be.greaterThan(12);
    await clickCentre(button(bar.shadowRoot!, 'Highlight'), 'Highlight');
    await waitUntil(() => el.annotations.length === 1, 'the click did not reach Highlight');
    await waitUntil(() => !shadow(el).querySelector('plaudit-selection-toolbar'), 'the toolbar stayed');

    // The note editor: a modal dialog, inside the viewport, its Save clicked.
    const noted = findRange(el, 'Stable sorts keep equal items in order');
    select(noted);
    bar = await toolbar(el);
    expectInViewport(bar, 'the toolbar');
    expectNextTo(bar, noted.getBoundingClientRect(), 'the toolbar');
    await clickCentre(button(bar.shadowRoot!, 'Add note'), 'Add note');
    await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'), 'the click did not reach Add note');
    const editor = shadow(el).querySelector('plaudit-note-editor')!;
    await editor.updateComplete;
    const dialog = editor.shadowRoot!.querySelector('dialog')!;
    expectInViewport(dialog, 'the note editor');
    expectNextTo(dialog, noted.getBoundingClientRect(), 'the note editor');
    const box = editor.shadowRoot!.querySelector('textarea')!;
    expectOnTop(box, 'the note box');
    box.value = 'Stability matters';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await editor.updateComplete;
    await clickCentre(button(editor.shadowRoot!, 'Save'), 'Save');
    await waitUntil(() => el.annotations.length === 2, 'the click did not reach Save');
    await waitUntil(() => !shadow(el).querySelector('plaudit-note-editor'), 'the editor stayed');

    // The card: a click on the passage opens it beside the passage; Close clicked.
    document.getSelection()!.removeAllRanges();
    await clickRect(noted.getClientRects()[0]!);
    await waitUntil(() => shadow(el).querySelector('.card'), 'the card did not open');
    let card = shadow(el).querySelector<HTMLElement>('.card')!;
    expectInViewport(card, 'the card');
    expectNextTo(card, noted.getBoundingClientRect(), 'the card');
    expect(card.textContent).to.contain('Stability matters');
    await clickCentre(button(card, 'Close'), 'the card\'s Close');
    await waitUntil(() => !shadow(el).querySelector('.card'), 'the click did not reach Close');

    // Two highlights under one click: the chooser, beside the click; its first choice clicked.
    select(findRange(el, 'a pivot'));
    bar = await toolbar(el);
    await clickCentre(button(bar.shadowRoot!, 'Highlight'), 'Highlight');
    await waitUntil(() => el.annotations.length === 3, 'the overlapping highlight was not saved');
    await waitUntil(() => !shadow(el).querySelector('plaudit-selection-toolbar'), 'the toolbar stayed');
    document.getSelection()!.removeAllRanges();
    const pivot = findRange(el, 'pivot');
    await clickRect(pivot.getClientRects()[0]!);
    await waitUntil(() => shadow(el).querySelector('.chooser'), 'the chooser did not open');
    const chooser = shadow(el).querySelector<HTMLElement>('.chooser')!;
    expectInViewport(chooser, 'the chooser');
    expectNextTo(chooser, pivot.getBoundingClientRect(), 'the chooser');
    const choices = chooser.querySelectorAll('li button');
    expect(choices).to.have.length(2);
    await clickCentre(choices[0]!, 'the first choice');
    await waitUntil(() => shadow(el).querySelector('.card'), 'the click did not reach the choice');
    card = shadow(el).querySelector<HTMLElement>('.card')!;
    expectInViewport(card, 'the chosen card');
    await clickCentre(button(card, 'Close'), 'the card\'s Close');
    await waitUntil(() => !shadow(el).querySelector('.card'), 'the card stayed');

    // The panel: the whole height of the viewport, over the sticky header too.
    await clickCentre(shadow(el).querySelector('.notes-button')!, 'the Notes button');
    await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel'), 'the click did not reach Notes');
    const panel = shadow(el).querySelector('plaudit-notes-panel')!;
    await panel.updateComplete;
    expectInViewport(panel, 'the panel');
    const panelBox = panel.getBoundingClientRect();
    expect(panelBox.top, 'the panel starts at the top of the viewport').to.equal(0);
    expect(panelBox.bottom, 'the panel ends at the foot of the viewport').to.equal(document.documentElement.clientHeight);
    const header = page.querySelector('.h-header')!.getBoundingClientRect();
    const close = button(panel.shadowRoot!, 'Close');
    expect(close.getBoundingClientRect().top < header.bottom, 'the panel\'s Close is level with the sticky header').to.equal(true);
    expect(panel.shadowRoot!.querySelectorAll('ol > li')).to.have.length(3);
    await clickCentre(close, 'the panel\'s Close');
    await waitUntil(() => !shadow(el).querySelector('plaudit-notes-panel'), 'the click did not reach Close');
  });

  it('the text styles the page sets around the article (spacing, case, indent, justification, shadow) do not reach Plaudit\'s UI', async () => {
    content.classList.add('h-text');
    const el = await mount();
    expect(pageTextStyle(findRange(el, 'Quicksort').startContainer.parentElement!), 'the article keeps the page\'s style').to.have.length(7);
    const seen: string[] = [];
    const check = (what: string, node: Element) => seen.push(...pageTextStyle(node).map((p) => `${what}: ${p}`));
    check('the Notes button', shadow(el).querySelector('.notes-button')!);
    select(findRange(el, 'Merge sort splits'));
    const bar = await toolbar(el);
    check('the toolbar\'s Highlight', button(bar.shadowRoot!, 'Highlight'));
    await clickCentre(button(bar.shadowRoot!, 'Add note'), 'Add note');
    await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'), 'the click did not reach Add note');
    const editor = shadow(el).querySelector('plaudit-note-editor')!;
    await editor.updateComplete;
    check('the editor\'s title', editor.shadowRoot!.querySelector('h2')!);
    check('the editor\'s Save', button(editor.shadowRoot!, 'Save'));
    editor.shadowRoot!.querySelector('textarea')!.value = 'Noted';
    await clickCentre(button(editor.shadowRoot!, 'Save'), 'Save');
    await waitUntil(() => el.annotations.length === 1 && !shadow(el).querySelector('plaudit-note-editor'), 'not saved');
    shadow(el).querySelector<HTMLElement>('.notes-button')!.click();
    await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel')?.shadowRoot?.querySelector('li'), 'the panel did not open');
    const panel = shadow(el).querySelector('plaudit-notes-panel')!.shadowRoot!;
    check('the panel\'s title', panel.querySelector('h2')!);
    check('the panel\'s item', panel.querySelector('li .passage')!);
    expect(seen).to.deep.equal([]);
  });

  for (const scheme of ['light', 'dark'] as const) it(`leaks no style into the page (${scheme} mode): every page element computes the same with and without Plaudit`, async function () {
    await emulateMedia({ colorScheme: scheme }).catch(() => {});
    if (!matchMedia(`(prefers-color-scheme: ${scheme})`).matches) this.skip();
    const pageElements = [...page.querySelectorAll('*'), page, document.body, document.documentElement];
    const before = pageElements.map(computed);
    const el = await mount();
    select(findRange(el, 'Merge sort splits'));
    const bar = await toolbar(el);
    await clickCentre(button(bar.shadowRoot!, 'Highlight'), 'Highlight');
    await waitUntil(() => el.annotations.length === 1, 'highlight not saved');
    document.getSelection()!.removeAllRanges();
    shadow(el).querySelector<HTMLElement>('.notes-button')!.click();
    await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel'), 'the panel did not open');
    const after = pageElements.map(computed);
    // Plaudit's own bar makes its containers taller: used sizes, not styles.
    const sized = /^(block-size|height|inline-size|width|perspective-origin|transform-origin):/;
    const changed = pageElements.flatMap((e, i) => {
      const was = new Set(before[i]!.split(';'));
      const now = new Set(after[i]!.split(';'));
      const diff = [...[...was].filter((d) => !now.has(d)).map((d) => `-${d}`), ...[...now].filter((d) => !was.has(d)).map((d) => `+${d}`)]
        .filter((d) => !(e.contains(el) && sized.test(d.slice(1))));
      return diff.length ? [`<${e.localName}> ${diff.slice(0, 4).join(' ')}`] : [];
    });
    expect(changed, 'page elements whose computed style changed').to.deep.equal([]);
    // Plaudit's own UI does take the scheme's colours.
    const base = shadow(el).querySelector('plaudit-notes-panel')!.shadowRoot!.querySelector('[part=base]')!;
    expect(getComputedStyle(base).backgroundColor, 'the panel\'s background').to.equal(scheme === 'dark' ? 'rgb(31, 35, 40)' : 'rgb(255, 255, 255)');
  });
});
