/**
 * Each property that makes an ancestor the containing block of `position: fixed`
 * descendants (`transform`, `filter`, `contain: paint`, `will-change: transform`),
 * with `overflow: hidden` and a `z-index` of its own, and a page element above it
 * at a higher `z-index`. Plaudit's toolbar, card and panel are in the top layer,
 * so in every case they are placed against the viewport, next to their passage,
 * unclipped and on top; real clicks on the toolbar and the passage reach them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { ARTICLE_HTML, findRange, select, shadow, toolbar, uniqueId } from './helpers.js';
import { button, clickCentre, clickRect, deepElementFromPoint, expectInViewport, expectNextTo, expectOnTop } from './geometry.js';

const CONTAINERS: Record<string, Partial<CSSStyleDeclaration>> = {
  transform: { transform: 'translate(40px, 30px)' },
  filter: { filter: 'saturate(0.9)' },
  'contain: paint': { contain: 'paint' },
  'will-change: transform': { willChange: 'transform' },
};

describe('<plaudit-article> inside a transformed, clipping ancestor', () => {
  afterEach(async () => {
    await resetMouse();
    document.getSelection()?.removeAllRanges();
  });

  for (const [name, style] of Object.entries(CONTAINERS)) {
    it(`${name}: the toolbar, a card and the panel are placed against the viewport, on top`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <div class="cover"></div>
        <div class="box"></div>
      </div>`);
      const cover = wrapper.querySelector<HTMLElement>('.cover')!;
      // A page element above the container (a site's fixed banner), at a higher z-index.
      Object.assign(cover.style, { position: 'fixed', left: '0', right: '0', bottom: '0', height: '25vh', zIndex: '9999', background: '#000' });
      const box = wrapper.querySelector<HTMLElement>('.box')!;
      Object.assign(box.style, { position: 'relative', zIndex: '1', overflow: 'hidden', height: '300px', margin: '120px 0 0 60px', width: '520px' }, style);
      const el = document.createElement('plaudit-article') as PlauditArticleElement;
      el.setAttribute('article-id', uniqueId());
      el.toggleAttribute('no-claps', true);
      el.innerHTML = ARTICLE_HTML;
      box.append(el);
      await el.loaded;
      await el.load();

      const passage = findRange(el, 'Quicksort picks a pivot');
      select(passage);
      const bar = await toolbar(el);
      expectInViewport(bar, 'the toolbar');
      expectNextTo(bar, passage.getBoundingClientRect(), 'the toolbar');
      expectOnTop(button(bar.shadowRoot!, 'Copy link'), 'the toolbar');
      await clickCentre(button(bar.shadowRoot!, 'Highlight'), 'Highlight');
      await waitUntil(() => el.annotations.length === 1, 'the click did not reach Highlight');
      await waitUntil(() => !shadow(el).querySelector('plaudit-selection-toolbar'), 'the toolbar stayed');
      document.getSelection()!.removeAllRanges();

      await clickRect(findRange(el, 'picks').getBoundingClientRect());
      await waitUntil(() => shadow(el).querySelector('.card'), 'the card did not open');
      const card = shadow(el).querySelector<HTMLElement>('.card')!;
      expectInViewport(card, 'the card');
      expectNextTo(card, findRange(el, 'Quicksort picks a pivot').getBoundingClientRect(), 'the card');
      expectOnTop(button(card, 'Close'), 'the card');
      el.layer!.actions.closePopup();

      el.layer!.actions.openPanel();
      await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel'), 'the panel did not open');
      const panel = shadow(el).querySelector('plaudit-notes-panel')!;
      await panel.updateComplete;
      const r = panel.getBoundingClientRect();
      expect([r.top, Math.round(r.right), r.bottom], 'the panel spans the viewport\'s right edge, top to bottom')
        .to.deep.equal([0, document.documentElement.clientWidth, document.documentElement.clientHeight]);
      // Over the banner at its foot, too.
      const foot = deepElementFromPoint(document, r.left + r.width / 2, r.bottom - 10);
      expect(foot && (foot === panel || panel.shadowRoot!.contains(foot)), `at the panel's foot: <${foot?.localName}>`).to.equal(true);
      expectOnTop(button(panel.shadowRoot!, 'Close'), 'the panel\'s Close');
    });
  }
});
